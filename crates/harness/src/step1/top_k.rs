//! Kata `top_k` (grade 2): top-k with a heap. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait TopK {}

pub const GROUP: Group = Group::new("top_k", 2, "src/top_k.rs");

pub fn checks<K: TopK + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `top_k`: the learner's code, the reference and std side by side.
pub fn bench<L: TopK, R: TopK>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_top_k {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::top_k::TopK for $subject {}
    };
}
