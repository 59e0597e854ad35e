//! Kata `two_sum` (grade 1): find two positions whose values add up to a target, with a hash
//! map, in one pass.
//!
//! Checks: worked examples, the first completed pair (smallest j, then smallest i) on random
//! input against a double loop over j then i, and a gate that counts the hashes and
//! equality tests of a kata-local instrumented number type ([`Tally`]): O(n) for a hash
//! map, O(n²) for a double loop.

use std::hash::{Hash, Hasher};
use std::ops::Sub;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::learner::{Learner, Table};

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::two_sum::two_sum`.
pub trait TwoSum {
    fn two_sum<T>(items: &[T], target: T) -> Option<(usize, usize)>
    where
        T: Copy + Eq + std::hash::Hash + Sub<Output = T> + 'static;
}

pub const GROUP: Group = super::GROUPS.two_sum;

static OPERATIONS: AtomicU64 = AtomicU64::new(0);

/// A number that counts how often it is hashed or tested for equality (one shared counter).
/// `Copy`, so the learner's code can pass it around freely; only the work that scales with
/// the algorithm (hashing, comparing) is counted.
#[derive(Debug, Clone, Copy)]
pub struct Tally(pub i64);

impl Tally {
    /// Hashes plus equality tests so far (process-wide; every check runs in its own process).
    pub fn operations() -> u64 {
        OPERATIONS.load(Relaxed)
    }
}

impl PartialEq for Tally {
    fn eq(&self, other: &Self) -> bool {
        OPERATIONS.fetch_add(1, Relaxed);
        self.0 == other.0
    }
}

impl Eq for Tally {}

impl Hash for Tally {
    fn hash<H: Hasher>(&self, state: &mut H) {
        OPERATIONS.fetch_add(1, Relaxed);
        self.0.hash(state);
    }
}

impl Sub for Tally {
    type Output = Tally;
    fn sub(self, other: Tally) -> Tally {
        Tally(self.0.wrapping_sub(other.0))
    }
}

/// The answer by definition: the pair that completes first (smallest `j`), and for that `j`
/// the smallest `i`. A double loop, O(n²).
fn model(items: &[i64], target: i64) -> Option<(usize, usize)> {
    (0..items.len()).find_map(|j| {
        (0..j)
            .find(|&i| items[i] + items[j] == target)
            .map(|i| (i, j))
    })
}

pub fn checks<K: TwoSum + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "walk the slice once; for each value x at index j, look up target - x among the \
             values seen BEFORE j (a HashMap from value to its first index), then remember x",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "first_completed_pair",
            "return the pair that completes first: the smallest j, and for it the smallest i \
             (a double loop over i then j finds the smallest i first: loop over j outside). \
             Keep the FIRST index of each value (don't overwrite it), look up before you \
             insert (an element may not pair with itself), and return None when no pair exists",
            |ctx| {
                let input = (vec(-30i64..30, 0..60), -60i64..60);
                for_all(ctx, 400, input, |(items, target)| {
                    let got = K::two_sum(&items, target);
                    expect_eq(
                        format!("two_sum(&{}, {target})", show(&items)),
                        model(&items, target),
                        got,
                    )
                })
            },
        ),
        GROUP.check(
            "hash_gate",
            "one pass with a HashMap does about two hash operations per element; a double \
             loop compares every pair, about n²/2 equality tests",
            |_| hash_gate::<K>(),
        ),
    ]
}

fn examples<K: TwoSum>() -> Result<(), Failure> {
    type Answer = Option<(usize, usize)>;
    let cases: &[(&[i64], i64, Answer)] = &[
        (&[2, 7, 11, 15], 9, Some((0, 1))),
        (&[3, 2, 4], 6, Some((1, 2))),
        (&[1, 5, 3, 7], 10, Some((2, 3))),
        (&[-3, 4, 3, 90], 0, Some((0, 2))),
        (&[3, 3], 6, Some((0, 1))),
        (&[2, 2, 5, 4], 6, Some((0, 3))),
        (&[1, 4, 6, 9], 10, Some((1, 2))),
        (&[1, 4, 2, 3], 5, Some((0, 1))),
        (&[5, 1, 4, 2], 6, Some((0, 1))),
        (&[4, 1, 5, 2], 6, Some((1, 2))),
        (&[3], 6, None),
        (&[3, 4], 6, None),
        (&[], 0, None),
        (&[0, 0, 0], 0, Some((0, 1))),
        (&[1, 2, 3], 7, None),
    ];
    for &(items, target, expected) in cases {
        let got = K::two_sum(items, target);
        expect_eq(format!("two_sum(&{items:?}, {target})"), expected, got)?;
    }
    Ok(())
}

/// Hashes plus equality tests for one call on `n` numbers whose only pair is the first and
/// the last element (so the whole slice must be read).
fn operations_for<K: TwoSum>(n: usize) -> Result<u64, Failure> {
    // Even numbers 0, 2, 4, … and a final 1: the only pair summing to 1 is (0, n - 1).
    let mut items: Vec<Tally> = (0..n as i64 - 1).map(|i| Tally(2 * i)).collect();
    items.push(Tally(1));
    let before = Tally::operations();
    let got = K::two_sum(&items, Tally(1));
    let operations = Tally::operations() - before;
    expect_eq(
        format!("two_sum(&[0, 2, 4, …, {}, 1], 1)", 2 * (n - 2)),
        Some((0, n - 1)),
        got,
    )?;
    Ok(operations)
}

fn hash_gate<K: TwoSum>() -> Result<(), Failure> {
    let gate = Gate {
        what: "hashes and equality tests",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 8.0,
        small: 256,
        large: 4_096,
    };
    let small = operations_for::<K>(gate.small)?;
    let large = operations_for::<K>(gate.large)?;
    gate.judge(small, large)
}

/// Criterion group `two_sum`: one call on n numbers whose only pair is the first and last,
/// for the learner's code `L` and the reference `R` (std has no two-sum).
pub fn bench<L: TwoSum, R: TwoSum>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::two_sum(&[1i64, 2, 3], 5);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let mut items: Vec<i64> = (0..n as i64 - 1).map(|i| 2 * i).collect();
        items.push(1);
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| L::two_sum(std::hint::black_box(&items), 1))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| R::two_sum(std::hint::black_box(&items), 1))
        });
    }
    group.finish();
}

/// Implements [`TwoSum`] for `$subject` with `$krate::two_sum::two_sum`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_two_sum {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::two_sum::TwoSum for $subject {
            fn two_sum<T>(items: &[T], target: T) -> Option<(usize, usize)>
            where
                T: Copy + Eq + std::hash::Hash + std::ops::Sub<Output = T>,
            {
                $krate::two_sum::two_sum(items, target)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl TwoSum for Learner {
    fn two_sum<T>(items: &[T], target: T) -> Option<(usize, usize)>
    where
        T: Copy + Eq + std::hash::Hash + Sub<Output = T> + 'static,
    {
        TABLE.get::<fn(&[T], T) -> Option<(usize, usize)>>("two_sum")(items, target)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: TwoSum>() {
    TABLE.fill(|fns| {
        fns.add::<fn(&[i64], i64) -> Option<(usize, usize)>>("two_sum", S::two_sum);
        fns.add::<fn(&[Tally], Tally) -> Option<(usize, usize)>>("two_sum", S::two_sum);
    });
}
