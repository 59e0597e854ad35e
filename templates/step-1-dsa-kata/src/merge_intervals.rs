//! Kata `merge_intervals` (grade 1): merge intervals (a calendar). PLACEHOLDER: not written yet.
