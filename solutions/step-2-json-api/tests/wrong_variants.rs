//! Known-wrong variants of the step-2 reference, kept as fixtures (`fixtures/*.rs`, built as
//! extra binaries of this package): each must be rejected by the check that is there to
//! catch it, for the right reason. This is how the kit proves its HTTP checks can fail.

use harness::Plan;
use harness::conduit::step2::suite;

fn main() -> std::process::ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    let plan = Plan::fixtures(harness::steps::step(2), dir)
        .reject(
            "truncate_write",
            suite(env!("CARGO_BIN_EXE_fixture-truncate-write"), dir).checks,
            "durability::replaced_by_rename",
            "kept the same inode",
        )
        .reject(
            "bad_json_500",
            suite(env!("CARGO_BIN_EXE_fixture-bad-json-500"), dir).checks,
            "errors::malformed_json_4xx",
            "500 Internal Server Error",
        )
        .reject(
            "lost_update",
            suite(env!("CARGO_BIN_EXE_fixture-lost-update"), dir).checks,
            "concurrency::concurrent_creates",
            "lost update",
        )
        // The checks a pristine stub passes by design (`.trivial()`) are proven here.
        .reject(
            "wrong_listening_line",
            suite(env!("CARGO_BIN_EXE_fixture-wrong-listening-line"), dir).checks,
            "server::prints_listening_line",
            "exactly",
        )
        .reject(
            "no_healthz",
            suite(env!("CARGO_BIN_EXE_fixture-no-healthz"), dir).checks,
            "server::healthz",
            "404 Not Found",
        )
        .reject(
            "no_graceful_shutdown",
            suite(env!("CARGO_BIN_EXE_fixture-no-graceful-shutdown"), dir).checks,
            "shutdown::sigterm_exits_0",
            "SIGTERM",
        )
        .reject(
            "no_graceful_shutdown",
            suite(env!("CARGO_BIN_EXE_fixture-no-graceful-shutdown"), dir).checks,
            "shutdown::sigterm_finishes_in_flight",
            "expected: 201 Created: a request in flight",
        )
        // One mistake each, so that every check is seen failing on a wrong server.
        .reject(
            "errors_as_500",
            suite(env!("CARGO_BIN_EXE_fixture-errors-as-500"), dir).checks,
            "errors::missing_fields_422",
            "got:      500 Internal Server Error",
        )
        .reject(
            "errors_as_500",
            suite(env!("CARGO_BIN_EXE_fixture-errors-as-500"), dir).checks,
            "errors::wrong_types_4xx",
            "got:      500 Internal Server Error",
        )
        .reject(
            "errors_as_500",
            suite(env!("CARGO_BIN_EXE_fixture-errors-as-500"), dir).checks,
            "errors::wrong_content_type_4xx",
            "got:      500 Internal Server Error",
        )
        .reject(
            "errors_as_500",
            suite(env!("CARGO_BIN_EXE_fixture-errors-as-500"), dir).checks,
            "errors::body_over_limit_413",
            "got:      500 Internal Server Error",
        )
        .reject(
            "errors_as_500",
            suite(env!("CARGO_BIN_EXE_fixture-errors-as-500"), dir).checks,
            "errors::bad_query_and_path_4xx",
            "got:      500 Internal Server Error",
        )
        .reject(
            "errors_as_500",
            suite(env!("CARGO_BIN_EXE_fixture-errors-as-500"), dir).checks,
            "articles::unknown_slug_404",
            "got:      500 Internal Server Error",
        )
        .reject(
            "errors_as_500",
            suite(env!("CARGO_BIN_EXE_fixture-errors-as-500"), dir).checks,
            "comments::unknown_article_404",
            "got:      500 Internal Server Error",
        )
        .reject(
            "ignores_query",
            suite(env!("CARGO_BIN_EXE_fixture-ignores-query"), dir).checks,
            "articles::list_limit_offset",
            "expected: articles [\"page-22\"",
        )
        .reject(
            "ignores_query",
            suite(env!("CARGO_BIN_EXE_fixture-ignores-query"), dir).checks,
            "articles::list_by_tag",
            "expected: the articles tagged \"rust\"",
        )
        .reject(
            "oldest_first",
            suite(env!("CARGO_BIN_EXE_fixture-oldest-first"), dir).checks,
            "articles::list_newest_first",
            "(newest first)",
        )
        .reject(
            "repeated_tags",
            suite(env!("CARGO_BIN_EXE_fixture-repeated-tags"), dir).checks,
            "tags::distinct_tags",
            "each once",
        )
        .reject(
            "article_created_as_200",
            suite(env!("CARGO_BIN_EXE_fixture-article-created-as-200"), dir).checks,
            "articles::create",
            "expected: 201 Created",
        )
        .reject(
            "comment_created_as_200",
            suite(env!("CARGO_BIN_EXE_fixture-comment-created-as-200"), dir).checks,
            "comments::add_and_list",
            "/comments' -H 'Content-Type: application/json'",
        )
        .reject(
            "ignores_changes",
            suite(env!("CARGO_BIN_EXE_fixture-ignores-changes"), dir).checks,
            "articles::update",
            "expected: \"description\": \"new description\"",
        )
        .reject(
            "ignores_changes",
            suite(env!("CARGO_BIN_EXE_fixture-ignores-changes"), dir).checks,
            "articles::delete",
            "expected: 404 Not Found",
        )
        .reject(
            "ignores_changes",
            suite(env!("CARGO_BIN_EXE_fixture-ignores-changes"), dir).checks,
            "comments::delete",
            "only comment 2 left",
        )
        .reject(
            "wrong_article",
            suite(env!("CARGO_BIN_EXE_fixture-wrong-article"), dir).checks,
            "articles::get_by_slug",
            "expected: \"slug\": \"fast-fermenting\"",
        )
        .reject(
            "no_save",
            suite(env!("CARGO_BIN_EXE_fixture-no-save"), dir).checks,
            "durability::survives_restart",
            "got:      404 Not Found",
        )
        .reject(
            "no_save",
            suite(env!("CARGO_BIN_EXE_fixture-no-save"), dir).checks,
            "durability::sigkill_during_burst",
            "cannot be read",
        )
        .reject(
            "starts_empty_on_corrupt",
            suite(env!("CARGO_BIN_EXE_fixture-starts-empty-on-corrupt"), dir).checks,
            "durability::corrupt_file_stops_startup",
            "expected: the server refuses to start",
        )
        .reject(
            "comment_lost_update",
            suite(env!("CARGO_BIN_EXE_fixture-comment-lost-update"), dir).checks,
            "concurrency::concurrent_comments",
            "(lost update)",
        )
        .reject(
            "slug_collision_overwrites",
            suite(env!("CARGO_BIN_EXE_fixture-slug-collision-overwrites"), dir).checks,
            "articles::unique_slugs",
            "which the first article with this title already has",
        )
        // Every check of the suite must be failed by at least one fixture above.
        .covering(&suite(env!("CARGO_BIN_EXE_solution-step-2"), dir).checks);
    harness::run_plan(plan)
}
