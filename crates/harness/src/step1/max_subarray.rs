//! Kata `max_subarray` (grade 1): maximum subarray (Kadane). PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait MaxSubarray {}

pub const GROUP: Group = Group::new("max_subarray", 1, "src/max_subarray.rs");

pub fn checks<K: MaxSubarray + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `max_subarray`: the learner's code, the reference and std side by side.
pub fn bench<L: MaxSubarray, R: MaxSubarray>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_max_subarray {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::max_subarray::MaxSubarray for $subject {}
    };
}
