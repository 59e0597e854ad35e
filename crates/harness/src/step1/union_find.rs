//! Kata `union_find` (grade 3): disjoint sets with path compression and union by size.
//!
//! Checks: worked examples, random operation sequences against a naive model (a label per
//! element, relabelled on every union), the documented panic for an element out of range,
//! and a gate that counts the steps of the learner's code: the kata is generic over its
//! index type `I`, and the gate plugs in [`Id`], an index that counts how often it is
//! compared and converted to or from `usize`. The gate's workload builds long chains (the
//! worst case for a union-find without balancing or compression) and then asks for roots.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::inputs::Lcg;
use crate::step1::learner::{self, Erased, Fns, Learner, Table, down, down_mut};

/// The kata's API, as the suite sees it. The grade macro implements it with
/// `<crate>::union_find::UnionFind`.
pub trait UnionFind {
    type Sets<I: Copy + Eq + From<usize> + Into<usize>>;
    fn new<I: Copy + Eq + From<usize> + Into<usize> + 'static>(n: usize) -> Self::Sets<I>;
    fn find<I: Copy + Eq + From<usize> + Into<usize> + 'static>(sets: &mut Self::Sets<I>, x: I) -> I;
    fn union<I: Copy + Eq + From<usize> + Into<usize> + 'static>(
        sets: &mut Self::Sets<I>,
        a: I,
        b: I,
    ) -> bool;
    fn connected<I: Copy + Eq + From<usize> + Into<usize> + 'static>(
        sets: &mut Self::Sets<I>,
        a: I,
        b: I,
    ) -> bool;
    fn set_size<I: Copy + Eq + From<usize> + Into<usize> + 'static>(sets: &mut Self::Sets<I>, x: I) -> usize;
    fn set_count<I: Copy + Eq + From<usize> + Into<usize> + 'static>(sets: &Self::Sets<I>) -> usize;
    fn len<I: Copy + Eq + From<usize> + Into<usize> + 'static>(sets: &Self::Sets<I>) -> usize;
    fn is_empty<I: Copy + Eq + From<usize> + Into<usize> + 'static>(sets: &Self::Sets<I>) -> bool;
}

pub const GROUP: Group = super::GROUPS.union_find;

pub fn checks<K: UnionFind + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "every element starts as its own root; union links the root of one set under the \
             root of the other and returns false when both are already in the same set",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_model",
            "two elements are connected exactly when find gives the same root for both; keep \
             the size and the number of sets up to date on every union that joins two sets",
            |ctx| {
                let case = (1usize..10).prop_flat_map(|n| (Just(n), vec(op_strategy(n), 0..40)));
                for_all(ctx, 250, case, |(n, ops)| matches_model::<K>(n, &ops))
            },
        ),
        GROUP.check(
            "out_of_range",
            "check the element at the top of every method: \
             assert!(i < n, \"union-find element {i} out of range (0..{n})\")",
            |_| out_of_range::<K>(),
        ),
        GROUP.check(
            "smaller_set_goes_under",
            "union by size: hang the root of the SMALLER set under the root of the larger one \
             (whichever argument it came from); linking find(a) under find(b) always lets a \
             singleton become the root of a big set, and chains grow",
            |_| smaller_set_goes_under::<K>(),
        ),
        GROUP.check(
            "deep_find_gate",
            "path compression: after find(x) walks up to the root, walk the path again and \
             point every node on it straight at the root, so the next find from there costs \
             one step; union by size alone keeps trees O(log n) deep, not O(1)",
            |_| deep_find_gate::<K>(),
        ),
        GROUP.check(
            "near_constant_gate",
            "union by size keeps trees shallow (hang the smaller tree under the larger root); \
             path compression points every node that find walked past straight at the root; \
             store parent pointers as `I` values (Vec<I>), which is what the grader counts",
            |_| near_constant_gate::<K>(),
        ),
    ]
}

