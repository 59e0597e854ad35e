//! `GET /api/tags`: every tag used by at least one article, sorted, each once.
//!
//! A tag row outlives its last article (deleting an article deletes its links, not the
//! tag), so list the tags that some link still points to: `SELECT DISTINCT tags.name FROM
//! tags JOIN article_tags ON article_tags.tag_id = tags.id ORDER BY tags.name`.

use axum::extract::State;

use crate::error::ApiError;
use crate::extract::Json;
use crate::model::TagsEnvelope;
use crate::routes::AppState;

pub async fn list(State(_state): State<AppState>) -> Result<Json<TagsEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/tags: state.db.read: SELECT DISTINCT tags.name … JOIN article_tags …",
    ))
}
