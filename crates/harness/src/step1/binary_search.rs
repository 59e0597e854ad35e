//! Kata `binary_search` (grade 2): lower-bound binary search.
//!
//! Checks: worked examples, agreement with std's `partition_point` on random sorted input,
//! and a comparison-count gate that tells O(log n) from a linear scan.

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::counting::{Counted, measure};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::learner::{self, Learner, Table};
use crate::step1::source_rules::{self, Forbidden};

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::binary_search::lower_bound`.
pub trait BinarySearch {
    /// The text of the kata's file, for the rules its doc states about the code (the grade
    /// macro reads the crate under test's file; fixtures may give their own).
    const SOURCE: &'static str = "";
    fn lower_bound<T: Ord + 'static>(items: &[T], target: &T) -> usize;
}

pub const GROUP: Group = super::GROUPS.binary_search;

/// What the kata's doc forbids in the code itself.
const FORBIDDEN: Forbidden = Forbidden {
    names: &[
        "binary_search",
        "binary_search_by",
        "binary_search_by_key",
        "partition_point",
    ],
    why: "writing the loop is the lesson: keep lo and hi yourself",
};

pub fn checks<K: BinarySearch + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "keep a half-open range [lo, hi) that always holds the answer; \
             look at mid = lo + (hi - lo) / 2 and drop the half that cannot hold it",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_std",
            "with duplicates, return the FIRST index whose element is not less than the \
             target; past the end (items.len()) when every element is less",
            |ctx| {
                let sorted = vec(-40i32..40, 0..120).prop_map(|mut v| {
                    v.sort();
                    v
                });
                for_all(ctx, 400, (sorted, -45i32..45), |(items, target)| {
                    let expected = items.partition_point(|x| *x < target);
                    let got = K::lower_bound(&items, &target);
                    expect_eq(
                        format!("lower_bound(&{}, &{target})", show(&items)),
                        expected,
                        got,
                    )
                })
            },
        ),
        GROUP.check(
            "comparison_gate",
            "halve the range on every comparison: a loop that steps one element at a time \
             compares about n/2 times per search instead of log2(n)",
            |_| comparison_gate::<K>(),
        ),
        source_rules::no_std_shortcut(GROUP, K::SOURCE, FORBIDDEN),
    ]
}

fn examples<K: BinarySearch>() -> Result<(), Failure> {
    let cases: &[(&[i32], i32, usize)] = &[
        (&[1, 3, 5, 7], 5, 2),
        (&[1, 3, 5, 7], 4, 2),
        (&[1, 3, 5, 7], 0, 0),
        (&[1, 3, 5, 7], 1, 0),
        (&[1, 3, 5, 7], 7, 3),
        (&[1, 3, 5, 7], 9, 4),
        (&[], 1, 0),
        (&[2], 2, 0),
        (&[2], 3, 1),
        (&[2, 2, 2], 2, 0),
        (&[1, 2, 2, 2, 3], 2, 1),
        (&[1, 2, 2, 2, 3], 3, 4),
    ];
    for &(items, target, expected) in cases {
        let call = format!("lower_bound(&{items:?}, &{target})");
        crate::child::calling(&call);
        let got = K::lower_bound(items, &target);
        expect_eq(call, expected, got)?;
    }
    Ok(())
}

/// Comparisons for 256 searches over `n` sorted even numbers, half of the targets absent.
fn comparisons_for<K: BinarySearch>(n: usize) -> u64 {
    let items: Vec<Counted<u64>> = (0..n as u64).map(|i| Counted(2 * i)).collect();
    let targets: Vec<Counted<u64>> = (0..256u64)
        .map(|i| Counted(i * (2 * n as u64 + 2) / 256 + (i % 2)))
        .collect();
    let (counts, _) = measure(|| {
        for target in &targets {
            std::hint::black_box(K::lower_bound(&items, target));
        }
    });
    counts.comparisons / targets.len() as u64
}

fn comparison_gate<K: BinarySearch>() -> Result<(), Failure> {
    Gate {
        what: "comparisons per search",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 2.0,
        small: 1_000,
        large: 64_000,
    }
    .check(comparisons_for::<K>)
}

/// Criterion group `binary_search`: 1 000 searches over n sorted numbers, for the learner's
/// code `L`, the reference `R` and std's `partition_point`.
pub fn bench<L: BinarySearch, R: BinarySearch>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::lower_bound(&[1, 2, 3], &2);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let items: Vec<u64> = (0..n as u64).map(|i| 2 * i).collect();
        let targets: Vec<u64> = (0..1_000u64)
            .map(|i| i * (2 * n as u64) / 1_000 + i % 2)
            .collect();
        let run = |search: fn(&[u64], &u64) -> usize| {
            let mut sum = 0usize;
            for target in &targets {
                sum = sum.wrapping_add(search(&items, target));
            }
            sum
        };
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| run(L::lower_bound::<u64>))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| run(R::lower_bound::<u64>))
        });
        group.bench_function(BenchmarkId::new("std", n), |b| {
            b.iter(|| run(|items, target| items.partition_point(|x| x < target)))
        });
    }
    group.finish();
}

/// Implements [`BinarySearch`] for `$subject` with `$krate::binary_search::lower_bound`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_binary_search {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::binary_search::BinarySearch for $subject {
            const SOURCE: &'static str = $crate::__step1_source!("binary_search");
            fn lower_bound<T: Ord>(items: &[T], target: &T) -> usize {
                $krate::binary_search::lower_bound(items, target)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl BinarySearch for Learner {
    const SOURCE: &'static str = learner::REGISTERED_SOURCE;
    fn lower_bound<T: Ord + 'static>(items: &[T], target: &T) -> usize {
        TABLE.get::<fn(&[T], &T) -> usize>("lower_bound")(items, target)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: BinarySearch>() {
    learner::register_source(GROUP.name, S::SOURCE);
    TABLE.fill(|fns| {
        fns.add::<fn(&[i32], &i32) -> usize>("lower_bound", S::lower_bound);
        fns.add::<fn(&[Counted<u64>], &Counted<u64>) -> usize>("lower_bound", S::lower_bound);
    });
}
