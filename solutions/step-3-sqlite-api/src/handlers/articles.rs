//! Articles: list, create, read, update, delete, as SQL.
//!
//! | method and path               | SQL                                                  |
//! |-------------------------------|------------------------------------------------------|
//! | `GET /api/articles`           | one page (`LIMIT`/`OFFSET`) and one `count(*)`, filtered by tag in SQL |
//! | `POST /api/articles`          | pick a free slug, insert, link the tags: one write (five statements for one tag) |
//! | `GET /api/articles/{slug}`    | a lookup by `slug` (an index, not a scan)            |
//! | `PUT /api/articles/{slug}`    | read the row, change the fields present: one `BEGIN IMMEDIATE` |
//! | `DELETE /api/articles/{slug}` | one `DELETE`; links and comments cascade             |
//!
//! Every value reaches SQLite as a bound parameter (`?1`), never pasted into the SQL text:
//! a title like `'); DROP TABLE articles; --` is then just a title.

use axum::extract::State;
use axum::http::StatusCode;
use rusqlite::{Connection, OptionalExtension, params};
use solution_step_2::extract::{Json, Path, Query};
use solution_step_2::model::{
    ArticleEnvelope, ArticleSummary, ArticleView, ArticlesEnvelope, ListParams, NewArticleRequest,
    TITLE_MAX_CHARS, UpdateArticleRequest, now,
};
use solution_step_2::slug;

use crate::ApiError;
use crate::db::Result;
use crate::handlers::{FieldErrors, clean_tags};
use crate::routes::AppState;

/// Used when the query has no `limit`.
pub const DEFAULT_LIMIT: usize = 20;

/// `GET /api/articles?tag=&limit=&offset=`: newest first; `articlesCount` counts every
/// match before the page is cut. Both are computed by SQLite: nothing loads every article.
pub async fn list(
    State(state): State<AppState>,
    Query(params): Query<ListParams>,
) -> Result<Json<ArticlesEnvelope>, ApiError> {
    let page = Page::from_params(&params)?;
    let tag = params.tag;
    let envelope = state
        .db
        .read(move |conn| select_page(conn, tag.as_deref(), page))
        .await?;
    Ok(Json(envelope))
}

/// Which slice of the list a request asks for.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

impl Page {
    pub fn from_params(params: &ListParams) -> Result<Page, ApiError> {
        let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 {
            return Err(ApiError::invalid("limit", "must be at least 1"));
        }
        Ok(Page {
            limit,
            offset: params.offset.unwrap_or(0),
        })
    }
}

