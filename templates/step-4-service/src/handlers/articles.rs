//! Stages 1 and 3, yours: articles, now with authors, favourites and a feed.
//!
//! | method and path               | auth     | success                             | errors |
//! |-------------------------------|----------|-------------------------------------|--------|
//! | `GET /api/articles`           | optional | 200 `{"articles", "articlesCount"}` | 400, 401, 422 |
//! | `GET /api/articles/feed`      | required | 200 `{"articles", "articlesCount"}` | 401, 422 |
//! | `POST /api/articles`          | required | 201 `{"article"}`                   | 401, 422 |
//! | `GET /api/articles/{slug}`    | optional | 200 `{"article"}`                   | 401, 404 |
//! | `PUT /api/articles/{slug}`    | author   | 200 `{"article"}`                   | 401, 403, 404, 422 |
//! | `DELETE /api/articles/{slug}` | author   | 204                                 | 401, 403, 404 |
//!
//! Stage 1: every article has an `author` (a profile); only the author may change or
//! delete it (`ApiError::Forbidden("article")`, 403, nothing changed), checked in the same
//! transaction as the change. Stage 3: `favorited` (by the viewer), `favoritesCount`, the
//! `author` and `favorited` filters, and the feed: articles by the users the caller
//! follows, newest first. Filters and pagination belong in the SQL (`WHERE`, `LIMIT`,
//! `OFFSET`, and a `COUNT(*)` over the same `WHERE` for `articlesCount`), with one
//! statement for a whole page rather than one query per article.

use axum::extract::State;
use axum::http::StatusCode;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::extract::{Json, Path, Query};
use crate::model::{
    ArticleEnvelope, ArticlesEnvelope, ListParams, NewArticleRequest, PageParams,
    UpdateArticleRequest,
};
use crate::routes::AppState;

/// `GET /api/articles?tag=&author=&favorited=&limit=&offset=`: newest first.
pub async fn list(
    State(_state): State<AppState>,
    _current: Option<CurrentUser>,
    Query(_params): Query<ListParams>,
) -> Result<Json<ArticlesEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/articles: filter (tag, author, favorited) and paginate in SQL; newest first",
    ))
}

/// `GET /api/articles/feed?limit=&offset=`
pub async fn feed(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Query(_params): Query<PageParams>,
) -> Result<Json<ArticlesEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/articles/feed: articles by the users the caller follows, newest first",
    ))
}

/// `POST /api/articles`: 201; the caller is the author.
pub async fn create(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Json(_request): Json<NewArticleRequest>,
) -> Result<(StatusCode, Json<ArticleEnvelope>), ApiError> {
    Err(ApiError::todo(
        "POST /api/articles: as in step 3, with the caller as author; 201",
    ))
}

/// `GET /api/articles/{slug}`
pub async fn get(
    State(_state): State<AppState>,
    _current: Option<CurrentUser>,
    Path(_slug): Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/articles/{slug}: with author, favorited and favoritesCount; or 404",
    ))
}

/// `PUT /api/articles/{slug}`: the author only.
pub async fn update(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Path(_slug): Path<String>,
    Json(_request): Json<UpdateArticleRequest>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    Err(ApiError::todo(
        "PUT /api/articles/{slug}: 403 unless the caller is the author; then as in step 3",
    ))
}

/// `DELETE /api/articles/{slug}`: the author only; 204.
pub async fn delete(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Path(_slug): Path<String>,
) -> Result<StatusCode, ApiError> {
    Err(ApiError::todo(
        "DELETE /api/articles/{slug}: 403 unless the caller is the author; 204",
    ))
}
