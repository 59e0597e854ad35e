//! Kata `lru_cache` (grade 3): a least-recently-used cache with O(1) `get` and `put`.
//!
//! Checks: worked examples (recency, replacement, eviction, capacity 0), random operation
//! sequences against a simple Vec model, and a gate that counts the hashes, comparisons and
//! clones of the keys per operation at two capacities 16× apart: O(1) per operation, not a
//! scan of the recency order; and a gate on how the time of evicting puts grows (a scan of
//! "last used" stamps touches no key, so only time shows it).

use std::hash::Hash;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq};
use crate::counting::{Counted, measure};
use crate::gate::{Class, CpuClock, Gate};
use crate::property::for_all;
use crate::step1::inputs::Lcg;
use crate::step1::learner::{self, Erased, Fns, Learner, Table, down, down_mut};

/// The kata's API, as the suite sees it. The grade macro implements it with
/// `<crate>::lru_cache::LruCache`.
pub trait LruCache {
    type Cache<K: Hash + Eq + Clone, V>;
    fn new<K: Hash + Eq + Clone + 'static, V: 'static>(capacity: usize) -> Self::Cache<K, V>;
    fn get<'a, K: Hash + Eq + Clone + 'static, V: 'static>(cache: &'a mut Self::Cache<K, V>, key: &K)
    -> Option<&'a V>;
    fn put<K: Hash + Eq + Clone + 'static, V: 'static>(
        cache: &mut Self::Cache<K, V>,
        key: K,
        value: V,
    ) -> Option<(K, V)>;
    fn len<K: Hash + Eq + Clone + 'static, V: 'static>(cache: &Self::Cache<K, V>) -> usize;
    fn is_empty<K: Hash + Eq + Clone + 'static, V: 'static>(cache: &Self::Cache<K, V>) -> bool;
    fn capacity<K: Hash + Eq + Clone + 'static, V: 'static>(cache: &Self::Cache<K, V>) -> usize;
}

pub const GROUP: Group = super::GROUPS.lru_cache;

pub fn checks<K: LruCache + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "both get and put make a key the most recently used; when a new key arrives in a \
             full cache, the entry used longest ago leaves and put returns it",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_model",
            "after every get and put, the cache must hold exactly the `capacity` most recently \
             used keys; put of a present key replaces its value and returns (key, old value)",
            |ctx| {
                let ops = vec(op_strategy(), 0..60);
                for_all(ctx, 300, (0usize..5, ops), |(capacity, ops)| {
                    matches_model::<K>(capacity, &ops)
                })
            },
        ),
        GROUP.check(
            "constant_time_gate",
            "keep a HashMap from key to a node of a doubly linked list (indices into a Vec); \
             moving a node to the front or dropping the tail is O(1), searching a \
             Vec/VecDeque of keys for the one to move or evict is O(n)",
            |_| constant_time_gate::<K>(),
        ),
        GROUP.check(
            "eviction_gate",
            "finding the entry to evict must be O(1) too: keep the entries in a doubly linked \
             recency list (indices into a Vec of nodes) and evict its tail; scanning every \
             entry's \"last used\" stamp for the smallest costs O(n) per eviction",
            |_| eviction_gate::<K>(),
        ),
    ]
}

/// One step of a random operation sequence.
#[derive(Debug, Clone)]
enum Op {
    Get(u8),
    Put(u8, u32),
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..7).prop_map(Op::Get),
        (0u8..7, 0u32..100).prop_map(|(k, v)| Op::Put(k, v)),
    ]
}

/// The model: entries from least to most recently used.
struct Model {
    capacity: usize,
    entries: Vec<(u8, u32)>,
}

impl Model {
    fn get(&mut self, key: u8) -> Option<u32> {
        let at = self.entries.iter().position(|(k, _)| *k == key)?;
        let entry = self.entries.remove(at);
        self.entries.push(entry);
        Some(entry.1)
    }

    fn put(&mut self, key: u8, value: u32) -> Option<(u8, u32)> {
        if self.capacity == 0 {
            return Some((key, value));
        }
        if let Some(at) = self.entries.iter().position(|(k, _)| *k == key) {
            let (_, old) = self.entries.remove(at);
            self.entries.push((key, value));
            return Some((key, old));
        }
        let evicted = (self.entries.len() == self.capacity).then(|| self.entries.remove(0));
        self.entries.push((key, value));
        evicted
    }
}