/// One page of the list, and the number of articles the filter matches.
pub fn select_page(conn: &Connection, tag: Option<&str>, page: Page) -> Result<ArticlesEnvelope> {
    // SQLite's integers are i64: a limit beyond that is "everything".
    let limit = i64::try_from(page.limit).unwrap_or(i64::MAX);
    let offset = i64::try_from(page.offset).unwrap_or(i64::MAX);
    let (count, ids): (i64, Vec<i64>) = match tag {
        None => (
            conn.query_row("SELECT count(*) FROM articles", [], |row| row.get(0))?,
            conn.prepare_cached("SELECT id FROM articles ORDER BY id DESC LIMIT ?1 OFFSET ?2")?
                .query_map(params![limit, offset], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?,
        ),
        Some(tag) => (
            conn.query_row(
                "SELECT count(*) FROM article_tags
                 JOIN tags ON tags.id = article_tags.tag_id WHERE tags.name = ?1",
                [tag],
                |row| row.get(0),
            )?,
            conn.prepare_cached(
                "SELECT article_tags.article_id FROM article_tags
                 JOIN tags ON tags.id = article_tags.tag_id WHERE tags.name = ?1
                 ORDER BY article_tags.article_id DESC LIMIT ?2 OFFSET ?3",
            )?
            .query_map(params![tag, limit, offset], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?,
        ),
    };
    let articles = ids
        .into_iter()
        .map(|id| select_by_id(conn, id).map(|article| ArticleSummary::from(&article)))
        .collect::<Result<_>>()?;
    Ok(ArticlesEnvelope {
        articles,
        articles_count: usize::try_from(count).unwrap_or_default(),
    })
}

/// `POST /api/articles`: 201 with the new article.
pub async fn create(
    State(state): State<AppState>,
    Json(request): Json<NewArticleRequest>,
) -> Result<(StatusCode, Json<ArticleEnvelope>), ApiError> {
    let input = request.article;
    let mut errors = FieldErrors::default();
    let title = errors.required("title", input.title);
    errors.at_most("title", Some(&title), TITLE_MAX_CHARS);
    let new = NewRow {
        title,
        description: errors.required("description", input.description),
        body: errors.required("body", input.body),
        tag_list: clean_tags(input.tag_list),
    };
    errors.finish()?;
    let article = state.db.write(move |tx| insert(tx, new)).await?;
    Ok((StatusCode::CREATED, Json(ArticleEnvelope { article })))
}

/// A validated new article.
#[derive(Debug, Clone)]
pub struct NewRow {
    pub title: String,
    pub description: String,
    pub body: String,
    pub tag_list: Vec<String>,
}

/// Inserts `new` with the first free slug. Must run in a write transaction: the slug is
/// free when checked and still free when inserted only if no other write runs in between.
///
/// A create is five statements for an article with one tag: the slug lookup, the insert,
/// and per tag an `INSERT OR IGNORE`, its id and the link. The answer is built from what
/// was inserted (nothing to read back), and each statement is prepared once per
/// connection (`prepare_cached`), not parsed again on every create.
pub fn insert(conn: &Connection, new: NewRow) -> Result<ArticleView> {
    let slug = free_slug(conn, &new.title, None)?;
    let created_at = now();
    conn.prepare_cached(
        "INSERT INTO articles (slug, title, description, body, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![
        slug,
        new.title,
        new.description,
        new.body,
        created_at
    ])?;
    let id = conn.last_insert_rowid();
    link_tags(conn, id, &new.tag_list)?;
    Ok(ArticleView::from(&solution_step_2::model::Article {
        slug,
        title: new.title,
        description: new.description,
        body: new.body,
        tag_list: new.tag_list,
        updated_at: created_at.clone(),
        created_at,
        comments: Vec::new(),
    }))
}

/// The first of `slugify(title)`, `-2`, `-3`, … that no article (other than `except`) has.
pub fn free_slug(conn: &Connection, title: &str, except: Option<i64>) -> Result<String> {
    let mut taken = conn.prepare_cached("SELECT id FROM articles WHERE slug = ?1")?;
    let mut is_taken = |candidate: &str| -> rusqlite::Result<bool> {
        let owner: Option<i64> = taken.query_row([candidate], |row| row.get(0)).optional()?;
        Ok(owner.is_some_and(|owner| Some(owner) != except))
    };
    let base = slug::slugify(title);
    if !is_taken(&base)? {
        return Ok(base);
    }
    for n in 2u64.. {
        let candidate = format!("{base}-{n}");
        if !is_taken(&candidate)? {
            return Ok(candidate);
        }
    }
    unreachable!("some suffix is free")
}

/// Replaces the tags of article `id` by `tags`, in order.
pub fn set_tags(conn: &Connection, id: i64, tags: &[String]) -> Result<()> {
    conn.prepare_cached("DELETE FROM article_tags WHERE article_id = ?1")?
        .execute([id])?;
    link_tags(conn, id, tags)
}

/// Links article `id`, which has no tags yet, to `tags`, in order: each tag is stored once
/// in `tags`.
pub fn link_tags(conn: &Connection, id: i64, tags: &[String]) -> Result<()> {
    let mut add_tag = conn.prepare_cached("INSERT OR IGNORE INTO tags (name) VALUES (?1)")?;
    let mut tag_id = conn.prepare_cached("SELECT id FROM tags WHERE name = ?1")?;
    let mut link = conn.prepare_cached(
        "INSERT INTO article_tags (article_id, tag_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, tag) in tags.iter().enumerate() {
        add_tag.execute([tag])?;
        let tag_id: i64 = tag_id.query_row([tag], |row| row.get(0))?;
        link.execute(params![id, tag_id, position as i64])?;
    }
    Ok(())
}

/// `GET /api/articles/{slug}`
pub async fn get(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    let article = state
        .db
        .read(move |conn| {
            let id = id_of(conn, &slug)?;
            Ok(ArticleView::from(&select_by_id(conn, id)?))
        })
        .await?;
    Ok(Json(ArticleEnvelope { article }))
}

/// The id of the article with this slug, or a 404.
pub fn id_of(conn: &Connection, slug: &str) -> Result<i64> {
    conn.prepare_cached("SELECT id FROM articles WHERE slug = ?1")?
        .query_row([slug], |row| row.get(0))
        .optional()?
        .ok_or_else(|| ApiError::NotFound("article").into())
}

/// The article with this id, with its tags in order (step 2's stored shape).
pub fn select_by_id(conn: &Connection, id: i64) -> Result<solution_step_2::model::Article> {
    let mut article = conn
        .prepare_cached(
            "SELECT slug, title, description, body, created_at, updated_at
             FROM articles WHERE id = ?1",
        )?
        .query_row([id], |row| {
            Ok(solution_step_2::model::Article {
                slug: row.get(0)?,
                title: row.get(1)?,
                description: row.get(2)?,
                body: row.get(3)?,
                tag_list: Vec::new(),
                created_at: row.get(4)?,
                updated_at: row.get(5)?,
                comments: Vec::new(),
            })
        })?;
    article.tag_list = conn
        .prepare_cached(
            "SELECT tags.name FROM article_tags JOIN tags ON tags.id = article_tags.tag_id
             WHERE article_tags.article_id = ?1 ORDER BY article_tags.position",
        )?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(article)
}

/// `PUT /api/articles/{slug}`: changes the fields present. A new title brings a new slug.
pub async fn update(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Json(request): Json<UpdateArticleRequest>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    let changes = request.article;
    let mut errors = FieldErrors::default();
    let title = errors.not_blank("title", changes.title);
    errors.at_most("title", title.as_deref(), TITLE_MAX_CHARS);
    let changes = Changes {
        title,
        description: errors.not_blank("description", changes.description),
        body: errors.not_blank("body", changes.body),
        tag_list: changes.tag_list.map(|tags| clean_tags(Some(tags))),
    };
    errors.finish()?;
    let article = state
        .db
        .write(move |tx| apply_changes(tx, &slug, changes))
        .await?;
    Ok(Json(ArticleEnvelope { article }))
}

/// The validated fields of an update; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub title: Option<String>,
    pub description: Option<String>,
    pub body: Option<String>,
    pub tag_list: Option<Vec<String>>,
}

