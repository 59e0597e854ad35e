//! What the service says about itself: its OpenAPI document, its Prometheus metrics, and
//! the small web page at `/`.
//!
//! The OpenAPI document is `openapi.yml` of the learner's crate (the contract this service
//! is graded against), embedded in the binary and served as JSON. The page is one HTML
//! file with its script inline; it uses only the public API, as any front-end would.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use serde_json::Value;

use crate::telemetry;

/// The OpenAPI document, as written.
pub const OPENAPI_YAML: &str = include_str!("../../../../crates/step-4-service/openapi.yml");

/// The page at `/`.
pub const PAGE_HTML: &str = include_str!("../../static/index.html");

/// The document as JSON, converted once.
pub static OPENAPI_JSON: LazyLock<Value> = LazyLock::new(|| {
    serde_norway::from_str(OPENAPI_YAML).expect("openapi.yml is valid YAML (tested)")
});

/// `GET /openapi.json`
pub async fn openapi() -> axum::Json<&'static Value> {
    axum::Json(&OPENAPI_JSON)
}

/// `GET /metrics`: the Prometheus text format.
pub async fn metrics() -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        telemetry::metrics_handle().render(),
    )
        .into_response()
}

/// `GET /`
pub async fn page() -> Html<&'static str> {
    Html(PAGE_HTML)
}
