//! Kata `ordered_map` (grade 4): an ordered map with range queries (a balanced search tree
//! or a skip list).
//!
//! Checks: worked examples, random operation sequences run step by step against
//! `BTreeMap`, two comparison gates (keys inserted in ascending and in descending order,
//! which turn a plain binary search tree into a list, and in random order), a gate on the
//! cost of `range` (O(log n + k)), a gate on element moves, and a timing gate on inserts at
//! the front.
//!
//! Why a moves gate: a sorted `Vec` with binary search passes the comparison gates
//! (log n comparisons per insert), but each insert shifts every later element one slot
//! right, O(n) moves. Moves are memcpys: no `clone`, and only O(log n) allocations in all
//! as the `Vec` doubles, so neither clone counts nor allocation counts see them. Addresses
//! do: the gate watches where a few "probe" values live (`get` hands out a reference) after
//! every insert, and estimates the elements moved per insert as
//! (share of probes that moved) × (entries in the map). A tree of boxed nodes never moves a
//! value; an arena-backed tree or skip list moves everything when its `Vec` doubles, which
//! averages out to O(1) per insert; a B-tree moves O(B) per insert; a sorted `Vec` moves
//! about n/4 per insert on random keys.
//!
//! The moves gate sees values only. Entries kept in an arena (a `Vec` that only grows) plus
//! a sorted `Vec` of their indices pass it and every count: binary search over the index
//! is log n comparisons, and the values never move; but each insert shifts the later
//! indices, O(n) memory moved that nothing can count. So the last gate is a timing one (see
//! `Gate::check_time_growth`): the time of 1 000 inserts of keys smaller than every stored
//! key (each one lands at the front, the worst case for a shifted index), on maps of 2 000
//! and 32 000 keys. A tree's time per insert grows like log n (×1.3 between the sizes, its
//! left spine hot in cache), a shifted index like n (×16); the limit sits at ×4.6.

use std::collections::BTreeMap;
use std::ops::Range;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::counting::{Counted, measure};
use crate::gate::{Class, CpuClock, Gate};
use crate::property::for_all;
use crate::step1::inputs::shuffled;
use crate::step1::source_rules::{self, Forbidden};
use crate::step1::learner::{self, Erased, Fns, Learner, Table, down, down_mut};

/// The kata's API, as the suite sees it. The grade macro sets `Map` to
/// `<crate>::ordered_map::OrderedMap<K, V>` and delegates each method.
pub trait OrderedMap {
    /// The text of the kata's file, for the rules its doc states about the code (the grade
    /// macro reads the crate under test's file; fixtures may give their own).
    const SOURCE: &'static str = "";
    type Map<K: Ord, V>;
    fn new<K: Ord + 'static, V: 'static>() -> Self::Map<K, V>;
    fn insert<K: Ord + 'static, V: 'static>(map: &mut Self::Map<K, V>, key: K, value: V) -> Option<V>;
    fn get<'a, K: Ord + 'static, V: 'static>(map: &'a Self::Map<K, V>, key: &K) -> Option<&'a V>;
    fn remove<K: Ord + 'static, V: 'static>(map: &mut Self::Map<K, V>, key: &K) -> Option<V>;
    fn len<K: Ord + 'static, V: 'static>(map: &Self::Map<K, V>) -> usize;
    /// The grade macro delegates it; fixtures may keep this default.
    fn is_empty<K: Ord + 'static, V: 'static>(map: &Self::Map<K, V>) -> bool {
        Self::len(map) == 0
    }
    fn first<K: Ord + 'static, V: 'static>(map: &Self::Map<K, V>) -> Option<(&K, &V)>;
    fn last<K: Ord + 'static, V: 'static>(map: &Self::Map<K, V>) -> Option<(&K, &V)>;
    fn range<K: Ord + 'static, V: 'static>(map: &Self::Map<K, V>, range: Range<K>) -> Vec<(&K, &V)>;
}

pub const GROUP: Group = super::GROUPS.ordered_map;

/// What the kata's doc forbids in the code itself.
const FORBIDDEN: Forbidden = Forbidden {
    names: &["BTreeMap", "BTreeSet"],
    why: "the tree is the lesson: link your own nodes",
};

