//! Kata `bloom_filter` (grade 5): bloom filter. PLACEHOLDER: not written yet.
