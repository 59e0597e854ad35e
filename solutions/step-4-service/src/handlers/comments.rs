//! Comments on an article.
//!
//! | method and path                             | auth     | success            | errors |
//! |---------------------------------------------|----------|--------------------|--------|
//! | `GET /api/articles/{slug}/comments`         | optional | 200 `{"comments"}` | 401, 404 |
//! | `POST /api/articles/{slug}/comments`        | required | 201 `{"comment"}`  | 401, 404, 422 |
//! | `DELETE /api/articles/{slug}/comments/{id}` | author   | 204                | 401, 403, 404 |
//!
//! Only a comment's author may delete it. Comment ids are unique across all articles and
//! never reused.

use axum::extract::State;
use axum::http::StatusCode;

use crate::auth::{CurrentUser, viewer};
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::handlers::FieldErrors;
use crate::model::{CommentEnvelope, CommentsEnvelope, NewCommentRequest, now};
use crate::queries::{articles, comments};
use crate::routes::AppState;

/// `GET /api/articles/{slug}/comments`: oldest first.
pub async fn list(
    State(state): State<AppState>,
    current: Option<CurrentUser>,
    Path(slug): Path<String>,
) -> Result<Json<CommentsEnvelope>, ApiError> {
    let viewer = viewer(&current);
    let comments = state
        .db
        .read(move |connection| {
            let (id, _) =
                articles::owner(connection, &slug)?.ok_or(ApiError::NotFound("article"))?;
            Ok(comments::list(connection, viewer, id)?)
        })
        .await?;
    Ok(Json(CommentsEnvelope { comments }))
}

/// `POST /api/articles/{slug}/comments`: 201 with the new comment and its id.
pub async fn create(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Json(request): Json<NewCommentRequest>,
) -> Result<(StatusCode, Json<CommentEnvelope>), ApiError> {
    let mut errors = FieldErrors::default();
    let body = errors.required("body", request.comment.body);
    errors.finish()?;

    let me = current.id();
    let comment = state
        .db
        .write(move |tx| {
            let (article, _) = articles::owner(tx, &slug)?.ok_or(ApiError::NotFound("article"))?;
            let id = comments::insert(tx, article, me, &body, &now())?;
            comments::by_id(tx, Some(me), id)?.ok_or(ApiError::NotFound("comment"))
        })
        .await?;
    Ok((StatusCode::CREATED, Json(CommentEnvelope { comment })))
}

/// `DELETE /api/articles/{slug}/comments/{id}`: 204; 404 when either is unknown or the
/// comment is on another article; 403 when it is someone else's.
pub async fn delete(
    State(state): State<AppState>,
    current: CurrentUser,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<StatusCode, ApiError> {
    let me = current.id();
    state
        .db
        .write(move |tx| {
            let (article, _) = articles::owner(tx, &slug)?.ok_or(ApiError::NotFound("article"))?;
            let author = comments::author(tx, article, id)?.ok_or(ApiError::NotFound("comment"))?;
            if author != me {
                return Err(ApiError::Forbidden("comment"));
            }
            Ok(comments::delete(tx, id)?)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
