//! Kata `hash_map` (grade 3): hash map. PLACEHOLDER: not written yet.
