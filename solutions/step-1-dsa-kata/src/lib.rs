//! Reference solutions for step 1 — dsa-kata: the code a learner's katas are measured
//! against. Same modules and signatures as `crates/step-1-dsa-kata`; graded by the same suite.

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
