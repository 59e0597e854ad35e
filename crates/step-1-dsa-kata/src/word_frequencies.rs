//! Kata `word_frequencies` (grade 1): top-k word frequencies. PLACEHOLDER: not written yet.
