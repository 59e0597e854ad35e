//! Kata `bfs` (grade 4): BFS shortest path. PLACEHOLDER: not written yet.
