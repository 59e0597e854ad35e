//! Articles, their tags and favourites.
//!
//! Every read shares [`COLUMNS`]: the article, its author's profile, and the viewer's
//! relation to both, computed by SQLite in the same statement (no query per article).
//! Filters and pagination are SQL too: `WHERE`, `LIMIT`, `OFFSET`, and a `COUNT(*)` over
//! the same `WHERE` for `articlesCount`. Statements are prepared once per connection
//! (`prepare_cached`), from SQL text built once (`LazyLock`): a read formats, parses and
//! plans nothing.

use std::collections::HashSet;
use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, params};

use crate::model::ArticleView;
use crate::queries::profile_at;

/// `?1` is the viewer's id (or NULL). Tags come back as one JSON array, in their order.
const COLUMNS: &str = "
    a.slug, a.title, a.description, a.body, a.created_at, a.updated_at,
    (SELECT COUNT(*) FROM favorites f WHERE f.article_id = a.id),
    EXISTS(SELECT 1 FROM favorites f WHERE f.article_id = a.id AND f.user_id = ?1),
    (SELECT json_group_array(tag) FROM
        (SELECT tag FROM article_tags t WHERE t.article_id = a.id ORDER BY position)),
    u.username, u.bio, u.image,
    EXISTS(SELECT 1 FROM follows w WHERE w.follower_id = ?1 AND w.followee_id = a.author_id)";

/// `?2` tag, `?3` author's username, `?4` username who favourited it, `?5` id of a user
/// whose followees wrote it (the feed). A NULL parameter means "no such filter".
const FILTERED: &str = "
    FROM articles a JOIN users u ON u.id = a.author_id
    WHERE (?2 IS NULL OR EXISTS(SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ?2))
      AND (?3 IS NULL OR u.username = ?3)
      AND (?4 IS NULL OR EXISTS(SELECT 1 FROM favorites f JOIN users fu ON fu.id = f.user_id
                                WHERE f.article_id = a.id AND fu.username = ?4))
      AND (?5 IS NULL OR EXISTS(SELECT 1 FROM follows w
                                WHERE w.follower_id = ?5 AND w.followee_id = a.author_id))";

/// Which articles a list shows.
#[derive(Debug, Default)]
pub struct Filter {
    pub tag: Option<String>,
    pub author: Option<String>,
    pub favorited: Option<String>,
    /// Only articles by users this user follows (the feed).
    pub followed_by: Option<i64>,
}

fn article(row: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleView> {
    let tags: String = row.get(8)?;
    Ok(ArticleView {
        slug: row.get(0)?,
        title: row.get(1)?,
        description: row.get(2)?,
        body: row.get(3)?,
        created_at: row.get(4)?,
        updated_at: row.get(5)?,
        favorites_count: row.get::<_, i64>(6)?.max(0) as u64,
        favorited: row.get(7)?,
        tag_list: serde_json::from_str(&tags).unwrap_or_default(),
        author: profile_at(row, 9)?,
    })
}

/// One page of the matching articles, newest first, and how many match in all.
pub fn list(
    connection: &Connection,
    viewer: Option<i64>,
    filter: &Filter,
    limit: u32,
    offset: u32,
) -> rusqlite::Result<(Vec<ArticleView>, u64)> {
    let filters = params![
        viewer,
        filter.tag,
        filter.author,
        filter.favorited,
        filter.followed_by
    ];
    static COUNT: LazyLock<String> = LazyLock::new(|| format!("SELECT COUNT(*) {FILTERED}"));
    static PAGE: LazyLock<String> = LazyLock::new(|| {
        format!("SELECT {COLUMNS} {FILTERED} ORDER BY a.id DESC LIMIT ?6 OFFSET ?7")
    });
    let count: i64 = connection
        .prepare_cached(&COUNT)?
        .query_row(filters, |row| row.get(0))?;
    let mut statement = connection.prepare_cached(&PAGE)?;
    let articles = statement
        .query_map(
            params![
                viewer,
                filter.tag,
                filter.author,
                filter.favorited,
                filter.followed_by,
                limit,
                offset
            ],
            article,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((articles, count.max(0) as u64))
}

pub fn by_slug(
    connection: &Connection,
    viewer: Option<i64>,
    slug: &str,
) -> rusqlite::Result<Option<ArticleView>> {
    static BY_SLUG: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT {COLUMNS} FROM articles a JOIN users u ON u.id = a.author_id WHERE a.slug = ?2"
        )
    });
    connection
        .prepare_cached(&BY_SLUG)?
        .query_row(params![viewer, slug], article)
        .optional()
}

