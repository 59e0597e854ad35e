//! Step 3: your step-2 Conduit API, moved from one JSON file to SQLite.
//!
//! The HTTP side is what step 2 gave you and you built: the routes, the model, the
//! extractors and their error bodies, slugs, the process protocol. It is all here and works
//! (`config.rs` now also reads `DATABASE_PATH`). What changes is where the data lives, and
//! that is yours, in the order the grader asks for it:
//!
//! 1. **schema and open** (`schema.rs`, `db.rs`): the tables and indexes as migrations;
//!    `Db::open` sets the pragmas and migrates, and a bad file stops the server;
//! 2. **reads** (`db.rs`: `Db::read`; `handlers/*.rs`: get, list, comments, tags);
//! 3. **writes** (`db.rs`: `Db::write` in `BEGIN IMMEDIATE`; create, update, delete);
//! 4. **import** (`import.rs`): `step-3 import conduit.json` brings your step-2 data over.
//!
//! Run `cargo test -p step-3` after each change; it says which check to work on next. Try it
//! by hand with `PORT=3000 DATA_DIR=/tmp/conduit cargo run -p step-3`, and look inside with
//! `sqlite3 /tmp/conduit/conduit.db '.schema'` if you have the `sqlite3` shell.
//!
//! The contract is step 2's `openapi.yml` (unchanged) plus the tables named in `schema.rs`.

// The starting code declares helpers that nothing calls until you write the handlers.
// Delete this line when you are done: the compiler will then point at anything left unused.
#![allow(dead_code)]

mod config;
mod db;
mod error;
mod extract;
mod handlers;
mod import;
mod model;
mod object;
mod routes;
mod schema;
mod server;
mod slug;

use std::process::ExitCode;

use config::Config;
use db::Db;
use routes::AppState;

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
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let import = match arguments.as_slice() {
        [] => None,
        [command, file] if command == "import" => Some(file.clone()),
        _ => {
            eprintln!("usage: step-3 [import FILE]");
            return ExitCode::from(2);
        }
    };

    // A database that cannot be opened or migrated stops the server here, with a message
    // that names it, before it accepts a single request.
    let db = match Db::open(&config.database_path) {
        Ok(db) => db,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };

    if let Some(file) = import {
        return match import::import_file(&db, file.as_ref()).await {
            Ok(report) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        };
    }

    let app = routes::router(AppState::new(db));
    match server::serve(config.port, app).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
