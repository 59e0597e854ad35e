//! Kata `top_k` (grade 2): top-k with a heap. PLACEHOLDER: not written yet.
