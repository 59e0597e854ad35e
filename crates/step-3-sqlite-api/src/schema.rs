//! The schema: tables and indexes, as migrations that run at startup (stage 1).
//!
//! [`rusqlite_migration`] keeps the schema's version in SQLite's `user_version` (a number in
//! the file's header) and applies, in one transaction, the migrations the file has not seen
//! yet. Never edit a migration once a database has run it: change the schema by appending a
//! new one, so every existing database can follow.
//!
//! The tables and their columns are part of the contract: the grader reads the query plans
//! of the slug lookup and of the tag filter in your database file, with these names, and
//! to grade your reads (stage 2) before you have written any write path it stops your
//! server, inserts rows into these tables with these columns, and starts it again.
//!
//! ```text
//! articles      id INTEGER PRIMARY KEY, slug, title, description, body,
//!               created_at, updated_at                 (all TEXT NOT NULL)
//! tags          id INTEGER PRIMARY KEY, name TEXT NOT NULL
//! article_tags  article_id → articles(id) ON DELETE CASCADE,
//!               tag_id → tags(id) ON DELETE CASCADE,
//!               position INTEGER (the order of the article's tagList),
//!               PRIMARY KEY (article_id, tag_id)
//! comments      id INTEGER PRIMARY KEY AUTOINCREMENT (never reused),
//!               article_id → articles(id) ON DELETE CASCADE,
//!               body, created_at, updated_at
//! ```
//!
//! - `id INTEGER PRIMARY KEY` is the rowid: it grows with each insert, so "newest first" is
//!   `ORDER BY id DESC`;
//! - a tag is stored once and linked to each article that uses it (many-to-many);
//! - `ON DELETE CASCADE` deletes an article's links and comments with it, but only on a
//!   connection with `PRAGMA foreign_keys=ON` (SQLite's default is off!).
//!
//! Then the indexes, in a second migration: `articles(slug)` (UNIQUE: it is also the slug's
//! guarantee), `tags(name)` (UNIQUE), `article_tags(tag_id, article_id)` (the tag filter
//! starts from the tag) and `comments(article_id)`. Without them the lookups read every
//! row: fine at 100 articles, slow at 100 000.

use rusqlite_migration::{M, Migrations};

/// Every migration, oldest first.
///
/// TODO (stage 1): `Migrations::new(vec![M::up("CREATE TABLE articles (…); …"),
/// M::up("CREATE UNIQUE INDEX …; …")])`. `migrations().validate()` (in a test of your own)
/// checks that they apply, in order, to an empty database.
pub fn migrations() -> Migrations<'static> {
    let migrations: Vec<M<'static>> = Vec::new();
    Migrations::new(migrations)
}