fn matches_model<K: LruCache>(capacity: usize, ops: &[Op]) -> Result<(), Failure> {
    let mut cache = K::new::<u8, u32>(capacity);
    let mut model = Model {
        capacity,
        entries: Vec::new(),
    };
    // The calls so far, so a failure shows how the cache got into its state.
    let mut trail = format!("let mut c = LruCache::new({capacity});");
    for op in ops {
        match *op {
            Op::Get(key) => {
                trail.push_str(&format!(" c.get(&{key});"));
                let expected = model.get(key);
                let got = K::get(&mut cache, &key).copied();
                expect_eq(&trail, expected, got)?;
            }
            Op::Put(key, value) => {
                trail.push_str(&format!(" c.put({key}, {value});"));
                let expected = model.put(key, value);
                let got = K::put(&mut cache, key, value);
                expect_eq(&trail, expected, got)?;
            }
        }
        expect_eq(
            format!("{trail} c.len()"),
            model.entries.len(),
            K::len(&cache),
        )?;
    }
    Ok(())
}

fn examples<K: LruCache>() -> Result<(), Failure> {
    // Capacity 2: the classic sequence.
    let mut c = K::new::<&str, i32>(2);
    let mut trail = String::from("let mut c = LruCache::new(2);");
    expect_eq(query(&trail, "capacity()"), 2, K::capacity(&c))?;
    expect_eq(query(&trail, "len()"), 0, K::len(&c))?;
    expect_eq(query(&trail, "is_empty()"), true, K::is_empty(&c))?;
    expect_eq(call(&mut trail, "get(&\"a\")"), None, K::get(&mut c, &"a"))?;
    expect_eq(
        call(&mut trail, "put(\"a\", 1)"),
        None,
        K::put(&mut c, "a", 1),
    )?;
    expect_eq(
        call(&mut trail, "put(\"b\", 2)"),
        None,
        K::put(&mut c, "b", 2),
    )?;
    expect_eq(query(&trail, "len()"), 2, K::len(&c))?;
    expect_eq(query(&trail, "is_empty()"), false, K::is_empty(&c))?;
    // Reading "a" makes "b" the least recently used: "c" evicts "b", not "a".
    expect_eq(
        call(&mut trail, "get(&\"a\")"),
        Some(&1),
        K::get(&mut c, &"a"),
    )?;
    expect_eq(
        call(&mut trail, "put(\"c\", 3)"),
        Some(("b", 2)),
        K::put(&mut c, "c", 3),
    )?;
    expect_eq(call(&mut trail, "get(&\"b\")"), None, K::get(&mut c, &"b"))?;
    expect_eq(query(&trail, "len()"), 2, K::len(&c))?;
    // Replacing a value returns the old one, evicts nothing and counts as a use.
    expect_eq(
        call(&mut trail, "put(\"a\", 10)"),
        Some(("a", 1)),
        K::put(&mut c, "a", 10),
    )?;
    expect_eq(query(&trail, "len()"), 2, K::len(&c))?;
    expect_eq(
        call(&mut trail, "put(\"d\", 4)"),
        Some(("c", 3)),
        K::put(&mut c, "d", 4),
    )?;
    expect_eq(
        call(&mut trail, "get(&\"a\")"),
        Some(&10),
        K::get(&mut c, &"a"),
    )?;
    expect_eq(
        call(&mut trail, "get(&\"d\")"),
        Some(&4),
        K::get(&mut c, &"d"),
    )?;
    // A miss changes nothing: "a" is still the least recently used.
    expect_eq(
        call(&mut trail, "get(&\"zz\")"),
        None,
        K::get(&mut c, &"zz"),
    )?;
    expect_eq(
        call(&mut trail, "put(\"e\", 5)"),
        Some(("a", 10)),
        K::put(&mut c, "e", 5),
    )?;

    // Capacity 1: every new key evicts the previous one.
    let mut c = K::new::<u32, char>(1);
    let mut trail = String::from("let mut c = LruCache::new(1);");
    expect_eq(
        call(&mut trail, "put(1, 'x')"),
        None,
        K::put(&mut c, 1, 'x'),
    )?;
    expect_eq(
        call(&mut trail, "put(2, 'y')"),
        Some((1, 'x')),
        K::put(&mut c, 2, 'y'),
    )?;
    expect_eq(call(&mut trail, "get(&2)"), Some(&'y'), K::get(&mut c, &2))?;
    expect_eq(query(&trail, "len()"), 1, K::len(&c))?;

    // Capacity 0 stores nothing: put hands the entry straight back.
    let mut c = K::new::<u32, char>(0);
    let mut trail = String::from("let mut c = LruCache::new(0);");
    expect_eq(
        call(&mut trail, "put(1, 'x')"),
        Some((1, 'x')),
        K::put(&mut c, 1, 'x'),
    )?;
    expect_eq(call(&mut trail, "get(&1)"), None, K::get(&mut c, &1))?;
    expect_eq(query(&trail, "len()"), 0, K::len(&c))?;
    expect_eq(query(&trail, "capacity()"), 0, K::capacity(&c))?;
    Ok(())
}

