//! Kata `bfs` (grade 4): BFS shortest path. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait Bfs {}

pub const GROUP: Group = Group::new("bfs", 4, "src/bfs.rs");

pub fn checks<K: Bfs + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `bfs`: the learner's code, the reference and std side by side.
pub fn bench<L: Bfs, R: Bfs>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_bfs {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::bfs::Bfs for $subject {}
    };
}
