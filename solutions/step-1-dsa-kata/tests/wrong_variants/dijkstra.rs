//! Known-wrong variants of `dijkstra`: the textbook O(V²) version that scans every node for
//! the closest one (right answers, wrong complexity), and a search that fixes a node's
//! distance the first time it reaches it (wrong answers), and a heap that never skips stale
//! entries (right answers, O(V·E) on dense graphs).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Add;

use harness::Plan;
use harness::step1::dijkstra::{Dijkstra, checks};

/// Picks the next node by scanning every unsettled node: V scans of V nodes.
struct ScanForMinimum;

impl Dijkstra for ScanForMinimum {
    fn shortest_distances<W>(graph: &[Vec<(usize, W)>], source: usize) -> Vec<Option<W>>
    where
        W: Copy + Ord + Add<Output = W> + Default,
    {
        let n = graph.len();
        let mut dist: Vec<Option<W>> = vec![None; n];
        if source >= n {
            return dist;
        }
        dist[source] = Some(W::default());
        let mut settled = vec![false; n];
        loop {
            let mut closest: Option<(W, usize)> = None;
            for node in 0..n {
                if settled[node] {
                    continue;
                }
                if let Some(d) = dist[node]
                    && closest.is_none_or(|(best, _)| d < best)
                {
                    closest = Some((d, node));
                }
            }
            let Some((d, node)) = closest else { break };
            settled[node] = true;
            for &(next, weight) in &graph[node] {
                if dist[next].is_none_or(|old| d + weight < old) {
                    dist[next] = Some(d + weight);
                }
            }
        }
        dist
    }
}

/// A binary-heap Dijkstra that never skips a stale entry: every time a node comes out of
/// the heap it relaxes all its edges again. Right answers; on sparse graphs few entries go
/// stale, on dense graphs with many improvements it re-reads the edges O(V) times.
struct NoStaleSkip;

impl Dijkstra for NoStaleSkip {
    fn shortest_distances<W>(graph: &[Vec<(usize, W)>], source: usize) -> Vec<Option<W>>
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
            for &(next, weight) in &graph[node] {
                if dist[next].is_none_or(|old| d + weight < old) {
                    dist[next] = Some(d + weight);
                    heap.push(Reverse((d + weight, next)));
                }
            }
        }
        dist
    }
}

/// Fixes a node's distance the first time an edge reaches it, like BFS: the slow direct
/// link wins over a cheaper path with more hops.
struct FirstReachIsFinal;

impl Dijkstra for FirstReachIsFinal {
    fn shortest_distances<W>(graph: &[Vec<(usize, W)>], source: usize) -> Vec<Option<W>>
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
            for &(next, weight) in &graph[node] {
                if dist[next].is_none() {
                    dist[next] = Some(d + weight);
                    heap.push(Reverse((d + weight, next)));
                }
            }
        }
        dist
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = crate::accept(
        plan,
        "no_stale_skip",
        checks::<NoStaleSkip>(),
        "dijkstra::comparison_gate",
    );
    plan.reject(
        "no_stale_skip",
        checks::<NoStaleSkip>(),
        "dijkstra::stale_entries_gate",
        "too many weight comparisons per edge",
    )
    .reject(
        "scan_for_minimum",
        checks::<ScanForMinimum>(),
        "dijkstra::comparison_gate",
        "too many weight comparisons",
    )
    .reject(
        "first_reach_is_final",
        checks::<FirstReachIsFinal>(),
        "dijkstra::examples",
        "expected: [Some(0), Some(4), Some(9), Some(12), None]",
    )
    .reject(
        "first_reach_is_final",
        checks::<FirstReachIsFinal>(),
        "dijkstra::matches_bellman_ford",
        "a random input failed",
    )
}
