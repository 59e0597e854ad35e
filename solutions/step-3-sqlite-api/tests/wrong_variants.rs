//! Known-wrong variants of the step-3 reference (the `fixtures` binary plays the one named
//! by `BACKEND_PATH_FIXTURE`: the reference with one part swapped): each must be rejected by
//! the check that is there to catch it, for the right reason, with the failure message
//! recorded in `tests/golden/`. Every check of the suite is in this table.

use harness::conduit::{fixture_target, step3};
use harness::{Plan, Rejection, rejects};

/// (fixture, the check that rejects it, text its failure message must contain).
const REJECTIONS: &[Rejection] = &[
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
    )
    .racy(),
    rejects(
        "ignores_database_path",
        "database::honours_database_path",
        "a database at",
    ),
    rejects(
        "recreates_unopenable",
        "database::not_a_database_stops_startup",
        "expected: the server refuses to start",
    ),
    rejects(
        "no_indexes",
        "database::lookups_use_indexes",
        "reads every row",
    ),
    rejects(
        "wrong_article",
        "reads::article_by_slug",
        "expected: \"slug\": \"seeded-7\"",
    ),
    rejects(
        "oldest_first",
        "reads::list_pages_and_tag",
        "(newest first: ORDER BY id DESC, 20 by default)",
    ),
    rejects(
        "repeated_tags",
        "reads::comments_and_tags",
        "each once (DISTINCT)",
    ),
    // Each stage needs its own work: the stage before it fails the stage's first check.
    rejects(
        "stage_schema",
        "reads::article_by_slug",
        "got:      501 Not Implemented",
    ),
    rejects(
        "stage_reads",
        "articles::create",
        "got:      501 Not Implemented",
    ),
    rejects(
        "stage_writes",
        "import::round_trip",
        "the import is not written yet",
    ),
    rejects(
        "article_created_as_200",
        "articles::create",
        "expected: 201 Created",
    ),
    rejects(
        "wrong_article",
        "articles::get_by_slug",
        "expected: \"slug\": \"fast-fermenting\"",
    ),
    rejects(
        "errors_as_500",
        "articles::unknown_slug_404",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "slug_collision_overwrites",
        "articles::unique_slugs",
        "which the first article with this title already has",
    ),
    rejects(
        "oldest_first",
        "articles::list_newest_first",
        "(newest first)",
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
        "ignores_changes",
        "articles::update",
        "expected: \"description\": \"new description\"",
    ),
    rejects(
        "ignores_changes",
        "articles::delete",
        "expected: 404 Not Found",
    ),
    rejects(
        "comment_created_as_200",
        "comments::add_and_list",
        "/comments' -H 'Content-Type: application/json'",
    ),
    rejects("ignores_changes", "comments::delete", "only comment 2 left"),
    rejects(
        "errors_as_500",
        "comments::unknown_article_404",
        "got:      500 Internal Server Error",
    ),
    rejects("repeated_tags", "tags::distinct_tags", "each once"),
    rejects(
        "errors_as_500",
        "errors::missing_fields_422",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "bad_json_500",
        "errors::malformed_json_4xx",
        "500 Internal Server Error",
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
    rejects("format_sql", "injection::stored_verbatim", "verbatim"),
    rejects(
        "fresh_database_each_start",
        "durability::survives_restart",
        "got:      404 Not Found",
    ),
    rejects(
        "answers_before_commit",
        "crash::sigkill_during_burst",
        "are missing",
    )
    .racy(),
    rejects(
        "slug_outside_transaction",
        "concurrency::concurrent_creates",
        "expected: 201 Created",
    )
    .racy(),
    rejects(
        "comment_id_outside_transaction",
        "concurrency::concurrent_comments",
        "expected: 201 Created",
    )
    .racy(),
    rejects(
        "update_outside_transaction",
        "transactions::concurrent_updates_keep_every_field",
        "lost update",
    )
    .racy(),
    rejects(
        "rollback_journal",
        "transactions::reads_never_busy",
        "SQLITE_BUSY",
    )
    .racy(),
    rejects(
        "blocking_mutex",
        "runtime::health_answers_while_queries_wait",
        "block the async runtime",
    )
    .racy(),
    rejects(
        "json_file_store",
        "growth::bytes_per_create_flat",
        "grows with the data",
    )
    .racy(),
    rejects(
        "import_restamps",
        "import::round_trip",
        "as in the imported file",
    ),
    rejects(
        "import_duplicates",
        "import::twice_is_once",
        "twice must leave the same data",
    ),
    rejects(
        "import_partial",
        "import::bad_file_changes_nothing",
        "exactly as it was",
    ),
];

/// The groups graded by the end of stage 3 (writes): all but `import`.
const WRITES_STAGE: &[&str] = &[
    "server",
    "database",
    "reads",
    "articles",
    "comments",
    "tags",
    "errors",
    "injection",
    "durability",
    "crash",
    "concurrency",
    "transactions",
    "runtime",
    "growth",
    "shutdown",
];

fn main() -> std::process::ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    let fixtures = env!("CARGO_BIN_EXE_fixtures-step-3");
    let reference = step3::suite(env!("CARGO_BIN_EXE_solution-step-3"), dir);
    let plan = Plan::fixtures(harness::steps::step(3), dir)
        .with_golden(format!("{dir}/tests/golden"))
        .rejections(
            |fixture| step3::suite(fixture_target(fixtures, fixture), dir),
            REJECTIONS,
        )
        .covering(&reference.checks);
    // The README's stages pass on their own: a crate where only a stage and the ones before
    // it are done passes every check of those stages.
    let stages: &[(&str, &[&str])] = &[
        ("stage_schema", &["server", "database"]),
        ("stage_reads", &["server", "database", "reads"]),
        ("stage_writes", WRITES_STAGE),
    ];
    let plan = stages.iter().fold(plan, |plan, (fixture, groups)| {
        plan.accepts(
            fixture,
            step3::suite(fixture_target(fixtures, fixture), dir),
            groups,
        )
    });
    harness::run_plan(plan)
}
