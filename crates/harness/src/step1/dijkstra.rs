//! Kata `dijkstra` (grade 4): shortest distances from one source over non-negative weights.
//!
//! The kata is generic over the weight type, so the same learner code runs on `u64` for
//! correctness and on [`CountedWeight`] for the gate, which counts every comparison of two
//! weights (the heap's, and any "which node is closest" scan). Checks: worked examples,
//! agreement with Bellman-Ford on random graphs, a comparison gate that tells a binary heap
//! from scanning every node for the minimum, and one on a dense graph full of stale heap
//! entries (a popped entry older than the node's distance must be skipped, not expanded).

use std::cmp::Ordering;
use std::ops::Add;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::learner::{Learner, Table};

static WEIGHT_COMPARISONS: AtomicU64 = AtomicU64::new(0);

/// A `u64` weight that counts how often it is compared (`==`, `<`, `cmp`, …).
#[derive(Debug, Clone, Copy, Default)]
pub struct CountedWeight(pub u64);

impl CountedWeight {
    /// Comparisons of counted weights so far, in this process.
    pub fn comparisons() -> u64 {
        WEIGHT_COMPARISONS.load(Relaxed)
    }
}

impl Add for CountedWeight {
    type Output = CountedWeight;
    fn add(self, other: CountedWeight) -> CountedWeight {
        CountedWeight(self.0 + other.0)
    }
}

impl PartialEq for CountedWeight {
    fn eq(&self, other: &Self) -> bool {
        WEIGHT_COMPARISONS.fetch_add(1, Relaxed);
        self.0 == other.0
    }
}

impl Eq for CountedWeight {}

