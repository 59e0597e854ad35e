//! Serving: bind the port, announce it, serve with timeouts, and shut down gracefully.
//!
//! The order matters. The `listening on …` line is printed *after* `bind` succeeds, so whoever
//! reads it (the grader, a deploy script) can connect at once. On SIGTERM (or Ctrl-C) the
//! server stops accepting connections and waits for the requests in flight to be answered;
//! only then does `serve` return and the process exit 0.
//!
//! Waiting has limits, because a client can stall on purpose or by accident:
//! - a client that sends half its headers and stops is dropped after [`HEADER_READ_TIMEOUT`]
//!   (otherwise a few such clients hold connections forever: the "slowloris" attack);
//! - a request that takes longer than [`REQUEST_TIMEOUT`], body upload included, is answered
//!   `408` with a JSON error body;
//! - after SIGTERM, requests still running after [`SHUTDOWN_DEADLINE`] are abandoned and the
//!   process exits anyway: one stalled client must not keep a deploy waiting.
//!
//! This file is given: read it, you need not change it.

use std::io::IsTerminal;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};

/// How long a client may take to send a request's headers.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// How long one request may take, from its headers to the last byte of the answer.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How long, after SIGTERM, the requests in flight may take to finish.
pub const SHUTDOWN_DEADLINE: Duration = Duration::from_secs(5);

/// Logs go to stderr (stdout carries the one `listening on` line). `RUST_LOG` overrides
/// the level, e.g. `RUST_LOG=debug` to see every request.
pub fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

/// Binds `127.0.0.1:port`, prints the listening line, and serves `app` until a shutdown
/// signal has arrived and every in-flight request has been answered (or the deadline passed).
pub async fn serve(port: u16, app: Router) -> std::io::Result<()> {
    // Listen for the signal first: from the listening line on, a SIGTERM must be graceful.
    let shutdown = shutdown_signal();
    let listener = TcpListener::bind(("127.0.0.1", port)).await.map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!(
                "cannot listen on 127.0.0.1:{port}: {e} (is another server using PORT={port}?)"
            ),
        )
    })?;
    // With PORT=0 the operating system picked the port: ask the listener which one.
    let address = listener.local_addr()?;
    // `println!` flushes at the newline, so the line is out before the first request.
    println!("listening on http://{address}");

    let app = app.layer(middleware::from_fn(answer_within_deadline));
    let mut connections = Builder::new(TokioExecutor::new());
    connections
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    let in_flight = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // A failed accept (out of file descriptors, say) is that client's problem,
                // not a reason to stop serving everyone else.
                Err(e) => {
                    tracing::warn!("accept failed: {e}");
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(app.clone());
        let connection = connections
            .serve_connection_with_upgrades(TokioIo::new(stream), service)
            .into_owned();
        let connection = in_flight.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!("connection ended with an error: {e}");
            }
        });
    }
    // No new connections from here on; idle ones are closed, busy ones finish their request.
    drop(listener);
    tokio::select! {
        () = in_flight.shutdown() => tracing::info!("in-flight requests answered; shutting down"),
        () = tokio::time::sleep(SHUTDOWN_DEADLINE) => tracing::warn!(
            "requests still running {} s after the shutdown signal were abandoned",
            SHUTDOWN_DEADLINE.as_secs()
        ),
    }
    Ok(())
}

/// Answers `408 Request Timeout` with a JSON error body when a request (its body upload
/// included) takes longer than [`REQUEST_TIMEOUT`].
async fn answer_within_deadline(request: Request, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => (
            StatusCode::REQUEST_TIMEOUT,
            axum::Json(serde_json::json!({
                "errors": { "request": [format!(
                    "took longer than {} s", REQUEST_TIMEOUT.as_secs()
                )] }
            })),
        )
            .into_response(),
    }
}

/// Completes when the process receives SIGTERM (what `kill`, systemd and Kubernetes send)
/// or SIGINT (Ctrl-C in a terminal).
///
/// The handlers are installed when this function is called, not when the future is first
/// polled: call it before announcing the port, or a SIGTERM that arrives early would still
/// kill the process the default way, mid-request.
pub fn shutdown_signal() -> impl Future<Output = ()> {
    let terminate = signal(SignalKind::terminate());
    let interrupt = signal(SignalKind::interrupt());
    async move {
        let (mut terminate, mut interrupt) = match (terminate, interrupt) {
            (Ok(terminate), Ok(interrupt)) => (terminate, interrupt),
            (Err(e), _) | (_, Err(e)) => {
                tracing::error!("cannot listen for SIGTERM and SIGINT: {e}");
                return std::future::pending().await;
            }
        };
        tokio::select! {
            _ = terminate.recv() => tracing::info!("SIGTERM received"),
            _ = interrupt.recv() => tracing::info!("SIGINT (Ctrl-C) received"),
        }
    }
}
