//! Kata `min_heap` (grade 3): a binary min-heap over a `Vec`.
//!
//! Checks: worked examples, random operation sequences against std's
//! `BinaryHeap<Reverse<T>>`, and three comparison-count gates: `push` and `pop` make
//! O(log n) comparisons, and `from_vec` (heapify) makes O(n), not the O(n log n) of n pushes
//! or of a sort.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Context, Failure, Group, expect_eq, show};
use crate::counting::{Counted, measure};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::source_rules::{self, Forbidden};
use crate::step1::learner::{self, Erased, Fns, Learner, Table, down, down_mut};

/// The kata's API, as the suite sees it. The grade macro sets `Heap<T>` to
/// `<crate>::min_heap::MinHeap<T>` and delegates every method to it.
pub trait MinHeap {
    /// The text of the kata's file, for the rules its doc states about the code (the grade
    /// macro reads the crate under test's file; fixtures may give their own).
    const SOURCE: &'static str = "";
    type Heap<T: Ord>;
    fn new<T: Ord + 'static>() -> Self::Heap<T>;
    fn from_vec<T: Ord + 'static>(items: Vec<T>) -> Self::Heap<T>;
    fn push<T: Ord + 'static>(heap: &mut Self::Heap<T>, item: T);
    fn pop<T: Ord + 'static>(heap: &mut Self::Heap<T>) -> Option<T>;
    fn peek<T: Ord + 'static>(heap: &Self::Heap<T>) -> Option<&T>;
    fn len<T: Ord + 'static>(heap: &Self::Heap<T>) -> usize;
    fn is_empty<T: Ord + 'static>(heap: &Self::Heap<T>) -> bool;
}

pub const GROUP: Group = super::GROUPS.min_heap;

/// What the kata's doc forbids in the code itself.
const FORBIDDEN: Forbidden = Forbidden {
    names: &["BinaryHeap"],
    why: "std's BinaryHeap is the answer already: sift up and down in your own Vec",
};

pub fn checks<K: MinHeap + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "store the tree in a Vec: the children of index i are 2i+1 and 2i+2, its parent \
             (i-1)/2, and every parent is <= its children, so the minimum is at index 0",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_std",
            "push: append, then swap the item up while it is smaller than its parent. \
             pop: swap the root with the last item, pop the Vec, then swap the new root down \
             with its SMALLER child while that child is smaller. Duplicates must all come out",
            |ctx| matches_std::<K>(ctx),
        ),
        GROUP.check(
            "push_gate",
            "push compares the new item with its parent, grandparent, ... only: at most one \
             comparison per level of the tree, never a scan of the whole Vec",
            |_| push_gate::<K>(),
        ),
        GROUP.check(
            "pop_gate",
            "pop must not search for the minimum: it is at index 0. Move the last item to the \
             root and sift it down, two comparisons per level (which child is smaller, and \
             is it smaller than the item)",
            |_| pop_gate::<K>(),
        ),
        GROUP.check(
            "heapify_gate",
            "from_vec: don't push the items one by one and don't sort them (both O(n log n)); \
             sift down every parent from the last one (len/2 - 1) back to the root: \
             most nodes are near the bottom and sift down only a level or two, O(n) in all",
            |_| heapify_gate::<K>(),
        ),
        source_rules::no_std_shortcut(GROUP, K::SOURCE, FORBIDDEN),
    ]
}

/// Pops everything, smallest first.
fn drain<K: MinHeap, T: Ord + 'static>(heap: &mut K::Heap<T>) -> Vec<T> {
    let mut out = Vec::new();
    while let Some(item) = K::pop(heap) {
        out.push(item);
    }
    out
}

