//! Kata `min_heap` (grade 3): binary min-heap. PLACEHOLDER: not written yet.