fn examples<K: UnionFind>() -> Result<(), Failure> {
    let mut s = K::new::<usize>(5);
    // The unions so far; a failure shows them and then the call that went wrong.
    let mut trail = String::from("let mut s = UnionFind::new(5);");
    expect_eq(query(&trail, "len()"), 5, K::len(&s))?;
    expect_eq(query(&trail, "is_empty()"), false, K::is_empty(&s))?;
    expect_eq(query(&trail, "set_count()"), 5, K::set_count(&s))?;
    expect_eq(query(&trail, "find(3)"), 3, K::find(&mut s, 3))?;
    expect_eq(query(&trail, "set_size(3)"), 1, K::set_size(&mut s, 3))?;
    expect_eq(
        query(&trail, "connected(0, 1)"),
        false,
        K::connected(&mut s, 0, 1),
    )?;
    expect_eq(
        query(&trail, "connected(2, 2)"),
        true,
        K::connected(&mut s, 2, 2),
    )?;
    expect_eq(
        step(&mut trail, "union(0, 1)"),
        true,
        K::union(&mut s, 0, 1),
    )?;
    expect_eq(
        query(&trail, "connected(0, 1)"),
        true,
        K::connected(&mut s, 0, 1),
    )?;
    expect_eq(
        query(&trail, "connected(1, 0)"),
        true,
        K::connected(&mut s, 1, 0),
    )?;
    expect_eq(
        step(&mut trail, "union(1, 0)"),
        false,
        K::union(&mut s, 1, 0),
    )?;
    expect_eq(
        step(&mut trail, "union(4, 4)"),
        false,
        K::union(&mut s, 4, 4),
    )?;
    expect_eq(query(&trail, "set_count()"), 4, K::set_count(&s))?;
    expect_eq(query(&trail, "set_size(1)"), 2, K::set_size(&mut s, 1))?;
    expect_eq(
        step(&mut trail, "union(2, 3)"),
        true,
        K::union(&mut s, 2, 3),
    )?;
    expect_eq(
        query(&trail, "connected(0, 3)"),
        false,
        K::connected(&mut s, 0, 3),
    )?;
    expect_eq(
        step(&mut trail, "union(3, 1)"),
        true,
        K::union(&mut s, 3, 1),
    )?;
    expect_eq(
        query(&trail, "connected(0, 2)"),
        true,
        K::connected(&mut s, 0, 2),
    )?;
    expect_eq(query(&trail, "set_size(0)"), 4, K::set_size(&mut s, 0))?;
    expect_eq(query(&trail, "set_size(4)"), 1, K::set_size(&mut s, 4))?;
    expect_eq(query(&trail, "set_count()"), 2, K::set_count(&s))?;
    expect_eq(
        query(&trail, "connected(4, 0)"),
        false,
        K::connected(&mut s, 4, 0),
    )?;
    let root = K::find(&mut s, 0);
    expect_eq(
        query(&trail, "find(0) is one of 0, 1, 2, 3"),
        true,
        root <= 3,
    )?;
    for x in 1..4 {
        expect_eq(
            query(&trail, &format!("find({x}) == find(0)")),
            root,
            K::find(&mut s, x),
        )?;
    }
    expect_eq(
        step(&mut trail, "union(4, 2)"),
        true,
        K::union(&mut s, 4, 2),
    )?;
    expect_eq(query(&trail, "set_count()"), 1, K::set_count(&s))?;
    expect_eq(query(&trail, "set_size(4)"), 5, K::set_size(&mut s, 4))?;

    let empty = K::new::<usize>(0);
    expect_eq("UnionFind::new(0).len()", 0, K::len(&empty))?;
    expect_eq("UnionFind::new(0).is_empty()", true, K::is_empty(&empty))?;
    expect_eq("UnionFind::new(0).set_count()", 0, K::set_count(&empty))?;
    Ok(())
}

/// The unions so far, then the query `s.<text>`.
fn query(trail: &str, text: &str) -> String {
    format!("{trail} s.{text};")
}

/// Appends the union `s.<text>;` to the trail and returns it.
fn step(trail: &mut String, text: &str) -> String {
    trail.push_str(&format!(" s.{text};"));
    trail.clone()
}

/// One step of a random operation sequence over elements `0..n`.
#[derive(Debug, Clone)]
enum Op {
    Union(usize, usize),
    Find(usize),
    Connected(usize, usize),
    SetSize(usize),
    SetCount,
}

