//! Comments on an article: list, add, delete.
//!
//! | method and path                              | success                   | errors   |
//! |----------------------------------------------|---------------------------|----------|
//! | `GET /api/articles/{slug}/comments`          | 200 `{"comments": […]}`   | 404      |
//! | `POST /api/articles/{slug}/comments`         | 201 `{"comment": {…}}`    | 404, 422, … |
//! | `DELETE /api/articles/{slug}/comments/{id}`  | 204, no body              | 404, 400 |
//!
//! Comment ids are whole numbers, unique across all articles and never reused: hand them out
//! from `Data::next_comment_id`, inside the write.

use axum::extract::State;
use axum::http::StatusCode;

use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::model::{CommentEnvelope, CommentsEnvelope, NewCommentRequest};
use crate::routes::AppState;

/// `GET /api/articles/{slug}/comments`: 200, or 404 when the article does not exist.
pub async fn list(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
) -> Result<Json<CommentsEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/articles/{slug}/comments: the article's comments, or 404",
    ))
}

/// `POST /api/articles/{slug}/comments`: 201 with the new comment and its id; a blank body
/// is a 422, an unknown article a 404.
pub async fn create(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
    Json(_request): Json<NewCommentRequest>,
) -> Result<(StatusCode, Json<CommentEnvelope>), ApiError> {
    Err(ApiError::todo(
        "POST /api/articles/{slug}/comments: validate, give it the next id in store.write; 201",
    ))
}

/// `DELETE /api/articles/{slug}/comments/{id}`: 204; 404 when the article, or the comment
/// on that article, does not exist.
pub async fn delete(
    State(_state): State<AppState>,
    Path((_slug, _id)): Path<(String, u64)>,
) -> Result<StatusCode, ApiError> {
    Err(ApiError::todo(
        "DELETE /api/articles/{slug}/comments/{id}: remove it in store.write; 204",
    ))
}
