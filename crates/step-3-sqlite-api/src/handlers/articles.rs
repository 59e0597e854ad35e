//! Articles: list, create, read, update, delete, now as SQL.
//!
//! | method and path               | SQL                                                  |
//! |-------------------------------|------------------------------------------------------|
//! | `GET /api/articles`           | a page (`LIMIT ?2 OFFSET ?3`) and a `count(*)`, filtered by tag in SQL |
//! | `POST /api/articles`          | a free slug, the INSERT, the tag links: one `state.db.write` |
//! | `GET /api/articles/{slug}`    | `SELECT … WHERE slug = ?1`, and the tags `ORDER BY position` |
//! | `PUT /api/articles/{slug}`    | find the id, `UPDATE` only the fields present: one `state.db.write` |
//! | `DELETE /api/articles/{slug}` | `DELETE … WHERE slug = ?1`; links and comments cascade |
//!
//! Read with `state.db.read(move |conn| …)`, change with `state.db.write(move |tx| …)`:
//! both closures run on the blocking pool and may return `Err(ApiError::NotFound(..))?`
//! as well as SQLite errors (`?` converts both). Write the SQL in plain functions taking a
//! `&Connection` (a `&Transaction` is one), so the handler only validates and answers.
//!
//! Bind every value as a parameter (`params![slug, title]` with `?1, ?2` in the SQL), never
//! with `format!`: a title like `'); DROP TABLE articles; --` must be just a title.
//! Filter and cut the page in SQL, never in Rust after loading every article: that is what
//! the database is for, and `articlesCount` is a second query with the same `WHERE`.
//!
//! Useful: `conn.prepare_cached(sql)?` (prepared once per connection), `query_row(..)
//! .optional()?` (from `rusqlite::OptionalExtension`: `None` when no row),
//! `conn.last_insert_rowid()`, `INSERT OR IGNORE INTO tags (name) VALUES (?1)`.

use axum::extract::State;
use axum::http::StatusCode;

use crate::error::ApiError;
use crate::extract::{Json, Path, Query};
use crate::handlers::{FieldErrors, clean_tags};
use crate::model::{
    ArticleEnvelope, ArticlesEnvelope, ListParams, NewArticleRequest, TITLE_MAX_CHARS,
    UpdateArticleRequest,
};
use crate::routes::AppState;

/// Used when the query has no `limit`.
pub const DEFAULT_LIMIT: usize = 20;

/// `GET /api/articles?tag=&limit=&offset=`: newest first (`ORDER BY id DESC`);
/// `articlesCount` counts every article that matches `tag`, before the page is cut. A
/// `limit` of 0 is a 422.
pub async fn list(
    State(_state): State<AppState>,
    Query(_params): Query<ListParams>,
) -> Result<Json<ArticlesEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/articles: state.db.read: SELECT … ORDER BY id DESC LIMIT ?1 OFFSET ?2, \
         joined with article_tags and tags for ?tag=, and a count(*) with the same filter",
    ))
}

/// `POST /api/articles`: 201 with the new article. The slug comes from the title
/// (`slug::slugify`) and is made unique (`-2`, `-3`, …) inside the write.
pub async fn create(
    State(_state): State<AppState>,
    Json(request): Json<NewArticleRequest>,
) -> Result<(StatusCode, Json<ArticleEnvelope>), ApiError> {
    let input = request.article;
    let mut errors = FieldErrors::default();
    let title = errors.required("title", input.title);
    errors.at_most("title", Some(&title), TITLE_MAX_CHARS);
    let _description = errors.required("description", input.description);
    let _body = errors.required("body", input.body);
    errors.finish()?;
    let _tag_list = clean_tags(input.tag_list);
    Err(ApiError::todo(
        "POST /api/articles: state.db.write: a free slug, INSERT INTO articles, link the \
         tags (INSERT OR IGNORE INTO tags, INSERT INTO article_tags); 201",
    ))
}

/// `GET /api/articles/{slug}`: 200, or 404 `{"errors": {"article": ["not found"]}}`.
pub async fn get(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/articles/{slug}: state.db.read: SELECT … FROM articles WHERE slug = ?1, \
         its tags ORDER BY position; none is ApiError::NotFound(\"article\")",
    ))
}

/// `PUT /api/articles/{slug}`: changes only the fields present (none may be blank); a new
/// title brings a new slug. 200 with the article as stored.
pub async fn update(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
    Json(request): Json<UpdateArticleRequest>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    let changes = request.article;
    let mut errors = FieldErrors::default();
    let title = errors.not_blank("title", changes.title);
    errors.at_most("title", title.as_deref(), TITLE_MAX_CHARS);
    let _description = errors.not_blank("description", changes.description);
    let _body = errors.not_blank("body", changes.body);
    errors.finish()?;
    let _tag_list = changes.tag_list.map(|tags| clean_tags(Some(tags)));
    Err(ApiError::todo(
        "PUT /api/articles/{slug}: state.db.write: find the id, UPDATE only the fields \
         present (one column each), set updated_at; 200",
    ))
}

/// `DELETE /api/articles/{slug}`: 204 with no body; its tag links and comments cascade.
pub async fn delete(
    State(_state): State<AppState>,
    Path(_slug): Path<String>,
) -> Result<StatusCode, ApiError> {
    Err(ApiError::todo(
        "DELETE /api/articles/{slug}: state.db.write: DELETE FROM articles WHERE slug = ?1; \
         0 rows is a 404; 204",
    ))
}
