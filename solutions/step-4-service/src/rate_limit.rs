//! A rate limit on login and register: a token bucket per client address and action.
//!
//! Why: a login endpoint answers "is this the password?" to anyone who asks. Without a
//! limit, an attacker asks millions of times (credential stuffing), and every attempt
//! costs us an argon2 hash. A bucket holds `burst` tokens and refills at `per_minute`; each
//! attempt takes one; with none left the answer is 429 with `Retry-After`, the seconds
//! until the next token. (The same algorithm is a kata of step 1.)
//!
//! The client is the TCP peer's IP. Behind a reverse proxy every request comes from the
//! proxy; trusting `X-Forwarded-For` instead is only safe when the proxy sets it, so it is
//! left out here.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::config::RateLimit;
use crate::error::ApiError;

/// What is being limited; each has its own bucket per client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Login,
    Register,
}

/// Beyond this many clients, full buckets (clients that have been quiet) are forgotten.
const MAX_TRACKED: usize = 10_000;

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    refilled_at: Instant,
}

#[derive(Debug)]
pub struct RateLimiter {
    limit: Option<RateLimit>,
    buckets: Mutex<HashMap<(IpAddr, Action), Bucket>>,
}

impl RateLimiter {
    /// `None`: no limit (`RATE_LIMIT_DISABLED=1`).
    pub fn new(limit: Option<RateLimit>) -> RateLimiter {
        RateLimiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token from `client`'s bucket for `action`, or answers 429.
    pub fn check(&self, client: IpAddr, action: Action) -> Result<(), ApiError> {
        let Some(limit) = self.limit else {
            return Ok(());
        };
        let burst = f64::from(limit.burst);
        let per_second = f64::from(limit.per_minute) / 60.0;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_TRACKED {
            buckets.retain(|_, bucket| {
                bucket.tokens + now.duration_since(bucket.refilled_at).as_secs_f64() * per_second
                    < burst
            });
        }
        let bucket = buckets.entry((client, action)).or_insert(Bucket {
            tokens: burst,
            refilled_at: now,
        });
        let elapsed = now.duration_since(bucket.refilled_at).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_second).min(burst);
        bucket.refilled_at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - bucket.tokens) / per_second).ceil().max(1.0);
            Err(ApiError::TooManyRequests(wait as u64))
        }
    }
}

/// The client's IP address, from the connection (see `server.rs`).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        Ok(ClientIp(ip))
    }
}