/// The calls so far and then the query `c.<text>`, for a failure message. Queries that
/// change nothing are not kept in the trail.
fn query(trail: &str, text: &str) -> String {
    format!("{trail} c.{text};")
}

/// Appends `c.<text>;` to the calls so far and returns them, for a failure message.
fn call(trail: &mut String, text: &str) -> String {
    trail.push_str(" c.");
    trail.push_str(text);
    trail.push(';');
    trail.clone()
}

/// Measured operations per capacity in the gate.
const GATE_OPS: u64 = 2_048;

/// Hashes + comparisons + clones of the keys per operation, in a full cache of capacity `n`:
/// a deterministic mix of hits, misses, replacements and evicting inserts.
fn key_work_per_op<K: LruCache>(n: usize) -> u64 {
    let mut cache = K::new::<Counted<u64>, u64>(n);
    for key in 0..n as u64 {
        K::put(&mut cache, Counted(key), key);
    }
    let mut next_new = n as u64;
    let mut rng = Lcg::new(0);
    let (counts, _) = measure(|| {
        for i in 0..GATE_OPS {
            // A key among the last 2n inserted: present or recently evicted.
            let key = next_new - 1 - rng.below((2 * n as u64).min(next_new));
            match i % 4 {
                0 | 1 => {
                    std::hint::black_box(K::get(&mut cache, &Counted(key)));
                }
                2 => {
                    std::hint::black_box(K::put(&mut cache, Counted(key), i));
                }
                _ => {
                    std::hint::black_box(K::put(&mut cache, Counted(next_new), i));
                    next_new += 1;
                }
            }
        }
    });
    (counts.hashes + counts.comparisons + counts.clones) / GATE_OPS
}

fn constant_time_gate<K: LruCache>() -> Result<(), Failure> {
    Gate {
        what: "key hashes + comparisons + clones per operation",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 16.0,
        small: 1_000,
        large: 16_000,
    }
    .check(key_work_per_op::<K>)
}

/// The time of `2n` puts of new keys into a cache of capacity `n`: after the first `n`,
/// every put evicts. Finding the entry used longest ago by scanning every entry's "last
/// used" stamp costs O(n) per eviction and touches no key, so no count sees it.
fn eviction_time<K: LruCache>(n: usize) -> Duration {
    let mut cache = K::new::<u64, u64>(n);
    let started = CpuClock::start();
    for key in 0..2 * n as u64 {
        std::hint::black_box(K::put(&mut cache, key, key));
    }
    started.elapsed()
}

fn eviction_gate<K: LruCache>() -> Result<(), Failure> {
    Gate {
        what: "the time of 2n puts, n of them evicting (capacity n)",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 0.0,
        small: 64,
        large: 2_048,
    }
    .check_time_growth(eviction_time::<K>)
}

/// Criterion group `lru_cache`: 10 000 mixed gets and puts (about half hits) on a cache of
/// capacity n, for the learner's code `L` and the reference `R`. std has no LRU cache.
pub fn bench<L: LruCache, R: LruCache>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        let mut cache = L::new::<u64, u64>(2);
        L::put(&mut cache, 1, 1);
        L::get(&mut cache, &1);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let keys: Vec<u64> = (0..10_000u64)
            .map(|i| i.wrapping_mul(2_654_435_761) % (2 * n as u64))
            .collect();
        fn run<C: LruCache>(n: usize, keys: &[u64]) -> u64 {
            let mut cache = C::new::<u64, u64>(n);
            let mut sum = 0u64;
            for (i, &key) in keys.iter().enumerate() {
                match C::get(&mut cache, &key) {
                    Some(&v) => sum = sum.wrapping_add(v),
                    None => {
                        C::put(&mut cache, key, i as u64);
                    }
                }
            }
            sum
        }
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| run::<L>(n, &keys))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| run::<R>(n, &keys))
        });
    }
    group.finish();
}

