//! Stage 1, yours: tokens, signed JSON Web Tokens (HS256) that say which user sent a
//! request, and until when that is believed.
//!
//! A token is `header.claims.signature`, each part base64. Put the user's id in `sub`, the
//! time it was made in `iat` and the time it stops being valid in `exp` (now +
//! `JWT_TTL_SECONDS`). The server keeps no list of tokens: it checks the signature (only
//! the holder of `JWT_SECRET` can make one) and the expiry.
//!
//! With jsonwebtoken 10: `encode(&Header::new(Algorithm::HS256), &claims,
//! &EncodingKey::from_secret(secret))` and `decode::<Claims>(token,
//! &DecodingKey::from_secret(secret), &validation)`, with `Validation::new(Algorithm::HS256)`
//! whose `leeway` you set to 0 (its default accepts tokens up to 60 s after they expire).
//!
//! Why tokens expire: a token is a password that travels with every request and lands in
//! browser storage, proxies' logs and screenshots. One valid forever is a permanent key for
//! whoever finds it; one that expires limits the damage to its lifetime.

use crate::error::ApiError;

/// The keys made from `JWT_SECRET`, and how long a new token lives.
#[derive(Clone, Default)]
pub struct Tokens {}

impl Tokens {
    /// Make it from the secret and the lifetime in `config.rs`.
    pub fn new() -> Tokens {
        Tokens {}
    }

    /// A new token for user `user_id`.
    pub fn issue(&self, _user_id: i64) -> Result<String, ApiError> {
        Err(ApiError::todo(
            "Tokens::issue: sign {sub, iat, exp} with HS256",
        ))
    }

    /// The user id a token speaks for: 401 when it is malformed, forged or expired.
    pub fn verify(&self, _token: &str) -> Result<i64, ApiError> {
        Err(ApiError::todo(
            "Tokens::verify: check the signature and the expiry (leeway 0)",
        ))
    }
}
