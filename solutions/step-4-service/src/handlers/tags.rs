//! `GET /api/tags`: every tag used by at least one article, sorted, once each.

use axum::extract::State;

use crate::error::ApiError;
use crate::extract::Json;
use crate::model::TagsEnvelope;
use crate::queries::articles;
use crate::routes::AppState;

pub async fn list(State(state): State<AppState>) -> Result<Json<TagsEnvelope>, ApiError> {
    let tags = state
        .db
        .read(|connection| Ok(articles::tags(connection)?))
        .await?;
    Ok(Json(TagsEnvelope { tags }))
}
