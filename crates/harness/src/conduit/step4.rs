//! The step-4 suite: the complete RealWorld Conduit API with auth, on SQLite, ready to
//! deploy, graded black-box over HTTP.
//!
//! Every check starts the learner's binary on a fresh temporary `DATA_DIR` with a
//! `JWT_SECRET` and `RATE_LIMIT_DISABLED=1` (the rate-limit check starts its own server with
//! the limits on). The step-3 checks are reused as they are: on a step with auth, every fresh
//! server first gets a user, whose token their requests carry. The areas, in the order the
//! learner builds them:
//!
//! | grade | group                | what it asks                                             |
//! |-------|----------------------|----------------------------------------------------------|
//! | 1     | `server`             | the process protocol: listening line, `/healthz`, a taken port named |
//! | 2     | `users`, `auth`      | register, login, current user, update; JWT auth and every bad token refused |
//! | 3     | `articles`, `comments`, `tags`, `errors` | the step-3 API, now written by signed-in users |
//! | 4     | `profiles`, `articles_authored`, `comments_authored` | profiles, follows, authors, 403 for others |
//! | 5     | `favorites`, `feed`  | favourites with counts, filters, the feed                |
//! | 6     | `production`, `shutdown` | config, probes, timeouts, CORS, compression, logs, metrics, rate limits, OpenAPI |
//!
//! A grade file names the binary under test:
//!
//! ```ignore
//! harness::grade(harness::conduit::step4::suite(env!("CARGO_BIN_EXE_step-4"), env!("CARGO_MANIFEST_DIR")))
//! ```

use crate::conduit::{Area, Contract, Row, Storage, Table};
use crate::http::Target;
use crate::suite::Suite;

/// The database's file name inside `DATA_DIR` (unless `DATABASE_PATH` says otherwise).
pub const DATABASE_FILE: &str = "conduit.db";

/// The secret every graded server signs its tokens with: 32 bytes or more, as production
/// requires.
pub const JWT_SECRET: &str = "backend-path-step-4-grading-secret-0123456789";

/// What step 4 promises besides its endpoints.
pub const CONTRACT: Contract = Contract {
    storage: Storage::Sqlite(DATABASE_FILE),
    body_limit: 1024 * 1024,
    auth: true,
};

/// The step-4 suite for the server `target`, whose crate's manifest directory is
/// `manifest_dir`.
pub fn suite(target: impl Into<Target>, manifest_dir: &str) -> Suite {
    TABLE.suite(graded(target.into()), manifest_dir)
}

/// `target` with what every graded start needs: the secret, and no rate limits.
pub fn graded(target: Target) -> Target {
    target
        .env("JWT_SECRET", JWT_SECRET)
        .env("RATE_LIMIT_DISABLED", "1")
}

pub const TABLE: Table = Table {
    step: &crate::steps::STEPS[3],
    contract: CONTRACT,
    areas: AREAS,
    rows: ROWS,
};

const fn area(group: &'static str, grade: u8, file: &'static str) -> Area {
    Area { group, grade, file }
}

const AREAS: &[Area] = &[
    area("server", 1, "src/main.rs"),
    area("users", 2, "src/handlers/users.rs"),
    area("auth", 2, "src/auth/token.rs"),
    area("articles", 3, "src/handlers/articles.rs"),
    area("comments", 3, "src/handlers/comments.rs"),
    area("tags", 3, "src/handlers/tags.rs"),
    area("errors", 3, "src/error.rs"),
    area("profiles", 4, "src/handlers/profiles.rs"),
    area("articles_authored", 4, "src/handlers/articles.rs"),
    area("comments_authored", 4, "src/handlers/comments.rs"),
    area("favorites", 5, "src/handlers/favorites.rs"),
    area("feed", 5, "src/handlers/articles.rs"),
    area("production", 6, "src/config.rs"),
    area("shutdown", 6, "src/main.rs"),
];