impl PartialOrd for CountedWeight {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CountedWeight {
    fn cmp(&self, other: &Self) -> Ordering {
        WEIGHT_COMPARISONS.fetch_add(1, Relaxed);
        self.0.cmp(&other.0)
    }
}

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::dijkstra::shortest_distances`.
pub trait Dijkstra {
    fn shortest_distances<W>(graph: &[Vec<(usize, W)>], source: usize) -> Vec<Option<W>>
    where
        W: Copy + Ord + Add<Output = W> + Default + 'static;
}

pub const GROUP: Group = super::GROUPS.dijkstra;

pub fn checks<K: Dijkstra + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "keep a min-heap of (distance so far, node); pop the closest node, skip it if it \
             was already settled, and relax each of its edges",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_bellman_ford",
            "a node is final only when it is POPPED with the smallest distance, not when it \
             is first reached: a longer path of cheap edges can beat one expensive edge",
            |ctx| {
                let graph = (1usize..16)
                    .prop_flat_map(|n| (vec(vec((0..n, 0u64..20), 0..4), n..=n), 0..n + 1));
                for_all(ctx, 300, graph, |(graph, source)| {
                    let expected = bellman_ford(&graph, source);
                    let got = K::shortest_distances(&graph, source);
                    expect_eq(
                        format!("shortest_distances(&{}, {source})", show(&graph)),
                        expected,
                        got,
                    )
                })
            },
        ),
        GROUP.check(
            "comparison_gate",
            "find the closest unsettled node with a binary heap (std::collections::BinaryHeap \
             with std::cmp::Reverse), not by scanning every node: the scan costs O(V) per \
             node, O(V²) in all",
            |_| comparison_gate::<K>(),
        ),
        GROUP.check(
            "stale_entries_gate",
            "a node whose distance improved is in the heap more than once; when you pop an \
             entry whose distance is larger than the node's best (or the node is already \
             settled), skip it: expanding it again re-reads all its edges for nothing",
            |_| stale_entries_gate::<K>(),
        ),
    ]
}

/// The simple oracle: relax every edge V - 1 times. Unknown source: every node unreachable.
fn bellman_ford(graph: &[Vec<(usize, u64)>], source: usize) -> Vec<Option<u64>> {
    let n = graph.len();
    let mut distance: Vec<Option<u64>> = vec![None; n];
    if source >= n {
        return distance;
    }
    distance[source] = Some(0);
    for _ in 1..n.max(2) {
        for (from, edges) in graph.iter().enumerate() {
            let Some(d) = distance[from] else { continue };
            for &(to, weight) in edges {
                if distance[to].is_none_or(|old| d + weight < old) {
                    distance[to] = Some(d + weight);
                }
            }
        }
    }
    distance
}

fn examples<K: Dijkstra>() -> Result<(), Failure> {
    // Network latencies in ms between 5 datacenters; the direct link 0 -> 2 is slow.
    let network: Vec<Vec<(usize, u64)>> = vec![
        vec![(1, 4), (2, 20)],
        vec![(2, 5), (3, 12)],
        vec![(3, 3)],
        vec![],
        vec![(0, 1)], // 4 reaches 0, nothing reaches 4
    ];
    type Case<'a> = (&'a [Vec<(usize, u64)>], usize, &'a [Option<u64>]);
    let cases: &[Case] = &[
        (&network, 0, &[Some(0), Some(4), Some(9), Some(12), None]),
        (&network, 2, &[None, None, Some(0), Some(3), None]),
        (
            &network,
            4,
            &[Some(1), Some(5), Some(10), Some(13), Some(0)],
        ),
        (&network, 3, &[None, None, None, Some(0), None]),
        // An unknown source: nothing is reachable.
        (&network, 5, &[None, None, None, None, None]),
        (&[], 0, &[]),
        (&[vec![]], 0, &[Some(0)]),
        // Zero-weight edges, a self-loop and parallel edges.
        (
            &[vec![(0, 7), (1, 0), (1, 3)], vec![(2, 0)], vec![(0, 1)]],
            0,
            &[Some(0), Some(0), Some(0)],
        ),
        // A cycle; the cheap way round is three hops.
        (
            &[
                vec![(1, 1), (3, 10)],
                vec![(2, 1)],
                vec![(3, 1), (0, 1)],
                vec![(0, 1)],
            ],
            0,
            &[Some(0), Some(1), Some(2), Some(3)],
        ),
    ];
    for &(graph, source, expected) in cases {
        let got = K::shortest_distances(graph, source);
        expect_eq(
            format!("shortest_distances(&{graph:?}, {source})"),
            expected.to_vec(),
            got,
        )?;
    }
    Ok(())
}

/// A sparse graph of `n` nodes, every one reachable from 0: a ring 0 -> 1 -> … -> 0 plus
/// three pseudo-random edges per node, weights 1..=100.
fn sparse_graph(n: usize) -> Vec<Vec<(usize, u64)>> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ n as u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|node| {
            let mut edges = vec![((node + 1) % n, 1 + next() % 100)];
            for _ in 0..3 {
                edges.push(((next() % n as u64) as usize, 1 + next() % 100));
            }
            edges
        })
        .collect()
}

/// Weight comparisons made by one run from node 0 over a sparse graph of `n` nodes.
fn comparisons_for<K: Dijkstra>(n: usize) -> u64 {
    let graph: Vec<Vec<(usize, CountedWeight)>> = sparse_graph(n)
        .into_iter()
        .map(|edges| {
            edges
                .into_iter()
                .map(|(to, w)| (to, CountedWeight(w)))
                .collect()
        })
        .collect();
    let before = CountedWeight::comparisons();
    std::hint::black_box(K::shortest_distances(&graph, 0));
    CountedWeight::comparisons() - before
}

fn comparison_gate<K: Dijkstra>() -> Result<(), Failure> {
    Gate {
        what: "weight comparisons",
        expected: Class::NLogN,
        next_worse: Class::Quadratic,
        constant: 4.0,
        small: 500,
        large: 8_000,
    }
    .check(comparisons_for::<K>)
}

/// A dense graph on which every node's distance improves again and again: the chain
/// `i -> i + 1` (weight 1) gives node `j` its distance `j`, and each `i -> j` (weight
/// `4n - 2i`) offers `j` a smaller, but still too large, distance as each `i` is settled.
/// Node `j` is pushed `j` times, and all but one of those heap entries go stale.
fn stale_graph(n: usize) -> Vec<Vec<(usize, CountedWeight)>> {
    let k = 4 * n as u64;
    (0..n)
        .map(|i| {
            (i + 1..n)
                .map(|j| {
                    let weight = if j == i + 1 { 1 } else { k - 2 * i as u64 };
                    (j, CountedWeight(weight))
                })
                .collect()
        })
        .collect()
}

/// Weight comparisons per edge of one run from node 0 over [`stale_graph`].
fn comparisons_per_edge<K: Dijkstra>(n: usize) -> u64 {
    let graph = stale_graph(n);
    let edges: usize = graph.iter().map(Vec::len).sum();
    let before = CountedWeight::comparisons();
    std::hint::black_box(K::shortest_distances(&graph, 0));
    (CountedWeight::comparisons() - before) / edges as u64
}

fn stale_entries_gate<K: Dijkstra>() -> Result<(), Failure> {
    Gate {
        what: "weight comparisons per edge (a dense graph, many stale heap entries)",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 8.0,
        small: 32,
        large: 512,
    }
    .check(comparisons_per_edge::<K>)
}

/// Criterion group `dijkstra`: all distances from node 0 over a sparse graph of n nodes
/// (4 edges per node), for the learner's code `L` and the reference `R` (std has none).
pub fn bench<L: Dijkstra, R: Dijkstra>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::shortest_distances(&[vec![(1, 1u64)], vec![]], 0);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let graph = sparse_graph(n);
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| L::shortest_distances(&graph, 0))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| R::shortest_distances(&graph, 0))
        });
    }
    group.finish();
}

/// Implements [`Dijkstra`] for `$subject` with `$krate::dijkstra::shortest_distances`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_dijkstra {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::dijkstra::Dijkstra for $subject {
            fn shortest_distances<W>(graph: &[Vec<(usize, W)>], source: usize) -> Vec<Option<W>>
            where
                W: Copy + Ord + ::std::ops::Add<Output = W> + Default,
            {
                $krate::dijkstra::shortest_distances(graph, source)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

type ShortestDistancesFn<W> = fn(&[Vec<(usize, W)>], usize) -> Vec<Option<W>>;

impl Dijkstra for Learner {
    fn shortest_distances<W>(graph: &[Vec<(usize, W)>], source: usize) -> Vec<Option<W>>
    where
        W: Copy + Ord + Add<Output = W> + Default + 'static,
    {
        TABLE.get::<ShortestDistancesFn<W>>("shortest_distances")(graph, source)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: Dijkstra>() {
    TABLE.fill(|fns| {
        fns.add::<ShortestDistancesFn<u64>>("shortest_distances", S::shortest_distances);
        fns.add::<ShortestDistancesFn<CountedWeight>>("shortest_distances", S::shortest_distances);
    });
}
