//! Kata `topo_sort` (grade 4): topological sort with cycle detection. PLACEHOLDER: not written yet.
