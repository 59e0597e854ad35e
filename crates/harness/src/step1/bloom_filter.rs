//! Kata `bloom_filter` (grade 5): bloom filter. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait BloomFilter {}

pub const GROUP: Group = Group::new("bloom_filter", 5, "src/bloom_filter.rs");

pub fn checks<K: BloomFilter + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `bloom_filter`: the learner's code, the reference and std side by side.
pub fn bench<L: BloomFilter, R: BloomFilter>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_bloom_filter {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::bloom_filter::BloomFilter for $subject {}
    };
}
