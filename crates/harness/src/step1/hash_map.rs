//! Kata `hash_map` (grade 3): a hash map with a pluggable `BuildHasher`.
//!
//! Checks: worked examples, random operation sequences against std's `HashMap` (once with a
//! good hasher, once with a hasher that puts every key into one of 5 hash values, so that
//! collisions and removals in the middle of a probe sequence or chain are exercised), and a
//! gate on the hashes and key comparisons per operation, at two sizes 16× apart, and one on
//! the bytes allocated per entry (a map must not keep dozens of empty buckets per entry).

use std::collections::HashMap;
use std::fmt::Debug;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hash, Hasher, RandomState};

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Context, Failure, Group, expect_eq};
use crate::counting::{Counted, measure};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::learner::{self, Erased, Fns, Learner, Table, down, down_mut};

/// The kata's API, as the suite sees it. The grade macro sets `Map<K, V, S>` to
/// `<crate>::hash_map::HashMap<K, V, S>` and delegates every method to it.
pub trait HashMapKata {
    type Map<K: Hash + Eq, V, S: BuildHasher>;
    fn new<K: Hash + Eq + 'static, V: 'static>() -> Self::Map<K, V, RandomState>;
    fn with_hasher<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(hasher: S) -> Self::Map<K, V, S>;
    fn insert<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        map: &mut Self::Map<K, V, S>,
        key: K,
        value: V,
    ) -> Option<V>;
    fn get<'a, K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        map: &'a Self::Map<K, V, S>,
        key: &K,
    ) -> Option<&'a V>;
    fn get_mut<'a, K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        map: &'a mut Self::Map<K, V, S>,
        key: &K,
    ) -> Option<&'a mut V>;
    fn remove<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(map: &mut Self::Map<K, V, S>, key: &K) -> Option<V>;
    fn len<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(map: &Self::Map<K, V, S>) -> usize;
    fn is_empty<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(map: &Self::Map<K, V, S>) -> bool;
}

pub const GROUP: Group = super::GROUPS.hash_map;

/// A deterministic hasher (SipHash with fixed keys): the same counts on every run.
type Fixed = BuildHasherDefault<DefaultHasher>;

/// A terrible hasher: every key lands on one of 5 hash values (spread over all 64 bits, so
/// maps that use the high bits collide as much as maps that use the low ones).
#[derive(Debug, Clone, Copy, Default)]
pub struct FiveValues;

/// The [`Hasher`] of [`FiveValues`].
#[derive(Debug, Default)]
pub struct FiveValuesHasher(u64);

impl Hasher for FiveValuesHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.wrapping_mul(31).wrapping_add(u64::from(byte));
        }
    }
    fn finish(&self) -> u64 {
        (self.0 % 5).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

impl BuildHasher for FiveValues {
    type Hasher = FiveValuesHasher;
    fn build_hasher(&self) -> FiveValuesHasher {
        FiveValuesHasher::default()
    }
}

pub fn checks<K: HashMapKata + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "insert returns the value it replaced (None for a new key); get/get_mut/remove \
             return None for a missing key; remove takes the entry out so len drops by one",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_std",
            "hash the key, pick the bucket with hash % buckets.len(), and compare keys with == \
             in that bucket only; when len passes 3/4 of the buckets, double them and move \
             every entry to its new bucket",
            |ctx| matches_std::<K, Fixed>(ctx, 200, Fixed::default()),
        ),
        GROUP.check(
            "collisions",
            "keys with equal hashes must all be kept apart by ==. With open addressing, \
             removing an entry must not cut the probe sequence of the keys after it: shift \
             them back or leave a tombstone",
            |ctx| matches_std::<K, FiveValues>(ctx, 200, FiveValues),
        ),
        GROUP.check(
            "memory_gate",
            "grow when the load passes a fixed fraction (3/4 or 7/8 with open addressing, about \
             1 entry per bucket with chaining), and double: a map that keeps dozens of empty \
             buckets per entry wastes memory and cache for nothing",
            |_| memory_gate::<K>(),
        ),
        GROUP.check(
            "operation_gate",
            "a lookup must look in one bucket, not the whole map: find the bucket from the \
             hash, and grow (double the buckets) as the map fills so buckets stay short",
            |_| operation_gate::<K>(),
        ),
    ]
}

