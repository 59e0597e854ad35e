//! Known-wrong variants of the step-4 reference: one `fixtures` binary (`fixtures/`), the
//! broken part picked by `BACKEND_PATH_FIXTURE`. Each must be rejected by the check that is
//! there to catch it, for the right reason (the text its failure message must contain), and
//! every check of the suite must reject at least one. This is how the kit proves the step-4
//! checks can fail.

use std::collections::BTreeMap;
use std::process::ExitCode;

use harness::conduit::{FIXTURE_VAR, step4};
use harness::http::Target;
use harness::{Check, Plan};

/// (fixture, check id, text the check's failure message must contain).
const ROWS: &[(&str, &str, &str)] = &[
    // The process protocol and shutdown.
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
    // The step-3 API, now signed.
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
        "errors_as_500",
        "comments::unknown_article_404",
        "got:      500 Internal Server Error",
    ),
    (
        "errors_as_500",
        "errors::missing_fields_422",
        "got:      500 Internal Server Error",
    ),
    (
        "errors_as_500",
        "errors::malformed_json_4xx",
        "got:      500 Internal Server Error",
    ),
    (
        "errors_as_500",
        "errors::wrong_types_4xx",
        "got:      500 Internal Server Error",
    ),
    (
        "errors_as_500",
        "errors::wrong_content_type_4xx",
        "got:      500 Internal Server Error",
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
        "ignores_changes",
        "comments::delete",
        "expected: only comment",
    ),
    (
        "comment_created_as_200",
        "comments::add_and_list",
        "expected: 201 Created",
    ),
    ("repeated_tags", "tags::distinct_tags", "each once"),
    // Users.
    (
        "register_as_200",
        "users::register_201",
        "expected: 201 Created",
    ),
    (
        "register_accepts_blanks",
        "users::register_validation_422",
        "expected: 422",
    ),
    (
        "accepts_duplicates",
        "users::duplicate_refused",
        "expected: 409 Conflict (or 422)",
    ),
    (
        "returns_password_hash",
        "users::login",
        "a user object without the password or its hash",
    ),
    (
        "login_ignores_password",
        "users::login",
        "a wrong email or password logs nobody in",
    ),
    (
        "current_user_first",
        "users::current_user",
        "the user of the token sent: jane",
    ),
    (
        "password_not_updated",
        "users::update",
        "the email and password that PUT /api/user just set",
    ),
    (
        "blank_rules_ignored",
        "users::update_empty_and_null",
        "the spec clears a bio",
    ),
    // Auth.
    (
        "no_auth",
        "auth::token_required_401",
        "expected: 401 Unauthorized",
    ),
    (
        "lenient_auth",
        "auth::malformed_header_401",
        "expected: 401 Unauthorized",
    ),
    (
        "no_signature_check",
        "auth::forged_signature_401",
        "signed with another secret",
    ),
    (
        "no_expiry_check",
        "auth::expired_token_401",
        "passed an hour ago",
    ),
    (
        "trusts_token_user",
        "auth::deleted_user_401",
        "its user is not in this database",
    ),
    // Profiles, authors, ownership.
    (
        "profile_leaks_email",
        "profiles::get_profile",
        "a profile without \"email\"",
    ),
    (
        "follow_not_stored",
        "profiles::follow_unfollow",
        "\"following\": true: it says whether",
    ),
    (
        "author_missing",
        "articles_authored::with_author",
        "every article to have \"author\"",
    ),
    (
        "author_missing",
        "comments_authored::with_author",
        "every comment to have \"author\"",
    ),
    (
        "ignores_filters",
        "articles_authored::filter_by_author",
        "for ?author=jake",
    ),
    (
        "ignores_filters",
        "favorites::list_favorited_by",
        "the articles jane favourited",
    ),
    (
        "no_ownership_check",
        "articles_authored::others_403",
        "expected: 403 Forbidden",
    ),
    (
        "no_ownership_check",
        "comments_authored::others_403",
        "expected: 403 Forbidden",
    ),
    // Favourites and the feed.
    (
        "favorited_for_everyone",
        "favorites::favorite_and_count",
        "\"favorited\": false (for the user",
    ),
    (
        "feed_is_global",
        "feed::followed_only",
        "carl follows nobody yet",
    ),
    // The production layer.
    (
        "config_defaults",
        "production::config_errors_stop_startup",
        "got:      it started and listens",
    ),
    (
        "no_readyz",
        "production::healthz_and_readyz",
        "404 Not Found",
    ),
    (
        "stalled_client_holds_exit",
        "production::sigterm_with_stalled_clients",
        "three clients stalled",
    ),
    (
        "no_cors",
        "production::cors_preflight",
        "Access-Control-Allow-Origin",
    ),
    (
        "no_compression",
        "production::compression",
        "Content-Encoding: gzip",
    ),
    (
        "no_request_id",
        "production::request_id",
        "a response header x-request-id",
    ),
    (
        "logs_secrets",
        "production::secrets_not_logged",
        "the server's logs hold the password",
    ),
    (
        "metrics_raw_path",
        "production::metrics_by_route",
        "never the raw path",
    ),
    (
        "no_rate_limit",
        "production::rate_limited_429",
        "none was answered 429",
    ),
    (
        "skips_hash_for_unknown_email",
        "production::login_timing",
        "so the time tells",
    ),
    (
        "openapi_missing_routes",
        "production::openapi_json",
        "the route /api/articles/{}/favorite",
    ),
    ("no_web_page", "production::web_page", "404 Not Found"),
];

/// The step-4 suite run against the fixture `fixture`.
fn suite(fixture: &str) -> Vec<Check> {
    let target = Target::new(env!("CARGO_BIN_EXE_fixtures")).env(FIXTURE_VAR, fixture);
    step4::suite(target, env!("CARGO_MANIFEST_DIR")).checks
}

fn main() -> ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    // Each fixture's suite is built once.
    let mut suites: BTreeMap<&str, Vec<Check>> = BTreeMap::new();
    let mut plan = Plan::fixtures(harness::steps::step(4), dir);
    for &(fixture, check, because) in ROWS {
        let checks = suites.entry(fixture).or_insert_with(|| suite(fixture));
        plan = plan.reject(fixture, checks.clone(), check, because);
    }
    // Every check of the suite must be failed by at least one fixture above.
    let plan = plan.covering(&step4::suite(env!("CARGO_BIN_EXE_solution-step-4"), dir).checks);
    harness::run_plan(plan)
}
