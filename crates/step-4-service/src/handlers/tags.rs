//! `GET /api/tags`: every tag used by at least one article, sorted, once each.

use axum::extract::State;

use crate::error::ApiError;
use crate::extract::Json;
use crate::model::TagsEnvelope;
use crate::routes::AppState;

pub async fn list(State(_state): State<AppState>) -> Result<Json<TagsEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/tags: SELECT DISTINCT tag … ORDER BY tag, as in step 3",
    ))
}