fn examples<K: HashMapKata>() -> Result<(), Failure> {
    let mut map = K::new::<String, u32>();
    let s = |text: &str| text.to_string();
    expect_eq("new(); len()", 0, K::len(&map))?;
    expect_eq("new(); is_empty()", true, K::is_empty(&map))?;
    expect_eq("new(); get(\"alice\")", None, K::get(&map, &s("alice")))?;
    expect_eq(
        "new(); insert(\"alice\", 1)",
        None,
        K::insert(&mut map, s("alice"), 1),
    )?;
    expect_eq(
        "new(); insert(\"alice\", 1); insert(\"bob\", 2)",
        None,
        K::insert(&mut map, s("bob"), 2),
    )?;
    let script = "new(); insert(\"alice\", 1); insert(\"bob\", 2)";
    expect_eq(
        format!("{script}; get(\"alice\")"),
        Some(&1),
        K::get(&map, &s("alice")),
    )?;
    expect_eq(
        format!("{script}; get(\"bob\")"),
        Some(&2),
        K::get(&map, &s("bob")),
    )?;
    expect_eq(
        format!("{script}; get(\"carol\")"),
        None,
        K::get(&map, &s("carol")),
    )?;
    expect_eq(format!("{script}; len()"), 2, K::len(&map))?;
    expect_eq(format!("{script}; is_empty()"), false, K::is_empty(&map))?;
    expect_eq(
        format!("{script}; insert(\"alice\", 10)   (replaces: the old value comes back)"),
        Some(1),
        K::insert(&mut map, s("alice"), 10),
    )?;
    let script = format!("{script}; insert(\"alice\", 10)");
    expect_eq(format!("{script}; len()"), 2, K::len(&map))?;
    expect_eq(
        format!("{script}; get(\"alice\")"),
        Some(&10),
        K::get(&map, &s("alice")),
    )?;
    match K::get_mut(&mut map, &s("bob")) {
        Some(value) => *value += 5,
        None => {
            return Err(Failure::new(format!(
                "called:   {script}; get_mut(\"bob\")\nexpected: Some(&mut 2)\ngot:      None"
            )));
        }
    }
    let script = format!("{script}; *get_mut(\"bob\") += 5");
    expect_eq(
        format!("{script}; get(\"bob\")"),
        Some(&7),
        K::get(&map, &s("bob")),
    )?;
    expect_eq(
        format!("{script}; get_mut(\"carol\")"),
        None,
        K::get_mut(&mut map, &s("carol")).map(|v| *v),
    )?;
    expect_eq(
        format!("{script}; remove(\"alice\")"),
        Some(10),
        K::remove(&mut map, &s("alice")),
    )?;
    let script = format!("{script}; remove(\"alice\")");
    expect_eq(format!("{script}; len()"), 1, K::len(&map))?;
    expect_eq(
        format!("{script}; get(\"alice\")"),
        None,
        K::get(&map, &s("alice")),
    )?;
    expect_eq(
        format!("{script}; remove(\"alice\")"),
        None,
        K::remove(&mut map, &s("alice")),
    )?;
    expect_eq(
        format!("{script}; get(\"bob\")"),
        Some(&7),
        K::get(&map, &s("bob")),
    )?;
    expect_eq(
        format!("{script}; remove(\"bob\")"),
        Some(7),
        K::remove(&mut map, &s("bob")),
    )?;
    expect_eq(
        format!("{script}; remove(\"bob\"); is_empty()"),
        true,
        K::is_empty(&map),
    )?;

    // Growth: many keys in, all found, with the hasher the caller chose.
    let mut big = K::with_hasher::<u32, u32, Fixed>(Fixed::default());
    for key in 0..2_000u32 {
        expect_eq(
            format!(
                "with_hasher(..); insert(k, k * 2) for k in 0..{key}; insert({key}, {})",
                key * 2
            ),
            None,
            K::insert(&mut big, key, key * 2),
        )?;
    }
    expect_eq(
        "insert(k, k * 2) for k in 0..2000; len()",
        2_000,
        K::len(&big),
    )?;
    for key in 0..2_100u32 {
        let expected = (key < 2_000).then_some(key * 2);
        expect_eq(
            format!("insert(k, k * 2) for k in 0..2000; get({key})"),
            expected.as_ref(),
            K::get(&big, &key),
        )?;
    }
    for key in (0..2_000u32).step_by(2) {
        expect_eq(
            format!("insert(k, k * 2) for k in 0..2000; remove every even k; remove({key})"),
            Some(key * 2),
            K::remove(&mut big, &key),
        )?;
    }
    for key in 0..2_000u32 {
        let expected = (key % 2 == 1).then_some(key * 2);
        expect_eq(
            format!("insert(k, k * 2) for k in 0..2000; remove every even k; get({key})"),
            expected.as_ref(),
            K::get(&big, &key),
        )?;
    }
    expect_eq(
        "insert(k, k * 2) for k in 0..2000; remove every even k; len()",
        1_000,
        K::len(&big),
    )
}

