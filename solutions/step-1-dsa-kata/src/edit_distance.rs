//! Kata `edit_distance` (grade 5): edit distance and line diff. PLACEHOLDER: not written yet.
