//! `GET /api/tags`: every tag used by at least one article, each once.

use axum::extract::State;

use crate::error::ApiError;
use crate::extract::Json;
use crate::model::TagsEnvelope;
use crate::routes::AppState;

/// 200 `{"tags": ["dragons", "rust", …]}`. Derive them from the stored articles
/// (`state.store.snapshot()`), so a deleted article's tags go with it.
pub async fn list(State(_state): State<AppState>) -> Result<Json<TagsEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/tags: collect the tagList of every article into a BTreeSet",
    ))
}
