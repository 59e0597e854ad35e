//! Kata `merge_sort` (grade 2): stable merge sort. PLACEHOLDER: not written yet.
