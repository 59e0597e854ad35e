//! # Kata: Dijkstra's shortest distances (grade 4)
//!
//! Routing between datacenters, the cheapest chain of currency conversions, the lowest-latency
//! path through a mesh of services: each is "the shortest distance from one node to every
//! other" over edges with non-negative weights. Dijkstra's algorithm answers all of them.
//!
//! The graph is given as adjacency lists: nodes are `0..graph.len()`, and `graph[a]` lists
//! `(b, w)` for each edge `a -> b` of weight `w`. The answer has one entry per node: `Some`
//! of its distance from `source`, or `None` when it cannot be reached.
//!
//! ```text
//! // latencies in ms; the direct link 0 -> 2 is slow, 4 reaches 0 but nothing reaches 4
//! let network = vec![
//!     vec![(1, 4), (2, 20)],   // 0
//!     vec![(2, 5), (3, 12)],   // 1
//!     vec![(3, 3)],            // 2
//!     vec![],                  // 3
//!     vec![(0, 1)],            // 4
//! ];
//! shortest_distances(&network, 0) == vec![Some(0), Some(4), Some(9), Some(12), None]
//! //                 0 -> 1 -> 2 costs 4 + 5 = 9, less than the direct 20
//! shortest_distances(&network, 2) == vec![None, None, Some(0), Some(3), None]
//! shortest_distances(&network, 9) == vec![None; 5]     // 9 is not a node
//! ```
//!
//! The function is generic over the weight `W` (`u64` in the examples): all it needs is to
//! copy, compare and add weights, and `W::default()` is the zero distance of `source`. The
//! grader uses a weight type that counts comparisons. Weights are never negative, and the
//! graders' sums never overflow.
//!
//! **Edge cases:** an empty graph gives an empty `Vec`. A `source` that is not a node
//! (`>= graph.len()`) reaches nothing: every entry is `None`. Zero-weight edges,
//! self-loops, parallel edges and cycles may appear.
//!
//! **Required:** O((V + E) log V) with a binary heap. The grader counts every comparison of
//! two weights on sparse graphs (4 edges per node) of 500 and 8 000 nodes: a heap makes about
//! 22 per node at 8 000; scanning all nodes for the closest one makes
//! about V²/4 of them, some 17 million. It also runs a dense graph (32 and 512 nodes, an
//! edge between every pair) on which each node's distance improves many times, so the heap
//! fills with stale entries: about 21 comparisons per edge at 512 if you skip them, about
//! 190 if every pop expands its node again.
//!
//! **Where to start:** `dist: Vec<Option<W>>` with `dist[source] = Some(W::default())`, and a
//! `BinaryHeap<Reverse<(W, usize)>>` holding `(distance, node)` (`Reverse` turns std's max-heap
//! into a min-heap). Pop the closest entry; if it is worse than `dist[node]`, it is stale:
//! skip it. Otherwise, for each edge `(next, w)`, if `d + w` beats `dist[next]`, store it and
//! push `(d + w, next)`. Pushing again instead of "decreasing a key" is fine: each edge
//! pushes at most once.

use std::ops::Add;

/// The distance from `source` to every node (`None`: unreachable), over the non-negative
/// edge weights of `graph`.
pub fn shortest_distances<W>(graph: &[Vec<(usize, W)>], source: usize) -> Vec<Option<W>>
where
    W: Copy + Ord + Add<Output = W> + Default,
{
    let _ = (graph, source);
    todo!()
}
