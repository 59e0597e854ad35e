//! Kata `two_sum` (grade 1): two-sum with a hash map. PLACEHOLDER: not written yet.
