//! Kata `ordered_map` (grade 4): ordered map with range queries. PLACEHOLDER: not written yet.
