//! Comments on an article: list, add, delete, as SQL.
//!
//! | method and path                              | success              | errors   |
//! |----------------------------------------------|----------------------|----------|
//! | `GET /api/articles/{slug}/comments`          | 200 `{"comments"}`   | 404      |
//! | `POST /api/articles/{slug}/comments`         | 201 `{"comment"}`    | 404, 422, … |
//! | `DELETE /api/articles/{slug}/comments/{id}`  | 204, no body         | 404, 400 |
//!
//! Comment ids come from SQLite (`INTEGER PRIMARY KEY AUTOINCREMENT`, read back with
//! `last_insert_rowid()`): unique across all articles and never reused. Computing
//! `max(id) + 1` yourself races with every other writer.

use axum::extract::State;
use axum::http::StatusCode;

use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::handlers::FieldErrors;
use crate::model::{CommentEnvelope, CommentsEnvelope, NewCommentRequest};
use crate::routes::AppState;

/// `GET /api/articles/{slug}/comments`: oldest first.
pub async fn list(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
) -> Result<Json<CommentsEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET …/comments: state.db.read: the article's id by slug (or a 404), then its \
         comments ORDER BY id",
    ))
}

/// `POST /api/articles/{slug}/comments`: 201 with the new comment and its id.
pub async fn create(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
    Json(request): Json<NewCommentRequest>,
) -> Result<(StatusCode, Json<CommentEnvelope>), ApiError> {
    let mut errors = FieldErrors::default();
    let _body = errors.required("body", request.comment.body);
    errors.finish()?;
    Err(ApiError::todo(
        "POST …/comments: state.db.write: the article's id (or a 404), INSERT INTO \
         comments, the id from last_insert_rowid(); 201",
    ))
}

/// `DELETE /api/articles/{slug}/comments/{id}`: 204; 404 when either is unknown, or when
/// the comment belongs to another article.
pub async fn delete(
    State(_state): State<AppState>,
    Path((_slug, _id)): Path<(String, u64)>,
) -> Result<StatusCode, ApiError> {
    Err(ApiError::todo(
        "DELETE …/comments/{id}: state.db.write: DELETE FROM comments WHERE id = ?1 AND \
         article_id = ?2; 0 rows is a 404",
    ))
}
