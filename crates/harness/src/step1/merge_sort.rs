//! Kata `merge_sort` (grade 2): stable merge sort. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait MergeSort {}

pub const GROUP: Group = Group::new("merge_sort", 2, "src/merge_sort.rs");

pub fn checks<K: MergeSort + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `merge_sort`: the learner's code, the reference and std side by side.
pub fn bench<L: MergeSort, R: MergeSort>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_merge_sort {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::merge_sort::MergeSort for $subject {}
    };
}
