//! Known-wrong variants of `bfs`: two searches that find shortest paths but read edges far
//! too often (marking nodes seen when popped, and iterative deepening), one that reads each
//! list once but searches a `seen` list for every edge (O(V·E) work), and a depth-first
//! search whose paths are not the shortest; and a correct search behind a broken given
//! `impl Graph`.

use std::collections::VecDeque;

use harness::Plan;
use harness::step1::bfs::{Bfs, CountingGraph, checks};

/// Marks a node seen when it is POPPED: a node reachable from k queued nodes is queued k
/// times and expanded k times. Keeps the first parent, so its paths are still shortest.
struct MarkOnPop;

impl Bfs for MarkOnPop {
    fn shortest_path(graph: &CountingGraph, start: usize, goal: usize) -> Option<Vec<usize>> {
        let n = graph.node_count();
        if start >= n || goal >= n {
            return None;
        }
        let mut seen = vec![false; n];
        let mut parent = vec![usize::MAX; n];
        parent[start] = start;
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            seen[node] = true;
            if node == goal {
                let mut path = vec![goal];
                while *path.last().unwrap() != start {
                    path.push(parent[*path.last().unwrap()]);
                }
                path.reverse();
                return Some(path);
            }
            for &next in graph.neighbours(node) {
                if !seen[next] {
                    if parent[next] == usize::MAX {
                        parent[next] = node;
                    }
                    queue.push_back(next);
                }
            }
        }
        None
    }
}

/// A correct BFS that keeps the nodes seen so far in a list and asks it `contains` for
/// every edge: each adjacency list read once, but O(V) work per edge.
struct SeenList;

impl Bfs for SeenList {
    fn shortest_path(graph: &CountingGraph, start: usize, goal: usize) -> Option<Vec<usize>> {
        let n = graph.node_count();
        if start >= n || goal >= n {
            return None;
        }
        let mut seen = vec![start];
        let mut parent = vec![usize::MAX; n];
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            if node == goal {
                let mut path = vec![goal];
                while *path.last().unwrap() != start {
                    path.push(parent[*path.last().unwrap()]);
                }
                path.reverse();
                return Some(path);
            }
            for &next in graph.neighbours(node) {
                if !seen.contains(&next) {
                    seen.push(next);
                    parent[next] = node;
                    queue.push_back(next);
                }
            }
        }
        None
    }
}

/// Depth-limited DFS with limits 0, 1, 2, …: shortest paths, but every round re-reads the
/// edges of the rounds before it (and every path, not every node, is explored).
struct IterativeDeepening;

impl IterativeDeepening {
    fn search(graph: &CountingGraph, path: &mut Vec<usize>, goal: usize, depth: usize) -> bool {
        let node = *path.last().unwrap();
        if node == goal {
            return true;
        }
        if depth == 0 {
            return false;
        }
        for &next in graph.neighbours(node) {
            if path.contains(&next) {
                continue;
            }
            path.push(next);
            if Self::search(graph, path, goal, depth - 1) {
                return true;
            }
            path.pop();
        }
        false
    }
}

impl Bfs for IterativeDeepening {
    fn shortest_path(graph: &CountingGraph, start: usize, goal: usize) -> Option<Vec<usize>> {
        let n = graph.node_count();
        if start >= n || goal >= n {
            return None;
        }
        for depth in 0..n {
            let mut path = vec![start];
            if Self::search(graph, &mut path, goal, depth) {
                return Some(path);
            }
        }
        None
    }
}

/// Depth-first search: finds a path, O(V + E), but not the shortest one.
struct DepthFirst;

impl DepthFirst {
    fn search(
        graph: &CountingGraph,
        seen: &mut [bool],
        path: &mut Vec<usize>,
        goal: usize,
    ) -> bool {
        let node = *path.last().unwrap();
        if node == goal {
            return true;
        }
        for &next in graph.neighbours(node) {
            if seen[next] {
                continue;
            }
            seen[next] = true;
            path.push(next);
            if Self::search(graph, seen, path, goal) {
                return true;
            }
            path.pop();
        }
        false
    }
}

impl Bfs for DepthFirst {
    fn shortest_path(graph: &CountingGraph, start: usize, goal: usize) -> Option<Vec<usize>> {
        let n = graph.node_count();
        if start >= n || goal >= n {
            return None;
        }
        let mut seen = vec![false; n];
        seen[start] = true;
        let mut path = vec![start];
        Self::search(graph, &mut seen, &mut path, goal).then_some(path)
    }
}

/// A correct search whose kata file broke a given `impl Graph`: read as a plain
/// `Vec<Vec<usize>>` (the doc's way to call it), the graph loses its last node.
struct BrokenGivenGraph;

impl Bfs for BrokenGivenGraph {
    fn shortest_path(graph: &CountingGraph, start: usize, goal: usize) -> Option<Vec<usize>> {
        MarkOnPop::shortest_path(graph, start, goal)
    }

    fn shortest_path_plain(
        mut adjacency: Vec<Vec<usize>>,
        _as_slice: bool,
        start: usize,
        goal: usize,
    ) -> Option<Vec<usize>> {
        adjacency.pop();
        MarkOnPop::shortest_path(&CountingGraph::new(adjacency), start, goal)
    }
}

pub fn add(plan: Plan) -> Plan {
    // (SeenList reads each list once: the edge-visit gate alone would pass it, slowly.)
    plan.reject(
        "seen_list",
        checks::<SeenList>(),
        "bfs::work_gate",
        "grows too fast",
    )
    .reject(
        "mark_on_pop",
        checks::<MarkOnPop>(),
        "bfs::edge_visit_gate",
        "too many edge visits",
    )
    .reject(
        "iterative_deepening",
        checks::<IterativeDeepening>(),
        "bfs::edge_visit_gate",
        "too many edge visits",
    )
    .reject(
        "broken_given_graph",
        checks::<BrokenGivenGraph>(),
        "bfs::examples",
        "read through the kata file's `impl Graph for Vec<Vec<usize>>`",
    )
    .reject(
        "depth_first",
        checks::<DepthFirst>(),
        "bfs::examples",
        "expected: Some([0, 3, 4])",
    )
    .reject(
        "depth_first",
        checks::<DepthFirst>(),
        "bfs::shortest_like_reference_bfs",
        "the shortest has",
    )
}