#[derive(Debug, Clone)]
enum Op {
    Insert(u8, u16),
    Get(u8),
    GetMut(u8),
    Remove(u8),
}

fn op() -> impl Strategy<Value = Op> {
    // Keys from a small range: many replacements, removals of present keys, lookups of
    // removed ones.
    let key = 0u8..48;
    prop_oneof![
        4 => (key.clone(), any::<u16>()).prop_map(|(k, v)| Op::Insert(k, v)),
        2 => key.clone().prop_map(Op::Get),
        1 => key.clone().prop_map(Op::GetMut),
        2 => key.prop_map(Op::Remove),
    ]
}

fn matches_std<K: HashMapKata, S: BuildHasher + Clone + Debug + 'static>(
    ctx: &Context,
    cases: u32,
    hasher: S,
) -> Result<(), Failure> {
    for_all(ctx, cases, vec(op(), 0..160), |ops| {
        let mut map = K::with_hasher::<u8, u16, S>(hasher.clone());
        let mut model: HashMap<u8, u16> = HashMap::new();
        let mut script = format!("with_hasher({hasher:?})");
        for op in ops {
            match op {
                Op::Insert(key, value) => {
                    script.push_str(&format!("; insert({key}, {value})"));
                    expect_eq(
                        &script,
                        model.insert(key, value),
                        K::insert(&mut map, key, value),
                    )?;
                }
                Op::Get(key) => {
                    script.push_str(&format!("; get({key})"));
                    expect_eq(&script, model.get(&key), K::get(&map, &key))?;
                }
                Op::GetMut(key) => {
                    script.push_str(&format!("; *get_mut({key}) += 1"));
                    let expected = model.get_mut(&key).map(|v| {
                        *v = v.wrapping_add(1);
                        *v
                    });
                    let got = K::get_mut(&mut map, &key).map(|v| {
                        *v = v.wrapping_add(1);
                        *v
                    });
                    expect_eq(&script, expected, got)?;
                }
                Op::Remove(key) => {
                    script.push_str(&format!("; remove({key})"));
                    expect_eq(&script, model.remove(&key), K::remove(&mut map, &key))?;
                }
            }
            expect_eq(format!("{script}; len()"), model.len(), K::len(&map))?;
        }
        // Every key, present or not, at the end.
        for key in 0u8..48 {
            expect_eq(
                format!("{script}; get({key})"),
                model.get(&key),
                K::get(&map, &key),
            )?;
        }
        Ok(())
    })
}

const OPS: usize = 256;

