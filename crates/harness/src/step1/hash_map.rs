//! Kata `hash_map` (grade 3): hash map. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait HashMapKata {}

pub const GROUP: Group = Group::new("hash_map", 3, "src/hash_map.rs");

pub fn checks<K: HashMapKata + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `hash_map`: the learner's code, the reference and std side by side.
pub fn bench<L: HashMapKata, R: HashMapKata>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_hash_map {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::hash_map::HashMapKata for $subject {}
    };
}
