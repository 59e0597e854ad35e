//! Reference: Kahn's algorithm with a min-heap of ready nodes, and a backward walk to name a
//! cycle.
//!
//! Invariant: `waiting_on[v]` is the number of `v`'s dependencies not yet placed, and the
//! heap holds exactly the unplaced nodes whose count is 0. The edge list is read once into
//! adjacency lists: O(V log V + E). If the heap runs dry early, every unplaced node still
//! waits on some unplaced node, so walking "waits on" links backwards from any of them must
//! repeat a node, and the stretch between the two visits is a cycle.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Dependencies between the nodes `0..node_count()`.
pub trait Dependencies {
    /// The number of nodes.
    fn node_count(&self) -> usize;
    /// Every edge `(a, b)`: `a` must come before `b`.
    fn edges(&self) -> &[(usize, usize)];
}

/// The plainest [`Dependencies`]: a node count and a slice of edges.
#[derive(Debug, Clone, Copy)]
pub struct DependencyList<'a> {
    pub nodes: usize,
    pub edges: &'a [(usize, usize)],
}

impl Dependencies for DependencyList<'_> {
    fn node_count(&self) -> usize {
        self.nodes
    }
    fn edges(&self) -> &[(usize, usize)] {
        self.edges
    }
}

/// Every node once, each after all the nodes it depends on, the smallest ready node first;
/// or `Err` with the nodes of one cycle, in edge order.
pub fn build_order<D: Dependencies + ?Sized>(deps: &D) -> Result<Vec<usize>, Vec<usize>> {
    let n = deps.node_count();
    let edges = deps.edges();
    let mut dependants: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting_on = vec![0usize; n];
    for &(a, b) in edges {
        dependants[a].push(b);
        waiting_on[b] += 1;
    }
    let mut ready: BinaryHeap<Reverse<usize>> = (0..n)
        .filter(|&node| waiting_on[node] == 0)
        .map(Reverse)
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse(node)) = ready.pop() {
        order.push(node);
        for &next in &dependants[node] {
            waiting_on[next] -= 1;
            if waiting_on[next] == 0 {
                ready.push(Reverse(next));
            }
        }
    }
    if order.len() == n {
        Ok(order)
    } else {
        Err(find_cycle(edges, &waiting_on))
    }
}

/// A cycle among the stuck nodes (those with `waiting_on > 0`), in edge order.
fn find_cycle(edges: &[(usize, usize)], waiting_on: &[usize]) -> Vec<usize> {
    let n = waiting_on.len();
    let stuck = |node: usize| waiting_on[node] > 0;
    // For each stuck node, one stuck node it waits on (there is always one).
    let mut waits_on = vec![usize::MAX; n];
    for &(a, b) in edges {
        if stuck(a) && stuck(b) {
            waits_on[b] = a;
        }
    }
    let mut step_of = vec![usize::MAX; n];
    let mut walk = Vec::new();
    let mut node = (0..n)
        .find(|&node| stuck(node))
        .expect("some node is stuck");
    while step_of[node] == usize::MAX {
        step_of[node] = walk.len();
        walk.push(node);
        node = waits_on[node];
    }
    // walk[step_of[node]..] follows edges backwards; reversed, it follows them forwards.
    let mut cycle = walk.split_off(step_of[node]);
    cycle.reverse();
    cycle
}
