//! Kata `kway_merge` (grade 2): k-way merge of sorted logs. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait KwayMerge {}

pub const GROUP: Group = Group::new("kway_merge", 2, "src/kway_merge.rs");

pub fn checks<K: KwayMerge + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `kway_merge`: the learner's code, the reference and std side by side.
pub fn bench<L: KwayMerge, R: KwayMerge>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_kway_merge {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::kway_merge::KwayMerge for $subject {}
    };
}
