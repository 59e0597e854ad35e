//! Kata `bfs` (grade 4): shortest path by hops in an unweighted directed graph.
//!
//! The learner's code reads the graph through a kata-local `Graph` trait; the suite hands it a
//! [`CountingGraph`] that counts every edge it gives out, so the gate sees how often each
//! adjacency list is read. Checks: worked examples, shortest-path length against a reference
//! BFS on random graphs, an edge-visit gate that tells O(V + E) from re-expanding nodes, and
//! a gate on how the time grows: the work done with the edges, which no count of reads sees
//! (a `seen` list searched with `contains` is O(V) per edge).

use std::collections::VecDeque;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::gate::{Class, CpuClock, Gate, Meter};
use crate::property::for_all;
use crate::step1::learner::{Learner, Table};

/// A directed graph as adjacency lists that counts the edges it hands out: every call to
/// [`CountingGraph::neighbours`] adds the length of the list it returns (and 1 for the call).
#[derive(Debug)]
pub struct CountingGraph {
    adjacency: Vec<Vec<usize>>,
    visits: Meter,
}

impl CountingGraph {
    pub fn new(adjacency: Vec<Vec<usize>>) -> Self {
        CountingGraph {
            adjacency,
            visits: Meter::unlimited(),
        }
    }

    /// The number of nodes; nodes are `0..node_count()`.
    pub fn node_count(&self) -> usize {
        self.adjacency.len()
    }

    /// The nodes `node` has an edge to. Counted.
    pub fn neighbours(&self, node: usize) -> &[usize] {
        let Some(list) = self.adjacency.get(node) else {
            panic!(
                "neighbours({node}) called on a graph of {} nodes: check that start and goal \
                 are below node_count() before you search",
                self.adjacency.len()
            );
        };
        self.visits.spend(1 + list.len() as u64);
        list
    }

    /// Edges (and calls) handed out so far.
    pub fn visits(&self) -> u64 {
        self.visits.spent()
    }

