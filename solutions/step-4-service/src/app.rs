//! The process from start to exit: configuration, logs, database, router, server.
//!
//! A missing or bad setting stops the process here, before it binds a port, with exit
//! status 2 and a message naming the variable; a database that cannot be opened stops it
//! with status 1. Both are reported on stderr, so the `listening on` line never appears.

use std::process::ExitCode;
use std::sync::Arc;

use crate::auth::{password, token::Tokens};
use crate::config::Config;
use crate::db::Db;
use crate::rate_limit::RateLimiter;
use crate::routes::{self, AppState};
use crate::server::{self, Timeouts};

/// Runs the service with the configuration in the environment, until SIGTERM.
pub fn run() -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    if let Err(message) = crate::telemetry::init_logs(config.log_format) {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), String> {
    if config.jwt_secret_made_up {
        tracing::warn!(
            "APP_ENV=dev and no JWT_SECRET: made up a random one; tokens will not survive a restart"
        );
    }
    let db = Db::open(&config.database_path).await?;
    tracing::info!(database = %config.database_path.display(), "database ready");
    // The first unknown-email login should not be the one slower than the rest.
    tokio::task::spawn_blocking(password::warm_up)
        .await
        .map_err(|e| format!("warm-up task: {e}"))?;

    let state = AppState {
        db,
        tokens: Arc::new(Tokens::new(&config.jwt_secret.0, config.jwt_ttl)),
        limiter: Arc::new(RateLimiter::new(config.rate_limit)),
    };
    let app = routes::router(state, config.request_timeout);
    crate::telemetry::spawn_metrics_upkeep();
    let timeouts = Timeouts {
        header_read: config.header_read_timeout,
        shutdown: config.shutdown_timeout,
    };
    server::serve(config.host, config.port, app, timeouts)
        .await
        .map_err(|e| format!("serving on port {}: {e}", config.port))
}
