//! Kata `lru_cache` (grade 3): LRU cache. PLACEHOLDER: not written yet.