    pub fn adjacency(&self) -> &[Vec<usize>] {
        &self.adjacency
    }
}

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::bfs::shortest_path` through an adapter that implements `<crate>::bfs::Graph`.
pub trait Bfs {
    fn shortest_path(graph: &CountingGraph, start: usize, goal: usize) -> Option<Vec<usize>>;

    /// The same search on the plain adjacency lists the kata's doc shows, read through the
    /// `Graph` impls its file gives: `adjacency` as a `Vec<Vec<usize>>`, or with `as_slice`
    /// as a `[Vec<usize>]`. (A fixture, which has no such impls, searches a counting graph.)
    fn shortest_path_plain(
        adjacency: Vec<Vec<usize>>,
        as_slice: bool,
        start: usize,
        goal: usize,
    ) -> Option<Vec<usize>> {
        let _ = as_slice;
        Self::shortest_path(&CountingGraph::new(adjacency), start, goal)
    }
}

pub const GROUP: Group = super::GROUPS.bfs;

pub fn checks<K: Bfs + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "search outward from start one hop at a time with a FIFO queue, remember each \
             node's parent when you first see it, and walk the parents back from goal",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "shortest_like_reference_bfs",
            "the path must be a real path (each step an edge of the graph) and as short as \
             possible: a depth-first search finds a path, not the shortest one",
            |ctx| {
                let graph = (1usize..24).prop_flat_map(|n| {
                    (
                        vec(vec(0..n, 0..4), n..=n),
                        0..n + 1, // n itself: an unknown node
                        0..n + 1,
                    )
                });
                for_all(ctx, 300, graph, |(adjacency, start, goal)| {
                    let expected = reference_distance(&adjacency, start, goal);
                    let graph = CountingGraph::new(adjacency);
                    let got = K::shortest_path(&graph, start, goal);
                    judge_path(graph.adjacency(), start, goal, expected, got)
                })
            },
        ),
        GROUP.check(
            "edge_visit_gate",
            "read each node's neighbours once: mark a node as seen when you PUSH it, not when \
             you pop it, and never push or expand a node twice",
            |_| edge_visit_gate::<K>(),
        ),
        GROUP.check(
            "work_gate",
            "each edge must cost O(1) once read: keep `seen` as a Vec<bool> (or the parent \
             array) indexed by node, not a list searched with `contains`, which makes the \
             search O(V·E)",
            |_| work_gate::<K>(),
        ),
    ]
}

/// Hops from start to goal by a plain BFS, None when unreachable or unknown.
fn reference_distance(adjacency: &[Vec<usize>], start: usize, goal: usize) -> Option<usize> {
    let n = adjacency.len();
    if start >= n || goal >= n {
        return None;
    }
    let mut distance = vec![usize::MAX; n];
    distance[start] = 0;
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &next in &adjacency[node] {
            if distance[next] == usize::MAX {
                distance[next] = distance[node] + 1;
                queue.push_back(next);
            }
        }
    }
    (distance[goal] != usize::MAX).then_some(distance[goal])
}

/// Accepts `got` if it is a path from start to goal along edges with `expected` hops.
fn judge_path(
    adjacency: &[Vec<usize>],
    start: usize,
    goal: usize,
    expected: Option<usize>,
    got: Option<Vec<usize>>,
) -> Result<(), Failure> {
    let call = format!("shortest_path(&{}, {start}, {goal})", show(adjacency));
    let describe = |what: String| {
        Failure::new(format!(
            "called:   {call}\nexpected: {}\ngot:      {}\n{what}",
            match expected {
                Some(hops) => format!("a path of {hops} hop(s), {} node(s)", hops + 1),
                None => "None".to_string(),
            },
            show(&got)
        ))
    };
    match (expected, &got) {
        (None, None) => Ok(()),
        (None, Some(_)) => Err(describe(
            if start >= adjacency.len() || goal >= adjacency.len() {
                "start or goal is not a node of the graph: answer None".to_string()
            } else {
                "goal cannot be reached from start".to_string()
            },
        )),
        (Some(_), None) => Err(describe("goal can be reached from start".to_string())),
        (Some(hops), Some(path)) => {
            if path.first() != Some(&start) || path.last() != Some(&goal) {
                return Err(describe(
                    "the path must begin with start and end with goal".to_string(),
                ));
            }
            if let Some(pair) = path.windows(2).find(|pair| {
                adjacency
                    .get(pair[0])
                    .is_none_or(|list| !list.contains(&pair[1]))
            }) {
                return Err(describe(format!(
                    "{} -> {} is not an edge of the graph",
                    pair[0], pair[1]
                )));
            }
            if path.len() != hops + 1 {
                return Err(describe(format!(
                    "this path has {} hop(s); the shortest has {hops}",
                    path.len() - 1
                )));
            }
            Ok(())
        }
    }
}

fn examples<K: Bfs>() -> Result<(), Failure> {
    // Service dependencies: 0 = gateway, 1 = auth, 2 = users, 3 = orders, 4 = db, 5 = cache.
    let services = vec![
        vec![1, 3],
        vec![2],
        vec![4],
        vec![4, 5],
        vec![],
        vec![],
        vec![0], // 6 = admin, calls the gateway; nothing calls it
    ];
    /// (graph, start, goal, expected path)
    type Case<'a> = (&'a [Vec<usize>], usize, usize, Option<&'a [usize]>);
    let cases: &[Case] = &[
        (&services, 0, 4, Some(&[0, 3, 4])),
        (&services, 0, 5, Some(&[0, 3, 5])),
        (&services, 1, 4, Some(&[1, 2, 4])),
        (&services, 6, 4, Some(&[6, 0, 3, 4])),
        (&services, 0, 0, Some(&[0])),
        (&services, 4, 0, None),
        (&services, 0, 6, None),
        (&services, 0, 7, None),
        (&services, 9, 0, None),
        (&services, 9, 9, None),
        (&[], 0, 0, None),
        (&[vec![0]], 0, 0, Some(&[0])),
        // Edges are directed: 1 -> 0 exists, 0 -> 1 does not.
        (&[vec![], vec![0]], 0, 1, None),
        // A cycle: 0 -> 1 -> 2 -> 0, goal 3 hangs off 2.
        (
            &[vec![1], vec![2], vec![0, 3], vec![]],
            1,
            3,
            Some(&[1, 2, 3]),
        ),
        (
            &[vec![1], vec![2], vec![0, 3], vec![]],
            2,
            1,
            Some(&[2, 0, 1]),
        ),
    ];
    for &(adjacency, start, goal, expected) in cases {
        let graph = CountingGraph::new(adjacency.to_vec());
        let got = K::shortest_path(&graph, start, goal);
        expect_eq(
            format!("shortest_path(&{adjacency:?}, {start}, {goal})"),
            expected.map(<[usize]>::to_vec),
            got,
        )?;
        // The doc's own way to call it: a plain `Vec<Vec<usize>>`, and a slice of one.
        for (as_slice, sliced) in [(false, ""), (true, "[..]")] {
            let got = K::shortest_path_plain(adjacency.to_vec(), as_slice, start, goal);
            expect_eq(
                format!(
                    "shortest_path(&vec!{adjacency:?}{sliced}, {start}, {goal}), read through \
                     the kata file's `impl Graph for {}`",
                    if as_slice { "[Vec<usize>]" } else { "Vec<Vec<usize>>" }
                ),
                expected.map(<[usize]>::to_vec),
                got,
            )?;
        }
    }
    Ok(())
}

/// A graph on which a search that expands a node more than once pays for it: `n` nodes in
/// layers of two, every node linked to both nodes of the next layer (so many shortest
/// paths), plus a few chords back. The goal is the last node, `n / 2` hops away.
fn layered_graph(n: usize) -> Vec<Vec<usize>> {
    let n = n.max(4) & !1;
    (0..n)
        .map(|node| {
            let layer = node / 2;
            let mut next = Vec::new();
            if 2 * (layer + 1) < n {
                next.extend([2 * (layer + 1), 2 * (layer + 1) + 1]);
            }
            if layer >= 3 && node % 2 == 1 {
                next.push(2 * (layer - 3)); // an edge back to an earlier layer
            }
            next
        })
        .collect()
}

/// Edges visited by one search from the first to the last node of a layered graph of `n`
/// nodes (stopped past `limit`).
fn edge_visits_for<K: Bfs>(n: usize, limit: u64) -> u64 {
    let adjacency = layered_graph(n);
    let goal = adjacency.len() - 1;
    let mut graph = CountingGraph::new(adjacency);
    graph.visits = Meter::with_limit(limit);
    std::hint::black_box(K::shortest_path(&graph, 0, goal));
    graph.visits()
}

fn edge_visit_gate<K: Bfs>() -> Result<(), Failure> {
    Gate {
        what: "edge visits (neighbours() calls + edges returned)",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 6.0,
        small: 1_000,
        large: 16_000,
    }
    .check_metered(
        "it reads the same edges again and again",
        edge_visits_for::<K>,
    )
}

/// The time of one search across a layered graph of `n` nodes (built outside the timing).
fn search_time<K: Bfs>(n: usize) -> Duration {
    let adjacency = layered_graph(n);
    let goal = adjacency.len() - 1;
    let graph = CountingGraph::new(adjacency);
    let started = CpuClock::start();
    std::hint::black_box(K::shortest_path(&graph, 0, goal));
    started.elapsed()
}

fn work_gate<K: Bfs>() -> Result<(), Failure> {
    Gate {
        what: "the time of one search across n nodes",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 0.0,
        small: 250,
        large: 4_000,
    }
    .check_time_growth(search_time::<K>)
}

/// Criterion group `bfs`: one search across a layered graph of n nodes, for the learner's
/// code `L` and the reference `R` (std has no graph search).
pub fn bench<L: Bfs, R: Bfs>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::shortest_path(&CountingGraph::new(vec![vec![1], vec![]]), 0, 1);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let graph = CountingGraph::new(layered_graph(n));
        let goal = graph.node_count() - 1;
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| L::shortest_path(&graph, 0, goal))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| R::shortest_path(&graph, 0, goal))
        });
    }
    group.finish();
}

/// Implements [`Bfs`] for `$subject` with `$krate::bfs::shortest_path`, handing it the
/// [`CountingGraph`] through a local adapter that implements `$krate::bfs::Graph`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_bfs {
    ($krate:ident, $subject:ident) => {
        const _: () = {
            struct Adapter<'g>(&'g $crate::step1::bfs::CountingGraph);

            impl $krate::bfs::Graph for Adapter<'_> {
                fn node_count(&self) -> usize {
                    self.0.node_count()
                }
                fn neighbours(&self, node: usize) -> &[usize] {
                    self.0.neighbours(node)
                }
            }

            impl $crate::step1::bfs::Bfs for $subject {
                fn shortest_path(
                    graph: &$crate::step1::bfs::CountingGraph,
                    start: usize,
                    goal: usize,
                ) -> Option<Vec<usize>> {
                    $krate::bfs::shortest_path(&Adapter(graph), start, goal)
                }

                fn shortest_path_plain(
                    adjacency: Vec<Vec<usize>>,
                    as_slice: bool,
                    start: usize,
                    goal: usize,
                ) -> Option<Vec<usize>> {
                    if as_slice {
                        $krate::bfs::shortest_path(adjacency.as_slice(), start, goal)
                    } else {
                        $krate::bfs::shortest_path(&adjacency, start, goal)
                    }
                }
            }
        };
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

type ShortestPathFn = fn(&CountingGraph, usize, usize) -> Option<Vec<usize>>;
type ShortestPathPlainFn = fn(Vec<Vec<usize>>, bool, usize, usize) -> Option<Vec<usize>>;

impl Bfs for Learner {
    fn shortest_path(graph: &CountingGraph, start: usize, goal: usize) -> Option<Vec<usize>> {
        TABLE.get::<ShortestPathFn>("shortest_path")(graph, start, goal)
    }

    fn shortest_path_plain(
        adjacency: Vec<Vec<usize>>,
        as_slice: bool,
        start: usize,
        goal: usize,
    ) -> Option<Vec<usize>> {
        TABLE.get::<ShortestPathPlainFn>("shortest_path_plain")(adjacency, as_slice, start, goal)
    }
}

/// Registers `S`'s functions for [`Learner`].
pub fn register<S: Bfs>() {
    TABLE.fill(|fns| {
        fns.add::<ShortestPathFn>("shortest_path", S::shortest_path);
        fns.add::<ShortestPathPlainFn>("shortest_path_plain", S::shortest_path_plain);
    });
}
