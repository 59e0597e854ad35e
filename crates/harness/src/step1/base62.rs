//! Kata `base62` (grade 5): base62 short-link codec. PLACEHOLDER: its checks are not written yet.

use criterion::Criterion;

use crate::check::{Check, Group};

/// The kata's API, as the suite sees it (empty until the kata is written).
pub trait Base62 {}

pub const GROUP: Group = Group::new("base62", 5, "src/base62.rs");

pub fn checks<K: Base62 + 'static>() -> Vec<Check> {
    Vec::new()
}

/// Criterion group `base62`: the learner's code, the reference and std side by side.
pub fn bench<L: Base62, R: Base62>(_c: &mut Criterion) {}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_base62 {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::base62::Base62 for $subject {}
    };
}
