//! The command line and the process protocol, as in step 2: `PORT`, `DATA_DIR` (and
//! `DATABASE_PATH`) from the environment, one `listening on http://127.0.0.1:PORT` line on
//! stdout, and on SIGTERM the requests in flight answered before exiting 0.
//!
//! - no arguments: open the database (a file that cannot be opened or migrated stops the
//!   server here, with a message that names it) and serve;
//! - `import FILE`: import a step-2 `conduit.json` into the database and exit.

use std::path::Path;
use std::process::ExitCode;

use axum::Router;
use rusqlite::Connection;
use solution_step_2::server;

use crate::config::Config;
use crate::db::{Db, Settings};
use crate::import::Report;
use crate::routes::AppState;

/// The parts of the process, each replaceable: the reference's are [`Parts::REFERENCE`];
/// the kit's known-wrong fixtures swap one.
#[derive(Clone, Copy)]
pub struct Parts {
    pub config: fn() -> Result<Config, String>,
    pub open: fn(&Path, Settings) -> Result<Db, String>,
    pub settings: Settings,
    pub router: fn(AppState) -> Router,
    pub import: fn(&mut Connection, &Path) -> Result<Report, String>,
}

impl Parts {
    pub const REFERENCE: Parts = Parts {
        config: Config::from_env,
        open: Db::open_with,
        settings: Settings::REFERENCE,
        router: crate::routes::router,
        import: crate::import::import_file,
    };
}

/// The whole process, made of `parts`.
pub async fn main(parts: Parts) -> ExitCode {
    server::init_tracing();
    let config = match (parts.config)() {
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
    let db = match (parts.open)(&config.database_path, parts.settings) {
        Ok(db) => db,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(file) = import {
        let import = parts.import;
        let outcome = db
            .with_writer(move |conn| Ok(import(conn, file.as_ref())))
            .await;
        return match outcome {
            Ok(Ok(report)) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Ok(Err(message)) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("error: {e:?}");
                ExitCode::FAILURE
            }
        };
    }
    tracing::info!("database {}", db.path().display());
    match server::serve(config.port, (parts.router)(AppState::new(db))).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