/// Hashes plus key comparisons per operation: `n` inserts into an empty map (growth
/// included), then 256 each of hits, misses, `get_mut`, removes and re-inserts.
fn work_per_op<K: HashMapKata>(n: usize) -> u64 {
    let key = |i: usize| Counted((i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let absent = |i: usize| Counted((i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) & !1);
    let picks: Vec<usize> = (0..OPS).map(|i| i * n / OPS).collect();
    let keys: Vec<Counted<u64>> = (0..n).map(key).collect();
    let probes: Vec<Counted<u64>> = picks.iter().map(|&i| key(i)).collect();
    let misses: Vec<Counted<u64>> = (0..OPS).map(absent).collect();
    let again: Vec<Counted<u64>> = picks.iter().map(|&i| key(i)).collect();
    let (counts, map) = measure(|| {
        let mut map = K::with_hasher::<Counted<u64>, u64, Fixed>(Fixed::default());
        for (i, k) in keys.into_iter().enumerate() {
            K::insert(&mut map, k, i as u64);
        }
        for k in &probes {
            std::hint::black_box(K::get(&map, k));
        }
        for k in &misses {
            std::hint::black_box(K::get(&map, k));
        }
        for k in &probes {
            if let Some(v) = K::get_mut(&mut map, k) {
                *v += 1;
            }
        }
        for k in &probes {
            std::hint::black_box(K::remove(&mut map, k));
        }
        for k in again {
            K::insert(&mut map, k, 0);
        }
        map
    });
    drop(map);
    (counts.hashes + counts.comparisons) / (n + 5 * OPS) as u64
}

fn operation_gate<K: HashMapKata>() -> Result<(), Failure> {
    Gate {
        what: "hashes + key comparisons per operation",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 16.0,
        small: 256,
        large: 4_096,
    }
    .check(work_per_op::<K>)
}

/// Bytes allocated per entry while `n` u64 → u64 entries are inserted (growth included).
fn bytes_per_entry<K: HashMapKata>(n: usize) -> u64 {
    let mut map = K::with_hasher::<u64, u64, Fixed>(Fixed::default());
    let (counts, _) = measure(|| {
        for key in 0..n as u64 {
            K::insert(&mut map, key.wrapping_mul(0x9E37_79B9_7F4A_7C15), key);
        }
    });
    std::hint::black_box(&map);
    counts.allocated_bytes / n as u64
}

fn memory_gate<K: HashMapKata>() -> Result<(), Failure> {
    Gate {
        what: "bytes allocated per entry (16-byte entries, growth included)",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 1_024.0,
        small: 256,
        large: 4_096,
    }
    .check(bytes_per_entry::<K>)
}

/// Criterion group `hash_map`: n inserts of u64 keys, n lookups (half of them misses) and
/// n/2 removes, every map with std's `RandomState` (SipHash): the learner's map, the
/// reference and std's `HashMap`.
pub fn bench<L: HashMapKata, R: HashMapKata>(c: &mut Criterion) {
    fn run<K: HashMapKata>(keys: &[u64], misses: &[u64]) -> u64 {
        let mut map = K::with_hasher::<u64, u64, RandomState>(RandomState::new());
        for (i, &k) in keys.iter().enumerate() {
            K::insert(&mut map, k, i as u64);
        }
        let mut sum = 0u64;
        for (hit, miss) in keys.iter().zip(misses).step_by(2) {
            sum = sum.wrapping_add(*K::get(&map, hit).unwrap_or(&0));
            sum = sum.wrapping_add(*K::get(&map, miss).unwrap_or(&0));
        }
        for k in keys.iter().step_by(2) {
            sum = sum.wrapping_add(K::remove(&mut map, k).unwrap_or(0));
        }
        sum
    }
    fn run_std(keys: &[u64], misses: &[u64]) -> u64 {
        let mut map = HashMap::with_hasher(RandomState::new());
        for (i, &k) in keys.iter().enumerate() {
            map.insert(k, i as u64);
        }
        let mut sum = 0u64;
        for (hit, miss) in keys.iter().zip(misses).step_by(2) {
            sum = sum.wrapping_add(*map.get(hit).unwrap_or(&0));
            sum = sum.wrapping_add(*map.get(miss).unwrap_or(&0));
        }
        for k in keys.iter().step_by(2) {
            sum = sum.wrapping_add(map.remove(k).unwrap_or(0));
        }
        sum
    }

    let learner_runs = crate::bench::runs(|| {
        let mut map = L::new::<u64, u64>();
        L::insert(&mut map, 1, 1);
        L::get(&map, &1);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let keys: Vec<u64> = (0..n as u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
            .collect();
        let misses: Vec<u64> = (0..n as u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) & !1)
            .collect();
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| run::<L>(&keys, &misses))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| run::<R>(&keys, &misses))
        });
        group.bench_function(BenchmarkId::new("std", n), |b| {
            b.iter(|| run_std(&keys, &misses))
        });
    }
    group.finish();
}

