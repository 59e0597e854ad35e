//! Kata `dijkstra` (grade 4): Dijkstra's shortest paths. PLACEHOLDER: not written yet.
