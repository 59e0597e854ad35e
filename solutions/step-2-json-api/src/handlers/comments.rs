//! Comments on an article: list, add, delete.
//!
//! | method and path                              | success              | errors   |
//! |----------------------------------------------|----------------------|----------|
//! | `GET /api/articles/{slug}/comments`          | 200 `{"comments"}`   | 404      |
//! | `POST /api/articles/{slug}/comments`         | 201 `{"comment"}`    | 404, 422, … |
//! | `DELETE /api/articles/{slug}/comments/{id}`  | 204, no body         | 404, 400 |
//!
//! Comment ids are whole numbers, unique across all articles and never reused.

use axum::extract::State;
use axum::http::StatusCode;

use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::handlers::FieldErrors;
use crate::model::{
    Comment, CommentEnvelope, CommentView, CommentsEnvelope, NewCommentRequest, now,
};
use crate::routes::AppState;

/// `GET /api/articles/{slug}/comments`: oldest first.
pub async fn list(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<CommentsEnvelope>, ApiError> {
    let data = state.store.snapshot();
    let article = data
        .articles
        .iter()
        .find(|a| a.slug == slug)
        .ok_or(ApiError::NotFound("article"))?;
    Ok(Json(CommentsEnvelope {
        comments: article.comments.iter().map(CommentView::from).collect(),
    }))
}

/// `POST /api/articles/{slug}/comments`: 201 with the new comment and its id.
pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Json(request): Json<NewCommentRequest>,
) -> Result<(StatusCode, Json<CommentEnvelope>), ApiError> {
    let mut errors = FieldErrors::default();
    let body = errors.required("body", request.comment.body);
    errors.finish()?;

    let comment = state
        .store
        .write(move |data| {
            // The id is handed out first, but only saved if the article exists: on a 404
            // the closure returns `Err` and the whole change is dropped.
            data.next_comment_id += 1;
            let id = data.next_comment_id;
            let article = data
                .articles
                .iter_mut()
                .find(|a| a.slug == slug)
                .ok_or(ApiError::NotFound("article"))?;
            let created_at = now();
            let comment = Comment {
                id,
                body,
                updated_at: created_at.clone(),
                created_at,
            };
            let view = CommentView::from(&comment);
            article.comments.push(comment);
            Ok(view)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(CommentEnvelope { comment })))
}

/// `DELETE /api/articles/{slug}/comments/{id}`: 204; 404 when either is unknown.
pub async fn delete(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, u64)>,
) -> Result<StatusCode, ApiError> {
    state
        .store
        .write(|data| {
            let article = data
                .articles
                .iter_mut()
                .find(|a| a.slug == slug)
                .ok_or(ApiError::NotFound("article"))?;
            let index = article
                .comments
                .iter()
                .position(|c| c.id == id)
                .ok_or(ApiError::NotFound("comment"))?;
            article.comments.remove(index);
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
