//! Serving: bind the port, announce it, and shut down gracefully on SIGTERM.
//!
//! Given, as in the earlier steps, with `axum::serve`. Stage 4 is yours: `axum::serve` has
//! no header-read timeout, so a client that sends half a request and stops holds its
//! connection open, and graceful shutdown waits for it forever. Make the exit bounded:
//!
//! - serve each connection with hyper's own builder
//!   (`hyper::server::conn::http1::Builder` with a `hyper_util::rt::TokioTimer` and
//!   `header_read_timeout`), the router wrapped in `hyper_util::service::TowerToHyperService`;
//! - watch each connection with `hyper_util::server::graceful::GracefulShutdown`;
//! - after SIGTERM, wait for it with a deadline (`tokio::time::timeout`,
//!   `SHUTDOWN_TIMEOUT_SECONDS`): an orchestrator sends SIGKILL soon after SIGTERM anyway;
//! - put the peer's address in each request (`axum::extract::ConnectInfo`): the rate limit
//!   needs it.

use std::net::IpAddr;

use axum::Router;
use tokio::net::TcpListener;
use tokio::signal::unix::{Signal, SignalKind, signal};

/// Binds `host:port`, prints the listening line, and serves `app` until SIGTERM or Ctrl-C
/// has arrived and every in-flight request has been answered.
pub async fn serve(host: IpAddr, port: u16, app: Router) -> std::io::Result<()> {
    // Listen for SIGTERM before announcing the port: a SIGTERM sent the moment the line is
    // read must find a handler, not the default action (which kills the process).
    let terminate = signal(SignalKind::terminate())?;
    let listener = TcpListener::bind((host, port)).await?;
    // With PORT=0 the operating system picked the port: ask the listener which one.
    let address = listener.local_addr()?;
    // `println!` flushes at the newline, so the line is out before the first request.
    println!("listening on http://{address}");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal(terminate))
        .await?;
    tracing::info!("in-flight requests answered; shutting down");
    Ok(())
}

/// Completes on SIGTERM (what `kill`, systemd and Kubernetes send) or SIGINT (Ctrl-C).
pub async fn shutdown_signal(mut terminate: Signal) {
    tokio::select! {
        _ = terminate.recv() => tracing::info!("SIGTERM received"),
        _ = tokio::signal::ctrl_c() => tracing::info!("Ctrl-C received"),
    }
}
