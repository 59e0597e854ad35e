//! The command line and the process protocol, as in step 2: `PORT`, `DATA_DIR` (and
//! `DATABASE_PATH`) from the environment, one `listening on http://127.0.0.1:PORT` line on
//! stdout, and on SIGTERM the requests in flight answered before exiting 0.
//!
//! - no arguments: open the database (a file that cannot be opened or migrated stops the
//!   server here, with a message that names it) and serve;
//! - `import FILE`: import a step-2 `conduit.json` into the database and exit.

use std::process::ExitCode;

use axum::Router;
use solution_step_2::server;

use crate::config::Config;
use crate::db::{Db, Settings};
use crate::routes::AppState;

/// `main`, with the parts a fixture may swap: the connection settings and the router.
pub async fn main(settings: Settings, router: impl FnOnce(AppState) -> Router) -> ExitCode {
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
            eprintln!(
                "usage: {0}            serve the API\n       {0} import FILE  import a \
                 step-2 conduit.json into the database",
                std::env::args().next().unwrap_or_default()
            );
            return ExitCode::from(2);
        }
    };
    let db = match Db::open_with(&config.database_path, settings) {
        Ok(db) => db,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(file) = import {
        return match crate::import::import_file(&db, file.as_ref()).await {
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
    tracing::info!("database {}", db.path().display());
    match server::serve(config.port, router(AppState::new(db))).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
