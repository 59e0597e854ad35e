//! Kata `word_frequencies` (grade 1): top-k word frequencies. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait WordFrequencies {}

pub const GROUP: Group = Group::new("word_frequencies", 1, "src/word_frequencies.rs");

pub fn checks<K: WordFrequencies + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `word_frequencies`: the learner's code, the reference and std side by side.
pub fn bench<L: WordFrequencies, R: WordFrequencies>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_word_frequencies {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::word_frequencies::WordFrequencies for $subject {}
    };
}
