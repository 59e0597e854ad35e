//! Kata `consistent_hash` (grade 5): consistent-hash ring. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait ConsistentHash {}

pub const GROUP: Group = Group::new("consistent_hash", 5, "src/consistent_hash.rs");

pub fn checks<K: ConsistentHash + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `consistent_hash`: the learner's code, the reference and std side by side.
pub fn bench<L: ConsistentHash, R: ConsistentHash>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_consistent_hash {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::consistent_hash::ConsistentHash for $subject {}
    };
}
