//! Step 1 — dsa-kata: two dozen katas, from warm-ups to the algorithms inside real backends.
//!
//! Each module is one kata. Open the file `cargo kit` names, read its doc comment (the
//! problem, examples, the complexity it must reach), and replace the `todo!()`.
//! Then run `cargo test -p step-1` (or `cargo kit watch`) to be graded, and
//! `cargo bench -p step-1` to race your code against the reference and std.

// Grade 1: warm-up.
pub mod balanced_brackets;
pub mod max_subarray;
pub mod merge_intervals;
pub mod two_sum;
pub mod word_frequencies;

// Grade 2: search and sort.
pub mod binary_search;
pub mod kway_merge;
pub mod merge_sort;
pub mod quickselect;
pub mod top_k;

// Grade 3: data structures.
pub mod hash_map;
pub mod lru_cache;
pub mod min_heap;
pub mod ring_buffer;
pub mod trie;
pub mod union_find;

// Grade 4: trees and graphs.
pub mod bfs;
pub mod dijkstra;
pub mod ordered_map;
pub mod topo_sort;

// Grade 5: backend algorithms.
pub mod base62;
pub mod bloom_filter;
pub mod consistent_hash;
pub mod edit_distance;
pub mod rate_limiter;