fn op_strategy(n: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..n, 0..n).prop_map(|(a, b)| Op::Union(a, b)),
        1 => (0..n).prop_map(Op::Find),
        1 => (0..n, 0..n).prop_map(|(a, b)| Op::Connected(a, b)),
        1 => (0..n).prop_map(Op::SetSize),
        1 => Just(Op::SetCount),
    ]
}

/// The naive model: `label[x]` names x's set; a union relabels a whole set.
struct Model {
    label: Vec<usize>,
}

impl Model {
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (from, to) = (self.label[a], self.label[b]);
        if from == to {
            return false;
        }
        for label in &mut self.label {
            if *label == from {
                *label = to;
            }
        }
        true
    }

    fn set_size(&self, x: usize) -> usize {
        self.label.iter().filter(|&&l| l == self.label[x]).count()
    }

    fn set_count(&self) -> usize {
        let mut labels = self.label.clone();
        labels.sort_unstable();
        labels.dedup();
        labels.len()
    }
}

fn matches_model<K: UnionFind>(n: usize, ops: &[Op]) -> Result<(), Failure> {
    let mut sets = K::new::<usize>(n);
    let mut model = Model {
        label: (0..n).collect(),
    };
    let mut trail = format!("let mut s = UnionFind::new({n});");
    for op in ops {
        match *op {
            Op::Union(a, b) => {
                trail.push_str(&format!(" s.union({a}, {b});"));
                let expected = model.union(a, b);
                expect_eq(&trail, expected, K::union(&mut sets, a, b))?;
            }
            Op::Find(x) => {
                trail.push_str(&format!(" s.find({x});"));
                let root = K::find(&mut sets, x);
                let ok = root < n && model.label[root] == model.label[x];
                expect_eq(
                    format!("{trail} (is the root in the same set as {x}?)"),
                    true,
                    ok,
                )?;
            }
            Op::Connected(a, b) => {
                trail.push_str(&format!(" s.connected({a}, {b});"));
                let expected = model.label[a] == model.label[b];
                expect_eq(&trail, expected, K::connected(&mut sets, a, b))?;
            }
            Op::SetSize(x) => {
                trail.push_str(&format!(" s.set_size({x});"));
                expect_eq(&trail, model.set_size(x), K::set_size(&mut sets, x))?;
            }
            Op::SetCount => {
                trail.push_str(" s.set_count();");
                expect_eq(&trail, model.set_count(), K::set_count(&sets))?;
            }
        }
        // Every element's root must agree with the model's sets.
        let roots: Vec<usize> = (0..n).map(|x| K::find(&mut sets, x)).collect();
        for x in 0..n {
            for y in x + 1..n {
                let expected = model.label[x] == model.label[y];
                if (roots[x] == roots[y]) != expected {
                    return expect_eq(
                        format!("{trail} then find({x}) == find({y})"),
                        expected,
                        !expected,
                    );
                }
            }
        }
    }
    Ok(())
}

/// The message of the panic `call` raises, or `None` if it returns.
fn panic_message(call: impl FnOnce()) -> Option<String> {
    let payload = catch_unwind(AssertUnwindSafe(call)).err()?;
    Some(
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "a panic with a non-text payload".to_string()),
    )
}

