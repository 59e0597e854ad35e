//! Stage 1, yours: comments, now with authors.
//!
//! | method and path                             | auth     | success            | errors |
//! |---------------------------------------------|----------|--------------------|--------|
//! | `GET /api/articles/{slug}/comments`         | optional | 200 `{"comments"}` | 401, 404 |
//! | `POST /api/articles/{slug}/comments`        | required | 201 `{"comment"}`  | 401, 404, 422 |
//! | `DELETE /api/articles/{slug}/comments/{id}` | author   | 204                | 401, 403, 404 |
//!
//! Each comment has an `author` (a profile); only its author may delete it
//! (`ApiError::Forbidden("comment")`, 403).

use axum::extract::State;
use axum::http::StatusCode;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::model::{CommentEnvelope, CommentsEnvelope, NewCommentRequest};
use crate::routes::AppState;

/// `GET /api/articles/{slug}/comments`: oldest first.
pub async fn list(
    State(_state): State<AppState>,
    _current: Option<CurrentUser>,
    Path(_slug): Path<String>,
) -> Result<Json<CommentsEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/articles/{slug}/comments: as in step 3, each with its author",
    ))
}

/// `POST /api/articles/{slug}/comments`: 201; the caller is the author.
pub async fn create(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Path(_slug): Path<String>,
    Json(_request): Json<NewCommentRequest>,
) -> Result<(StatusCode, Json<CommentEnvelope>), ApiError> {
    Err(ApiError::todo(
        "POST /api/articles/{slug}/comments: as in step 3, with the caller as author; 201",
    ))
}

/// `DELETE /api/articles/{slug}/comments/{id}`: the author only; 204.
pub async fn delete(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Path((_slug, _id)): Path<(String, i64)>,
) -> Result<StatusCode, ApiError> {
    Err(ApiError::todo(
        "DELETE /api/articles/{slug}/comments/{id}: 403 unless the caller wrote it; 204",
    ))
}
