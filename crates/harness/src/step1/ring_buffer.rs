//! Kata `ring_buffer` (grade 3): ring-buffer queue. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait RingBuffer {}

pub const GROUP: Group = Group::new("ring_buffer", 3, "src/ring_buffer.rs");

pub fn checks<K: RingBuffer + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `ring_buffer`: the learner's code, the reference and std side by side.
pub fn bench<L: RingBuffer, R: RingBuffer>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_ring_buffer {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::ring_buffer::RingBuffer for $subject {}
    };
}
