//! Kata `trie` (grade 3): trie with prefix search. PLACEHOLDER: not written yet.