fn examples<K: MinHeap>() -> Result<(), Failure> {
    let mut heap = K::new::<i32>();
    expect_eq("new(); len()", 0, K::len(&heap))?;
    expect_eq("new(); is_empty()", true, K::is_empty(&heap))?;
    expect_eq("new(); peek()", None, K::peek(&heap))?;
    expect_eq("new(); pop()", None, K::pop(&mut heap))?;

    let mut script = String::from("new()");
    let mut expected_min = i32::MAX;
    for item in [5, 3, 8, 1, 9, 1, 4] {
        K::push(&mut heap, item);
        expected_min = expected_min.min(item);
        script.push_str(&format!("; push({item})"));
        expect_eq(
            format!("{script}; peek()"),
            Some(&expected_min),
            K::peek(&heap),
        )?;
    }
    expect_eq(format!("{script}; len()"), 7, K::len(&heap))?;
    expect_eq(format!("{script}; is_empty()"), false, K::is_empty(&heap))?;
    expect_eq(
        format!("{script}; then pop() until None"),
        vec![1, 1, 3, 4, 5, 8, 9],
        drain::<K, _>(&mut heap),
    )?;
    expect_eq(format!("{script}; pop() x 8; len()"), 0, K::len(&heap))?;

    let cases: &[&[i32]] = &[
        &[],
        &[42],
        &[2, 1],
        &[9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        &[3, 3, 3],
        &[4, 1, 3, 2, 16, 9, 10, 14, 8, 7],
    ];
    for items in cases {
        let mut heap = K::from_vec(items.to_vec());
        let mut sorted = items.to_vec();
        sorted.sort();
        expect_eq(
            format!("from_vec(vec!{items:?}); len()"),
            items.len(),
            K::len(&heap),
        )?;
        expect_eq(
            format!("from_vec(vec!{items:?}); peek()"),
            sorted.first(),
            K::peek(&heap),
        )?;
        expect_eq(
            format!("from_vec(vec!{items:?}); then pop() until None"),
            sorted,
            drain::<K, _>(&mut heap),
        )?;
    }

    // Heaps hold owned values: strings as job names.
    let mut jobs = K::from_vec(vec!["send-email".to_string(), "charge-card".to_string()]);
    K::push(&mut jobs, "audit-log".to_string());
    expect_eq(
        "from_vec(vec![\"send-email\", \"charge-card\"]); push(\"audit-log\"); pop() until None",
        vec![
            "audit-log".to_string(),
            "charge-card".to_string(),
            "send-email".to_string(),
        ],
        drain::<K, _>(&mut jobs),
    )
}

#[derive(Debug, Clone)]
enum Op {
    Push(i8),
    Pop,
    Peek,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (-20i8..20).prop_map(Op::Push),
        2 => Just(Op::Pop),
        1 => Just(Op::Peek),
    ]
}

fn matches_std<K: MinHeap>(ctx: &Context) -> Result<(), Failure> {
    for_all(
        ctx,
        300,
        (vec(-20i8..20, 0..40), vec(op(), 0..100)),
        |(initial, ops)| {
            let mut heap = K::from_vec(initial.clone());
            let mut model: BinaryHeap<Reverse<i8>> = initial.iter().copied().map(Reverse).collect();
            let mut script = format!("from_vec(vec!{})", show(&initial));
            for op in ops {
                match op {
                    Op::Push(item) => {
                        script.push_str(&format!("; push({item})"));
                        K::push(&mut heap, item);
                        model.push(Reverse(item));
                    }
                    Op::Pop => {
                        script.push_str("; pop()");
                        expect_eq(&script, model.pop().map(|r| r.0), K::pop(&mut heap))?;
                    }
                    Op::Peek => {
                        script.push_str("; peek()");
                        expect_eq(&script, model.peek().map(|r| r.0), K::peek(&heap).copied())?;
                    }
                }
                expect_eq(format!("{script}; len()"), model.len(), K::len(&heap))?;
                expect_eq(
                    format!("{script}; is_empty()"),
                    model.is_empty(),
                    K::is_empty(&heap),
                )?;
            }
            let rest: Vec<i8> = model
                .into_sorted_vec()
                .into_iter()
                .rev()
                .map(|r| r.0)
                .collect();
            expect_eq(
                format!("{script}; then pop() until None"),
                rest,
                drain::<K, _>(&mut heap),
            )
        },
    )
}

/// The `i`-th of a fixed sequence of pseudo-random values in `0..4n` (a multiplicative hash).
fn scattered(i: u64, n: u64) -> u64 {
    (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) % (4 * n)
}

