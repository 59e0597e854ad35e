//! Kata `kway_merge` (grade 2): merge k sorted logs into one sorted log with a min-heap.
//!
//! Checks: worked examples, agreement with "concatenate, then stable sort" on random logs,
//! stability across logs (ties come out in log order), and a comparison-count gate that tells
//! O(log k) per merged item (a heap of the k heads) from O(k) (scanning every head).

use criterion::{BatchSize, BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::counting::{Counted, measure};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::inputs::shuffled;
use crate::step1::merge_sort::{ByKey, pairs};
use crate::step1::source_rules::{self, Forbidden};
use crate::step1::learner::{self, Learner, Table};

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::kway_merge::merge`.
pub trait KwayMerge {
    /// The text of the kata's file, for the rules its doc states about the code (the grade
    /// macro reads the crate under test's file; fixtures may give their own).
    const SOURCE: &'static str = "";
    fn merge<T: Ord + 'static>(logs: Vec<Vec<T>>) -> Vec<T>;
}

pub const GROUP: Group = super::GROUPS.kway_merge;

/// What the kata's doc forbids in the code itself.
const FORBIDDEN: Forbidden = Forbidden {
    names: crate::step1::source_rules::SORTS,
    why: "concatenating and sorting is not the lesson: merge the logs with a heap of their heads",
};

pub fn checks<K: KwayMerge + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "keep the current head (first unmerged item) of every log in a min-heap; pop the \
             smallest, push it to the output, then push the next item of the log it came from",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_model",
            "every item of every log must come out exactly once, in ascending order; empty logs \
             and logs of different lengths are normal",
            |ctx| {
                let logs = vec(vec(0i32..60, 0..25), 0..8).prop_map(|mut logs| {
                    for log in &mut logs {
                        log.sort();
                    }
                    logs
                });
                for_all(ctx, 300, logs, |logs| {
                    let mut expected: Vec<i32> = logs.concat();
                    expected.sort();
                    let got = K::merge(logs.clone());
                    expect_eq(format!("merge({})", show(&logs)), expected, got)
                })
            },
        ),
        GROUP.check(
            "stable",
            "on equal items the one from the lower-numbered log must come out first: put the \
             log's index in the heap entry and compare it after the item, e.g. \
             Reverse((item, log_index))",
            |ctx| {
                let keys = vec(vec(0u16..5, 0..12), 0..7);
                for_all(ctx, 300, keys, |keys| {
                    // Ids number every record in input order: log 0 first, then log 1, ...
                    let mut id = 0;
                    let logs: Vec<Vec<ByKey>> = keys
                        .iter()
                        .map(|log| {
                            let mut log = log.clone();
                            log.sort();
                            log.into_iter()
                                .map(|key| {
                                    id += 1;
                                    ByKey(key, id)
                                })
                                .collect()
                        })
                        .collect();
                    let mut expected: Vec<ByKey> = logs.concat();
                    expected.sort();
                    let got = K::merge(logs.clone());
                    expect_eq(
                        format!("merge({}) comparing keys only", show(&logs)),
                        pairs(&expected),
                        pairs(&got),
                    )
                })
            },
        ),
        GROUP.check(
            "comparison_gate",
            "scanning every log's head for the smallest costs k comparisons per item; a \
             min-heap (std's BinaryHeap with Reverse) of the k heads costs about log2(k)",
            |_| comparison_gate::<K>(),
        ),
        source_rules::no_std_shortcut(GROUP, K::SOURCE, FORBIDDEN),
    ]
}

fn examples<K: KwayMerge>() -> Result<(), Failure> {
    let cases: &[(&[&[i32]], &[i32])] = &[
        (
            &[&[1, 4, 7], &[2, 5, 8], &[3, 6, 9]],
            &[1, 2, 3, 4, 5, 6, 7, 8, 9],
        ),
        (
            &[&[10, 20], &[], &[5, 15, 25, 35]],
            &[5, 10, 15, 20, 25, 35],
        ),
        (&[&[1, 2, 3]], &[1, 2, 3]),
        (&[&[3], &[1], &[2]], &[1, 2, 3]),
        (&[&[1, 1, 2], &[1, 2, 2]], &[1, 1, 1, 2, 2, 2]),
        (&[&[], &[]], &[]),
        (&[], &[]),
        (&[&[-5, 0], &[-10, 10]], &[-10, -5, 0, 10]),
    ];
    for &(logs, expected) in cases {
        let logs: Vec<Vec<i32>> = logs.iter().map(|log| log.to_vec()).collect();
        let got = K::merge(logs.clone());
        expect_eq(format!("merge({logs:?})"), expected.to_vec(), got)?;
    }
    // Stability, by hand: three shards' logs, records compared by timestamp only.
    let logs = vec![
        vec![ByKey(1, 1), ByKey(3, 2)],
        vec![ByKey(1, 3), ByKey(2, 4)],
        vec![ByKey(1, 5), ByKey(3, 6)],
    ];
    let got = K::merge(logs.clone());
    expect_eq(
        format!("merge({logs:?}) comparing keys (timestamps) only"),
        vec![(1, 1), (1, 3), (1, 5), (2, 4), (3, 2), (3, 6)],
        pairs(&got),
    )
}

/// Comparisons per 100 merged items, merging `k` logs of 64 items each (the values of a
/// fixed shuffle, dealt out to the logs, each log sorted).
fn comparisons_for<K: KwayMerge>(k: usize) -> u64 {
    let total = k * 64;
    let values = shuffled(total, 5);
    let logs: Vec<Vec<Counted<u64>>> = values
        .chunks(64)
        .map(|chunk| {
            let mut log = chunk.to_vec();
            log.sort_unstable();
            log.into_iter().map(Counted).collect()
        })
        .collect();
    let (counts, _) = measure(|| std::hint::black_box(K::merge(logs)));
    counts.comparisons * 100 / total as u64
}

fn comparison_gate<K: KwayMerge>() -> Result<(), Failure> {
    Gate {
        what: "comparisons per 100 merged items (n = number of logs)",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 300.0,
        small: 16,
        large: 256,
    }
    .check(comparisons_for::<K>)
}

/// Criterion group `kway_merge`: 32 sorted logs, n items in all, for the learner's code `L`,
/// the reference `R`, and (as `std`) concatenating the logs and calling `slice::sort`, whose
/// run detection makes it a merge of the 32 runs.
pub fn bench<L: KwayMerge, R: KwayMerge>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::merge(vec![vec![1, 3], vec![2]]);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let values: Vec<u64> = shuffled(n, 9);
        let logs: Vec<Vec<u64>> = values
            .chunks(n.div_ceil(32))
            .map(|chunk| {
                let mut log = chunk.to_vec();
                log.sort_unstable();
                log
            })
            .collect();
        let mut run = |id: &str, merge: fn(Vec<Vec<u64>>) -> Vec<u64>| {
            group.bench_function(BenchmarkId::new(id, n), |b| {
                b.iter_batched(|| logs.clone(), merge, BatchSize::LargeInput)
            });
        };
        if learner_runs {
            run("learner", L::merge::<u64>);
        }
        run("reference", R::merge::<u64>);
        run("std", |logs| {
            let mut all = logs.concat();
            all.sort();
            all
        });
    }
    group.finish();
}

/// Implements [`KwayMerge`] for `$subject` with `$krate::kway_merge::merge`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_kway_merge {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::kway_merge::KwayMerge for $subject {
            const SOURCE: &'static str = $crate::__step1_source!("kway_merge");
            fn merge<T: Ord>(logs: Vec<Vec<T>>) -> Vec<T> {
                $krate::kway_merge::merge(logs)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl KwayMerge for Learner {
    const SOURCE: &'static str = learner::REGISTERED_SOURCE;
    fn merge<T: Ord + 'static>(logs: Vec<Vec<T>>) -> Vec<T> {
        TABLE.get::<fn(Vec<Vec<T>>) -> Vec<T>>("merge")(logs)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: KwayMerge>() {
    learner::register_source(GROUP.name, S::SOURCE);
    TABLE.fill(|fns| {
        fns.add::<fn(Vec<Vec<i32>>) -> Vec<i32>>("merge", S::merge);
        fns.add::<fn(Vec<Vec<ByKey>>) -> Vec<ByKey>>("merge", S::merge);
        fns.add::<fn(Vec<Vec<Counted<u64>>>) -> Vec<Counted<u64>>>("merge", S::merge);
    });
}