/// The article's id and its author's id.
pub fn owner(connection: &Connection, slug: &str) -> rusqlite::Result<Option<(i64, i64)>> {
    connection
        .prepare_cached("SELECT id, author_id FROM articles WHERE slug = ?1")?
        .query_row([slug], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()
}

/// The slugs of articles other than `except` that are `base` or `base-…`: the ones a new
/// slug made from `base` must not be. (`base` holds only `a-z`, `0-9` and `-`, none of
/// which `LIKE` treats specially.)
pub fn slugs_like(
    connection: &Connection,
    base: &str,
    except: i64,
) -> rusqlite::Result<HashSet<String>> {
    connection
        .prepare_cached("SELECT slug FROM articles WHERE (slug = ?1 OR slug LIKE ?2) AND id != ?3")?
        .query_map(params![base, format!("{base}-%"), except], |row| row.get(0))?
        .collect()
}

/// The fields of a new article, or of one being rewritten.
#[derive(Debug)]
pub struct Fields<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub body: &'a str,
}

pub fn insert(
    connection: &Connection,
    author_id: i64,
    fields: &Fields<'_>,
    now: &str,
) -> rusqlite::Result<i64> {
    connection
        .prepare_cached(
            "INSERT INTO articles (slug, title, description, body, author_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        )?
        .execute(params![
            fields.slug,
            fields.title,
            fields.description,
            fields.body,
            author_id,
            now
        ])?;
    Ok(connection.last_insert_rowid())
}

pub fn update(
    connection: &Connection,
    id: i64,
    fields: &Fields<'_>,
    now: &str,
) -> rusqlite::Result<()> {
    connection
        .prepare_cached(
            "UPDATE articles SET slug = ?2, title = ?3, description = ?4, body = ?5, updated_at = ?6
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            fields.slug,
            fields.title,
            fields.description,
            fields.body,
            now
        ])?;
    Ok(())
}

/// Replaces the article's tags with `tags`, in that order.
pub fn set_tags(connection: &Connection, id: i64, tags: &[String]) -> rusqlite::Result<()> {
    connection
        .prepare_cached("DELETE FROM article_tags WHERE article_id = ?1")?
        .execute([id])?;
    let mut insert = connection.prepare_cached(
        "INSERT INTO article_tags (article_id, tag, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, tag) in tags.iter().enumerate() {
        insert.execute(params![id, tag, position as i64])?;
    }
    Ok(())
}

/// The current fields of an article, to merge a partial update into.
pub fn fields(
    connection: &Connection,
    id: i64,
) -> rusqlite::Result<(String, String, String, String)> {
    connection
        .prepare_cached("SELECT slug, title, description, body FROM articles WHERE id = ?1")?
        .query_row([id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
}

/// Deletes the article; its tags, favourites and comments go with it (`ON DELETE CASCADE`).
pub fn delete(connection: &Connection, id: i64) -> rusqlite::Result<()> {
    connection
        .prepare_cached("DELETE FROM articles WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Favouriting twice is the same as once.
pub fn favorite(connection: &Connection, user_id: i64, article_id: i64) -> rusqlite::Result<()> {
    connection
        .prepare_cached("INSERT OR IGNORE INTO favorites (user_id, article_id) VALUES (?1, ?2)")?
        .execute(params![user_id, article_id])?;
    Ok(())
}

pub fn unfavorite(connection: &Connection, user_id: i64, article_id: i64) -> rusqlite::Result<()> {
    connection
        .prepare_cached("DELETE FROM favorites WHERE user_id = ?1 AND article_id = ?2")?
        .execute(params![user_id, article_id])?;
    Ok(())
}

/// Every tag in use, sorted, once each.
pub fn tags(connection: &Connection) -> rusqlite::Result<Vec<String>> {
    connection
        .prepare_cached("SELECT DISTINCT tag FROM article_tags ORDER BY tag")?
        .query_map([], |row| row.get(0))?
        .collect()
}
