//! Known-wrong variants of the step-4 reference: one `fixtures` binary (`fixtures/`), the
//! broken part picked by `BACKEND_PATH_FIXTURE`. Each must be rejected by the check that is
//! there to catch it, for the right reason (the text its failure message must contain), with
//! the failure message recorded in `tests/golden/`; every check of the suite must reject at
//! least one. This is how the kit proves the step-4 checks can fail.

use harness::conduit::{fixture_target, step4};
use harness::{Plan, Rejection, rejects};

/// (fixture, the check that rejects it, text its failure message must contain).
const REJECTIONS: &[Rejection] = &[
    // The process protocol and shutdown.
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
        "unbounded_title",
        "errors::title_too_long_422",
        "422 Unprocessable Entity",
    ),
    rejects(
        "no_graceful_shutdown",
        "shutdown::sigterm_finishes_in_flight",
        "expected: 201 Created: a request in flight",
    ),
    // The step-3 API, now signed.
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
        "errors_as_500",
        "comments::unknown_article_404",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "errors_as_500",
        "errors::missing_fields_422",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "errors_as_500",
        "errors::malformed_json_4xx",
        "got:      500 Internal Server Error",
    ),
    rejects(
        "errors_as_500",
        "errors::wrong_types_4xx",
        "got:      500 Internal Server Error",
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
        "ignores_changes",
        "comments::delete",
        "expected: only comment",
    ),
    rejects(
        "comment_created_as_200",
        "comments::add_and_list",
        "expected: 201 Created",
    ),
    rejects("repeated_tags", "tags::distinct_tags", "each once"),
    // Users.
    rejects(
        "register_as_200",
        "users::register_201",
        "expected: 201 Created",
    ),
    rejects(
        "register_accepts_blanks",
        "users::register_validation_422",
        "expected: 422",
    ),
    rejects(
        "accepts_duplicates",
        "users::duplicate_refused",
        "expected: 409 Conflict (or 422)",
    ),
    rejects(
        "returns_password_hash",
        "users::login",
        "a user object without the password or its hash",
    ),
    rejects(
        "login_ignores_password",
        "users::login",
        "a wrong email or password logs nobody in",
    ),
    rejects(
        "current_user_first",
        "users::current_user",
        "the user of the token sent: jane",
    ),
    rejects(
        "password_not_updated",
        "users::update",
        "the email and password that PUT /api/user just set",
    ),
    rejects(
        "blank_rules_ignored",
        "users::update_empty_and_null",
        "the spec clears a bio",
    ),
    // Auth.
    rejects(
        "no_auth",
        "auth::token_required_401",
        "expected: 401 Unauthorized",
    ),
    rejects(
        "no_auth",
        "profiles::follow_unfollow",
        "expected: 401 Unauthorized",
    ),
    rejects(
        "no_auth",
        "favorites::favorite_and_count",
        "expected: 401 Unauthorized",
    ),
    rejects(
        "lenient_auth",
        "auth::malformed_header_401",
        "expected: 401 Unauthorized",
    ),
    rejects(
        "no_signature_check",
        "auth::forged_signature_401",
        "signed with another secret",
    ),
    rejects(
        "no_expiry_check",
        "auth::expired_token_401",
        "passed an hour ago",
    ),
    rejects(
        "trusts_token_user",
        "auth::deleted_user_401",
        "its user is not in this database",
    ),
    // Profiles, authors, ownership.
    rejects(
        "profile_leaks_email",
        "profiles::get_profile",
        "a profile without \"email\"",
    ),
    rejects(
        "follow_not_stored",
        "profiles::follow_unfollow",
        "\"following\": true: it says whether",
    ),
    rejects(
        "author_missing",
        "articles_authored::with_author",
        "every article to have \"author\"",
    ),
    rejects(
        "author_missing",
        "comments_authored::with_author",
        "every comment to have \"author\"",
    ),
    rejects(
        "ignores_filters",
        "articles_authored::filter_by_author",
        "for ?author=jake",
    ),
    rejects(
        "ignores_filters",
        "favorites::list_favorited_by",
        "the articles jane favourited",
    ),
    rejects(
        "no_ownership_check",
        "articles_authored::others_403",
        "expected: 403 Forbidden",
    ),
    rejects(
        "no_ownership_check",
        "comments_authored::others_403",
        "expected: 403 Forbidden",
    ),
    // Favourites and the feed.
    rejects(
        "favorited_for_everyone",
        "favorites::favorite_and_count",
        "\"favorited\": false (for the user",
    ),
    rejects(
        "feed_is_global",
        "feed::followed_only",
        "carl follows nobody yet",
    ),
    // The production layer.
    rejects(
        "config_defaults",
        "production::config_errors_stop_startup",
        "got:      it started and listens",
    ),
    rejects(
        "no_readyz",
        "production::healthz_and_readyz",
        "404 Not Found",
    ),
    rejects(
        "stalled_client_holds_exit",
        "shutdown::stalled_clients_cannot_hold_exit",
        "still running",
    ),
    rejects(
        "no_cors",
        "production::cors_preflight",
        "Access-Control-Allow-Origin",
    ),
    rejects(
        "no_compression",
        "production::compression",
        "Content-Encoding: gzip",
    ),
    rejects(
        "no_request_id",
        "production::request_id",
        "a response header x-request-id",
    ),
    rejects(
        "logs_secrets",
        "production::secrets_not_logged",
        "the server's logs hold the password",
    ),
    rejects(
        "metrics_raw_path",
        "production::metrics_by_route",
        "never the raw path",
    ),
    rejects(
        "no_rate_limit",
        "production::rate_limited_429",
        "none was answered 429",
    ),
    rejects(
        "skips_hash_for_unknown_email",
        "production::login_timing",
        "so the time tells",
    )
    // How many times slower varies from run to run; the wording does not.
    .racy(),
    rejects(
        "openapi_missing_routes",
        "production::openapi_json",
        "the route /api/articles/{}/favorite",
    ),
    rejects("no_web_page", "production::web_page", "404 Not Found"),
];

fn main() -> std::process::ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    let fixtures = env!("CARGO_BIN_EXE_fixtures-step-4");
    let reference = step4::suite(env!("CARGO_BIN_EXE_solution-step-4"), dir);
    let plan = Plan::fixtures(harness::steps::step(4), dir)
        .with_golden(format!("{dir}/tests/golden"))
        .rejections(
            |fixture| step4::suite(fixture_target(fixtures, fixture), dir),
            REJECTIONS,
        )
        .covering(&reference.checks)
        // A learner at the end of the stage "users and auth" (no profiles, favourites or feed
        // yet), or of "profiles and follows", passes every check of the stages so far: the
        // stages really pass on their own.
        .accepts(
            "stage_users_and_auth",
            step4::suite(fixture_target(fixtures, "stage_users_and_auth"), dir),
            &[
                "server", "users", "auth", "articles", "comments", "tags", "errors",
            ],
        )
        .accepts(
            "stage_profiles",
            step4::suite(fixture_target(fixtures, "stage_profiles"), dir),
            &[
                "server",
                "users",
                "auth",
                "articles",
                "comments",
                "tags",
                "errors",
                "profiles",
                "articles_authored",
                "comments_authored",
            ],
        );
    harness::run_plan(plan)
}