pub fn checks<K: OrderedMap + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "start with a plain binary search tree (insert, get, first, last, range by an \
             in-order walk), make it right, then balance it",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_btreemap",
            "after every operation the map must answer exactly like std's BTreeMap: insert \
             returns the value it replaced, remove the value it took out, range is half-open \
             and sorted",
            |ctx| {
                let op = prop_oneof![
                    4 => (0u8..24, any::<u16>()).prop_map(|(k, v)| Op::Insert(k, v)),
                    2 => (0u8..24).prop_map(Op::Get),
                    2 => (0u8..24).prop_map(Op::Remove),
                    1 => (0u8..26, 0u8..26).prop_map(|(lo, hi)| Op::Range(lo, hi)),
                    1 => Just(Op::FirstLast),
                ];
                for_all(ctx, 250, vec(op, 0..80), |ops| against_btreemap::<K>(&ops))
            },
        ),
        GROUP.check(
            "sorted_inserts_gate",
            "keys that arrive in sorted order (ascending OR descending) turn a plain binary \
             search tree into a linked list; keep the tree balanced on both sides (AVL rotations, a treap's random priorities, a \
             red-black tree) or use a skip list",
            |_| {
                comparison_gate::<K>(KeyOrder::Ascending)?;
                comparison_gate::<K>(KeyOrder::Descending)
            },
        ),
        GROUP.check(
            "random_inserts_gate",
            "each insert and get must compare O(log n) keys: walk down a balanced tree (or the \
             levels of a skip list), never along every entry",
            |_| comparison_gate::<K>(KeyOrder::Random),
        ),
        GROUP.check(
            "range_gate",
            "range must cost O(log n + k): walk down to the first key >= start (skip every \
             subtree left of it) and stop at the first key >= end; an in-order walk of the \
             whole map that keeps the keys in range is O(n) per query",
            |_| range_gate::<K>(),
        ),
        GROUP.check(
            "moves_gate",
            "a sorted Vec finds the slot in log n comparisons but then shifts every later \
             entry to make room: O(n) per insert; link nodes instead (Box them) so an insert \
             moves nothing",
            |_| moves_gate::<K>(),
        ),
        GROUP.check(
            "front_inserts_gate",
            "a sorted Vec of indices into an arena keeps the values still but shifts every \
             later index on each insert: O(n) per insert that no count sees, only the clock; \
             link the entries themselves (child links in each node) so an insert touches \
             O(log n) of them",
            |_| front_inserts_gate::<K>(),
        ),
        source_rules::no_std_shortcut(GROUP, K::SOURCE, FORBIDDEN),
    ]
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Insert(u8, u16),
    Get(u8),
    Remove(u8),
    Range(u8, u8),
    FirstLast,
}

fn against_btreemap<K: OrderedMap>(ops: &[Op]) -> Result<(), Failure> {
    let mut map = K::new::<u8, u16>();
    let mut model = BTreeMap::new();
    let mut done: Vec<String> = Vec::new();
    for &op in ops {
        let call = match op {
            Op::Insert(k, v) => format!("insert({k}, {v})"),
            Op::Get(k) => format!("get(&{k})"),
            Op::Remove(k) => format!("remove(&{k})"),
            Op::Range(lo, hi) => format!("range({lo}..{hi})"),
            Op::FirstLast => "first() and last()".to_string(),
        };
        let context = |call: &str| {
            format!(
                "{call}, after {}",
                if done.is_empty() {
                    "new()".to_string()
                } else {
                    show(&done)
                }
            )
        };
        match op {
            Op::Insert(k, v) => expect_eq(
                context(&call),
                model.insert(k, v),
                K::insert(&mut map, k, v),
            )?,
            Op::Get(k) => expect_eq(context(&call), model.get(&k), K::get(&map, &k))?,
            Op::Remove(k) => expect_eq(context(&call), model.remove(&k), K::remove(&mut map, &k))?,
            Op::Range(lo, hi) => {
                let expected: Vec<(&u8, &u16)> = if lo < hi {
                    model.range(lo..hi).collect()
                } else {
                    Vec::new()
                };
                expect_eq(context(&call), expected, K::range(&map, lo..hi))?
            }
            Op::FirstLast => {
                let expected = (model.first_key_value(), model.last_key_value());
                expect_eq(context(&call), expected, (K::first(&map), K::last(&map)))?
            }
        }
        expect_eq(
            context(&format!("len() after {call}")),
            model.len(),
            K::len(&map),
        )?;
        expect_eq(
            context(&format!("is_empty() after {call}")),
            model.is_empty(),
            K::is_empty(&map),
        )?;
        done.push(call);
    }
    Ok(())
}

