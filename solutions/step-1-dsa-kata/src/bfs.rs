//! Reference: breadth-first search with parent links.
//!
//! Invariant: the queue holds nodes in order of distance from `start`, and a node gets its
//! parent (and is marked seen) the moment it is first pushed, so each node is queued and
//! expanded at most once: O(V + E). The first time `goal` is seen, its parent chain is a
//! shortest path.

use std::collections::VecDeque;

/// Read access to a directed graph whose nodes are `0..node_count()`.
pub trait Graph {
    /// The number of nodes.
    fn node_count(&self) -> usize;
    /// The nodes that `node` has an edge to. `node` must be below `node_count()`.
    fn neighbours(&self, node: usize) -> &[usize];
}

impl Graph for [Vec<usize>] {
    fn node_count(&self) -> usize {
        self.len()
    }
    fn neighbours(&self, node: usize) -> &[usize] {
        &self[node]
    }
}

impl Graph for Vec<Vec<usize>> {
    fn node_count(&self) -> usize {
        self.len()
    }
    fn neighbours(&self, node: usize) -> &[usize] {
        &self[node]
    }
}

/// A path with the fewest edges from `start` to `goal`, both included; `None` if there is
/// none or either node is not in the graph.
pub fn shortest_path<G: Graph + ?Sized>(
    graph: &G,
    start: usize,
    goal: usize,
) -> Option<Vec<usize>> {
    let n = graph.node_count();
    if start >= n || goal >= n {
        return None;
    }
    if start == goal {
        return Some(vec![start]);
    }
    // parent[v] == Some(u): v was first reached from u. `start` is its own parent, which
    // also marks it as seen.
    let mut parent: Vec<Option<usize>> = vec![None; n];
    parent[start] = Some(start);
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &next in graph.neighbours(node) {
            if parent[next].is_some() {
                continue;
            }
            parent[next] = Some(node);
            if next == goal {
                return Some(walk_back(&parent, start, goal));
            }
            queue.push_back(next);
        }
    }
    None
}

/// Follows parent links from `goal` back to `start` and returns the path in forward order.
fn walk_back(parent: &[Option<usize>], start: usize, goal: usize) -> Vec<usize> {
    let mut path = vec![goal];
    let mut node = goal;
    while node != start {
        node = parent[node].expect("every queued node has a parent");
        path.push(node);
    }
    path.reverse();
    path
}