/// A heap of `n` scattered values (built with `from_vec`, not measured: n pushes would take
/// minutes in a variant whose push is O(n)).
fn heap_of<K: MinHeap>(n: usize) -> K::Heap<Counted<u64>> {
    K::from_vec(
        (0..n as u64)
            .map(|i| Counted(scattered(i, n as u64)))
            .collect(),
    )
}

const OPS: u64 = 256;

/// Comparisons per push of a scattered value into a heap of `n`.
fn push_comparisons<K: MinHeap>(n: usize) -> u64 {
    let mut heap = heap_of::<K>(n);
    let items: Vec<Counted<u64>> = (0..OPS)
        .map(|i| Counted(scattered(i + n as u64, n as u64)))
        .collect();
    let (counts, ()) = measure(|| {
        for item in items {
            K::push(&mut heap, item);
        }
    });
    counts.comparisons / OPS
}

/// Comparisons per pop from a heap of `n`.
fn pop_comparisons<K: MinHeap>(n: usize) -> u64 {
    let mut heap = heap_of::<K>(n);
    let (counts, ()) = measure(|| {
        for _ in 0..OPS {
            std::hint::black_box(K::pop(&mut heap));
        }
    });
    counts.comparisons / OPS
}

/// Comparisons of `from_vec` on `n` items in descending blocks of 8 (each block shuffled):
/// each item is smaller than nearly all before it, so pushing them one by one sifts each
/// almost to the root (n log n), and a sort finds no long runs to exploit (n log n too).
fn heapify_comparisons<K: MinHeap>(n: usize) -> u64 {
    let items: Vec<Counted<u64>> = (0..n as u64)
        .map(|i| {
            let block = (n as u64 - i) / 8;
            Counted(block * 8 + (i * 5 + 3) % 8)
        })
        .collect();
    let (counts, heap) = measure(|| K::from_vec(items));
    drop(heap);
    counts.comparisons
}

fn push_gate<K: MinHeap>() -> Result<(), Failure> {
    Gate {
        what: "comparisons per push",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 2.0,
        small: 1_000,
        large: 64_000,
    }
    .check(push_comparisons::<K>)
}

fn pop_gate<K: MinHeap>() -> Result<(), Failure> {
    Gate {
        what: "comparisons per pop",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 3.0,
        small: 1_000,
        large: 64_000,
    }
    .check(pop_comparisons::<K>)
}

fn heapify_gate<K: MinHeap>() -> Result<(), Failure> {
    Gate {
        what: "comparisons in from_vec",
        expected: Class::Linear,
        next_worse: Class::NLogN,
        constant: 3.0,
        small: 1_000,
        large: 64_000,
    }
    .check(heapify_comparisons::<K>)
}

/// Criterion group `min_heap`: n pushes of scattered values, then n pops; the learner's heap,
/// the reference and std's `BinaryHeap<Reverse<u64>>`.
pub fn bench<L: MinHeap, R: MinHeap>(c: &mut Criterion) {
    fn run<K: MinHeap>(items: &[u64]) -> u64 {
        let mut heap = K::new::<u64>();
        for &item in items {
            K::push(&mut heap, item);
        }
        let mut sum = 0u64;
        while let Some(item) = K::pop(&mut heap) {
            sum = sum.wrapping_add(item);
        }
        sum
    }
    fn run_std(items: &[u64]) -> u64 {
        let mut heap = BinaryHeap::new();
        for &item in items {
            heap.push(Reverse(item));
        }
        let mut sum = 0u64;
        while let Some(Reverse(item)) = heap.pop() {
            sum = sum.wrapping_add(item);
        }
        sum
    }

    let learner_runs = crate::bench::runs(|| {
        let mut heap = L::new::<u64>();
        L::push(&mut heap, 1);
        L::pop(&mut heap);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let items: Vec<u64> = (0..n as u64).map(|i| scattered(i, n as u64)).collect();
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| run::<L>(&items))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| run::<R>(&items))
        });
        group.bench_function(BenchmarkId::new("std", n), |b| b.iter(|| run_std(&items)));
    }
    group.finish();
}

