//! Kata `topo_sort` (grade 4): order build steps by their dependencies, or name a cycle.
//!
//! The learner's code reads the dependencies through a kata-local `Dependencies` trait; the
//! suite hands it a [`CountingDeps`] that counts every edge it gives out. Checks: worked
//! examples, the smallest-first order against a naive oracle on random DAGs, cycle detection
//! against the same oracle (every reported cycle verified edge by edge), and an edge-visit
//! gate that tells O(V + E) from re-scanning the edge list once per placed node, and a gate
//! on how the time grows (a copy of the edge list rescanned per node reads it only once).

use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, show};
use crate::gate::{Class, CpuClock, Gate, Meter};
use crate::property::for_all;
use crate::step1::learner::{Learner, Table};

/// Dependencies as a node count and an edge list that counts its readers: every call to
/// [`CountingDeps::edges`] adds the number of edges (and 1 for the call).
#[derive(Debug)]
pub struct CountingDeps {
    nodes: usize,
    edges: Vec<(usize, usize)>,
    visits: Meter,
}

impl CountingDeps {
    pub fn new(nodes: usize, edges: Vec<(usize, usize)>) -> Self {
        CountingDeps {
            nodes,
            edges,
            visits: Meter::unlimited(),
        }
    }

    /// The number of nodes; nodes are `0..node_count()`.
    pub fn node_count(&self) -> usize {
        self.nodes
    }

    /// Every edge `(a, b)`: `a` must come before `b`. Counted.
    pub fn edges(&self) -> &[(usize, usize)] {
        self.visits.spend(1 + self.edges.len() as u64);
        &self.edges
    }

