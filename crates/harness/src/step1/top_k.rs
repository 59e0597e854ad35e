//! Kata `top_k` (grade 2): the k largest items of a stream with a size-k min-heap.
//!
//! Checks: worked examples, agreement with "sort descending, keep k" on random input, a
//! comparison-count gate that tells O(n log k) (k fixed at 10, so linear in n) from sorting
//! everything (O(n log n)), and a memory gate: O(k) bytes, not O(n), because a stream need
//! not fit in memory.

use criterion::{BatchSize, BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::counting::{Counted, measure};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::learner::{Fns, Learner, Table};

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::top_k::top_k`.
pub trait TopK {
    fn top_k<T: Ord + 'static, I: IntoIterator<Item = T>>(items: I, k: usize) -> Vec<T>;
}

pub const GROUP: Group = super::GROUPS.top_k;

/// k in both gates.
const K: usize = 10;

pub fn checks<S: TopK + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "return the k largest items, largest first; k = 0 gives an empty Vec and a k larger \
             than the input gives every item",
            |_| examples::<S>(),
        ),
        GROUP.check(
            "matches_sort",
            "the heap's root is the smallest of the k kept so far: a new item replaces it only \
             if it is larger; at the end, empty the heap into a Vec sorted largest first \
             (duplicates count: [4, 4, 1] has top 2 [4, 4])",
            |ctx| {
                let input = vec(-30i32..30, 0..120).prop_flat_map(|items| {
                    let len = items.len();
                    (Just(items), 0..len + 3)
                });
                for_all(ctx, 400, input, |(items, k)| {
                    let mut expected = items.clone();
                    expected.sort_by(|a, b| b.cmp(a));
                    expected.truncate(k);
                    let got = S::top_k(items.clone(), k);
                    expect_eq(format!("top_k({}, {k})", show(&items)), expected, got)
                })
            },
        ),
        GROUP.check(
            "comparison_gate",
            "don't sort all n items: keep only the k best so far in a min-heap of size k; most \
             items lose to the heap's root after ONE comparison (peek first, push only winners)",
            |_| comparison_gate::<S>(),
        ),
        GROUP.check(
            "memory_gate",
            "consume the iterator one item at a time and keep at most k items (k + 1 at a \
             moment): collecting the input into a Vec needs memory for all n items",
            |_| memory_gate::<S>(),
        ),
    ]
}

fn examples<S: TopK>() -> Result<(), Failure> {
    let cases: &[(&[i32], usize, &[i32])] = &[
        (&[5, 1, 9, 3, 7], 2, &[9, 7]),
        (&[5, 1, 9, 3, 7], 1, &[9]),
        (&[5, 1, 9, 3, 7], 5, &[9, 7, 5, 3, 1]),
        (&[5, 1, 9, 3, 7], 8, &[9, 7, 5, 3, 1]),
        (&[5, 1, 9, 3, 7], 0, &[]),
        (&[], 3, &[]),
        (&[4, 4, 1, 4], 2, &[4, 4]),
        (&[1, 2, 3, 4, 5, 6], 3, &[6, 5, 4]),
        (&[6, 5, 4, 3, 2, 1], 3, &[6, 5, 4]),
        (&[-2, -8, -1], 2, &[-1, -2]),
    ];
    for &(items, k, expected) in cases {
        let got = S::top_k(items.to_vec(), k);
        expect_eq(format!("top_k({items:?}, {k})"), expected.to_vec(), got)?;
    }
    Ok(())
}

/// `n` distinct numbers in a scrambled order, made on the fly (no allocation): multiplying by
/// an odd constant is a bijection on u64.
fn scrambled(n: usize) -> impl Iterator<Item = u64> {
    (1..=n as u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Comparisons for the top 10 of `n` scrambled numbers.
fn comparisons_for<S: TopK>(n: usize) -> u64 {
    let items: Vec<Counted<u64>> = scrambled(n).map(Counted).collect();
    let (counts, _) = measure(|| std::hint::black_box(S::top_k(items, K)));
    counts.comparisons
}

fn comparison_gate<S: TopK>() -> Result<(), Failure> {
    Gate {
        what: "comparisons (k = 10)",
        expected: Class::Linear,
        next_worse: Class::NLogN,
        constant: 11.0,
        small: 1_000,
        large: 64_000,
    }
    .check(comparisons_for::<S>)
}

/// Bytes allocated while taking the top 10 of `n` numbers from an iterator that allocates
/// nothing itself.
fn bytes_for<S: TopK>(n: usize) -> u64 {
    let (counts, _) = measure(|| std::hint::black_box(S::top_k(scrambled(n), K)));
    counts.allocated_bytes
}

fn memory_gate<S: TopK>() -> Result<(), Failure> {
    Gate {
        what: "bytes allocated (k = 10)",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 4_096.0,
        small: 1_000,
        large: 64_000,
    }
    .check(bytes_for::<S>)
}

/// Criterion group `top_k`: the top 10 of n scrambled numbers, for the learner's code `L`,
/// the reference `R`, and (as `std`) sorting everything with `slice::sort_unstable` and
/// keeping the first 10.
pub fn bench<L: TopK, R: TopK>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::top_k([3, 1, 2], 2);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let input: Vec<u64> = scrambled(n).collect();
        let mut run = |id: &str, top: fn(Vec<u64>) -> Vec<u64>| {
            group.bench_function(BenchmarkId::new(id, n), |b| {
                b.iter_batched(|| input.clone(), top, BatchSize::LargeInput)
            });
        };
        if learner_runs {
            run("learner", |items| L::top_k(items, K));
        }
        run("reference", |items| R::top_k(items, K));
        run("std", |mut items| {
            items.sort_unstable_by(|a, b| b.cmp(a));
            items.truncate(K);
            items
        });
    }
    group.finish();
}

/// Implements [`TopK`] for `$subject` with `$krate::top_k::top_k`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_top_k {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::top_k::TopK for $subject {
            fn top_k<T: Ord, I: IntoIterator<Item = T>>(items: I, k: usize) -> Vec<T> {
                $krate::top_k::top_k(items, k)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

/// The items reach the crate under test as `&mut dyn Iterator`: one instantiation per item
/// type, whatever iterator the check hands over (nothing is collected or boxed).
type TopKFn<T> = fn(&mut dyn Iterator<Item = T>, usize) -> Vec<T>;

impl TopK for Learner {
    fn top_k<T: Ord + 'static, I: IntoIterator<Item = T>>(items: I, k: usize) -> Vec<T> {
        TABLE.get::<TopKFn<T>>("top_k")(&mut items.into_iter(), k)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: TopK>() {
    fn at<S: TopK, T: Ord + 'static>(fns: &mut Fns) {
        fns.add::<TopKFn<T>>("top_k", |items, k| S::top_k(items, k));
    }
    TABLE.fill(|fns| {
        at::<S, i32>(fns);
        at::<S, u64>(fns);
        at::<S, Counted<u64>>(fns);
    });
}
