//! Articles: list, create, read, update, delete.
//!
//! | method and path               | success                                   | errors        |
//! |-------------------------------|-------------------------------------------|---------------|
//! | `GET /api/articles`           | 200 `{"articles": […], "articlesCount": n}` | 400, 422    |
//! | `POST /api/articles`          | 201 `{"article": {…}}`                    | 400, 413, 415, 422 |
//! | `GET /api/articles/{slug}`    | 200 `{"article": {…}}`                    | 404           |
//! | `PUT /api/articles/{slug}`    | 200 `{"article": {…}}`                    | 404, 422, …   |
//! | `DELETE /api/articles/{slug}` | 204, no body                              | 404           |
//!
//! Read with `state.store.snapshot()`; change with `state.store.write(|data| …)`, whose
//! closure sees the data as it is now and may still refuse with `Err` (nothing is saved
//! then). Missing or blank fields are a 422 naming each field: `ApiError::Validation`.

use axum::extract::State;
use axum::http::StatusCode;

use crate::error::ApiError;
use crate::extract::{Json, Path, Query};
use crate::model::{
    ArticleEnvelope, ArticlesEnvelope, ListParams, NewArticleRequest, UpdateArticleRequest,
};
use crate::routes::AppState;

/// Used when the query has no `limit`.
pub const DEFAULT_LIMIT: usize = 20;

/// `GET /api/articles?tag=&limit=&offset=`: newest first; `articlesCount` counts every
/// article that matches `tag`, before `offset` and `limit` cut the page. A `limit` of 0 is
/// a 422.
pub async fn list(
    State(_state): State<AppState>,
    Query(_params): Query<ListParams>,
) -> Result<Json<ArticlesEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/articles: filter by tag, newest first, skip offset, take limit (default 20)",
    ))
}

/// `POST /api/articles`: 201 with the new article. The slug comes from the title
/// (`slug::slugify`) and is made unique (`slug::unique`) inside the write.
pub async fn create(
    State(_state): State<AppState>,
    Json(_request): Json<NewArticleRequest>,
) -> Result<(StatusCode, Json<ArticleEnvelope>), ApiError> {
    Err(ApiError::todo(
        "POST /api/articles: validate, then store.write a new Article with a unique slug; 201",
    ))
}

/// `GET /api/articles/{slug}`: 200, or 404 `{"errors": {"article": ["not found"]}}`.
pub async fn get(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/articles/{slug}: find it in a snapshot, or ApiError::NotFound(\"article\")",
    ))
}

/// `PUT /api/articles/{slug}`: changes only the fields present (none may be blank); a new
/// title brings a new slug. 200 with the article.
pub async fn update(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
    Json(_request): Json<UpdateArticleRequest>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    Err(ApiError::todo(
        "PUT /api/articles/{slug}: change the fields present, re-slug on a new title; 200",
    ))
}

/// `DELETE /api/articles/{slug}`: 204 with no body; its comments go with it.
pub async fn delete(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
) -> Result<StatusCode, ApiError> {
    Err(ApiError::todo(
        "DELETE /api/articles/{slug}: remove it in store.write; 204 No Content",
    ))
}
