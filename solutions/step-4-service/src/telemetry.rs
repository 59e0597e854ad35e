//! Logs and metrics: what the service tells its operators.
//!
//! Logs go to stderr (stdout carries only the `listening on` line), one JSON object per
//! line in production (`LOG_FORMAT=json`) so a collector can index the fields, or
//! human-readable (`pretty`). `RUST_LOG` filters them (`info` by default). Every request
//! is logged once with its method, matched route, status, latency and request id (see
//! `routes.rs`); never its headers or body, which carry tokens and passwords.
//!
//! Metrics are Prometheus counters and histograms, read at `GET /metrics`. Each is
//! labelled by the *matched route* (`/api/articles/{slug}`), never the raw path
//! (`/api/articles/how-to-train-your-dragon`): every distinct label value is a separate
//! time series kept in memory forever, so labelling by raw path lets any client grow the
//! server's memory (and the monitoring system's) without bound, one URL at a time.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Sets up the global log subscriber. A `RUST_LOG` that does not parse is an error that
/// names it.
pub fn init_logs(format: LogFormat) -> Result<(), String> {
    let filter = match std::env::var("RUST_LOG") {
        Err(_) => EnvFilter::new("info"),
        Ok(text) => EnvFilter::try_new(&text).map_err(|e| format!("RUST_LOG={text:?}: {e}"))?,
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
        LogFormat::Pretty => builder.with_ansi(false).try_init(),
    };
    result.map_err(|e| format!("cannot set up logging: {e}"))
}

/// Latency buckets in seconds, from 1 ms to 10 s.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The process-wide metrics recorder, installed on first use.
pub fn metrics_handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets(LATENCY_BUCKETS)
            .expect("the bucket list is not empty")
            .build_recorder();
        let handle = recorder.handle();
        // Fails only when another recorder is installed (then its handle still renders ours).
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// Drains the histograms' recorded samples into their buckets every few seconds. Without
/// it, every latency ever recorded stays in memory until the next scrape of `/metrics`
/// (or forever, when nothing scrapes): the exporter leaves this to its caller.
pub fn spawn_metrics_upkeep() {
    let handle = metrics_handle();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            every.tick().await;
            handle.run_upkeep();
        }
    });
}

/// The label for a request: the route it matched, or `unmatched` (404s of unknown paths are
/// one series, however many distinct paths are tried).
pub fn route_label(request: &Request) -> String {
    request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string())
}

/// Middleware: counts every request and records its latency, by method, route and status.
pub async fn record_metrics(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let route = route_label(&request);
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}
