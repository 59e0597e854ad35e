//! Kata `ordered_map` (grade 4): ordered map with range queries. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait OrderedMap {}

pub const GROUP: Group = Group::new("ordered_map", 4, "src/ordered_map.rs");

pub fn checks<K: OrderedMap + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `ordered_map`: the learner's code, the reference and std side by side.
pub fn bench<L: OrderedMap, R: OrderedMap>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_ordered_map {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::ordered_map::OrderedMap for $subject {}
    };
}
