//! `GET /api/tags`: every tag used by at least one article, sorted, each once.
//!
//! A tag row outlives its last article (deleting an article deletes its links, not the
//! tag), so the list joins the links: only tags in use are shown.

use axum::extract::State;
use rusqlite::Connection;
use solution_step_2::extract::Json;
use solution_step_2::model::TagsEnvelope;

use crate::ApiError;
use crate::db::Result;
use crate::routes::AppState;

pub async fn list(State(state): State<AppState>) -> Result<Json<TagsEnvelope>, ApiError> {
    let tags = state.db.read(select_tags).await?;
    Ok(Json(TagsEnvelope { tags }))
}

pub fn select_tags(conn: &Connection) -> Result<Vec<String>> {
    let tags = conn
        .prepare_cached(
            "SELECT DISTINCT tags.name FROM tags
             JOIN article_tags ON article_tags.tag_id = tags.id ORDER BY tags.name",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(tags)
}