fn examples<K: OrderedMap>() -> Result<(), Failure> {
    // Sessions keyed by expiry time (seconds): find the ones expiring in a window.
    let mut map = K::new::<u32, &str>();
    let call = |what: &str| format!("{what} on a new map");
    expect_eq(call("len()"), 0, K::len(&map))?;
    expect_eq(call("is_empty()"), true, K::is_empty(&map))?;
    expect_eq(call("first()"), None, K::first(&map))?;
    expect_eq(call("last()"), None, K::last(&map))?;
    expect_eq(call("get(&10)"), None, K::get(&map, &10))?;
    expect_eq(call("remove(&10)"), None, K::remove(&mut map, &10))?;
    expect_eq(call("range(0..100)"), vec![], K::range(&map, 0..100))?;

    for (key, value) in [
        (50, "carol"),
        (10, "alice"),
        (40, "dave"),
        (30, "bob"),
        (70, "erin"),
    ] {
        expect_eq(
            format!("insert({key}, {value:?}) of a new key"),
            None,
            K::insert(&mut map, key, value),
        )?;
    }
    let after = "after inserting 50, 10, 40, 30, 70";
    expect_eq(format!("len() {after}"), 5, K::len(&map))?;
    expect_eq(format!("is_empty() {after}"), false, K::is_empty(&map))?;
    expect_eq(
        format!("get(&40) {after}"),
        Some(&"dave"),
        K::get(&map, &40),
    )?;
    expect_eq(format!("get(&45) {after}"), None, K::get(&map, &45))?;
    expect_eq(
        format!("first() {after}"),
        Some((&10, &"alice")),
        K::first(&map),
    )?;
    expect_eq(
        format!("last() {after}"),
        Some((&70, &"erin")),
        K::last(&map),
    )?;
    type RangeCase<'a> = (Range<u32>, Vec<(&'a u32, &'a &'a str)>);
    let range_cases: [RangeCase; 6] = [
        (30..60, vec![(&30, &"bob"), (&40, &"dave"), (&50, &"carol")]),
        (31..50, vec![(&40, &"dave")]), // half-open: 50 is left out
        (0..11, vec![(&10, &"alice")]),
        (71..100, vec![]),
        (40..40, vec![]),                       // empty range
        (Range { start: 60, end: 20 }, vec![]), // start after end: empty, no panic
    ];
    for (range, expected) in range_cases {
        expect_eq(
            format!("range({range:?}) {after}"),
            expected,
            K::range(&map, range.clone()),
        )?;
    }
    expect_eq(
        format!("insert(40, \"dan\") {after}: replaces, returns the old value"),
        Some("dave"),
        K::insert(&mut map, 40, "dan"),
    )?;
    expect_eq("len() after replacing 40", 5, K::len(&map))?;
    expect_eq(
        "get(&40) after replacing 40",
        Some(&"dan"),
        K::get(&map, &40),
    )?;
    expect_eq(
        "remove(&10) (the first key)".to_string(),
        Some("alice"),
        K::remove(&mut map, &10),
    )?;
    expect_eq(
        "remove(&10) again".to_string(),
        None,
        K::remove(&mut map, &10),
    )?;
    expect_eq(
        "remove(&50) (a key with two children in a plain BST)".to_string(),
        Some("carol"),
        K::remove(&mut map, &50),
    )?;
    expect_eq(
        "len() after removing 10 and 50".to_string(),
        3,
        K::len(&map),
    )?;
    expect_eq(
        "first() after removing 10 and 50".to_string(),
        Some((&30, &"bob")),
        K::first(&map),
    )?;
    expect_eq(
        "range(0..100) after removing 10 and 50".to_string(),
        vec![(&30, &"bob"), (&40, &"dan"), (&70, &"erin")],
        K::range(&map, 0..100),
    )?;
    Ok(())
}