/// Implements [`MinHeap`] for `$subject` with `$krate::min_heap::MinHeap<T>`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_min_heap {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::min_heap::MinHeap for $subject {
            const SOURCE: &'static str = $crate::__step1_source!("min_heap");
            type Heap<T: Ord> = $krate::min_heap::MinHeap<T>;
            fn new<T: Ord>() -> Self::Heap<T> {
                $krate::min_heap::MinHeap::new()
            }
            fn from_vec<T: Ord>(items: Vec<T>) -> Self::Heap<T> {
                $krate::min_heap::MinHeap::from_vec(items)
            }
            fn push<T: Ord>(heap: &mut Self::Heap<T>, item: T) {
                heap.push(item)
            }
            fn pop<T: Ord>(heap: &mut Self::Heap<T>) -> Option<T> {
                heap.pop()
            }
            fn peek<T: Ord>(heap: &Self::Heap<T>) -> Option<&T> {
                heap.peek()
            }
            fn len<T: Ord>(heap: &Self::Heap<T>) -> usize {
                heap.len()
            }
            fn is_empty<T: Ord>(heap: &Self::Heap<T>) -> bool {
                heap.is_empty()
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl MinHeap for Learner {
    const SOURCE: &'static str = learner::REGISTERED_SOURCE;
    type Heap<T: Ord> = Erased;
    fn new<T: Ord + 'static>() -> Erased {
        TABLE.get_at::<T, fn() -> Erased>("new")()
    }
    fn from_vec<T: Ord + 'static>(items: Vec<T>) -> Erased {
        TABLE.get_at::<T, fn(Vec<T>) -> Erased>("from_vec")(items)
    }
    fn push<T: Ord + 'static>(heap: &mut Erased, item: T) {
        TABLE.get_at::<T, fn(&mut Erased, T)>("push")(heap, item)
    }
    fn pop<T: Ord + 'static>(heap: &mut Erased) -> Option<T> {
        TABLE.get_at::<T, fn(&mut Erased) -> Option<T>>("pop")(heap)
    }
    fn peek<T: Ord + 'static>(heap: &Erased) -> Option<&T> {
        TABLE.get_at::<T, fn(&Erased) -> Option<&T>>("peek")(heap)
    }
    fn len<T: Ord + 'static>(heap: &Erased) -> usize {
        TABLE.get_at::<T, fn(&Erased) -> usize>("len")(heap)
    }
    fn is_empty<T: Ord + 'static>(heap: &Erased) -> bool {
        TABLE.get_at::<T, fn(&Erased) -> bool>("is_empty")(heap)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: MinHeap>()
where
    S::Heap<i8>: 'static,
    S::Heap<i32>: 'static,
    S::Heap<String>: 'static,
    S::Heap<Counted<u64>>: 'static,
{
    fn at<S: MinHeap, T: Ord + 'static>(fns: &mut Fns)
    where
        S::Heap<T>: 'static,
    {
        fns.add_at::<T, fn() -> Erased>("new", || learner::erase(S::new::<T>()));
        fns.add_at::<T, fn(Vec<T>) -> Erased>("from_vec", |items| {
            learner::erase(S::from_vec::<T>(items))
        });
        fns.add_at::<T, fn(&mut Erased, T)>("push", |heap, item| {
            S::push(down_mut::<S::Heap<T>>(heap), item)
        });
        fns.add_at::<T, fn(&mut Erased) -> Option<T>>("pop", |heap| {
            S::pop(down_mut::<S::Heap<T>>(heap))
        });
        fns.add_at::<T, fn(&Erased) -> Option<&T>>("peek", |heap| {
            S::peek(down::<S::Heap<T>>(heap))
        });
        fns.add_at::<T, fn(&Erased) -> usize>("len", |heap| S::len(down::<S::Heap<T>>(heap)));
        fns.add_at::<T, fn(&Erased) -> bool>("is_empty", |heap| {
            S::is_empty(down::<S::Heap<T>>(heap))
        });
    }
    learner::register_source(GROUP.name, S::SOURCE);
    TABLE.fill(|fns| {
        at::<S, i8>(fns);
        at::<S, i32>(fns);
        at::<S, String>(fns);
        at::<S, Counted<u64>>(fns);
    });
}
