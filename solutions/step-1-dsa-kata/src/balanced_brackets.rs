//! Kata `balanced_brackets` (grade 1): balanced brackets (a stack). PLACEHOLDER: not written yet.