/// The order in which a gate inserts its keys.
#[derive(Debug, Clone, Copy, PartialEq)]
enum KeyOrder {
    Ascending,
    Descending,
    Random,
}

/// Comparisons per operation: `n` inserts (keys in `order`), then 256 gets.
fn comparisons_per_op<K: OrderedMap>(n: usize, order: KeyOrder) -> u64 {
    let keys: Vec<u64> = match order {
        KeyOrder::Ascending => (0..n as u64).collect(),
        KeyOrder::Descending => (0..n as u64).rev().collect(),
        KeyOrder::Random => shuffled(n, 1),
    };
    let probes: Vec<Counted<u64>> = (0..256u64).map(|i| Counted(i * n as u64 / 256)).collect();
    let entries: Vec<(Counted<u64>, u64)> = keys.into_iter().map(|k| (Counted(k), k)).collect();
    let mut map = K::new::<Counted<u64>, u64>();
    let (counts, _) = measure(|| {
        for (key, value) in entries {
            K::insert(&mut map, key, value);
        }
        for probe in &probes {
            std::hint::black_box(K::get(&map, probe));
        }
    });
    counts.comparisons / (n as u64 + probes.len() as u64)
}

fn comparison_gate<K: OrderedMap>(order: KeyOrder) -> Result<(), Failure> {
    Gate {
        what: match order {
            KeyOrder::Ascending => {
                "comparisons per insert or get (keys inserted in ascending order)"
            }
            KeyOrder::Descending => {
                "comparisons per insert or get (keys inserted in descending order)"
            }
            KeyOrder::Random => "comparisons per insert or get (keys inserted in random order)",
        },
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 3.0,
        small: 512,
        large: 8_192,
    }
    .check(|n| comparisons_per_op::<K>(n, order))
}

/// Comparisons plus words (8 bytes) allocated per range query: 256 queries of 8 keys each
/// over a map of `n` keys. A walk down to the start and along k entries is O(log n + k); a
/// walk over every entry that filters (or a copy of every entry) is O(n).
fn range_cost_per_query<K: OrderedMap>(n: usize) -> u64 {
    let mut map = K::new::<Counted<u64>, u64>();
    for key in shuffled(n, 4) {
        K::insert(&mut map, Counted(key), key);
    }
    let queries: Vec<Range<Counted<u64>>> = (0..256u64)
        .map(|i| {
            let start = i * (n as u64 - 8) / 256;
            Counted(start)..Counted(start + 8)
        })
        .collect();
    let (counts, _) = measure(|| {
        for query in queries {
            std::hint::black_box(K::range(&map, query));
        }
    });
    (counts.comparisons + counts.allocated_bytes / 8) / 256
}

fn range_gate<K: OrderedMap>() -> Result<(), Failure> {
    Gate {
        what: "comparisons + words allocated per range query of 8 keys",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 16.0,
        small: 512,
        large: 8_192,
    }
    .check(range_cost_per_query::<K>)
}

/// Estimated element moves per insert over `n` inserts of shuffled keys, from the addresses
/// of the values of the first 32 keys inserted (see the module comment).
fn moves_per_insert<K: OrderedMap>(n: usize) -> u64 {
    const PROBES: usize = 32;
    let keys = shuffled(n, 2);
    let mut map = K::new::<u64, u64>();
    let mut addresses: Vec<usize> = Vec::with_capacity(PROBES);
    let mut moved_total = 0.0f64;
    for (i, &key) in keys.iter().enumerate() {
        K::insert(&mut map, key, key);
        if i < PROBES {
            let value = K::get(&map, &key).expect("a key just inserted is there");
            addresses.push(value as *const u64 as usize);
            continue;
        }
        let mut moved = 0usize;
        for (probe, address) in keys[..PROBES].iter().zip(addresses.iter_mut()) {
            let value = K::get(&map, probe).expect("an inserted key is still there");
            let now = value as *const u64 as usize;
            if now != *address {
                moved += 1;
                *address = now;
            }
        }
        moved_total += moved as f64 / PROBES as f64 * K::len(&map) as f64;
    }
    (moved_total / n as f64).round() as u64
}