/// Changes only the fields present, in the caller's write transaction: each `UPDATE` sets
/// one column, so a concurrent update of another field is kept, not overwritten with what
/// this request read.
pub fn apply_changes(conn: &Connection, slug: &str, changes: Changes) -> Result<ArticleView> {
    let id = id_of(conn, slug)?;
    if let Some(title) = changes.title {
        let new_slug = free_slug(conn, &title, Some(id))?;
        conn.prepare_cached("UPDATE articles SET title = ?1, slug = ?2 WHERE id = ?3")?
            .execute(params![title, new_slug, id])?;
    }
    if let Some(description) = changes.description {
        conn.prepare_cached("UPDATE articles SET description = ?1 WHERE id = ?2")?
            .execute(params![description, id])?;
    }
    if let Some(body) = changes.body {
        conn.prepare_cached("UPDATE articles SET body = ?1 WHERE id = ?2")?
            .execute(params![body, id])?;
    }
    if let Some(tag_list) = changes.tag_list {
        set_tags(conn, id, &tag_list)?;
    }
    conn.prepare_cached("UPDATE articles SET updated_at = ?1 WHERE id = ?2")?
        .execute(params![now(), id])?;
    Ok(ArticleView::from(&select_by_id(conn, id)?))
}

/// `DELETE /api/articles/{slug}`: 204; its tag links and comments cascade.
pub async fn delete(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<StatusCode, ApiError> {
    state
        .db
        .write(move |tx| {
            let deleted = tx
                .prepare_cached("DELETE FROM articles WHERE slug = ?1")?
                .execute([&slug])?;
            if deleted == 0 {
                return Err(ApiError::NotFound("article").into());
            }
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
