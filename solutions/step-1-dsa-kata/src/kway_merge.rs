//! Kata `kway_merge` (grade 2): k-way merge of sorted logs. PLACEHOLDER: not written yet.
