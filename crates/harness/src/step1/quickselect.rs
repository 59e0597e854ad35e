//! Kata `quickselect` (grade 2): quickselect (k-th smallest). PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait Quickselect {}

pub const GROUP: Group = Group::new("quickselect", 2, "src/quickselect.rs");

pub fn checks<K: Quickselect + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `quickselect`: the learner's code, the reference and std side by side.
pub fn bench<L: Quickselect, R: Quickselect>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_quickselect {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::quickselect::Quickselect for $subject {}
    };
}