/// Implements [`LruCache`] for `$subject` with `$krate::lru_cache::LruCache`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_lru_cache {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::lru_cache::LruCache for $subject {
            type Cache<K: ::std::hash::Hash + Eq + Clone, V> = $krate::lru_cache::LruCache<K, V>;
            fn new<K: ::std::hash::Hash + Eq + Clone, V>(capacity: usize) -> Self::Cache<K, V> {
                $krate::lru_cache::LruCache::new(capacity)
            }
            fn get<'a, K: ::std::hash::Hash + Eq + Clone, V>(
                cache: &'a mut Self::Cache<K, V>,
                key: &K,
            ) -> Option<&'a V> {
                cache.get(key)
            }
            fn put<K: ::std::hash::Hash + Eq + Clone, V>(
                cache: &mut Self::Cache<K, V>,
                key: K,
                value: V,
            ) -> Option<(K, V)> {
                cache.put(key, value)
            }
            fn len<K: ::std::hash::Hash + Eq + Clone, V>(cache: &Self::Cache<K, V>) -> usize {
                cache.len()
            }
            fn is_empty<K: ::std::hash::Hash + Eq + Clone, V>(cache: &Self::Cache<K, V>) -> bool {
                cache.is_empty()
            }
            fn capacity<K: ::std::hash::Hash + Eq + Clone, V>(cache: &Self::Cache<K, V>) -> usize {
                cache.capacity()
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

type GetFn<K, V> = for<'a> fn(&'a mut Erased, &K) -> Option<&'a V>;

impl LruCache for Learner {
    type Cache<K: Hash + Eq + Clone, V> = Erased;
    fn new<K: Hash + Eq + Clone + 'static, V: 'static>(capacity: usize) -> Erased {
        TABLE.get_at::<(K, V), fn(usize) -> Erased>("new")(capacity)
    }
    fn get<'a, K: Hash + Eq + Clone + 'static, V: 'static>(
        cache: &'a mut Erased,
        key: &K,
    ) -> Option<&'a V> {
        TABLE.get_at::<(K, V), GetFn<K, V>>("get")(cache, key)
    }
    fn put<K: Hash + Eq + Clone + 'static, V: 'static>(
        cache: &mut Erased,
        key: K,
        value: V,
    ) -> Option<(K, V)> {
        TABLE.get_at::<(K, V), fn(&mut Erased, K, V) -> Option<(K, V)>>("put")(cache, key, value)
    }
    fn len<K: Hash + Eq + Clone + 'static, V: 'static>(cache: &Erased) -> usize {
        TABLE.get_at::<(K, V), fn(&Erased) -> usize>("len")(cache)
    }
    fn is_empty<K: Hash + Eq + Clone + 'static, V: 'static>(cache: &Erased) -> bool {
        TABLE.get_at::<(K, V), fn(&Erased) -> bool>("is_empty")(cache)
    }
    fn capacity<K: Hash + Eq + Clone + 'static, V: 'static>(cache: &Erased) -> usize {
        TABLE.get_at::<(K, V), fn(&Erased) -> usize>("capacity")(cache)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: LruCache>()
where
    S::Cache<u8, u32>: 'static,
    S::Cache<&'static str, i32>: 'static,
    S::Cache<u32, char>: 'static,
    S::Cache<u64, u64>: 'static,
    S::Cache<Counted<u64>, u64>: 'static,
{
    fn at<S: LruCache, K: Hash + Eq + Clone + 'static, V: 'static>(fns: &mut Fns)
    where
        S::Cache<K, V>: 'static,
    {
        fns.add_at::<(K, V), fn(usize) -> Erased>("new", |capacity| {
            learner::erase(S::new::<K, V>(capacity))
        });
        fns.add_at::<(K, V), GetFn<K, V>>("get", |cache, key| {
            S::get(down_mut::<S::Cache<K, V>>(cache), key)
        });
        fns.add_at::<(K, V), fn(&mut Erased, K, V) -> Option<(K, V)>>("put", |cache, key, value| {
            S::put(down_mut::<S::Cache<K, V>>(cache), key, value)
        });
        fns.add_at::<(K, V), fn(&Erased) -> usize>("len", |cache| {
            S::len(down::<S::Cache<K, V>>(cache))
        });
        fns.add_at::<(K, V), fn(&Erased) -> bool>("is_empty", |cache| {
            S::is_empty(down::<S::Cache<K, V>>(cache))
        });
        fns.add_at::<(K, V), fn(&Erased) -> usize>("capacity", |cache| {
            S::capacity(down::<S::Cache<K, V>>(cache))
        });
    }
    TABLE.fill(|fns| {
        at::<S, u8, u32>(fns);
        at::<S, &'static str, i32>(fns);
        at::<S, u32, char>(fns);
        at::<S, u64, u64>(fns);
        at::<S, Counted<u64>, u64>(fns);
    });
}
