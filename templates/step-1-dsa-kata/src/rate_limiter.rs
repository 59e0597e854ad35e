//! Kata `rate_limiter` (grade 5): token-bucket rate limiter. PLACEHOLDER: not written yet.
