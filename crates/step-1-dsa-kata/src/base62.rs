//! Kata `base62` (grade 5): base62 short-link codec. PLACEHOLDER: not written yet.
