//! Kata `rate_limiter` (grade 5): token-bucket rate limiter. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait RateLimiter {}

pub const GROUP: Group = Group::new("rate_limiter", 5, "src/rate_limiter.rs");

pub fn checks<K: RateLimiter + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `rate_limiter`: the learner's code, the reference and std side by side.
pub fn bench<L: RateLimiter, R: RateLimiter>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_rate_limiter {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::rate_limiter::RateLimiter for $subject {}
    };
}
