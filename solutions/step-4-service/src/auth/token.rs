//! Tokens: signed JSON Web Tokens (HS256) that say which user sent a request, and until
//! when that is believed.
//!
//! A token is `header.claims.signature`, each part base64. The claims here are the user's
//! id (`sub`), when the token was made (`iat`) and when it stops being valid (`exp`). The
//! server keeps no list of tokens: it checks the signature (only someone with
//! `JWT_SECRET` can make one) and the expiry.
//!
//! Why tokens expire: a token is a password that travels with every request and lands in
//! browser storage, proxies' logs, screenshots. One that is valid forever is a permanent
//! key for whoever finds it; one that expires limits the damage to its lifetime.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, errors::ErrorKind};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    /// The user's id, as a string (JWT's `sub` is a string).
    sub: String,
    iat: u64,
    exp: u64,
}

/// The keys made from `JWT_SECRET`, and how long a new token lives.
#[derive(Clone)]
pub struct Tokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
}

impl Tokens {
    pub fn new(secret: &[u8], ttl: Duration) -> Tokens {
        let mut validation = Validation::new(Algorithm::HS256);
        // Expired means expired: no grace period (the library's default allows 60 s).
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Tokens {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl,
        }
    }

    /// A new token for user `user_id`, valid for the configured lifetime.
    pub fn issue(&self, user_id: i64) -> Result<String, ApiError> {
        let now = unix_now();
        let claims = Claims {
            sub: user_id.to_string(),
            iat: now,
            exp: now + self.ttl.as_secs(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(format!("signing a token: {e}")))
    }

    /// The user id a token speaks for: 401 when it is malformed, forged or expired.
    pub fn verify(&self, token: &str) -> Result<i64, ApiError> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|e| match e.kind() {
                ErrorKind::ExpiredSignature => ApiError::Unauthorized("token", "has expired"),
                _ => ApiError::Unauthorized("token", "is invalid"),
            })?;
        data.claims
            .sub
            .parse()
            .map_err(|_| ApiError::Unauthorized("token", "is invalid"))
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
