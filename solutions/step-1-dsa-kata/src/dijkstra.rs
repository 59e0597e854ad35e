//! Reference: Dijkstra's algorithm with a binary heap and lazy deletion.
//!
//! Invariant: when a node is popped with a distance equal to its best known one, that
//! distance is final (every other route passes through a node at least as far, and weights
//! are non-negative). Instead of decreasing keys, an improved distance is pushed again and
//! the stale entry is skipped when it comes out. Each edge pushes at most once, so the heap
//! holds O(E) entries: O((V + E) log V) in all.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Add;

/// The distance from `source` to every node (`None`: unreachable), over the non-negative
/// edge weights of `graph`.
pub fn shortest_distances<W>(graph: &[Vec<(usize, W)>], source: usize) -> Vec<Option<W>>
where
    W: Copy + Ord + Add<Output = W> + Default,
{
    let mut dist: Vec<Option<W>> = vec![None; graph.len()];
    if source >= graph.len() {
        return dist;
    }
    dist[source] = Some(W::default());
    let mut heap = BinaryHeap::from([Reverse((W::default(), source))]);
    while let Some(Reverse((d, node))) = heap.pop() {
        if dist[node].is_some_and(|best| d > best) {
            continue; // stale: a shorter route to `node` was settled already
        }
        for &(next, weight) in &graph[node] {
            let candidate = d + weight;
            if dist[next].is_none_or(|old| candidate < old) {
                dist[next] = Some(candidate);
                heap.push(Reverse((candidate, next)));
            }
        }
    }
    dist
}
