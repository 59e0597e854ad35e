//! Comments on an article: list, add, delete, as SQL.
//!
//! Comment ids come from SQLite (`INTEGER PRIMARY KEY AUTOINCREMENT`): unique across all
//! articles and never reused, with no counter of our own to keep in step.

use axum::extract::State;
use axum::http::StatusCode;
use rusqlite::{Connection, params};
use solution_step_2::extract::{Json, Path};
use solution_step_2::model::{
    CommentEnvelope, CommentView, CommentsEnvelope, NewCommentRequest, now,
};

use crate::ApiError;
use crate::db::Result;
use crate::handlers::FieldErrors;
use crate::handlers::articles::id_of;
use crate::routes::AppState;

/// `GET /api/articles/{slug}/comments`: oldest first.
pub async fn list(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<CommentsEnvelope>, ApiError> {
    let comments = state
        .db
        .read(move |conn| {
            let article = id_of(conn, &slug)?;
            select_comments(conn, article)
        })
        .await?;
    Ok(Json(CommentsEnvelope { comments }))
}

/// The comments of article `article`, oldest first.
pub fn select_comments(conn: &Connection, article: i64) -> Result<Vec<CommentView>> {
    let comments = conn
        .prepare_cached(
            "SELECT id, body, created_at, updated_at FROM comments
             WHERE article_id = ?1 ORDER BY id",
        )?
        .query_map([article], |row| {
            Ok(CommentView {
                id: row.get::<_, i64>(0)? as u64,
                body: row.get(1)?,
                created_at: row.get(2)?,
                updated_at: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(comments)
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
        .db
        .write(move |tx| {
            let article = id_of(tx, &slug)?;
            let created_at = now();
            tx.prepare_cached(
                "INSERT INTO comments (article_id, body, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?3)",
            )?
            .execute(params![article, body, created_at])?;
            Ok(CommentView {
                id: tx.last_insert_rowid() as u64,
                body,
                updated_at: created_at.clone(),
                created_at,
            })
        })
        .await?;
    Ok((StatusCode::CREATED, Json(CommentEnvelope { comment })))
}

/// `DELETE /api/articles/{slug}/comments/{id}`: 204; 404 when either is unknown, or when
/// the comment belongs to another article.
pub async fn delete(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, u64)>,
) -> Result<StatusCode, ApiError> {
    state
        .db
        .write(move |tx| {
            let article = id_of(tx, &slug)?;
            let id = i64::try_from(id).map_err(|_| ApiError::NotFound("comment"))?;
            let deleted = tx
                .prepare_cached("DELETE FROM comments WHERE id = ?1 AND article_id = ?2")?
                .execute(params![id, article])?;
            if deleted == 0 {
                return Err(ApiError::NotFound("comment").into());
            }
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
