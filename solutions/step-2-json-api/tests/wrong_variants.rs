//! Known-wrong variants of the step-2 reference, kept as fixtures (`fixtures/`, one binary
//! that plays the fixture named by `BACKEND_PATH_FIXTURE`): each must be rejected by the
//! check that is there to catch it, for the right reason, with the failure message recorded
//! in `tests/golden/`. This is how the kit proves its HTTP checks can fail.

use harness::conduit::{fixture_target, step2};
use harness::{Plan, Rejection, rejects};

/// (fixture, the check that rejects it, text its failure message must contain).
const REJECTIONS: &[Rejection] = &[
    rejects(
        "unbounded_title",
        "errors::title_too_long_422",
        "422 Unprocessable Entity",
    ),
    rejects(
        "accepts_unwritable_dir",
        "durability::unwritable_dir_stops_startup",
        "started listening",
    ),
    rejects(
        "unnamed_startup_error",
        "durability::unwritable_dir_stops_startup",
        "expected: a non-zero exit and stderr naming",
    ),
    rejects(
        "no_shutdown_deadline",
        "shutdown::stalled_clients_cannot_hold_exit",
        "still running",
    ),
    rejects(
        "timestamps_trimmed",
        "articles::create",
        "exactly three fraction digits",
    ),
    rejects(
        "truncate_write",
        "durability::replaced_by_rename",
        "kept the same inode",
    )
    .racy(),
    rejects(
        "bad_json_500",
        "errors::malformed_json_4xx",
        "500 Internal Server Error",
    ),
    rejects(
        "lost_update",
        "concurrency::concurrent_creates",
        "lost update",
    )
    .racy(),
    // The checks a pristine stub passes by design (`.trivial()`) are proven here.
    rejects(
        "wrong_listening_line",
        "server::prints_listening_line",
        "exactly",
    ),
    rejects("no_healthz", "server::healthz", "404 Not Found"),
    rejects(
        "port_not_named",
        "server::port_in_use_is_named",
        "stderr naming the port",
    ),
    rejects(
        "no_graceful_shutdown",
        "shutdown::sigterm_exits_0",
        "SIGTERM",
    ),
    rejects(
        "no_graceful_shutdown",
        "shutdown::sigterm_finishes_in_flight",
        "expected: 201 Created: a request in flight",
    ),
    // One mistake each, so that every check is seen failing on a wrong server.
    rejects(
        "errors_as_500",
        "errors::missing_fields_422",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "errors_as_500",
        "errors::wrong_types_4xx",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "arrays_read_as_objects",
        "errors::wrong_types_4xx",
        "got:      201 Created",
    ),
    rejects(
        "nested_arrays_read_as_objects",
        "errors::wrong_types_4xx",
        r#"--data-raw '{"article":["t","d","b"]}'"#,
    ),
    rejects(
        "errors_as_500",
        "errors::wrong_content_type_4xx",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "errors_as_500",
        "errors::body_over_limit_413",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "errors_as_500",
        "errors::bad_query_and_path_4xx",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "errors_as_500",
        "articles::unknown_slug_404",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "errors_as_500",
        "comments::unknown_article_404",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "ignores_query",
        "articles::list_limit_offset",
        "expected: articles [\"page-22\"",
    ),
    rejects(
        "ignores_query",
        "articles::list_by_tag",
        "expected: the articles tagged \"rust\"",
    ),
    rejects(
        "oldest_first",
        "articles::list_newest_first",
        "(newest first)",
    ),
    rejects("repeated_tags", "tags::distinct_tags", "each once"),
    rejects(
        "article_created_as_200",
        "articles::create",
        "expected: 201 Created",
    ),
    rejects(
        "comment_created_as_200",
        "comments::add_and_list",
        "/comments' -H 'Content-Type: application/json'",
    ),
    rejects(
        "ignores_changes",
        "articles::update",
        "expected: \"description\": \"new description\"",
    ),
    rejects(
        "ignores_changes",
        "articles::delete",
        "expected: 404 Not Found",
    ),
    rejects("ignores_changes", "comments::delete", "only comment 2 left"),
    rejects(
        "wrong_article",
        "articles::get_by_slug",
        "expected: \"slug\": \"fast-fermenting\"",
    ),
    rejects(
        "no_save",
        "durability::survives_restart",
        "got:      404 Not Found",
    ),
    rejects(
        "no_save",
        "durability::sigkill_during_burst",
        "cannot be read",
    )
    .racy(),
    rejects(
        "starts_empty_on_corrupt",
        "durability::corrupt_file_stops_startup",
        "expected: the server refuses to start",
    ),
    rejects(
        "comment_lost_update",
        "concurrency::concurrent_comments",
        "(lost update)",
    )
    .racy(),
    rejects(
        "slug_collision_overwrites",
        "articles::unique_slugs",
        "which the first article with this title already has",
    ),
];

fn main() -> std::process::ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    let fixtures = env!("CARGO_BIN_EXE_fixtures-step-2");
    let reference = step2::suite(env!("CARGO_BIN_EXE_solution-step-2"), dir);
    let plan = Plan::fixtures(harness::steps::step(2), dir)
        .with_golden(format!("{dir}/tests/golden"))
        .rejections(
            |fixture| step2::suite(fixture_target(fixtures, fixture), dir),
            REJECTIONS,
        )
        .covering(&reference.checks)
        // A learner at stage 4 of the step's README (the store still in memory) passes every
        // check of the first four stages: the stages really pass on their own.
        .accepts(
            "no_save",
            step2::suite(fixture_target(fixtures, "no_save"), dir),
            &["server", "articles", "comments", "tags", "errors"],
        )
        // A startup error may name the setting (`DATA_DIR`) instead of its path.
        .accepts(
            "names_only_the_variable",
            step2::suite(fixture_target(fixtures, "names_only_the_variable"), dir),
            &["durability::unwritable_dir_stops_startup"],
        );
    harness::run_plan(plan)
}
