//! Step 2: the Conduit articles API, kept in one JSON file that survives crashes.
//!
//! Your first web server. What is already done: the process protocol (this file,
//! `config.rs`, `server.rs`), the routes (`routes.rs`), the data types (`model.rs`,
//! `object.rs`), the error type (`error.rs`) and `/healthz`. What is yours, in an order where each stage's
//! checks pass before the next stage exists:
//!
//! 1. `store.rs`, stage 1: [`Store::write`] in memory (take the turn, copy, change, swap);
//!    every write handler goes through it;
//! 2. `handlers/articles.rs` and `slug.rs`: create, read, list, update, delete
//!    (`cargo test -p step-2 -- articles`);
//! 3. `handlers/comments.rs` and `handlers/tags.rs` (`-- comments tags`);
//! 4. `extract.rs`: every client mistake answered with the JSON error body, and a body limit
//!    in `routes.rs` (`-- errors`);
//! 5. `store.rs`, stage 5: the durable file. Load it in `Store::open` (and refuse a
//!    directory you cannot write in), save every change with `write_durably` before
//!    answering (`-- durability concurrency`).
//!
//! Run `cargo test -p step-2` after each change; it says which check to work on next. Try
//! the server by hand with `PORT=3000 DATA_DIR=/tmp/conduit cargo run -p step-2` and
//! `curl -i localhost:3000/api/articles`.
//!
//! The contract (what the grader checks) is `openapi.yml` next to `Cargo.toml`.

// The starting code declares helpers that nothing calls until you write the handlers.
// Delete this line when you are done: the compiler will then point at anything left unused.
#![allow(dead_code)]

mod config;
mod error;
mod extract;
mod handlers;
mod model;
mod object;
mod routes;
mod server;
mod slug;
mod store;

use std::process::ExitCode;

use config::Config;
use routes::AppState;
use store::Store;

#[tokio::main]
async fn main() -> ExitCode {
    server::init_tracing();

    let config = match Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };

    // A corrupt data file must stop the server here, before it accepts a single request:
    // serving an empty store would let the next write overwrite whatever was left.
    let store = match Store::open(config.data_file()) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };

    let app = routes::router(AppState::new(store));
    match server::serve(config.port, app).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
