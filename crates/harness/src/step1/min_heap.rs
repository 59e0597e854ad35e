//! Kata `min_heap` (grade 3): binary min-heap. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait MinHeap {}

pub const GROUP: Group = Group::new("min_heap", 3, "src/min_heap.rs");

pub fn checks<K: MinHeap + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `min_heap`: the learner's code, the reference and std side by side.
pub fn bench<L: MinHeap, R: MinHeap>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_min_heap {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::min_heap::MinHeap for $subject {}
    };
}
