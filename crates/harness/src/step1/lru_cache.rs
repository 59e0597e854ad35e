//! Kata `lru_cache` (grade 3): LRU cache. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait LruCache {}

pub const GROUP: Group = Group::new("lru_cache", 3, "src/lru_cache.rs");

pub fn checks<K: LruCache + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `lru_cache`: the learner's code, the reference and std side by side.
pub fn bench<L: LruCache, R: LruCache>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_lru_cache {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::lru_cache::LruCache for $subject {}
    };
}
