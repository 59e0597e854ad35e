//! # Kata: shortest path by hops, breadth-first search (grade 4)
//!
//! Services call other services: the gateway calls auth and orders, orders calls the
//! database and the cache, and so on. Draw each service as a node and each "calls" as a
//! directed edge, and questions such as "how does a request from the gateway reach the
//! database, through the fewest services?" become: find a shortest path by hops in an
//! unweighted directed graph. Breadth-first search answers it.
//!
//! The graph is given as adjacency lists: nodes are `0..n`, and `graph.neighbours(a)` lists
//! the nodes `a` has an edge to. A `Vec<Vec<usize>>` (or a slice of them) is a [`Graph`].
//!
//! ```text
//! // 0 gateway, 1 auth, 2 users, 3 orders, 4 db, 5 cache, 6 admin
//! let services = vec![vec![1, 3], vec![2], vec![4], vec![4, 5], vec![], vec![], vec![0]];
//!
//! shortest_path(&services, 0, 4) == Some(vec![0, 3, 4])     // 2 hops (not 0, 1, 2, 4)
//! shortest_path(&services, 6, 5) == Some(vec![6, 0, 3, 5])
//! shortest_path(&services, 0, 0) == Some(vec![0])           // start == goal: no hop
//! shortest_path(&services, 4, 0) == None                    // edges are one-way
//! shortest_path(&services, 0, 7) == None                    // 7 is not a node
//! ```
//!
//! The answer is the whole path, start and goal included. When several shortest paths exist,
//! any one of them is accepted.
//!
//! **Edge cases:** `start == goal` gives `Some(vec![start])`. A `start` or `goal` that is not a
//! node (`>= graph.node_count()`) gives `None`, and so does a goal that cannot be reached.
//! The graph may have cycles and self-loops.
//!
//! **Required:** O(V + E): read each node's neighbours at most once. The grader hands your
//! function its own `Graph` that counts every `neighbours()` call and every edge it returns
//! (each call counts the node's whole list, so call it once per node and loop over the
//! slice), and searches across a graph of 1 000 and 16 000 nodes built in layers, with many
//! shortest paths: about 3.5 visits per node is fine; a search that expands the same node
//! twice (or an iterative-deepening search) reads edges thousands of times more. Each edge
//! must also cost O(1) once read: the grader times the search on 250 and 4 000 nodes and the
//! time must grow about like V + E (×13 here; the limit is ×64). A `seen` list searched with
//! `contains` makes every edge O(V): about ×290.
//!
//! **Where to start:** a `VecDeque` of nodes to expand, and a `parent: Vec<Option<usize>>`
//! (or a `seen` flag beside it). Push `start`. Pop from the front; for each neighbour not
//! seen yet, mark it seen **as you push it** (so it is never queued twice) and record
//! which node it came from. The first time you see `goal`, walk the parents back to
//! `start` and reverse. Nodes leave the queue in order of distance: that is why the first
//! path found is a shortest one.

/// Read access to a directed graph whose nodes are `0..node_count()`. Given, with the two
/// impls below: keep them as they are (the grader runs the examples on a plain
/// `Vec<Vec<usize>>` and on a slice of one, through these impls).
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
    let _ = (graph, start, goal);
    todo!()
}
