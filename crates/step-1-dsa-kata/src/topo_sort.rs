//! # Kata: topological sort with cycle detection (grade 4)
//!
//! Build steps, database migrations, services to start, packages to install: each must run
//! after the ones it depends on. Number the steps `0..n` and write each dependency as an
//! edge `(a, b)`: "`a` must come before `b`". A topological order lists every node once,
//! every edge pointing forward. If the dependencies go round in a circle, no order exists,
//! and the useful answer is the circle itself, so that someone can break it.
//!
//! Many orders are often valid. This kata asks for one in particular, so that the answer is
//! the same on every run and every machine: **whenever several nodes are ready (all their
//! dependencies placed), place the smallest one next.**
//!
//! ```text
//! // 0 create_users, 1 create_posts, 2 add_index, 3 create_tags, 4 post_tags
//! let migrations = [(0, 1), (1, 2), (1, 4), (3, 4)];
//! build_order(&DependencyList { nodes: 5, edges: &migrations }) == Ok(vec![0, 1, 2, 3, 4])
//! //   ready: {0, 3} -> take 0; ready {1, 3} -> take 1; ready {2, 3} -> 2, then 3, then 4
//! build_order(&DependencyList { nodes: 4, edges: &[(3, 0), (3, 2), (2, 1)] })
//!     == Ok(vec![3, 0, 2, 1])
//! build_order(&DependencyList { nodes: 3, edges: &[] }) == Ok(vec![0, 1, 2])
//! build_order(&DependencyList { nodes: 3, edges: &[(0, 1), (1, 2), (2, 0)] })
//!     == Err(vec![0, 1, 2])   // or [1, 2, 0] or [2, 0, 1]: any rotation of the cycle
//! build_order(&DependencyList { nodes: 2, edges: &[(1, 1)] }) == Err(vec![1])  // self-loop
//! ```
//!
//! **The cycle:** on `Err`, return the nodes of ONE cycle, each once, in edge order: an edge
//! from each node to the next, and from the last back to the first. Any cycle of the graph
//! and any rotation of it is accepted; the grader checks every edge of it.
//!
//! **Edge cases:** `nodes == 0` gives `Ok(vec![])`. A node without edges is ready from the
//! start. Duplicate edges may appear (they mean the same as one). Every edge's nodes are below
//! `node_count()`.
//!
//! **Required:** O(V + E) edge visits (and O(log V) per heap operation). The grader hands your
//! function its own `Dependencies` that counts how many edges it hands out: every call of
//! `edges()` counts the whole list, so call it once and keep the slice. On DAGs of 1 000 and
//! 16 000 nodes with 3 dependencies each, reading the list once is about 3 visits per node;
//! re-scanning every edge for each node you place is about 3·V per node. Keeping the slice
//! and re-scanning it is the same O(V·E) work with fewer visits counted: the grader also
//! times the sort on 250 and 4 000 nodes, and the time must grow about like V + E (×20
//! here; the limit is ×64, a re-scan grows about ×270).
//!
//! **Where to start:** (Kahn's algorithm) read the edges once into, for each node, the list of
//! nodes that wait on it and the number of dependencies it still waits for (its in-degree).
//! Push every node with in-degree 0 into a `BinaryHeap<Reverse<usize>>` (a min-heap). Pop the
//! smallest, append it to the order, and lower the in-degree of each node waiting on it,
//! pushing those that reach 0. If the heap empties before all nodes are placed, the rest are
//! stuck: each still waits on another stuck node. Pick one, step back to a stuck node it
//! waits on, and again, until a node repeats: the loop between its two visits is a cycle.

/// Dependencies between the nodes `0..node_count()`. Given, with [`DependencyList`]: keep
/// them as they are (the grader runs the examples through a `DependencyList` too).
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
    let _ = deps;
    todo!()
}
