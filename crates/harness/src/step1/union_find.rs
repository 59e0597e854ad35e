//! Kata `union_find` (grade 3): union-find. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait UnionFind {}

pub const GROUP: Group = Group::new("union_find", 3, "src/union_find.rs");

pub fn checks<K: UnionFind + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `union_find`: the learner's code, the reference and std side by side.
pub fn bench<L: UnionFind, R: UnionFind>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_union_find {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::union_find::UnionFind for $subject {}
    };
}
