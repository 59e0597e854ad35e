//! Kata `balanced_brackets` (grade 1): balanced brackets (a stack). PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait BalancedBrackets {}

pub const GROUP: Group = Group::new("balanced_brackets", 1, "src/balanced_brackets.rs");

pub fn checks<K: BalancedBrackets + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `balanced_brackets`: the learner's code, the reference and std side by side.
pub fn bench<L: BalancedBrackets, R: BalancedBrackets>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_balanced_brackets {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::balanced_brackets::BalancedBrackets for $subject {}
    };
}
