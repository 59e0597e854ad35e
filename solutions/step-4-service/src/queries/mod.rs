//! The SQL: one module per table group, plain functions on a `&Connection`.
//!
//! Handlers call these inside `db.read(…)` or `db.write(…)` closures, so they run on the
//! blocking pool, and several calls in one `write` closure are one transaction. A
//! `Transaction` dereferences to a `Connection`, so the same function serves both.
//!
//! `viewer` is the logged-in user's id, or `None`: it decides `following` and `favorited`.
//! SQL compares `NULL` to nothing, so an anonymous viewer follows no one and favours
//! nothing without any special case.

pub mod articles;
pub mod comments;
pub mod users;

use crate::model::Profile;

/// Reads a profile from columns `username, bio, image, following` starting at `first`.
pub fn profile_at(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Profile> {
    Ok(Profile {
        username: row.get(first)?,
        bio: row.get(first + 1)?,
        image: row.get(first + 2)?,
        following: row.get(first + 3)?,
    })
}
