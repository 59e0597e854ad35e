//! Probes for whoever runs the service (Kubernetes, fly.io, a load balancer).
//!
//! - `GET /healthz` (liveness, given): 200 while the process serves requests. When it stops
//!   answering, the process is stuck: restart it.
//! - `GET /readyz` (readiness, stage 4, yours): 200 when the database answers a query
//!   (`state.db.is_reachable()`), 503 when not. When it fails, send traffic elsewhere, but
//!   do not restart: the disk may come back.

use axum::extract::State;
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::AppState;

pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

pub async fn readyz(State(_state): State<AppState>) -> Result<Json<Value>, ApiError> {
    Err(ApiError::todo(
        "GET /readyz: 200 when the database answers, 503 (JSON) when not",
    ))
}
