//! `import FILE`: copies a step-2 data file (`conduit.json`) into the database.
//!
//! Three promises:
//! - **all or nothing**: the file is parsed completely before the database is touched, and
//!   everything is inserted in one transaction, so a bad file (or a crash halfway) leaves
//!   the database exactly as it was;
//! - **idempotent**: an article whose slug is already in the database is skipped, and so
//!   is a comment whose id is, so importing the same file twice is the same as once;
//! - **faithful**: slugs, timestamps, tag order and comment ids are kept as they were.
//!
//! The file's format is step 2's own type, [`solution_step_2::model::Data`]: the step-2
//! reference wrote it with that type, so reading it with the same type cannot drift.

use std::fmt;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use solution_step_2::model::Data;

use crate::handlers::articles::set_tags;

/// What an import did, for the line it prints.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub articles: usize,
    pub comments: usize,
    /// Articles already in the database (by slug), left as they were.
    pub skipped: usize,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "imported {} articles and {} comments ({} articles were already there)",
            self.articles, self.comments, self.skipped
        )
    }
}

/// Reads, checks and imports `file` with the writer connection `conn`. The error names the
/// file and says what is wrong; on any error nothing was written.
pub fn import_file(conn: &mut Connection, file: &Path) -> Result<Report, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let data: Data = serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{} is not a step-2 data file ({e}); nothing was imported",
            file.display()
        )
    })?;
    let imported = (|| {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let report = import_data(&tx, &data)?;
        tx.commit()?;
        Ok::<Report, crate::db::Error>(report)
    })();
    imported.map_err(|e| {
        format!(
            "cannot import {}: {e:?}; nothing was imported",
            file.display()
        )
    })
}

/// Inserts what `data` has and the database has not, oldest article first (so ids, and
/// "newest first", follow the file's order).
pub fn import_data(conn: &Connection, data: &Data) -> crate::db::Result<Report> {
    let mut report = Report::default();
    let mut existing = conn.prepare_cached("SELECT id FROM articles WHERE slug = ?1")?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO articles (slug, title, description, body, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut insert_comment = conn.prepare_cached(
        "INSERT OR IGNORE INTO comments (id, article_id, body, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for article in &data.articles {
        let found: Option<i64> = existing
            .query_row([&article.slug], |row| row.get(0))
            .optional()?;
        if found.is_some() {
            report.skipped += 1;
            continue;
        }
        insert.execute(params![
            article.slug,
            article.title,
            article.description,
            article.body,
            article.created_at,
            article.updated_at
        ])?;
        let id = conn.last_insert_rowid();
        set_tags(conn, id, &article.tag_list)?;
        report.articles += 1;
        for comment in &article.comments {
            report.comments += insert_comment.execute(params![
                i64::try_from(comment.id).unwrap_or(i64::MAX),
                id,
                comment.body,
                comment.created_at,
                comment.updated_at
            ])?;
        }
    }
    Ok(report)
}
