//! Kata `merge_sort` (grade 2): stable merge sort.
//!
//! Checks: worked examples, agreement with std's stable sort on random input, stability
//! (records that compare by key only keep their input order), a comparison-count gate that
//! tells O(n log n) from O(n²), and a gate on how the sorting time grows (the one cost no
//! count sees: elements shifted by `swap` or `rotate`, as in a binary insertion sort).

use std::cmp::Ordering;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion};
use proptest::collection::vec;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::counting::{Counted, measure};
use crate::gate::{Class, CpuClock, Gate};
use crate::property::for_all;
use crate::step1::inputs::shuffled;
use crate::step1::source_rules::{self, Forbidden};
use crate::step1::learner::{self, Learner, Table};

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::merge_sort::merge_sort`.
pub trait MergeSort {
    /// The text of the kata's file, for the rules its doc states about the code (the grade
    /// macro reads the crate under test's file; fixtures may give their own).
    const SOURCE: &'static str = "";
    fn merge_sort<T: Ord + Clone + 'static>(items: &mut [T]);
}

pub const GROUP: Group = super::GROUPS.merge_sort;

/// What the kata's doc forbids in the code itself.
const FORBIDDEN: Forbidden = Forbidden {
    names: crate::step1::source_rules::SORTS,
    why: "writing the sort is the lesson: split, sort the halves, merge",
};

pub fn checks<K: MergeSort + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "split the slice in two halves, sort each half (recursively), then merge the two \
             sorted halves through a buffer; a slice of 0 or 1 element is already sorted",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_std",
            "every element must come back exactly once: when one half runs out during the \
             merge, copy the rest of the other half",
            |ctx| {
                for_all(ctx, 300, vec(-50i32..50, 0..200), |items| {
                    let mut expected = items.clone();
                    expected.sort();
                    let mut got = items.clone();
                    K::merge_sort(&mut got);
                    expect_eq(format!("merge_sort(&mut {})", show(&items)), expected, got)
                })
            },
        ),
        GROUP.check(
            "stable",
            "on a tie, take the element from the LEFT half first (`if right < left` takes the \
             right one, `if left <= right` the left one): equal keys must keep their input order",
            |ctx| {
                let keys = vec(0u16..6, 0..150);
                for_all(ctx, 300, keys, |keys| {
                    // Ids number the records in input order: a stable sort keeps them rising
                    // within each key.
                    let records: Vec<ByKey> = (0u32..)
                        .zip(&keys)
                        .map(|(id, &key)| ByKey(key, id))
                        .collect();
                    let mut expected = records.clone();
                    expected.sort();
                    let mut got = records.clone();
                    K::merge_sort(&mut got);
                    expect_eq(
                        format!("merge_sort(&mut {}) comparing keys only", show(&records)),
                        pairs(&expected),
                        pairs(&got),
                    )
                })
            },
        ),
        GROUP.check(
            "comparison_gate",
            "an insertion or selection sort compares about n²/4 times; merge sort makes at most \
             about n·log2(n): halve, sort the halves, merge in one linear pass",
            |_| comparison_gate::<K>(),
        ),
        GROUP.check(
            "moves_gate",
            "merge sort moves each element O(log n) times; inserting into a sorted prefix \
             (even one found by binary search) shifts about n²/4 elements with `swap`, \
             `rotate` or `Vec::insert`: few comparisons, but quadratic work. Merge through a \
             buffer instead",
            |_| moves_gate::<K>(),
        ),
        source_rules::no_std_shortcut(GROUP, K::SOURCE, FORBIDDEN),
    ]
}

/// A record of 512 bytes sorted by its `key`: moving one costs what a real row costs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    key: u64,
    payload: [u64; 63],
}

/// The time to sort a fixed shuffle of `n` rows (the input is built outside the timing).
fn sort_time<K: MergeSort>(n: usize) -> Duration {
    let mut rows: Vec<Row> = shuffled(n, 2)
        .into_iter()
        .map(|key| Row {
            key,
            payload: [key; 63],
        })
        .collect();
    let started = CpuClock::start();
    K::merge_sort(&mut rows);
    let elapsed = started.elapsed();
    std::hint::black_box(&rows);
    elapsed
}

fn moves_gate<K: MergeSort>() -> Result<(), Failure> {
    Gate {
        what: "the time to sort n rows of 512 bytes",
        expected: Class::NLogN,
        next_worse: Class::Quadratic,
        constant: 0.0,
        small: 250,
        large: 4_000,
    }
    .check_time_growth(sort_time::<K>)
}

/// A record `ByKey(key, id)` compared by its key only: the id shows whether a sort kept
/// equal keys in their input order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ByKey(pub u16, pub u32);

/// The records as `(key, id)` pairs, so that a comparison sees the ids too.
pub(crate) fn pairs(records: &[ByKey]) -> Vec<(u16, u32)> {
    records.iter().map(|r| (r.0, r.1)).collect()
}

impl PartialEq for ByKey {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for ByKey {}

impl PartialOrd for ByKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ByKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

fn examples<K: MergeSort>() -> Result<(), Failure> {
    let cases: &[(&[i32], &[i32])] = &[
        (&[5, 2, 4, 1, 3], &[1, 2, 3, 4, 5]),
        (&[], &[]),
        (&[7], &[7]),
        (&[2, 1], &[1, 2]),
        (&[1, 2, 3, 4], &[1, 2, 3, 4]),
        (&[4, 3, 2, 1], &[1, 2, 3, 4]),
        (&[3, 1, 3, 1, 2], &[1, 1, 2, 3, 3]),
        (&[0, -5, 12, -5, 7, 0], &[-5, -5, 0, 0, 7, 12]),
        (&[9, 9, 9], &[9, 9, 9]),
    ];
    for &(items, expected) in cases {
        let mut got = items.to_vec();
        K::merge_sort(&mut got);
        expect_eq(
            format!("merge_sort(&mut {items:?})"),
            expected.to_vec(),
            got,
        )?;
    }
    // Stability, by hand: log lines sorted by status code keep their arrival order.
    let lines = [(404, 1), (200, 2), (404, 3), (200, 4), (500, 5), (200, 6)];
    let mut got: Vec<ByKey> = lines.iter().map(|&(code, id)| ByKey(code, id)).collect();
    K::merge_sort(&mut got);
    expect_eq(
        "merge_sort(&mut [ByKey(404, 1), ByKey(200, 2), ByKey(404, 3), ByKey(200, 4), \
         ByKey(500, 5), ByKey(200, 6)]) comparing keys (status codes) only",
        vec![(200, 2), (200, 4), (200, 6), (404, 1), (404, 3), (500, 5)],
        pairs(&got),
    )
}

/// Comparisons to sort a fixed shuffle of `n` distinct numbers.
fn comparisons_for<K: MergeSort>(n: usize) -> u64 {
    let mut items: Vec<Counted<u64>> = shuffled(n, 1).into_iter().map(Counted).collect();
    let (counts, _) = measure(|| K::merge_sort(&mut items));
    counts.comparisons
}

fn comparison_gate<K: MergeSort>() -> Result<(), Failure> {
    Gate {
        what: "comparisons",
        expected: Class::NLogN,
        next_worse: Class::Quadratic,
        constant: 2.0,
        small: 500,
        large: 8_000,
    }
    .check(comparisons_for::<K>)
}

/// Criterion group `merge_sort`: sorting n shuffled numbers, for the learner's code `L`, the
/// reference `R` and std's stable `slice::sort`.
pub fn bench<L: MergeSort, R: MergeSort>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| L::merge_sort(&mut [3, 1, 2]));
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let input: Vec<u64> = shuffled(n, 7)
            .into_iter()
            .map(|x| x.wrapping_mul(0x2545_F491_4F6C_DD1D))
            .collect();
        let mut run = |id: &str, sort: fn(&mut [u64])| {
            group.bench_function(BenchmarkId::new(id, n), |b| {
                b.iter_batched_ref(|| input.clone(), |v| sort(v), BatchSize::LargeInput)
            });
        };
        if learner_runs {
            run("learner", L::merge_sort::<u64>);
        }
        run("reference", R::merge_sort::<u64>);
        run("std", <[u64]>::sort);
    }
    group.finish();
}

/// Implements [`MergeSort`] for `$subject` with `$krate::merge_sort::merge_sort`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_merge_sort {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::merge_sort::MergeSort for $subject {
            const SOURCE: &'static str = $crate::__step1_source!("merge_sort");
            fn merge_sort<T: Ord + Clone>(items: &mut [T]) {
                $krate::merge_sort::merge_sort(items)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl MergeSort for Learner {
    const SOURCE: &'static str = learner::REGISTERED_SOURCE;
    fn merge_sort<T: Ord + Clone + 'static>(items: &mut [T]) {
        TABLE.get::<fn(&mut [T])>("merge_sort")(items)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: MergeSort>() {
    learner::register_source(GROUP.name, S::SOURCE);
    TABLE.fill(|fns| {
        fns.add::<fn(&mut [i32])>("merge_sort", S::merge_sort);
        fns.add::<fn(&mut [ByKey])>("merge_sort", S::merge_sort);
        fns.add::<fn(&mut [Row])>("merge_sort", S::merge_sort);
        fns.add::<fn(&mut [Counted<u64>])>("merge_sort", S::merge_sort);
    });
}