fn out_of_range<K: UnionFind>() -> Result<(), Failure> {
    type Call<K> = fn(&mut <K as UnionFind>::Sets<usize>);
    let calls: [(&str, Call<K>); 6] = [
        ("find(5)", |s| {
            K::find(s, 5);
        }),
        ("union(0, 5)", |s| {
            K::union(s, 0, 5);
        }),
        ("union(7, 1)", |s| {
            K::union(s, 7, 1);
        }),
        ("connected(5, 0)", |s| {
            K::connected(s, 5, 0);
        }),
        ("set_size(99)", |s| {
            K::set_size(s, 99);
        }),
        ("find(usize::MAX)", |s| {
            K::find(s, usize::MAX);
        }),
    ];
    for (text, call) in calls {
        let mut sets = K::new::<usize>(5);
        let called = format!("let mut s = UnionFind::new(5); s.{text};");
        match panic_message(|| call(&mut sets)) {
            None => {
                return Err(Failure::new(format!(
                    "called:   {called}\nexpected: a panic whose message contains \"out of range\"\n\
                     got:      it returned"
                )));
            }
            Some(message) if !message.contains("out of range") => {
                let message = if message == "not yet implemented" {
                    "a panic from todo!(): not implemented yet".to_string()
                } else {
                    format!("a panic with the message {message:?}")
                };
                return Err(Failure::new(format!(
                    "called:   {called}\nexpected: a panic whose message contains \"out of range\"\n\
                     got:      {message}"
                )));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn smaller_set_goes_under<K: UnionFind>() -> Result<(), Failure> {
    for singleton_first in [false, true] {
        let mut sets = K::new::<usize>(11);
        for i in 1..10 {
            K::union(&mut sets, i, i - 1);
        }
        let root = K::find(&mut sets, 0);
        let call = if singleton_first {
            K::union(&mut sets, 10, 0);
            "union(10, 0)"
        } else {
            K::union(&mut sets, 0, 10);
            "union(0, 10)"
        };
        expect_eq(
            format!(
                "let mut s = UnionFind::new(11); s.union(1, 0); … s.union(9, 8); (one set of \
                 10 elements, find(0) == {root}) s.{call}; s.find(10) (the larger set's root \
                 must stay the root)"
            ),
            root,
            K::find(&mut sets, 10),
        )?;
    }
    Ok(())
}

/// `Id` steps per `find` of the deepest elements, again and again: `n` elements joined in
/// rounds of equal-sized sets (1+1, 2+2, 4+4, …: the deepest trees union by size allows,
/// log2(n) levels), each element's find measured once to spot the 32 deepest, then 64
/// finds of each of those. With path compression the first find flattens the path and the
/// others cost a step or two; without, each one walks all log2(n) levels again.
fn deep_find_steps<K: UnionFind>(n: usize) -> u64 {
    let mut sets = K::new::<Id>(n);
    let mut width = 1;
    while width < n {
        for i in (0..n - width).step_by(2 * width) {
            K::union(&mut sets, Id(i), Id(i + width));
        }
        width *= 2;
    }
    let mut costs: Vec<(u64, usize)> = (0..n)
        .map(|x| {
            let before = ID_STEPS.load(Relaxed);
            std::hint::black_box(K::find(&mut sets, Id(x)));
            (ID_STEPS.load(Relaxed) - before, x)
        })
        .collect();
    costs.sort_unstable_by(|a, b| b.cmp(a));
    let deepest: Vec<usize> = costs.iter().take(32).map(|&(_, x)| x).collect();
    let before = ID_STEPS.load(Relaxed);
    for _ in 0..64 {
        for &x in &deepest {
            std::hint::black_box(K::find(&mut sets, Id(x)));
        }
    }
    (ID_STEPS.load(Relaxed) - before) / (64 * 32)
}

fn deep_find_gate<K: UnionFind>() -> Result<(), Failure> {
    Gate {
        what: "index comparisons + conversions per find of the deepest elements",
        expected: Class::Constant,
        next_worse: Class::Log,
        constant: 16.0,
        small: 256,
        large: 65_536,
    }
    .check(deep_find_steps::<K>)
}

/// Counts every comparison of two [`Id`]s and every conversion between `Id` and `usize`.
static ID_STEPS: AtomicU64 = AtomicU64::new(0);

/// An element index that counts how often it is compared and converted: the gate's `I`.
/// A union-find that stores its parent pointers as `I` pays one or two of these per step.
#[derive(Debug, Clone, Copy)]
pub struct Id(usize);

impl PartialEq for Id {
    fn eq(&self, other: &Self) -> bool {
        ID_STEPS.fetch_add(1, Relaxed);
        self.0 == other.0
    }
}

impl Eq for Id {}

impl From<usize> for Id {
    fn from(index: usize) -> Self {
        ID_STEPS.fetch_add(1, Relaxed);
        Id(index)
    }
}

impl From<Id> for usize {
    fn from(id: Id) -> usize {
        ID_STEPS.fetch_add(1, Relaxed);
        id.0
    }
}

/// `Id` comparisons and conversions per operation over `n` elements: unions that build two
/// chains (each a worst case for one linking direction of a naive union-find), then `n`
/// finds, connected and set_size queries of pseudo-random elements.
fn steps_per_op<K: UnionFind>(n: usize) -> u64 {
    let mut sets = K::new::<Id>(n);
    let id = Id;
    let mut rng = Lcg::from_state(0x2545_F491_4F6C_DD1D);
    let mut next = move || rng.below(n as u64) as usize;
    let before = ID_STEPS.load(Relaxed);
    let half = n / 2;
    for i in 0..half - 1 {
        K::union(&mut sets, id(i), id(i + 1));
    }
    for i in half..n - 1 {
        K::union(&mut sets, id(i + 1), id(i));
    }
    K::union(&mut sets, id(0), id(n - 1));
    for i in 0..n {
        match i % 4 {
            0 | 1 => {
                std::hint::black_box(K::find(&mut sets, id(next())));
            }
            2 => {
                std::hint::black_box(K::connected(&mut sets, id(next()), id(next())));
            }
            _ => {
                std::hint::black_box(K::set_size(&mut sets, id(next())));
            }
        }
    }
    let steps = ID_STEPS.load(Relaxed) - before;
    steps / (2 * n as u64 - 1)
}

fn near_constant_gate<K: UnionFind>() -> Result<(), Failure> {
    Gate {
        what: "index comparisons + conversions per operation",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 40.0,
        small: 256,
        large: 4_096,
    }
    .check(steps_per_op::<K>)
}

/// Criterion group `union_find`: n − 1 unions of pseudo-random pairs then n `connected`
/// queries over n elements, for the learner's code `L` and the reference `R` (std has no
/// union-find).
pub fn bench<L: UnionFind, R: UnionFind>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        let mut sets = L::new::<usize>(2);
        L::union(&mut sets, 0, 1);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let pairs: Vec<(usize, usize)> = (0..2 * n)
            .map(|i| {
                let a = i.wrapping_mul(2_654_435_761) % n;
                let b = (i * 7 + 3).wrapping_mul(40_503) % n;
                (a, b)
            })
            .collect();
        fn run<U: UnionFind>(n: usize, pairs: &[(usize, usize)]) -> usize {
            let mut sets = U::new::<usize>(n);
            let (unions, queries) = pairs.split_at(n - 1);
            for &(a, b) in unions {
                U::union(&mut sets, a, b);
            }
            queries
                .iter()
                .filter(|&&(a, b)| U::connected(&mut sets, a, b))
                .count()
        }
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| run::<L>(n, &pairs))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| run::<R>(n, &pairs))
        });
    }
    group.finish();
}

