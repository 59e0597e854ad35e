//! Users, their profiles and who follows whom.

use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, params};

use crate::model::Profile;
use crate::queries::profile_at;

/// A user row, without the password hash.
#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub username: String,
    pub bio: Option<String>,
    pub image: Option<String>,
}

const USER_COLUMNS: &str = "id, email, username, bio, image";

fn user(row: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: row.get(0)?,
        email: row.get(1)?,
        username: row.get(2)?,
        bio: row.get(3)?,
        image: row.get(4)?,
    })
}

pub fn by_id(connection: &Connection, id: i64) -> rusqlite::Result<Option<User>> {
    static BY_ID: LazyLock<String> =
        LazyLock::new(|| format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"));
    connection
        .prepare_cached(&BY_ID)?
        .query_row([id], user)
        .optional()
}

/// The user with this email (compared without case) and their password hash.
pub fn by_email_with_hash(
    connection: &Connection,
    email: &str,
) -> rusqlite::Result<Option<(User, String)>> {
    connection
        .prepare_cached(&format!(
            "SELECT {USER_COLUMNS}, password_hash FROM users WHERE email = ?1"
        ))?
        .query_row([email], |row| Ok((user(row)?, row.get(5)?)))
        .optional()
}

pub fn id_by_username(connection: &Connection, username: &str) -> rusqlite::Result<Option<i64>> {
    connection
        .prepare_cached("SELECT id FROM users WHERE username = ?1")?
        .query_row([username], |row| row.get(0))
        .optional()
}

/// Whether another user than `except` already has this email.
pub fn email_taken(connection: &Connection, email: &str, except: i64) -> rusqlite::Result<bool> {
    connection
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM users WHERE email = ?1 AND id != ?2)")?
        .query_row(params![email, except], |row| row.get(0))
}

/// Whether another user than `except` already has this username.
pub fn username_taken(
    connection: &Connection,
    username: &str,
    except: i64,
) -> rusqlite::Result<bool> {
    connection
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM users WHERE username = ?1 AND id != ?2)")?
        .query_row(params![username, except], |row| row.get(0))
}

pub fn insert(
    connection: &Connection,
    email: &str,
    username: &str,
    password_hash: &str,
    created_at: &str,
) -> rusqlite::Result<i64> {
    connection
        .prepare_cached(
            "INSERT INTO users (email, username, password_hash, created_at)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![email, username, password_hash, created_at])?;
    Ok(connection.last_insert_rowid())
}

/// Writes every field of `user` (the caller has merged the changes into it).
pub fn update(connection: &Connection, user: &User) -> rusqlite::Result<()> {
    connection
        .prepare_cached(
            "UPDATE users SET email = ?2, username = ?3, bio = ?4, image = ?5 WHERE id = ?1",
        )?
        .execute(params![
            user.id,
            user.email,
            user.username,
            user.bio,
            user.image
        ])?;
    Ok(())
}

pub fn set_password_hash(connection: &Connection, id: i64, hash: &str) -> rusqlite::Result<()> {
    connection
        .prepare_cached("UPDATE users SET password_hash = ?2 WHERE id = ?1")?
        .execute(params![id, hash])?;
    Ok(())
}

/// `username`'s profile as `viewer` sees it.
pub fn profile(
    connection: &Connection,
    viewer: Option<i64>,
    username: &str,
) -> rusqlite::Result<Option<Profile>> {
    connection
        .prepare_cached(
            "SELECT u.username, u.bio, u.image,
                    EXISTS(SELECT 1 FROM follows w WHERE w.follower_id = ?1 AND w.followee_id = u.id)
             FROM users u WHERE u.username = ?2",
        )?
        .query_row(params![viewer, username], |row| profile_at(row, 0))
        .optional()
}

/// Following twice is the same as once.
pub fn follow(connection: &Connection, follower: i64, followee: i64) -> rusqlite::Result<()> {
    connection
        .prepare_cached("INSERT OR IGNORE INTO follows (follower_id, followee_id) VALUES (?1, ?2)")?
        .execute(params![follower, followee])?;
    Ok(())
}

pub fn unfollow(connection: &Connection, follower: i64, followee: i64) -> rusqlite::Result<()> {
    connection
        .prepare_cached("DELETE FROM follows WHERE follower_id = ?1 AND followee_id = ?2")?
        .execute(params![follower, followee])?;
    Ok(())
}
