//! Passwords: stored only as argon2 hashes, checked in constant-ish time.
//!
//! Why argon2 and not SHA-256: a stolen users table is attacked offline, guess after
//! guess. SHA-256 is built to be fast (billions of guesses per second on a GPU); argon2 is
//! built to be slow and to need memory (19 MiB per guess here), so each guess costs the
//! attacker what it costs us, about 20–50 ms. The hash string carries its own random salt
//! and parameters (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), so two users with the
//! same password get different hashes and the parameters can be raised later.
//!
//! That slowness is also why hashing runs on tokio's blocking pool (`spawn_blocking`): on
//! the async runtime it would stall every other request on that thread for the duration.

use std::sync::LazyLock;

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

use crate::error::ApiError;

/// A hash of a password nobody has, checked when the email is unknown, so that a login for
/// an unknown email costs the same as a wrong password for a known one. Without it, the
/// answer's speed tells an attacker which emails have accounts.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_now("no user has this password").expect("hashing a constant cannot fail")
});

/// Hashes `password` with a fresh random salt, off the runtime.
pub async fn hash(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|e| ApiError::Internal(format!("hashing task: {e}")))?
}

/// Whether `password` matches `stored`; with no stored hash (unknown user) it checks the
/// dummy hash and answers false, taking just as long.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, ApiError> {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        let parsed = PasswordHash::new(&stored)
            .map_err(|e| ApiError::Internal(format!("stored hash does not parse: {e}")))?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await
    .map_err(|e| ApiError::Internal(format!("hashing task: {e}")))?
}

/// Computes the dummy hash now rather than on the first unknown login, so that login is not
/// the one slower than the rest.
pub fn warm_up() {
    LazyLock::force(&DUMMY_HASH);
}

fn hash_now(password: &str) -> Result<String, ApiError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))
}
