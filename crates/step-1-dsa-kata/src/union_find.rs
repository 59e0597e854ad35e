//! Kata `union_find` (grade 3): union-find. PLACEHOLDER: not written yet.