/// Implements [`UnionFind`] for `$subject` with `$krate::union_find::UnionFind`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_union_find {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::union_find::UnionFind for $subject {
            type Sets<I: Copy + Eq + From<usize> + Into<usize>> = $krate::union_find::UnionFind<I>;
            fn new<I: Copy + Eq + From<usize> + Into<usize>>(n: usize) -> Self::Sets<I> {
                $krate::union_find::UnionFind::new(n)
            }
            fn find<I: Copy + Eq + From<usize> + Into<usize>>(sets: &mut Self::Sets<I>, x: I) -> I {
                sets.find(x)
            }
            fn union<I: Copy + Eq + From<usize> + Into<usize>>(
                sets: &mut Self::Sets<I>,
                a: I,
                b: I,
            ) -> bool {
                sets.union(a, b)
            }
            fn connected<I: Copy + Eq + From<usize> + Into<usize>>(
                sets: &mut Self::Sets<I>,
                a: I,
                b: I,
            ) -> bool {
                sets.connected(a, b)
            }
            fn set_size<I: Copy + Eq + From<usize> + Into<usize>>(
                sets: &mut Self::Sets<I>,
                x: I,
            ) -> usize {
                sets.set_size(x)
            }
            fn set_count<I: Copy + Eq + From<usize> + Into<usize>>(sets: &Self::Sets<I>) -> usize {
                sets.set_count()
            }
            fn len<I: Copy + Eq + From<usize> + Into<usize>>(sets: &Self::Sets<I>) -> usize {
                sets.len()
            }
            fn is_empty<I: Copy + Eq + From<usize> + Into<usize>>(sets: &Self::Sets<I>) -> bool {
                sets.is_empty()
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl UnionFind for Learner {
    type Sets<I: Copy + Eq + From<usize> + Into<usize>> = Erased;
    fn new<I: Copy + Eq + From<usize> + Into<usize> + 'static>(n: usize) -> Erased {
        TABLE.get_at::<I, fn(usize) -> Erased>("new")(n)
    }
    fn find<I: Copy + Eq + From<usize> + Into<usize> + 'static>(sets: &mut Erased, x: I) -> I {
        TABLE.get_at::<I, fn(&mut Erased, I) -> I>("find")(sets, x)
    }
    fn union<I: Copy + Eq + From<usize> + Into<usize> + 'static>(
        sets: &mut Erased,
        a: I,
        b: I,
    ) -> bool {
        TABLE.get_at::<I, fn(&mut Erased, I, I) -> bool>("union")(sets, a, b)
    }
    fn connected<I: Copy + Eq + From<usize> + Into<usize> + 'static>(
        sets: &mut Erased,
        a: I,
        b: I,
    ) -> bool {
        TABLE.get_at::<I, fn(&mut Erased, I, I) -> bool>("connected")(sets, a, b)
    }
    fn set_size<I: Copy + Eq + From<usize> + Into<usize> + 'static>(
        sets: &mut Erased,
        x: I,
    ) -> usize {
        TABLE.get_at::<I, fn(&mut Erased, I) -> usize>("set_size")(sets, x)
    }
    fn set_count<I: Copy + Eq + From<usize> + Into<usize> + 'static>(sets: &Erased) -> usize {
        TABLE.get_at::<I, fn(&Erased) -> usize>("set_count")(sets)
    }
    fn len<I: Copy + Eq + From<usize> + Into<usize> + 'static>(sets: &Erased) -> usize {
        TABLE.get_at::<I, fn(&Erased) -> usize>("len")(sets)
    }
    fn is_empty<I: Copy + Eq + From<usize> + Into<usize> + 'static>(sets: &Erased) -> bool {
        TABLE.get_at::<I, fn(&Erased) -> bool>("is_empty")(sets)
    }
}

