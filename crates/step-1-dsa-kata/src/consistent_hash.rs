//! Kata `consistent_hash` (grade 5): consistent-hash ring. PLACEHOLDER: not written yet.