    /// Edges (and calls) handed out so far.
    pub fn visits(&self) -> u64 {
        self.visits.spent()
    }
}

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::topo_sort::build_order` through an adapter that implements
/// `<crate>::topo_sort::Dependencies`.
pub trait TopoSort {
    fn build_order(deps: &CountingDeps) -> Result<Vec<usize>, Vec<usize>>;

    /// The same sort on the kata file's own `DependencyList { nodes, edges }`, the way its
    /// doc calls it. (A fixture, which has no such type, sorts a counting list.)
    fn build_order_plain(nodes: usize, edges: Vec<(usize, usize)>) -> Result<Vec<usize>, Vec<usize>> {
        Self::build_order(&CountingDeps::new(nodes, edges))
    }
}

pub const GROUP: Group = super::GROUPS.topo_sort;

pub fn checks<K: TopoSort + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "count each node's unmet dependencies (its in-degree); keep the nodes with none in \
             a min-heap, pop the smallest, and lower the count of each node that waits on it",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "smallest_first_order",
            "whenever several nodes are ready, take the SMALLEST one next: a FIFO queue gives \
             a valid order, but not the one asked for (use BinaryHeap<Reverse<usize>>)",
            |ctx| {
                let dag = (1usize..12).prop_flat_map(|n| {
                    let labels = Just((0..n).collect::<Vec<_>>()).prop_shuffle();
                    (Just(n), labels, vec((0..n, 0..n), 0..20))
                });
                for_all(ctx, 300, dag, |(n, labels, pairs)| {
                    // Edges go from a lower to a higher position in `labels`: no cycle.
                    let edges: Vec<(usize, usize)> = pairs
                        .into_iter()
                        .filter(|(x, y)| x != y)
                        .map(|(x, y)| (labels[x.min(y)], labels[x.max(y)]))
                        .collect();
                    judge::<K>(n, edges)
                })
            },
        ),
        GROUP.check(
            "cycles_like_oracle",
            "when the heap runs dry before every node is placed, the nodes left over are on or \
             behind a cycle: each has a dependency among them; follow dependencies back until \
             a node repeats, and report that loop in edge order",
            |ctx| {
                let graph = (1usize..10).prop_flat_map(|n| (Just(n), vec((0..n, 0..n), 0..14)));
                for_all(ctx, 400, graph, |(n, edges)| judge::<K>(n, edges))
            },
        ),
        GROUP.check(
            "edge_visit_gate",
            "read the edge list once (call edges() once and keep the slice), build each node's \
             list of dependants and its in-degree, and work from those; scanning every edge \
             again for each placed node is O(V·E)",
            |_| edge_visit_gate::<K>(),
        ),
        GROUP.check(
            "work_gate",
            "the edges read once must also be USED once: copying the edge list (or keeping \
             the slice) and scanning all of it again for every placed node is O(V·E) work, \
             whatever the count of edges() calls says. Build each node's list of dependants \
             and in-degree in one pass",
            |_| work_gate::<K>(),
        ),
    ]
}

/// The time to sort a scrambled DAG of `n` nodes (the graph is built outside the timing).
fn sort_time<K: TopoSort>(n: usize) -> Duration {
    let deps = CountingDeps::new(n, scrambled_dag(n));
    let started = CpuClock::start();
    std::hint::black_box(K::build_order(&deps)).ok();
    started.elapsed()
}

fn work_gate<K: TopoSort>() -> Result<(), Failure> {
    Gate {
        what: "the time to order a DAG of n nodes",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 0.0,
        small: 250,
        large: 4_000,
    }
    .check_time_growth(sort_time::<K>)
}

/// The smallest-first topological order, by the definition: repeatedly place the smallest
/// node none of whose dependencies is still unplaced. `None`: the graph has a cycle.
fn naive_order(n: usize, edges: &[(usize, usize)]) -> Option<Vec<usize>> {
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let next = (0..n)
            .find(|&node| !placed[node] && !edges.iter().any(|&(a, b)| b == node && !placed[a]))?;
        placed[next] = true;
        order.push(next);
    }
    Some(order)
}

/// Whether `cycle` is a cycle of the graph: distinct nodes, each with an edge to the next,
/// and the last with an edge back to the first. `Err` says what is wrong.
fn check_cycle(n: usize, edges: &[(usize, usize)], cycle: &[usize]) -> Result<(), String> {
    if cycle.is_empty() {
        return Err("the cycle is empty: name its nodes".to_string());
    }
    if let Some(bad) = cycle.iter().find(|&&node| node >= n) {
        return Err(format!("{bad} is not a node"));
    }
    let mut seen = vec![false; n];
    for &node in cycle {
        if std::mem::replace(&mut seen[node], true) {
            return Err(format!(
                "{node} appears twice: name each node of the cycle once"
            ));
        }
    }
    for (i, &a) in cycle.iter().enumerate() {
        let b = cycle[(i + 1) % cycle.len()];
        if !edges.contains(&(a, b)) {
            return Err(format!(
                "there is no edge {a} -> {b}: list the cycle's nodes in edge order, each with \
                 an edge to the next and the last with an edge back to the first"
            ));
        }
    }
    Ok(())
}

/// Runs the learner's sort on `n` nodes and `edges`, and judges it against the oracle.
fn judge<K: TopoSort>(n: usize, edges: Vec<(usize, usize)>) -> Result<(), Failure> {
    let expected = naive_order(n, &edges);
    let call = format!("build_order(nodes: {n}, edges: {})", show(&edges));
    let deps = CountingDeps::new(n, edges.clone());
    let got = K::build_order(&deps);
    let fail = |expected: String, why: String| {
        Err(Failure::new(format!(
            "called:   {call}\nexpected: {expected}\ngot:      {}\n{why}",
            show(&got)
        )))
    };
    match (&expected, &got) {
        (Some(order), Ok(got_order)) if order == got_order => Ok(()),
        (Some(order), Ok(got_order)) => {
            let mut position = vec![usize::MAX; n];
            for (i, &node) in got_order.iter().enumerate() {
                if node < n && position[node] == usize::MAX {
                    position[node] = i;
                }
            }
            let permutation = got_order.len() == n && position.iter().all(|&p| p != usize::MAX);
            let why = if !permutation {
                format!("the order must hold each of the {n} nodes exactly once")
            } else if let Some(&(a, b)) = edges.iter().find(|&&(a, b)| position[a] > position[b]) {
                format!("{b} comes before {a}, but it depends on it ({a} -> {b})")
            } else {
                "this order respects every edge, but when several nodes are ready the smallest \
                 must come first"
                    .to_string()
            };
            fail(format!("Ok({order:?})"), why)
        }
        (Some(order), Err(_)) => fail(
            format!("Ok({order:?})"),
            "there is no cycle in this graph".to_string(),
        ),
        (None, Ok(_)) => fail(
            "Err(the nodes of a cycle)".to_string(),
            "the graph has a cycle, so no order exists".to_string(),
        ),
        (None, Err(cycle)) => match check_cycle(n, &edges, cycle) {
            Ok(()) => Ok(()),
            Err(why) => fail("Err(the nodes of a cycle)".to_string(), why),
        },
    }
}

fn examples<K: TopoSort>() -> Result<(), Failure> {
    // Migrations: 0 create_users, 1 create_posts (needs users), 2 add_index (needs posts),
    // 3 create_tags, 4 post_tags (needs posts and tags).
    let migrations = vec![(0, 1), (1, 2), (1, 4), (3, 4)];
    let cases: Vec<(usize, Vec<(usize, usize)>)> = vec![
        (5, migrations.clone()),
        // The same edges listed in another order: the same answer.
        (5, migrations.iter().rev().copied().collect()),
        // 3 must come first, then the smallest ready node each time.
        (4, vec![(3, 0), (3, 2), (2, 1)]),
        // No edges: in increasing order.
        (3, vec![]),
        (0, vec![]),
        // A duplicate edge counts once.
        (2, vec![(1, 0), (1, 0)]),
        // Cycles: 0 -> 1 -> 2 -> 0; a self-loop; a cycle behind a valid prefix.
        (3, vec![(0, 1), (1, 2), (2, 0)]),
        (2, vec![(1, 1)]),
        (6, vec![(0, 1), (1, 2), (2, 3), (3, 4), (4, 2), (4, 5)]),
    ];
    for (n, edges) in cases {
        judge::<K>(n, edges.clone())?;
        // The doc's own way to call it: the same answer through the given `DependencyList`.
        let counted = K::build_order(&CountingDeps::new(n, edges.clone()));
        let plain = K::build_order_plain(n, edges.clone());
        if plain != counted {
            return Err(Failure::new(format!(
                "called:   build_order(&DependencyList {{ nodes: {n}, edges: &{} }})\n\
                 expected: {}, the answer for the same dependencies read another way\n\
                 got:      {}\nthe answer may depend only on node_count() and edges(): check \
                 the kata file's `impl Dependencies for DependencyList`",
                show(&edges),
                show(&counted),
                show(&plain)
            )));
        }
    }
    Ok(())
}

/// A DAG of `n` nodes, three dependencies per node on earlier ones, with labels scrambled
/// (position i gets label i·7919 mod n) so that the order is not just 0, 1, 2, …
fn scrambled_dag(n: usize) -> Vec<(usize, usize)> {
    let label = |i: usize| i * 7919 % n;
    let mut state = 0x2545_F491_4F6C_DD1Du64 ^ n as u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut edges = Vec::with_capacity(3 * n);
    for i in 1..n {
        for _ in 0..3 {
            let j = (next() % i as u64) as usize;
            edges.push((label(j), label(i)));
        }
    }
    edges
}

/// Edges visited sorting a scrambled DAG of `n` nodes (stopped past `limit`).
fn edge_visits_for<K: TopoSort>(n: usize, limit: u64) -> u64 {
    let mut deps = CountingDeps::new(n, scrambled_dag(n));
    deps.visits = Meter::with_limit(limit);
    std::hint::black_box(K::build_order(&deps)).ok();
    deps.visits()
}

fn edge_visit_gate<K: TopoSort>() -> Result<(), Failure> {
    Gate {
        what: "edge visits (edges() calls + edges returned)",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 6.0,
        small: 1_000,
        large: 16_000,
    }
    .check_metered(
        "it reads the edge list again and again",
        edge_visits_for::<K>,
    )
}

/// Criterion group `topo_sort`: ordering a scrambled DAG of n nodes (3 dependencies each),
/// for the learner's code `L` and the reference `R` (std has none).
pub fn bench<L: TopoSort, R: TopoSort>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        let _ = L::build_order(&CountingDeps::new(2, vec![(1, 0)]));
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let deps = CountingDeps::new(n, scrambled_dag(n));
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| L::build_order(&deps))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| R::build_order(&deps))
        });
    }
    group.finish();
}

/// Implements [`TopoSort`] for `$subject` with `$krate::topo_sort::build_order`, handing it
/// the [`CountingDeps`] through a local adapter that implements
/// `$krate::topo_sort::Dependencies`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_topo_sort {
    ($krate:ident, $subject:ident) => {
        const _: () = {
            struct Adapter<'d>(&'d $crate::step1::topo_sort::CountingDeps);

            impl $krate::topo_sort::Dependencies for Adapter<'_> {
                fn node_count(&self) -> usize {
                    self.0.node_count()
                }
                fn edges(&self) -> &[(usize, usize)] {
                    self.0.edges()
                }
            }

            impl $crate::step1::topo_sort::TopoSort for $subject {
                fn build_order(
                    deps: &$crate::step1::topo_sort::CountingDeps,
                ) -> Result<Vec<usize>, Vec<usize>> {
                    $krate::topo_sort::build_order(&Adapter(deps))
                }

                fn build_order_plain(
                    nodes: usize,
                    edges: Vec<(usize, usize)>,
                ) -> Result<Vec<usize>, Vec<usize>> {
                    $krate::topo_sort::build_order(&$krate::topo_sort::DependencyList {
                        nodes,
                        edges: &edges,
                    })
                }
            }
        };
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

type BuildOrderFn = fn(&CountingDeps) -> Result<Vec<usize>, Vec<usize>>;
type BuildOrderPlainFn = fn(usize, Vec<(usize, usize)>) -> Result<Vec<usize>, Vec<usize>>;

impl TopoSort for Learner {
    fn build_order(deps: &CountingDeps) -> Result<Vec<usize>, Vec<usize>> {
        TABLE.get::<BuildOrderFn>("build_order")(deps)
    }

    fn build_order_plain(nodes: usize, edges: Vec<(usize, usize)>) -> Result<Vec<usize>, Vec<usize>> {
        TABLE.get::<BuildOrderPlainFn>("build_order_plain")(nodes, edges)
    }
}

/// Registers `S`'s functions for [`Learner`].
pub fn register<S: TopoSort>() {
    TABLE.fill(|fns| {
        fns.add::<BuildOrderFn>("build_order", S::build_order);
        fns.add::<BuildOrderPlainFn>("build_order_plain", S::build_order_plain);
    });
}
