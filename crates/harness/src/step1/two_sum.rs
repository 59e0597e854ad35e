//! Kata `two_sum` (grade 1): two-sum with a hash map. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait TwoSum {}

pub const GROUP: Group = Group::new("two_sum", 1, "src/two_sum.rs");

pub fn checks<K: TwoSum + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `two_sum`: the learner's code, the reference and std side by side.
pub fn bench<L: TwoSum, R: TwoSum>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_two_sum {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::two_sum::TwoSum for $subject {}
    };
}
