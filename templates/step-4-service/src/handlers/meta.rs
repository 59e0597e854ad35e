//! Stage 4, yours: what the service says about itself.
//!
//! - `GET /openapi.json`: `openapi.yml` (next to `Cargo.toml`) as JSON. Embed it with
//!   `include_str!("../../openapi.yml")`, convert it once with `serde_norway::from_str`
//!   into a `serde_json::Value`.
//! - `GET /metrics`: the Prometheus text format, from a
//!   `metrics_exporter_prometheus::PrometheusHandle` (see `telemetry.rs`).
//! - `GET /`: a small web page that lists the articles and lets a logged-in user post one,
//!   using only the public API (`fetch`, the token in `localStorage`, sent as
//!   `Authorization: Token …`). One HTML file with its script inline, embedded with
//!   `include_str!` and answered with `axum::response::Html`. Show data with `textContent`,
//!   never `innerHTML`: a title is data, not markup.

use axum::response::Response;

use crate::error::ApiError;

/// `GET /openapi.json`
pub async fn openapi() -> Result<Response, ApiError> {
    Err(ApiError::todo("GET /openapi.json: openapi.yml as JSON"))
}

/// `GET /metrics`
pub async fn metrics() -> Result<Response, ApiError> {
    Err(ApiError::todo(
        "GET /metrics: Prometheus text, labelled by matched route",
    ))
}

/// `GET /`
pub async fn page() -> Result<Response, ApiError> {
    Err(ApiError::todo(
        "GET /: an HTML page that lists articles and lets a logged-in user post one",
    ))
}