/// Implements [`HashMapKata`] for `$subject` with `$krate::hash_map::HashMap<K, V, S>`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_hash_map {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::hash_map::HashMapKata for $subject {
            type Map<K: std::hash::Hash + Eq, V, S: std::hash::BuildHasher> =
                $krate::hash_map::HashMap<K, V, S>;
            fn new<K: std::hash::Hash + Eq, V>() -> Self::Map<K, V, std::hash::RandomState> {
                $krate::hash_map::HashMap::new()
            }
            fn with_hasher<K: std::hash::Hash + Eq, V, S: std::hash::BuildHasher>(
                hasher: S,
            ) -> Self::Map<K, V, S> {
                $krate::hash_map::HashMap::with_hasher(hasher)
            }
            fn insert<K: std::hash::Hash + Eq, V, S: std::hash::BuildHasher>(
                map: &mut Self::Map<K, V, S>,
                key: K,
                value: V,
            ) -> Option<V> {
                map.insert(key, value)
            }
            fn get<'a, K: std::hash::Hash + Eq, V, S: std::hash::BuildHasher>(
                map: &'a Self::Map<K, V, S>,
                key: &K,
            ) -> Option<&'a V> {
                map.get(key)
            }
            fn get_mut<'a, K: std::hash::Hash + Eq, V, S: std::hash::BuildHasher>(
                map: &'a mut Self::Map<K, V, S>,
                key: &K,
            ) -> Option<&'a mut V> {
                map.get_mut(key)
            }
            fn remove<K: std::hash::Hash + Eq, V, S: std::hash::BuildHasher>(
                map: &mut Self::Map<K, V, S>,
                key: &K,
            ) -> Option<V> {
                map.remove(key)
            }
            fn len<K: std::hash::Hash + Eq, V, S: std::hash::BuildHasher>(
                map: &Self::Map<K, V, S>,
            ) -> usize {
                map.len()
            }
            fn is_empty<K: std::hash::Hash + Eq, V, S: std::hash::BuildHasher>(
                map: &Self::Map<K, V, S>,
            ) -> bool {
                map.is_empty()
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

type GetFn<K, V> = for<'a> fn(&'a Erased, &K) -> Option<&'a V>;
type GetMutFn<K, V> = for<'a> fn(&'a mut Erased, &K) -> Option<&'a mut V>;

