//! Kata `dijkstra` (grade 4): Dijkstra's shortest paths. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait Dijkstra {}

pub const GROUP: Group = Group::new("dijkstra", 4, "src/dijkstra.rs");

pub fn checks<K: Dijkstra + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `dijkstra`: the learner's code, the reference and std side by side.
pub fn bench<L: Dijkstra, R: Dijkstra>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_dijkstra {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::dijkstra::Dijkstra for $subject {}
    };
}