/// Registers `S`'s functions for [`Learner`], at the element types the checks use.
pub fn register<S: UnionFind>()
where
    S::Sets<usize>: 'static,
    S::Sets<Id>: 'static,
{
    fn at<S: UnionFind, I: Copy + Eq + From<usize> + Into<usize> + 'static>(fns: &mut Fns)
    where
        S::Sets<I>: 'static,
    {
        fns.add_at::<I, fn(usize) -> Erased>("new", |n| learner::erase(S::new::<I>(n)));
        fns.add_at::<I, fn(&mut Erased, I) -> I>("find", |sets, x| {
            S::find(down_mut::<S::Sets<I>>(sets), x)
        });
        fns.add_at::<I, fn(&mut Erased, I, I) -> bool>("union", |sets, a, b| {
            S::union(down_mut::<S::Sets<I>>(sets), a, b)
        });
        fns.add_at::<I, fn(&mut Erased, I, I) -> bool>("connected", |sets, a, b| {
            S::connected(down_mut::<S::Sets<I>>(sets), a, b)
        });
        fns.add_at::<I, fn(&mut Erased, I) -> usize>("set_size", |sets, x| {
            S::set_size(down_mut::<S::Sets<I>>(sets), x)
        });
        fns.add_at::<I, fn(&Erased) -> usize>("set_count", |sets| {
            S::set_count(down::<S::Sets<I>>(sets))
        });
        fns.add_at::<I, fn(&Erased) -> usize>("len", |sets| S::len(down::<S::Sets<I>>(sets)));
        fns.add_at::<I, fn(&Erased) -> bool>("is_empty", |sets| {
            S::is_empty(down::<S::Sets<I>>(sets))
        });
    }
    TABLE.fill(|fns| {
        at::<S, usize>(fns);
        at::<S, Id>(fns);
    });
}