impl HashMapKata for Learner {
    type Map<K: Hash + Eq, V, S: BuildHasher> = Erased;
    fn new<K: Hash + Eq + 'static, V: 'static>() -> Erased {
        TABLE.get_at::<(K, V, RandomState), fn() -> Erased>("new")()
    }
    fn with_hasher<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        hasher: S,
    ) -> Erased {
        TABLE.get_at::<(K, V, S), fn(S) -> Erased>("with_hasher")(hasher)
    }
    fn insert<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        map: &mut Erased,
        key: K,
        value: V,
    ) -> Option<V> {
        TABLE.get_at::<(K, V, S), fn(&mut Erased, K, V) -> Option<V>>("insert")(map, key, value)
    }
    fn get<'a, K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        map: &'a Erased,
        key: &K,
    ) -> Option<&'a V> {
        TABLE.get_at::<(K, V, S), GetFn<K, V>>("get")(map, key)
    }
    fn get_mut<'a, K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        map: &'a mut Erased,
        key: &K,
    ) -> Option<&'a mut V> {
        TABLE.get_at::<(K, V, S), GetMutFn<K, V>>("get_mut")(map, key)
    }
    fn remove<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        map: &mut Erased,
        key: &K,
    ) -> Option<V> {
        TABLE.get_at::<(K, V, S), fn(&mut Erased, &K) -> Option<V>>("remove")(map, key)
    }
    fn len<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(map: &Erased) -> usize {
        TABLE.get_at::<(K, V, S), fn(&Erased) -> usize>("len")(map)
    }
    fn is_empty<K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        map: &Erased,
    ) -> bool {
        TABLE.get_at::<(K, V, S), fn(&Erased) -> bool>("is_empty")(map)
    }
}

/// Registers `M`'s functions for [`Learner`], at the types the checks use.
pub fn register<M: HashMapKata>()
where
    M::Map<String, u32, RandomState>: 'static,
    M::Map<u64, u64, RandomState>: 'static,
    M::Map<u8, u16, Fixed>: 'static,
    M::Map<u8, u16, FiveValues>: 'static,
    M::Map<u32, u32, Fixed>: 'static,
    M::Map<u64, u64, Fixed>: 'static,
    M::Map<Counted<u64>, u64, Fixed>: 'static,
{
    fn at<M: HashMapKata, K: Hash + Eq + 'static, V: 'static, S: BuildHasher + 'static>(
        fns: &mut Fns,
    ) where
        M::Map<K, V, S>: 'static,
    {
        fns.add_at::<(K, V, S), fn(S) -> Erased>("with_hasher", |hasher| {
            learner::erase(M::with_hasher::<K, V, S>(hasher))
        });
        fns.add_at::<(K, V, S), fn(&mut Erased, K, V) -> Option<V>>("insert", |map, key, value| {
            M::insert(down_mut::<M::Map<K, V, S>>(map), key, value)
        });
        fns.add_at::<(K, V, S), GetFn<K, V>>("get", |map, key| {
            M::get(down::<M::Map<K, V, S>>(map), key)
        });
        fns.add_at::<(K, V, S), GetMutFn<K, V>>("get_mut", |map, key| {
            M::get_mut(down_mut::<M::Map<K, V, S>>(map), key)
        });
        fns.add_at::<(K, V, S), fn(&mut Erased, &K) -> Option<V>>("remove", |map, key| {
            M::remove(down_mut::<M::Map<K, V, S>>(map), key)
        });
        fns.add_at::<(K, V, S), fn(&Erased) -> usize>("len", |map| {
            M::len(down::<M::Map<K, V, S>>(map))
        });
        fns.add_at::<(K, V, S), fn(&Erased) -> bool>("is_empty", |map| {
            M::is_empty(down::<M::Map<K, V, S>>(map))
        });
    }
    fn with_new<M: HashMapKata, K: Hash + Eq + 'static, V: 'static>(fns: &mut Fns)
    where
        M::Map<K, V, RandomState>: 'static,
    {
        fns.add_at::<(K, V, RandomState), fn() -> Erased>("new", || {
            learner::erase(M::new::<K, V>())
        });
        at::<M, K, V, RandomState>(fns);
    }
    TABLE.fill(|fns| {
        with_new::<M, String, u32>(fns);
        with_new::<M, u64, u64>(fns);
        at::<M, u8, u16, Fixed>(fns);
        at::<M, u8, u16, FiveValues>(fns);
        at::<M, u32, u32, Fixed>(fns);
        at::<M, u64, u64, Fixed>(fns);
        at::<M, Counted<u64>, u64, Fixed>(fns);
    });
}