const ROWS: &[Row] = &[
    // 1. The process protocol.
    Row::new(
        "server::prints_listening_line",
        "read PORT (0 = any free port), DATA_DIR and the rest of the configuration, bind \
         127.0.0.1:PORT, then print `listening on http://127.0.0.1:<the port you got>`",
    ),
    Row::new(
        "server::healthz",
        "GET /healthz answers 200 while the process runs (no database needed)",
    ),
    Row::new(
        "server::port_in_use_is_named",
        "when binding PORT fails, exit non-zero with an error that names the port, e.g. \
         map_err(|e| format!(\"cannot listen on {host}:{port}: {e}\")): \"Address already in \
         use\" alone does not say which port to free",
    ),
    // 2. Users and auth.
    Row::new(
        "users::register_201",
        "POST /api/users {\"user\": {username, email, password}} answers 201 with {\"user\": \
         {email, token, username, bio: null, image: null}}. Store an argon2 hash of the \
         password, never the password: argon2 is slow and memory-hungry on purpose, so a \
         stolen table costs an attacker years, where SHA-256 tries billions of guesses a \
         second on one GPU. Hash in spawn_blocking: a hash takes milliseconds of CPU",
    ),
    Row::new(
        "users::register_validation_422",
        "a missing or empty username, email or password is a 422 naming the field, e.g. \
         {\"errors\": {\"email\": [\"can't be blank\"]}}, and creates nobody",
    ),
    Row::new(
        "users::duplicate_refused",
        "an email or username already taken is a 409 (the spec; 422 also passes) naming the \
         field; let a UNIQUE constraint decide, not a SELECT before the INSERT (two \
         registrations can race), and overwrite nothing",
    ),
    Row::new(
        "users::login",
        "POST /api/users/login {\"user\": {email, password}} verifies the password against \
         the stored argon2 hash and answers 200 with the user and a fresh token; a wrong \
         password or an unknown email is the same 401, so that the answer does not say which \
         emails have accounts",
    ),
    Row::new(
        "users::current_user",
        "GET /api/user answers the user whose id is in the token's claims (an extractor that \
         reads `Authorization: Token <jwt>`); no token is a 401",
    ),
    Row::new(
        "users::update",
        "PUT /api/user {\"user\": {…}} changes only the fields sent; a new password is hashed \
         again, and the old one stops working",
    ),
    Row::new(
        "users::update_empty_and_null",
        "the spec's rules: bio or image sent as \"\" or null is cleared (read back as null); \
         email or username sent as \"\" or null is a 422; taking another user's email or \
         username is a 409",
    ),
    Row::new(
        "auth::token_required_401",
        "every write (and GET /api/user, the feed) needs `Authorization: Token <jwt>`: without \
         it answer 401 {\"errors\": {\"token\": [\"is missing\"]}} before touching the database",
    )
    .in_file("src/extract.rs"),
    Row::new(
        "auth::malformed_header_401",
        "accept exactly `Token <jwt>`; anything else in Authorization (no token, another \
         scheme, a truncated or padded token) is a 401, never a 500 and never a guess",
    )
    .in_file("src/extract.rs"),
    Row::new(
        "auth::forged_signature_401",
        "verify the signature with JWT_SECRET and the one algorithm you sign with (HS256); \
         a token signed with another key, or with `alg: none`, is a 401",
    ),
    Row::new(
        "auth::expired_token_401",
        "give every token an `exp` and let verification check it: a token is a bearer \
         credential, anyone holding a copy (a log line, a shared laptop) is that user until \
         it expires, so tokens that never expire can never be taken back",
    ),
    Row::new(
        "auth::deleted_user_401",
        "a token is only a claim: look its user up on every request, and answer 401 when the \
         user is not (or no longer) there",
    ),
    // 3. The step-3 API, now signed.
    Row::new(
        "articles::create",
        "POST /api/articles (signed in) answers 201 with {\"article\": {slug, title, \
         description, body, tagList, createdAt, updatedAt, favorited, favoritesCount, \
         author}}; the slug is the title in lower case with dashes",
    ),
    Row::new(
        "articles::get_by_slug",
        "GET /api/articles/{slug} answers 200 with the article as it was created (no token \
         needed)",
    ),
    Row::new(
        "articles::unknown_slug_404",
        "GET, PUT and DELETE on a slug no article has answer 404 with {\"errors\": \
         {\"article\": [\"not found\"]}}",
    ),
    Row::new(
        "articles::unique_slugs",
        "two articles with the same title get different slugs (a UNIQUE slug column, and a \
         suffix when it is taken)",
    ),
    Row::new(
        "articles::list_newest_first",
        "GET /api/articles answers {\"articles\": [newest first], \"articlesCount\": n} \
         (ORDER BY created_at DESC, id DESC)",
    ),
    Row::new(
        "articles::list_limit_offset",
        "LIMIT and OFFSET in SQL (limit defaults to 20); articlesCount is a COUNT(*) of every \
         match, not only the page",
    ),
    Row::new(
        "articles::list_by_tag",
        "?tag=rust keeps the articles tagged rust (a join on the tags table); articlesCount \
         counts them",
    ),
    Row::new(
        "articles::update",
        "PUT /api/articles/{slug} by its author changes only the fields present and answers \
         200; a new title brings a new slug",
    ),
    Row::new(
        "articles::delete",
        "DELETE /api/articles/{slug} by its author answers 204 with no body; the article and \
         its comments, tags and favourites are gone (ON DELETE CASCADE)",
    ),
    Row::new(
        "comments::add_and_list",
        "POST /api/articles/{slug}/comments (signed in) answers 201 with the comment; GET on \
         the same path (no token needed) answers {\"comments\": [ … ]}",
    ),
    Row::new(
        "comments::delete",
        "DELETE /api/articles/{slug}/comments/{id} answers 204; a comment that is not on that \
         article is a 404",
    ),
    Row::new(
        "comments::unknown_article_404",
        "listing, adding or deleting comments of a slug no article has answers 404 with an \
         error body",
    ),
    Row::new(
        "tags::distinct_tags",
        "GET /api/tags answers {\"tags\": [ … ]}: each tag in use once (SELECT DISTINCT)",
    ),
    Row::new(
        "errors::missing_fields_422",
        "a missing or blank title, description or body is a 422 naming each field; nothing \
         is created",
    )
    .in_file("src/extract.rs"),
    Row::new(
        "errors::malformed_json_4xx",
        "a body that is not JSON is a 400 with Conduit's error body (wrap axum's Json \
         rejection)",
    )
    .in_file("src/extract.rs"),
    Row::new(
        "errors::wrong_types_4xx",
        "JSON of the wrong shape is a 4xx (422) with Conduit's error body, never a 500",
    )
    .in_file("src/extract.rs"),
    Row::new(
        "errors::wrong_content_type_4xx",
        "a body sent as text/plain, or with no Content-Type, is a 415 with Conduit's error \
         body",
    )
    .in_file("src/extract.rs"),
    Row::new(
        "errors::body_over_limit_413",
        "limit request bodies to 1 MiB (axum::extract::DefaultBodyLimit::max) and answer \
         413 with Conduit's error body",
    ),
    Row::new(
        "errors::title_too_long_422",
        "a title over 256 characters is a 422 naming \"title\" (its slug would be too long \
         for a URL), on create and on update",
    )
    .in_file("src/extract.rs"),
    Row::new(
        "errors::bad_query_and_path_4xx",
        "limit=abc, offset=-1, limit=0 and a comment id that is not a number are 4xx with \
         Conduit's error body",
    )
    .in_file("src/extract.rs"),
    // 4. Profiles, follows, authors.
    Row::new(
        "profiles::get_profile",
        "GET /api/profiles/{username} answers {\"profile\": {username, bio, image, \
         following}} (public fields only, no email); an unknown username is a 404",
    ),
    Row::new(
        "profiles::follow_unfollow",
        "POST and DELETE /api/profiles/{username}/follow store the follow (a follows table \
         with a primary key on (follower, followed), so following twice counts once) and \
         answer the profile; `following` is true only for the user who follows",
    ),
    Row::new(
        "articles_authored::with_author",
        "every article carries \"author\": the author's profile, with `following` as the \
         user of the token sees it (false without a token)",
    ),
    Row::new(
        "articles_authored::filter_by_author",
        "?author=jake keeps jake's articles (combined with tag, limit and offset); \
         articlesCount counts them",
    ),
    Row::new(
        "articles_authored::others_403",
        "only the author may update or delete an article: anyone else gets 403 {\"errors\": \
         {\"article\": [\"forbidden\"]}} and nothing changes",
    ),
    Row::new(
        "comments_authored::with_author",
        "every comment carries \"author\": its author's profile, with `following` as the \
         user of the token sees it",
    ),
    Row::new(
        "comments_authored::others_403",
        "only a comment's author may delete it: anyone else gets 403 and the comment stays",
    ),
    // 5. Favourites and the feed.
    Row::new(
        "favorites::favorite_and_count",
        "POST/DELETE /api/articles/{slug}/favorite store one row per (user, article) and \
         answer the article; favoritesCount counts the rows, favorited says whether the user \
         of the token has one",
    ),
    Row::new(
        "favorites::list_favorited_by",
        "?favorited=jane keeps the articles jane favourited, newest first; articlesCount \
         counts them",
    ),
    Row::new(
        "feed::followed_only",
        "GET /api/articles/feed (signed in) lists the articles of the users you follow, \
         newest first, with limit and offset; route it before /api/articles/{slug}",
    ),
    // 6. The production layer.
    Row::new(
        "production::config_errors_stop_startup",
        "read the whole configuration before binding; a bad value (JWT_SECRET under 32 bytes \
         outside APP_ENV=dev, APP_ENV not dev|prod, LOG_FORMAT not json|pretty, a PORT that \
         is not a number) exits non-zero with a message naming the variable",
    ),
    Row::new(
        "production::healthz_and_readyz",
        "GET /readyz answers 200 when the database answers a `SELECT 1` (503 otherwise): \
         orchestrators send traffic only to ready instances",
    )
    .in_file("src/handlers/health.rs"),
    Row::new(
        "production::cors_preflight",
        "a browser front-end on another origin sends an OPTIONS preflight first: answer it \
         with tower-http's CorsLayer (allow the origin, POST/PUT/DELETE, the Authorization \
         and Content-Type headers)",
    )
    .in_file("src/routes.rs"),
    Row::new(
        "production::compression",
        "add tower-http's CompressionLayer: a client that sends Accept-Encoding: gzip gets a \
         gzip body, one that does not gets it plain",
    )
    .in_file("src/routes.rs"),
    Row::new(
        "production::request_id",
        "SetRequestIdLayer (x-request-id, a fresh id per request) and PropagateRequestIdLayer, \
         and a TraceLayer whose span carries the id, so that one request's log lines can be \
         found",
    )
    .in_file("src/telemetry.rs"),
    Row::new(
        "production::secrets_not_logged",
        "never log request bodies of /api/users*, the Authorization header, tokens or the \
         configuration's secret (Debug for Config must hide JWT_SECRET)",
    )
    .in_file("src/telemetry.rs"),
    Row::new(
        "production::metrics_by_route",
        "label request metrics by the matched route (axum's MatchedPath: \
         /api/articles/{slug}), never by the raw path: every label value is a new time \
         series held in memory forever, so 1 000 slugs (or a scanner's million URLs) would \
         grow /metrics and the Prometheus server without bound",
    )
    .in_file("src/telemetry.rs"),
    Row::new(
        "production::rate_limited_429",
        "limit login and register per client (a token bucket, e.g. 10 a minute) and answer \
         429 with Retry-After in seconds: passwords cannot be guessed at line speed; \
         RATE_LIMIT_DISABLED=1 turns it off for load tests",
    )
    .in_file("src/rate_limit.rs"),
    Row::new(
        "production::login_timing",
        "when the email is unknown, verify the password against a fixed dummy argon2 hash \
         anyway: a login that answers at once for unknown emails and after a hash for known \
         ones tells an attacker which emails have accounts",
    )
    .in_file("src/handlers/users.rs"),
    Row::new(
        "production::openapi_json",
        "serve the OpenAPI document at /openapi.json (every route and method of the API), so \
         that clients and schemathesis can read what the service promises",
    )
    .in_file("src/routes.rs"),
    Row::new(
        "production::web_page",
        "GET / answers a small HTML page (text/html) that lists articles and posts one \
         through the public API",
    )
    .in_file("src/routes.rs"),
    Row::new(
        "shutdown::sigterm_exits_0",
        "on SIGTERM stop accepting, finish what is in flight, and return from main (exit 0)",
    ),
    Row::new(
        "shutdown::stalled_clients_cannot_hold_exit",
        "a client that sends half a request and stops holds its connection, and axum's \
         graceful shutdown waits for it forever: serve with a header-read timeout, time out \
         slow bodies, and bound the shutdown with a deadline (tokio::time::timeout)",
    ),
    Row::new(
        "shutdown::sigterm_finishes_in_flight",
        "a request in flight when SIGTERM arrives is answered and committed before the \
         process exits (with_graceful_shutdown, then close the pool)",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_names_existing_checks_and_areas() {
        let suite = suite("/nonexistent/step-4", "/tmp");
        assert_eq!(suite.checks.len(), ROWS.len());
        // Grades never go down along the table: the suite reads in the order it is built.
        let grades: Vec<u8> = ROWS
            .iter()
            .map(|row| {
                let def = crate::conduit::checks::find(row.id).expect("a check");
                AREAS
                    .iter()
                    .find(|area| area.group == def.group)
                    .expect("an area")
                    .grade
            })
            .collect();
        assert!(
            grades.windows(2).all(|pair| pair[0] <= pair[1]),
            "{grades:?}"
        );
    }
}
