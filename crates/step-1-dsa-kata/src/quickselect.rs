//! Kata `quickselect` (grade 2): quickselect (k-th smallest). PLACEHOLDER: not written yet.
