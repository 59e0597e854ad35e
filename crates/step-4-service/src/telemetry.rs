//! Logs and metrics: what the service tells its operators.
//!
//! Given: human-readable logs on stderr, filtered by `RUST_LOG` (stdout carries only the
//! `listening on` line). Stage 4 is yours:
//!
//! - `LOG_FORMAT=json`: one JSON object per line (`tracing_subscriber::fmt().json()`), what
//!   log collectors index;
//! - one log line per request with its request id, method and matched route (tower-http's
//!   `SetRequestIdLayer`, `TraceLayer`, `PropagateRequestIdLayer` in `routes.rs`), and
//!   never a header or a body: they carry tokens and passwords, and logs are read by many
//!   more people than the database is;
//! - Prometheus metrics (`metrics` + `metrics-exporter-prometheus`): a request counter and
//!   a latency histogram labelled by method, status and *matched route*
//!   (`axum::extract::MatchedPath`, e.g. `/api/articles/{slug}`), never the raw path. Each
//!   distinct label value is a time series kept in memory for good: label by raw path and
//!   any client can grow the server's memory, and the monitoring system's, one URL at a
//!   time (the grader sends 1 000 distinct slugs and counts the series).

use std::io::IsTerminal;

pub fn init_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}
