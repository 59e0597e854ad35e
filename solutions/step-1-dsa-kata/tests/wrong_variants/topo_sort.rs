//! Known-wrong variants of `topo_sort`: the naive sort that re-scans the edge list for each
//! node it places (right answers, O(V·E)), the same with the slice kept from one `edges()`
//! call (few edges handed out, the same O(V·E) work), Kahn's algorithm with a FIFO queue (a valid
//! order, not the smallest-first one), a sort that reports every stuck node as "the
//! cycle" (not a cycle), and a correct sort behind a broken given `DependencyList`.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use harness::Plan;
use harness::step1::topo_sort::{CountingDeps, TopoSort, checks};

/// Places the smallest node with no unplaced dependency, finding it by scanning every edge
/// again each round; `edges` reads the edge list (again, or from a copy).
fn rescan_every_round<'d>(
    deps: &'d CountingDeps,
    edges: impl Fn() -> &'d [(usize, usize)],
) -> Result<Vec<usize>, Vec<usize>> {
    let n = deps.node_count();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let mut blocked = vec![false; n];
        for &(a, b) in edges() {
            if !placed[a] {
                blocked[b] = true;
            }
        }
        match (0..n).find(|&node| !placed[node] && !blocked[node]) {
            Some(node) => {
                placed[node] = true;
                order.push(node);
            }
            None => {
                // Walk back through unplaced dependencies until a node repeats.
                let mut waits_on = vec![usize::MAX; n];
                for &(a, b) in edges() {
                    if !placed[a] && !placed[b] {
                        waits_on[b] = a;
                    }
                }
                let mut step = vec![usize::MAX; n];
                let mut walk = Vec::new();
                let mut node = (0..n).find(|&v| !placed[v]).unwrap();
                while step[node] == usize::MAX {
                    step[node] = walk.len();
                    walk.push(node);
                    node = waits_on[node];
                }
                let mut cycle = walk.split_off(step[node]);
                cycle.reverse();
                return Err(cycle);
            }
        }
    }
    Ok(order)
}

/// Calls `edges()` for every round: caught by the count of edges handed out.
struct RescanEveryRound;

impl TopoSort for RescanEveryRound {
    fn build_order(deps: &CountingDeps) -> Result<Vec<usize>, Vec<usize>> {
        rescan_every_round(deps, || deps.edges())
    }
}

/// Calls `edges()` once and keeps the slice, but still scans all of it for every placed
/// node: few edges handed out, O(V·E) work.
struct RescanKeptSlice;

impl TopoSort for RescanKeptSlice {
    fn build_order(deps: &CountingDeps) -> Result<Vec<usize>, Vec<usize>> {
        let edges = deps.edges();
        rescan_every_round(deps, || edges)
    }
}

/// Kahn's algorithm with the min-heap replaced by a FIFO queue: valid, but not smallest-first.
struct KahnFifo;

impl TopoSort for KahnFifo {
    fn build_order(deps: &CountingDeps) -> Result<Vec<usize>, Vec<usize>> {
        let n = deps.node_count();
        let mut dependants = vec![Vec::new(); n];
        let mut waiting = vec![0usize; n];
        for &(a, b) in deps.edges() {
            dependants[a].push(b);
            waiting[b] += 1;
        }
        let mut queue: VecDeque<usize> = (0..n).filter(|&v| waiting[v] == 0).collect();
        let mut order = Vec::new();
        while let Some(node) = queue.pop_front() {
            order.push(node);
            for &next in &dependants[node] {
                waiting[next] -= 1;
                if waiting[next] == 0 {
                    queue.push_back(next);
                }
            }
        }
        if order.len() == n {
            Ok(order)
        } else {
            Err((0..n).filter(|&v| waiting[v] > 0).collect())
        }
    }
}

/// Right orders, but on a cycle it returns every stuck node, which includes nodes that only
/// sit behind the cycle.
struct StuckNodesAsCycle;

impl TopoSort for StuckNodesAsCycle {
    fn build_order(deps: &CountingDeps) -> Result<Vec<usize>, Vec<usize>> {
        let n = deps.node_count();
        let mut dependants = vec![Vec::new(); n];
        let mut waiting = vec![0usize; n];
        for &(a, b) in deps.edges() {
            dependants[a].push(b);
            waiting[b] += 1;
        }
        let mut ready: BinaryHeap<Reverse<usize>> =
            (0..n).filter(|&v| waiting[v] == 0).map(Reverse).collect();
        let mut order = Vec::new();
        while let Some(Reverse(node)) = ready.pop() {
            order.push(node);
            for &next in &dependants[node] {
                waiting[next] -= 1;
                if waiting[next] == 0 {
                    ready.push(Reverse(next));
                }
            }
        }
        if order.len() == n {
            Ok(order)
        } else {
            Err((0..n).filter(|&v| waiting[v] > 0).collect())
        }
    }
}

/// A correct sort whose kata file broke the given `impl Dependencies for DependencyList`:
/// read through it (the doc's way to call it), the dependencies have no edges.
struct BrokenGivenList;

impl TopoSort for BrokenGivenList {
    fn build_order(deps: &CountingDeps) -> Result<Vec<usize>, Vec<usize>> {
        RescanKeptSlice::build_order(deps)
    }

    fn build_order_plain(nodes: usize, _edges: Vec<(usize, usize)>) -> Result<Vec<usize>, Vec<usize>> {
        RescanKeptSlice::build_order(&CountingDeps::new(nodes, Vec::new()))
    }
}

pub fn add(plan: Plan) -> Plan {
    // (It passes edge_visit_gate too, after some 10 s of work the count never sees.)
    plan.reject(
        "rescan_kept_slice",
        checks::<RescanKeptSlice>(),
        "topo_sort::work_gate",
        "grows too fast",
    )
    .reject(
        "rescan_every_round",
        checks::<RescanEveryRound>(),
        "topo_sort::edge_visit_gate",
        "too many edge visits",
    )
    .reject(
        "broken_given_list",
        checks::<BrokenGivenList>(),
        "topo_sort::examples",
        "check the kata file's `impl Dependencies for DependencyList`",
    )
    .reject(
        "kahn_fifo",
        checks::<KahnFifo>(),
        "topo_sort::examples",
        "the smallest must come first",
    )
    .reject(
        "kahn_fifo",
        checks::<KahnFifo>(),
        "topo_sort::smallest_first_order",
        "the smallest must come first",
    )
    .reject(
        "stuck_nodes_as_cycle",
        checks::<StuckNodesAsCycle>(),
        "topo_sort::examples",
        "there is no edge 5 -> 2",
    )
    .reject(
        "stuck_nodes_as_cycle",
        checks::<StuckNodesAsCycle>(),
        "topo_sort::cycles_like_oracle",
        "there is no edge",
    )
}
