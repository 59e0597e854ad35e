//! Kata `max_subarray` (grade 1): the maximum-sum run of a slice and where it is (Kadane).
//!
//! Checks: worked examples (ties, all-negative input, empty input), agreement with a naive
//! O(n²) scan of every run on random input, and a gate that counts the additions and
//! comparisons of a kata-local instrumented number type ([`Metered`]).

use std::cmp::Ordering;
use std::ops::{Add, Range};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::inputs::Lcg;
use crate::step1::learner::{Learner, Table};

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::max_subarray::max_subarray`.
pub trait MaxSubarray {
    fn max_subarray<T>(items: &[T]) -> Option<(T, Range<usize>)>
    where
        T: Copy + Ord + Add<Output = T> + 'static;
}

pub const GROUP: Group = super::GROUPS.max_subarray;

static OPERATIONS: AtomicU64 = AtomicU64::new(0);

/// A number that counts every addition and comparison made with it (one shared counter).
#[derive(Debug, Clone, Copy)]
pub struct Metered(pub i64);

impl Metered {
    /// Additions plus comparisons so far (process-wide; every check runs in its own process).
    pub fn operations() -> u64 {
        OPERATIONS.load(Relaxed)
    }
}

impl Add for Metered {
    type Output = Metered;
    fn add(self, other: Metered) -> Metered {
        OPERATIONS.fetch_add(1, Relaxed);
        Metered(self.0.wrapping_add(other.0))
    }
}

impl PartialEq for Metered {
    fn eq(&self, other: &Self) -> bool {
        OPERATIONS.fetch_add(1, Relaxed);
        self.0 == other.0
    }
}

impl Eq for Metered {}

impl PartialOrd for Metered {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Metered {
    fn cmp(&self, other: &Self) -> Ordering {
        OPERATIONS.fetch_add(1, Relaxed);
        self.0.cmp(&other.0)
    }
}

/// The answer by definition: the largest sum of a non-empty run; among runs with that sum,
/// the one that starts first, and among those the shortest. Every run is tried: O(n²).
fn model(items: &[i64]) -> Option<(i64, Range<usize>)> {
    let mut best: Option<(i64, Range<usize>)> = None;
    for start in 0..items.len() {
        let mut sum = 0;
        for end in start + 1..=items.len() {
            sum += items[end - 1];
            if best.as_ref().is_none_or(|(b, _)| sum > *b) {
                best = Some((sum, start..end));
            }
        }
    }
    best
}

pub fn checks<K: MaxSubarray + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "keep the best run that ends at the current element: extend it when \
             run + x >= x (the run so far is not negative), otherwise start a new run at x; \
             replace the overall best only when the sum is strictly larger",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_naive",
            "a run is never empty, so an all-negative slice answers its largest element; \
             on ties, the run that starts first wins, then the shorter one: keep a run whose \
             sum so far is exactly 0 (extend it), and replace the best only on a strictly \
             larger sum",
            |ctx| {
                for_all(ctx, 400, vec(-20i64..20, 0..50), |items| {
                    expect_eq(
                        format!("max_subarray(&{})", show(&items)),
                        model(&items),
                        K::max_subarray(&items),
                    )
                })
            },
        ),
        GROUP.check(
            "operation_gate",
            "one pass, a constant number of additions and comparisons per element: summing \
             every run from every start is O(n²)",
            |_| operation_gate::<K>(),
        ),
    ]
}

fn examples<K: MaxSubarray>() -> Result<(), Failure> {
    type Answer = Option<(i64, Range<usize>)>;
    let cases: &[(&[i64], Answer)] = &[
        (&[-2, 1, -3, 4, -1, 2, 1, -5, 4], Some((6, 3..7))),
        (&[1, 2, 3], Some((6, 0..3))),
        (&[5], Some((5, 0..1))),
        (&[], None),
        (&[-3, -1, -2], Some((-1, 1..2))),
        (&[-1, 0, -2], Some((0, 1..2))),
        (&[3, -5, 3], Some((3, 0..1))),
        (&[1, -1, 1], Some((1, 0..1))),
        (&[0, 0], Some((0, 0..1))),
        (&[0, 3], Some((3, 0..2))),
        (&[2, -2, 3], Some((3, 0..3))),
        (&[4, -1, 2, -6, 5], Some((5, 0..3))),
    ];
    for (items, expected) in cases {
        expect_eq(
            format!("max_subarray(&{items:?})"),
            expected.clone(),
            K::max_subarray(items),
        )?;
    }
    Ok(())
}

/// Additions and comparisons for one call on `n` pseudo-random numbers in -50..50.
fn operations_for<K: MaxSubarray>(n: usize) -> u64 {
    let mut rng = Lcg::new(0);
    let items: Vec<Metered> = (0..n)
        .map(|_| Metered(rng.below(100) as i64 - 50))
        .collect();
    let before = Metered::operations();
    std::hint::black_box(K::max_subarray(&items));
    Metered::operations() - before
}

fn operation_gate<K: MaxSubarray>() -> Result<(), Failure> {
    Gate {
        what: "additions and comparisons",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 8.0,
        small: 256,
        large: 4_096,
    }
    .check(operations_for::<K>)
}

/// Criterion group `max_subarray`: one call on n pseudo-random numbers, for the learner's
/// code `L` and the reference `R` (std has no equivalent).
pub fn bench<L: MaxSubarray, R: MaxSubarray>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::max_subarray(&[1i64, -2, 3]);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let items: Vec<i64> = (0..n as i64).map(|i| (i * 7_919) % 101 - 50).collect();
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| L::max_subarray(std::hint::black_box(&items)))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| R::max_subarray(std::hint::black_box(&items)))
        });
    }
    group.finish();
}

/// Implements [`MaxSubarray`] for `$subject` with `$krate::max_subarray::max_subarray`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_max_subarray {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::max_subarray::MaxSubarray for $subject {
            fn max_subarray<T>(items: &[T]) -> Option<(T, std::ops::Range<usize>)>
            where
                T: Copy + Ord + std::ops::Add<Output = T>,
            {
                $krate::max_subarray::max_subarray(items)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl MaxSubarray for Learner {
    fn max_subarray<T>(items: &[T]) -> Option<(T, Range<usize>)>
    where
        T: Copy + Ord + Add<Output = T> + 'static,
    {
        TABLE.get::<fn(&[T]) -> Option<(T, Range<usize>)>>("max_subarray")(items)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: MaxSubarray>() {
    TABLE.fill(|fns| {
        fns.add::<fn(&[i64]) -> Option<(i64, Range<usize>)>>("max_subarray", S::max_subarray);
        fns.add::<fn(&[Metered]) -> Option<(Metered, Range<usize>)>>(
            "max_subarray",
            S::max_subarray,
        );
    });
}
