//! Kata `max_subarray` (grade 1): maximum subarray (Kadane). PLACEHOLDER: not written yet.
