//! Kata `merge_intervals` (grade 1): merge intervals (a calendar). PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait MergeIntervals {}

pub const GROUP: Group = Group::new("merge_intervals", 1, "src/merge_intervals.rs");

pub fn checks<K: MergeIntervals + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `merge_intervals`: the learner's code, the reference and std side by side.
pub fn bench<L: MergeIntervals, R: MergeIntervals>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_merge_intervals {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::merge_intervals::MergeIntervals for $subject {}
    };
}
