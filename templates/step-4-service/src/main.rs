//! Step 4: the full RealWorld Conduit API as a service you can deploy.
//!
//! The capstone. What is already done: the process protocol (this file, `config.rs`,
//! `server.rs`), the database (`db.rs` and `migrations/`, with every table the full API
//! needs), the route table (`routes.rs`), the data types (`model.rs`, `object.rs`), the
//! error type and extractors (`error.rs`, `extract.rs`), slugs and `/healthz`. What is
//! yours, in the order the grader asks (each stage passes on its own; `README.md` says
//! more):
//!
//! 1. **users and auth**: `auth/password.rs` (argon2), `auth/token.rs` (JWT),
//!    `auth/mod.rs` (the `CurrentUser` extractor), `handlers/users.rs`, then authors and
//!    ownership in `handlers/articles.rs` and `handlers/comments.rs`; `JWT_SECRET` in
//!    `config.rs`;
//! 2. **profiles and follows**: `handlers/profiles.rs`;
//! 3. **favourites and the feed**: `handlers/favorites.rs`, the feed and filters in
//!    `handlers/articles.rs`;
//! 4. **the production layer**: the settings in `config.rs`, `/readyz`, `/metrics`,
//!    `/openapi.json` and the page (`handlers/health.rs`, `handlers/meta.rs`), the layers in
//!    `routes.rs`, `telemetry.rs`, `rate_limit.rs`, and a shutdown that no client can hold
//!    up (`server.rs`).
//!
//! Run `cargo test -p step-4` after each change; it says which check to work on next. Try
//! it by hand with `PORT=8080 DATA_DIR=/tmp/conduit cargo run -p step-4` and
//! `curl -i localhost:8080/api/articles`.
//!
//! The contract (what the grader checks) is `openapi.yml` next to `Cargo.toml`.

// The starting code declares helpers that nothing calls until you write the handlers.
// Delete this line when you are done: the compiler will then point at anything left unused.
#![allow(dead_code)]

mod auth;
mod config;
mod db;
mod error;
mod extract;
mod handlers;
mod model;
mod object;
mod rate_limit;
mod routes;
mod server;
mod slug;
mod telemetry;

use std::process::ExitCode;
use std::sync::Arc;

use config::Config;
use db::Db;
use rate_limit::RateLimiter;
use routes::AppState;

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init_logs();

    // A missing or bad setting stops the service here, before it listens, with a message
    // that names the variable.
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };

    let db = match Db::open(&config.database_path).await {
        Ok(db) => db,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };

    let state = AppState {
        db,
        tokens: auth::token::Tokens::new(),
        limiter: Arc::new(RateLimiter::new()),
    };
    match server::serve(config.host, config.port, routes::router(state)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
