//! Stage 4, yours: a rate limit on login and register.
//!
//! Why: a login endpoint answers "is this the password?" to anyone who asks. Without a
//! limit, an attacker asks millions of times (credential stuffing), and every attempt costs
//! you an argon2 hash. Keep a token bucket per client IP and action (the kata of step 1):
//! `RATE_LIMIT_BURST` tokens, refilled at `RATE_LIMIT_PER_MINUTE`; each attempt takes one;
//! with none left, answer `ApiError::TooManyRequests(seconds)` (429 with `Retry-After`,
//! the seconds until the next token). `RATE_LIMIT_DISABLED=1` turns it off (the grader's
//! other checks register many users).
//!
//! The client's IP is the TCP peer's: `server.rs` puts it in each request as
//! `axum::extract::ConnectInfo<SocketAddr>`.

use std::net::IpAddr;

use crate::error::ApiError;

/// What is being limited; each has its own bucket per client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Login,
    Register,
}

#[derive(Debug, Default)]
pub struct RateLimiter {}

impl RateLimiter {
    pub fn new() -> RateLimiter {
        RateLimiter {}
    }

    /// Takes one token from `client`'s bucket for `action`, or answers 429. For now it
    /// lets everything through.
    pub fn check(&self, _client: IpAddr, _action: Action) -> Result<(), ApiError> {
        Ok(())
    }
}
