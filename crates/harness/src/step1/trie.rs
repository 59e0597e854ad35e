//! Kata `trie` (grade 3): trie with prefix search. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait Trie {}

pub const GROUP: Group = Group::new("trie", 3, "src/trie.rs");

pub fn checks<K: Trie + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `trie`: the learner's code, the reference and std side by side.
pub fn bench<L: Trie, R: Trie>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_trie {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::trie::Trie for $subject {}
    };
}
