//! Kata `quickselect` (grade 2): the k-th smallest element in expected linear time.
//!
//! Checks: worked examples, agreement with "sort, then index" on random input with many
//! duplicates, and two comparison-count gates: expected O(n) on distinct values (against
//! sorting, O(n log n)) and O(n) on few distinct values (against a two-way partition that
//! goes quadratic on duplicates), and O(n) on ordered input (sorted, reversed, nearly sorted:
//! against a pivot at a fixed end of the range, which goes quadratic there).

use criterion::{BatchSize, BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::counting::{Counted, measure};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::inputs::{ordered_shapes, shuffled};
use crate::step1::source_rules::{self, Forbidden};
use crate::step1::learner::{self, Learner, Table};

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::quickselect::kth_smallest`.
pub trait Quickselect {
    /// The text of the kata's file, for the rules its doc states about the code (the grade
    /// macro reads the crate under test's file; fixtures may give their own).
    const SOURCE: &'static str = "";
    fn kth_smallest<T: Ord + 'static>(items: &mut [T], k: usize) -> Option<&T>;
}

pub const GROUP: Group = super::GROUPS.quickselect;

/// What the kata's doc forbids in the code itself.
const FORBIDDEN: Forbidden = Forbidden {
    names: &[
        "sort",
        "sort_unstable",
        "sort_by",
        "sort_by_key",
        "sort_unstable_by",
        "sort_unstable_by_key",
        "sort_by_cached_key",
        "select_nth_unstable",
        "select_nth_unstable_by",
        "select_nth_unstable_by_key",
    ],
    why: "writing the partition is the lesson",
};

pub fn checks<K: Quickselect + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "k is 0-based: k = 0 is the minimum, k = len - 1 the maximum, and k >= len is None \
             (check it first, before touching the slice)",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_sort",
            "after partitioning around a pivot, everything left of the pivot's final place is \
             smaller: keep only the side that holds index k (working on a lo..hi range of the \
             whole slice, k never changes); reorder the slice, but never lose or duplicate an \
             element",
            |ctx| {
                let input = vec(0u8..12, 0..150).prop_flat_map(|items| {
                    let len = items.len();
                    (Just(items), 0..len + 3)
                });
                for_all(ctx, 400, input, |(items, k)| {
                    let mut sorted = items.clone();
                    sorted.sort();
                    let mut got = items.clone();
                    let call = format!("kth_smallest(&mut {}, {k})", show(&items));
                    let answer = K::kth_smallest(&mut got, k).copied();
                    expect_eq(&call, sorted.get(k).copied(), answer)?;
                    got.sort();
                    expect_eq(
                        format!("the slice's elements (sorted) after {call}"),
                        sorted,
                        got,
                    )
                })
            },
        ),
        GROUP.check(
            "comparison_gate",
            "recurse (or loop) into ONE side of the partition only, never both: sorting the \
             whole slice costs about n·log2(n) comparisons, quickselect about 3n on average",
            |_| comparison_gate::<K>(),
        ),
        GROUP.check(
            "ordered_input_gate",
            "real data often comes sorted, reversed or nearly sorted: a pivot at a fixed end \
             (the first or the last element) is then the minimum or the maximum, and each \
             round drops one element (O(n²)). Take the middle element, a pseudo-random one, \
             or the median of three",
            |_| ordered_input_gate::<K>(),
        ),
        GROUP.check(
            "duplicates_gate",
            "on mostly-equal input, a partition that sends every copy of the pivot to one side \
             drops one element per round (O(n²)): partition three ways (< / == / >) and stop \
             when k lands among the equal ones, or, when nothing is smaller than the pivot, \
             sweep all its copies out in one extra pass",
            |_| duplicates_gate::<K>(),
        ),
        source_rules::no_std_shortcut(GROUP, K::SOURCE, FORBIDDEN),
    ]
}

fn examples<K: Quickselect>() -> Result<(), Failure> {
    let cases: &[(&[i32], usize, Option<i32>)] = &[
        (&[7, 1, 5, 3, 9], 0, Some(1)),
        (&[7, 1, 5, 3, 9], 2, Some(5)),
        (&[7, 1, 5, 3, 9], 4, Some(9)),
        (&[7, 1, 5, 3, 9], 5, None),
        (&[7, 1, 5, 3, 9], usize::MAX, None),
        (&[], 0, None),
        (&[42], 0, Some(42)),
        (&[42], 1, None),
        (&[4, 4, 1, 4], 0, Some(1)),
        (&[4, 4, 1, 4], 1, Some(4)),
        (&[4, 4, 1, 4], 3, Some(4)),
        (&[2, 2, 2, 2], 2, Some(2)),
        (&[5, 4, 3, 2, 1], 1, Some(2)),
        (&[1, 2, 3, 4, 5, 6], 3, Some(4)),
        (&[-3, 10, -7, 0], 1, Some(-3)),
    ];
    for &(items, k, expected) in cases {
        let mut work = items.to_vec();
        let call = format!("kth_smallest(&mut {items:?}, {k})");
        crate::child::calling(&call);
        let got = K::kth_smallest(&mut work, k).copied();
        expect_eq(call, expected, got)?;
    }
    Ok(())
}

/// Average comparisons per call over several shuffles of `0..n` and several k (eight
/// quantiles, from the 1/16th to the 15/16th). Quickselect's count varies from one input to
/// the next by about ±10%; averaging many calls makes the gate's verdict robust for any
/// reasonable pivot rule, not just the reference's.
fn comparisons_for<K: Quickselect>(n: usize) -> u64 {
    let trials: u64 = if n < 10_000 { 128 } else { 32 };
    let mut total = 0;
    for trial in 0..trials {
        let mut items: Vec<Counted<u64>> = shuffled(n, trial).into_iter().map(Counted).collect();
        let k = (2 * (trial as usize % 8) + 1) * n / 16;
        let (counts, _) = measure(|| {
            std::hint::black_box(K::kth_smallest(&mut items, k));
        });
        total += counts.comparisons;
    }
    total / trials
}

fn comparison_gate<K: Quickselect>() -> Result<(), Failure> {
    Gate {
        what: "comparisons per call (average of many calls)",
        expected: Class::Linear,
        next_worse: Class::NLogN,
        constant: 8.0,
        small: 1_000,
        large: 64_000,
    }
    .check(comparisons_for::<K>)
}

/// The most comparisons per call over the ordered shapes of `0..n` (ascending, descending,
/// nearly sorted, two sorted runs), each asked for its 1/3 and 2/3 quantile.
fn ordered_comparisons_for<K: Quickselect>(n: usize) -> u64 {
    let mut most = 0;
    for (_, shape) in ordered_shapes(n) {
        for k in [n / 3, 2 * n / 3] {
            let mut items: Vec<Counted<u64>> = shape.iter().copied().map(Counted).collect();
            let (counts, _) = measure(|| {
                std::hint::black_box(K::kth_smallest(&mut items, k));
            });
            most = most.max(counts.comparisons);
        }
    }
    most
}

fn ordered_input_gate<K: Quickselect>() -> Result<(), Failure> {
    Gate {
        what: "comparisons (the worst of sorted, reversed, nearly sorted, two runs)",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 8.0,
        small: 250,
        large: 4_000,
    }
    .check(ordered_comparisons_for::<K>)
}

/// Comparisons to find the 5/8 quantile of `n` shuffled values that take only four distinct
/// values (`k` in the middle of the run of 2s).
fn duplicate_comparisons_for<K: Quickselect>(n: usize) -> u64 {
    let mut items: Vec<Counted<u64>> = shuffled(n, 3).into_iter().map(|x| Counted(x % 4)).collect();
    let (counts, _) = measure(|| {
        std::hint::black_box(K::kth_smallest(&mut items, n * 5 / 8));
    });
    counts.comparisons
}

fn duplicates_gate<K: Quickselect>() -> Result<(), Failure> {
    Gate {
        what: "comparisons (only 4 distinct values)",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 8.0,
        small: 500,
        large: 8_000,
    }
    .check(duplicate_comparisons_for::<K>)
}

/// Criterion group `quickselect`: the median of n shuffled numbers, for the learner's code
/// `L`, the reference `R` and std's `select_nth_unstable`.
pub fn bench<L: Quickselect, R: Quickselect>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::kth_smallest(&mut [3, 1, 2], 1);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let input: Vec<u64> = shuffled(n, 7)
            .into_iter()
            .map(|x| x.wrapping_mul(0x2545_F491_4F6C_DD1D))
            .collect();
        let mut run = |id: &str, select: fn(&mut [u64], usize) -> u64| {
            group.bench_function(BenchmarkId::new(id, n), |b| {
                b.iter_batched_ref(
                    || input.clone(),
                    |v| select(v, n / 2),
                    BatchSize::LargeInput,
                )
            });
        };
        if learner_runs {
            run("learner", |v, k| *L::kth_smallest(v, k).unwrap());
        }
        run("reference", |v, k| *R::kth_smallest(v, k).unwrap());
        run("std", |v, k| *v.select_nth_unstable(k).1);
    }
    group.finish();
}

/// Implements [`Quickselect`] for `$subject` with `$krate::quickselect::kth_smallest`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_quickselect {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::quickselect::Quickselect for $subject {
            const SOURCE: &'static str = $crate::__step1_source!("quickselect");
            fn kth_smallest<T: Ord>(items: &mut [T], k: usize) -> Option<&T> {
                $krate::quickselect::kth_smallest(items, k)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl Quickselect for Learner {
    const SOURCE: &'static str = learner::REGISTERED_SOURCE;
    fn kth_smallest<T: Ord + 'static>(items: &mut [T], k: usize) -> Option<&T> {
        TABLE.get::<fn(&mut [T], usize) -> Option<&T>>("kth_smallest")(items, k)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: Quickselect>() {
    learner::register_source(GROUP.name, S::SOURCE);
    TABLE.fill(|fns| {
        fns.add::<fn(&mut [u8], usize) -> Option<&u8>>("kth_smallest", S::kth_smallest);
        fns.add::<fn(&mut [i32], usize) -> Option<&i32>>("kth_smallest", S::kth_smallest);
        fns.add::<fn(&mut [Counted<u64>], usize) -> Option<&Counted<u64>>>(
            "kth_smallest",
            S::kth_smallest,
        );
    });
}
