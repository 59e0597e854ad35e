//! Known-wrong variants of the step-3 reference (the `fixtures` binary, one part swapped,
//! chosen by `BACKEND_PATH_FIXTURE`): each must be rejected by the check that is there to
//! catch it, for the right reason. Every check of the suite is in this table.

use harness::Plan;
use harness::conduit::step3::suite;
use harness::http::Target;

/// `(fixture, check id, text the failure message must contain)`.
const ROWS: &[(&str, &str, &str)] = &[
    (
        "wrong_listening_line",
        "server::prints_listening_line",
        "exactly",
    ),
    ("no_healthz", "server::healthz", "404 Not Found"),
    (
        "no_graceful_shutdown",
        "shutdown::sigterm_exits_0",
        "SIGTERM",
    ),
    (
        "no_graceful_shutdown",
        "shutdown::sigterm_finishes_in_flight",
        "expected: 201 Created: a request in flight",
    ),
    (
        "ignores_database_path",
        "database::honours_database_path",
        "a database at",
    ),
    (
        "recreates_unopenable",
        "database::not_a_database_stops_startup",
        "expected: the server refuses to start",
    ),
    (
        "no_indexes",
        "database::lookups_use_indexes",
        "reads every row",
    ),
    (
        "article_created_as_200",
        "articles::create",
        "expected: 201 Created",
    ),
    (
        "wrong_article",
        "articles::get_by_slug",
        "expected: \"slug\": \"fast-fermenting\"",
    ),
    (
        "errors_as_500",
        "articles::unknown_slug_404",
        "got:      500 Internal Server Error",
    ),
    (
        "slug_collision_overwrites",
        "articles::unique_slugs",
        "which the first article with this title already has",
    ),
    (
        "oldest_first",
        "articles::list_newest_first",
        "(newest first)",
    ),
    (
        "ignores_query",
        "articles::list_limit_offset",
        "expected: articles [\"page-22\"",
    ),
    (
        "ignores_query",
        "articles::list_by_tag",
        "expected: the articles tagged \"rust\"",
    ),
    (
        "ignores_changes",
        "articles::update",
        "expected: \"description\": \"new description\"",
    ),
    (
        "ignores_changes",
        "articles::delete",
        "expected: 404 Not Found",
    ),
    (
        "comment_created_as_200",
        "comments::add_and_list",
        "/comments' -H 'Content-Type: application/json'",
    ),
    ("ignores_changes", "comments::delete", "only comment 2 left"),
    (
        "errors_as_500",
        "comments::unknown_article_404",
        "got:      500 Internal Server Error",
    ),
    ("repeated_tags", "tags::distinct_tags", "each once"),
    (
        "errors_as_500",
        "errors::missing_fields_422",
        "got:      500 Internal Server Error",
    ),
    (
        "bad_json_500",
        "errors::malformed_json_4xx",
        "500 Internal Server Error",
    ),
    (
        "errors_as_500",
        "errors::body_over_limit_413",
        "got:      500 Internal Server Error",
    ),
    (
        "errors_as_500",
        "errors::bad_query_and_path_4xx",
        "got:      500 Internal Server Error",
    ),
    ("format_sql", "injection::stored_verbatim", "verbatim"),
    (
        "fresh_database_each_start",
        "durability::survives_restart",
        "got:      404 Not Found",
    ),
    (
        "answers_before_commit",
        "crash::sigkill_during_burst",
        "are missing",
    ),
    (
        "slug_outside_transaction",
        "concurrency::concurrent_creates",
        "expected: 201 Created",
    ),
    (
        "comment_id_outside_transaction",
        "concurrency::concurrent_comments",
        "expected: 201 Created",
    ),
    (
        "update_outside_transaction",
        "transactions::concurrent_updates_keep_every_field",
        "lost update",
    ),
    (
        "rollback_journal",
        "transactions::reads_never_busy",
        "SQLITE_BUSY",
    ),
    (
        "blocking_mutex",
        "runtime::health_answers_during_slow_queries",
        "block the async runtime",
    ),
    (
        "json_file_store",
        "growth::bytes_per_create_flat",
        "grows with the data",
    ),
    (
        "import_restamps",
        "import::round_trip",
        "as in the imported file",
    ),
    (
        "import_duplicates",
        "import::twice_is_once",
        "twice must leave the same data",
    ),
    (
        "import_partial",
        "import::bad_file_changes_nothing",
        "exactly as it was",
    ),
];

fn main() -> std::process::ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    let fixture = |name: &str| {
        suite(
            Target::new(env!("CARGO_BIN_EXE_fixtures")).env("BACKEND_PATH_FIXTURE", name),
            dir,
        )
        .checks
    };
    let plan = ROWS
        .iter()
        .fold(
            Plan::fixtures(harness::steps::step(3), dir),
            |plan, (name, check, because)| plan.reject(name, fixture(name), check, because),
        )
        .covering(&suite(env!("CARGO_BIN_EXE_solution-step-3"), dir).checks);
    harness::run_plan(plan)
}