fn moves_gate<K: OrderedMap>() -> Result<(), Failure> {
    Gate {
        what: "entries moved in memory per insert",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 4.0,
        small: 512,
        large: 8_192,
    }
    .check(moves_per_insert::<K>)
}

/// Inserts timed by [`front_insert_time`].
const FRONT_INSERTS: u64 = 1_000;

/// The CPU time of [`FRONT_INSERTS`] inserts of keys smaller than every key of a map of `n`
/// shuffled keys (descending, so each one becomes the new first key); building the map is
/// not timed.
fn front_insert_time<K: OrderedMap>(n: usize) -> Duration {
    let mut map = K::new::<u64, u64>();
    for key in shuffled(n, 5) {
        K::insert(&mut map, FRONT_INSERTS + key, key);
    }
    let started = CpuClock::start();
    for key in (0..FRONT_INSERTS).rev() {
        std::hint::black_box(K::insert(&mut map, key, key));
    }
    started.elapsed()
}

fn front_inserts_gate<K: OrderedMap>() -> Result<(), Failure> {
    Gate {
        what: "the time per insert at the front of a map of n keys",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 0.0,
        small: 2_000,
        large: 32_000,
    }
    .check_time_growth(front_insert_time::<K>)
}

/// Criterion group `ordered_map`: n inserts of shuffled keys then n gets, for the learner's
/// map `L`, the reference `R` and std's `BTreeMap`.
pub fn bench<L: OrderedMap, R: OrderedMap>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        let mut map = L::new::<u64, u64>();
        L::insert(&mut map, 1, 1);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    fn run<M: OrderedMap>(keys: &[u64]) -> u64 {
        let mut map = M::new::<u64, u64>();
        for &key in keys {
            M::insert(&mut map, key, key);
        }
        keys.iter().filter_map(|key| M::get(&map, key)).sum()
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let keys = shuffled(n, 3);
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| run::<L>(&keys))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| run::<R>(&keys))
        });
        group.bench_function(BenchmarkId::new("std", n), |b| {
            b.iter(|| {
                let mut map = BTreeMap::new();
                for &key in &keys {
                    map.insert(key, key);
                }
                keys.iter().filter_map(|key| map.get(key)).sum::<u64>()
            })
        });
    }
    group.finish();
}

/// Implements [`OrderedMap`] for `$subject` with `$krate::ordered_map::OrderedMap`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_ordered_map {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::ordered_map::OrderedMap for $subject {
            const SOURCE: &'static str = $crate::__step1_source!("ordered_map");
            type Map<K: Ord, V> = $krate::ordered_map::OrderedMap<K, V>;
            fn new<K: Ord, V>() -> Self::Map<K, V> {
                $krate::ordered_map::OrderedMap::new()
            }
            fn insert<K: Ord, V>(map: &mut Self::Map<K, V>, key: K, value: V) -> Option<V> {
                map.insert(key, value)
            }
            fn get<'a, K: Ord, V>(map: &'a Self::Map<K, V>, key: &K) -> Option<&'a V> {
                map.get(key)
            }
            fn remove<K: Ord, V>(map: &mut Self::Map<K, V>, key: &K) -> Option<V> {
                map.remove(key)
            }
            fn len<K: Ord, V>(map: &Self::Map<K, V>) -> usize {
                map.len()
            }
            fn is_empty<K: Ord, V>(map: &Self::Map<K, V>) -> bool {
                map.is_empty()
            }
            fn first<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
                map.first()
            }
            fn last<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
                map.last()
            }
            fn range<K: Ord, V>(
                map: &Self::Map<K, V>,
                range: ::std::ops::Range<K>,
            ) -> Vec<(&K, &V)> {
                map.range(range)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

type GetFn<K, V> = for<'a> fn(&'a Erased, &K) -> Option<&'a V>;
type EndFn<K, V> = fn(&Erased) -> Option<(&K, &V)>;
type RangeFn<K, V> = fn(&Erased, Range<K>) -> Vec<(&K, &V)>;

