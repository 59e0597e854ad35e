//! Kata `topo_sort` (grade 4): topological sort with cycle detection. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait TopoSort {}

pub const GROUP: Group = Group::new("topo_sort", 4, "src/topo_sort.rs");

pub fn checks<K: TopoSort + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `topo_sort`: the learner's code, the reference and std side by side.
pub fn bench<L: TopoSort, R: TopoSort>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_topo_sort {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::topo_sort::TopoSort for $subject {}
    };
}
