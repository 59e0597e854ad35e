//! Logs and metrics: what the service tells its operators.
//!
//! Logs go to stderr (stdout carries only the `listening on` line), one JSON object per
//! line in production (`LOG_FORMAT=json`) so a collector can index the fields, or
//! human-readable (`pretty`). `RUST_LOG` filters them (`info` by default). Every request
//! is logged once, in one line, with its request id, method, matched route, status and
//! latency ([`observe`]); never its headers or body, which carry tokens and passwords.
//!
//! Metrics are Prometheus counters and histograms, read at `GET /metrics`. Each is
//! labelled by the *matched route* (`/api/articles/{slug}`), never the raw path
//! (`/api/articles/how-to-train-your-dragon`): every distinct label value is a separate
//! time series kept in memory forever, so labelling by raw path lets any client grow the
//! server's memory (and the monitoring system's) without bound, one URL at a time.

use std::sync::{LazyLock, OnceLock};
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;
use crate::routes::ROUTES;

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

/// The details of a 500, carried from the error to the access log in the response's
/// extensions, so the log line that says what went wrong also says which request it was.
#[derive(Debug, Clone)]
pub struct InternalError(pub String);

/// Middleware: for every request, one access-log line and its metrics, measured once.
///
/// One event per request, with every field in it (request id, method, route, status,
/// latency), is the cheapest log that still answers "what happened to request X?": no span
/// to create, enter on every poll and serialise again into each event. A 500 is logged at
/// `ERROR` with its details (see [`InternalError`]); everything else at `INFO`.
///
/// The labels are `&'static str`s (the method's name, the route from [`ROUTES`], the
/// status's three digits), so recording a request allocates no label strings.
pub async fn observe(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(request.method());
    let route = route_label(&request);
    let request_id = request.headers().get("x-request-id").cloned();
    let response = next.run(request).await;
    let latency = started.elapsed();

    let status = response.status();
    let labels = [
        ("method", method),
        ("route", route),
        ("status", status_label(status)),
    ];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels).record(latency.as_secs_f64());

    let request_id = request_id
        .as_ref()
        .and_then(|id| id.to_str().ok())
        .unwrap_or("-");
    let latency = format_args!("{:.3} ms", latency.as_secs_f64() * 1000.0);
    let status = status.as_u16();
    match response.extensions().get::<InternalError>() {
        None => tracing::info!(request_id, method, route, status, %latency, "request"),
        Some(InternalError(details)) => {
            tracing::error!(request_id, method, route, status, %latency, "internal error: {details}")
        }
    }
    response
}

/// The label for a request: the route it matched (from the route table, so a `'static`
/// string), or `unmatched` (404s of unknown paths are one series, however many distinct
/// paths are tried).
pub fn route_label(request: &Request) -> &'static str {
    let matched = request.extensions().get::<MatchedPath>();
    matched
        .and_then(|path| ROUTES.iter().find(|(_, route)| *route == path.as_str()))
        .map_or("unmatched", |(_, route)| route)
}

/// The method's name; methods outside HTTP's standard set are one series, `other`.
fn method_label(method: &Method) -> &'static str {
    match method.as_str() {
        "GET" => "GET",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "PATCH" => "PATCH",
        "HEAD" => "HEAD",
        "OPTIONS" => "OPTIONS",
        _ => "other",
    }
}

/// The status's three digits, from a table made once.
fn status_label(status: StatusCode) -> &'static str {
    static LABELS: LazyLock<Vec<String>> =
        LazyLock::new(|| (0..600).map(|code| code.to_string()).collect());
    LABELS
        .get(usize::from(status.as_u16()))
        .map_or("other", String::as_str)
}
