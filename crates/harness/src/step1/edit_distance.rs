//! Kata `edit_distance` (grade 5): edit distance and line diff. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait EditDistance {}

pub const GROUP: Group = Group::new("edit_distance", 5, "src/edit_distance.rs");

pub fn checks<K: EditDistance + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `edit_distance`: the learner's code, the reference and std side by side.
pub fn bench<L: EditDistance, R: EditDistance>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_edit_distance {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::edit_distance::EditDistance for $subject {}
    };
}