impl OrderedMap for Learner {
    const SOURCE: &'static str = learner::REGISTERED_SOURCE;
    type Map<K: Ord, V> = Erased;
    fn new<K: Ord + 'static, V: 'static>() -> Erased {
        TABLE.get_at::<(K, V), fn() -> Erased>("new")()
    }
    fn insert<K: Ord + 'static, V: 'static>(map: &mut Erased, key: K, value: V) -> Option<V> {
        TABLE.get_at::<(K, V), fn(&mut Erased, K, V) -> Option<V>>("insert")(map, key, value)
    }
    fn get<'a, K: Ord + 'static, V: 'static>(map: &'a Erased, key: &K) -> Option<&'a V> {
        TABLE.get_at::<(K, V), GetFn<K, V>>("get")(map, key)
    }
    fn remove<K: Ord + 'static, V: 'static>(map: &mut Erased, key: &K) -> Option<V> {
        TABLE.get_at::<(K, V), fn(&mut Erased, &K) -> Option<V>>("remove")(map, key)
    }
    fn len<K: Ord + 'static, V: 'static>(map: &Erased) -> usize {
        TABLE.get_at::<(K, V), fn(&Erased) -> usize>("len")(map)
    }
    fn is_empty<K: Ord + 'static, V: 'static>(map: &Erased) -> bool {
        TABLE.get_at::<(K, V), fn(&Erased) -> bool>("is_empty")(map)
    }
    fn first<K: Ord + 'static, V: 'static>(map: &Erased) -> Option<(&K, &V)> {
        TABLE.get_at::<(K, V), EndFn<K, V>>("first")(map)
    }
    fn last<K: Ord + 'static, V: 'static>(map: &Erased) -> Option<(&K, &V)> {
        TABLE.get_at::<(K, V), EndFn<K, V>>("last")(map)
    }
    fn range<K: Ord + 'static, V: 'static>(map: &Erased, range: Range<K>) -> Vec<(&K, &V)> {
        TABLE.get_at::<(K, V), RangeFn<K, V>>("range")(map, range)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: OrderedMap>()
where
    S::Map<u8, u16>: 'static,
    S::Map<u32, &'static str>: 'static,
    S::Map<u64, u64>: 'static,
    S::Map<Counted<u64>, u64>: 'static,
{
    fn at<S: OrderedMap, K: Ord + 'static, V: 'static>(fns: &mut Fns)
    where
        S::Map<K, V>: 'static,
    {
        fns.add_at::<(K, V), fn() -> Erased>("new", || learner::erase(S::new::<K, V>()));
        fns.add_at::<(K, V), fn(&mut Erased, K, V) -> Option<V>>("insert", |map, key, value| {
            S::insert(down_mut::<S::Map<K, V>>(map), key, value)
        });
        fns.add_at::<(K, V), GetFn<K, V>>("get", |map, key| {
            S::get(down::<S::Map<K, V>>(map), key)
        });
        fns.add_at::<(K, V), fn(&mut Erased, &K) -> Option<V>>("remove", |map, key| {
            S::remove(down_mut::<S::Map<K, V>>(map), key)
        });
        fns.add_at::<(K, V), fn(&Erased) -> usize>("len", |map| {
            S::len(down::<S::Map<K, V>>(map))
        });
        fns.add_at::<(K, V), fn(&Erased) -> bool>("is_empty", |map| {
            S::is_empty(down::<S::Map<K, V>>(map))
        });
        fns.add_at::<(K, V), EndFn<K, V>>("first", |map| S::first(down::<S::Map<K, V>>(map)));
        fns.add_at::<(K, V), EndFn<K, V>>("last", |map| S::last(down::<S::Map<K, V>>(map)));
        fns.add_at::<(K, V), RangeFn<K, V>>("range", |map, range| {
            S::range(down::<S::Map<K, V>>(map), range)
        });
    }
    learner::register_source(GROUP.name, S::SOURCE);
    TABLE.fill(|fns| {
        at::<S, u8, u16>(fns);
        at::<S, u32, &'static str>(fns);
        at::<S, u64, u64>(fns);
        at::<S, Counted<u64>, u64>(fns);
    });
}
