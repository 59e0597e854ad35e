//! Comments on articles, with their authors' profiles.

use rusqlite::{Connection, OptionalExtension, params};

use crate::model::CommentView;
use crate::queries::profile_at;

/// `?1` is the viewer's id (or NULL).
const COLUMNS: &str = "
    c.id, c.created_at, c.updated_at, c.body,
    u.username, u.bio, u.image,
    EXISTS(SELECT 1 FROM follows w WHERE w.follower_id = ?1 AND w.followee_id = c.author_id)";

fn comment(row: &rusqlite::Row<'_>) -> rusqlite::Result<CommentView> {
    Ok(CommentView {
        id: row.get(0)?,
        created_at: row.get(1)?,
        updated_at: row.get(2)?,
        body: row.get(3)?,
        author: profile_at(row, 4)?,
    })
}

/// The article's comments, oldest first.
pub fn list(
    connection: &Connection,
    viewer: Option<i64>,
    article_id: i64,
) -> rusqlite::Result<Vec<CommentView>> {
    connection
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM comments c JOIN users u ON u.id = c.author_id
             WHERE c.article_id = ?2 ORDER BY c.id"
        ))?
        .query_map(params![viewer, article_id], comment)?
        .collect()
}

pub fn by_id(
    connection: &Connection,
    viewer: Option<i64>,
    id: i64,
) -> rusqlite::Result<Option<CommentView>> {
    connection
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM comments c JOIN users u ON u.id = c.author_id WHERE c.id = ?2"
        ))?
        .query_row(params![viewer, id], comment)
        .optional()
}

pub fn insert(
    connection: &Connection,
    article_id: i64,
    author_id: i64,
    body: &str,
    now: &str,
) -> rusqlite::Result<i64> {
    connection
        .prepare_cached(
            "INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
        )?
        .execute(params![article_id, author_id, body, now])?;
    Ok(connection.last_insert_rowid())
}

/// The author of comment `id` on article `article_id`, when there is such a comment.
pub fn author(connection: &Connection, article_id: i64, id: i64) -> rusqlite::Result<Option<i64>> {
    connection
        .prepare_cached("SELECT author_id FROM comments WHERE id = ?1 AND article_id = ?2")?
        .query_row(params![id, article_id], |row| row.get(0))
        .optional()
}

pub fn delete(connection: &Connection, id: i64) -> rusqlite::Result<()> {
    connection
        .prepare_cached("DELETE FROM comments WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}
