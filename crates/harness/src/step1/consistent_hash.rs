//! Kata `consistent_hash` (grade 5): a hash ring with virtual nodes.
//!
//! Checks: worked examples (empty ring, one node, duplicates, unknown nodes, wrap-around),
//! random add/remove sequences (every key maps to a live node, and the mapping depends only
//! on the set of nodes, not on the order they came in), minimal movement when a node joins
//! or leaves (on a fixed key set: deterministic), balance across nodes with enough virtual
//! nodes, the two rules about points (a key hashed exactly onto a point belongs to it; two
//! nodes that hash alike, and removing one keeps the other's points), a gate on how the time
//! of `node_for` grows with the ring (O(log n), not a walk over every point), and a gate on
//! the work of `add_node`/`remove_node`: the hashes and comparisons of node values, counted
//! through `Counted` nodes, must not grow with the ring (no rebuild, no scan of every point).

use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq};
use crate::counting::{Counted, measure};
use crate::gate::{Class, CpuClock, Gate};
use crate::property::for_all;
use crate::step1::learner::{self, Erased, Fns, Learner, Table, down, down_mut};

/// The kata's API, as the suite sees it. The grade macro implements it with
/// `<crate>::consistent_hash::HashRing<N>`.
pub trait ConsistentHash {
    type Ring<N: Hash + Eq + Clone>;
    fn new<N: Hash + Eq + Clone + 'static>(vnodes: usize) -> Self::Ring<N>;
    fn add_node<N: Hash + Eq + Clone + 'static>(ring: &mut Self::Ring<N>, node: N) -> bool;
    fn remove_node<N: Hash + Eq + Clone + 'static>(ring: &mut Self::Ring<N>, node: &N) -> bool;
    fn node_for<'a, N: Hash + Eq + Clone + 'static, K: Hash + ?Sized + 'static>(
        ring: &'a Self::Ring<N>,
        key: &K,
    ) -> Option<&'a N>;
    fn len<N: Hash + Eq + Clone + 'static>(ring: &Self::Ring<N>) -> usize;
    /// The grade macro delegates it; fixtures may keep this default.
    fn is_empty<N: Hash + Eq + Clone + 'static>(ring: &Self::Ring<N>) -> bool {
        Self::len(ring) == 0
    }
}

pub const GROUP: Group = super::GROUPS.consistent_hash;

pub fn checks<K: ConsistentHash + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "keep the points in a BTreeMap<u64, N>; a key goes to the first point at or after \
             its hash, and past the last point it wraps around to the first one",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "maps_to_live_nodes",
            "a node's points must depend only on the node (hash (node, i) for i in \
             0..vnodes), and removing a node must remove exactly its points",
            |ctx| {
                let op = (any::<bool>(), 0u8..10);
                for_all(ctx, 120, (1usize..12, vec(op, 1..30)), |(vnodes, ops)| {
                    maps_to_live_nodes::<K>(vnodes, &ops)
                })
            },
        ),
        GROUP.check(
            "minimal_movement",
            "place keys by position on the ring, never by `hash % number_of_nodes`: when a \
             node joins, only the keys it takes over may move",
            |_| minimal_movement::<K>(),
        ),
        GROUP.check(
            "balance",
            "spread each node's virtual points with independent hashes (hash of (node, i)), \
             not hash(node) + i: neighbouring points act like a single point",
            |_| balance::<K>(),
        ),
        GROUP.check(
            "points_and_collisions",
            "a key whose hash IS a point belongs to that point's node (range(h..), at or \
             after, not strictly after); and when two nodes hash alike, remove a point only \
             if it belongs to the node being removed",
            |_| points_and_collisions::<K>(),
        ),
        GROUP.check(
            "lookup_gate",
            "node_for runs on every request: find the first point at or after the key's hash \
             with BTreeMap::range(h..).next() (or partition_point on a sorted Vec), O(log n), \
             not a walk over every point",
            |_| lookup_gate::<K>(),
        ),
        GROUP.check(
            "hash_gate",
            "add_node and remove_node should touch only the node's own vnodes points: keep a \
             HashSet of nodes for membership, recompute the node's points to remove them, \
             and never rebuild or scan the whole ring",
            |_| hash_gate::<K>(),
        ),
    ]
}

fn keys(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("key-{i}")).collect()
}

fn owners<K: ConsistentHash>(ring: &K::Ring<String>, keys: &[String]) -> Vec<Option<String>> {
    keys.iter()
        .map(|key| K::node_for(ring, key.as_str()).cloned())
        .collect()
}

fn examples<K: ConsistentHash>() -> Result<(), Failure> {
    let probe = keys(100);
    let mut ring = K::new::<String>(10);
    expect_eq(
        "HashRing::new(10).node_for(\"key-0\")",
        None,
        K::node_for(&ring, "key-0"),
    )?;
    expect_eq("HashRing::new(10).len()", 0, K::len(&ring))?;
    expect_eq("HashRing::new(10).is_empty()", true, K::is_empty(&ring))?;
    expect_eq(
        "ring.add_node(\"alpha\") on an empty ring",
        true,
        K::add_node(&mut ring, "alpha".to_string()),
    )?;
    expect_eq(
        "ring.add_node(\"alpha\") a second time",
        false,
        K::add_node(&mut ring, "alpha".to_string()),
    )?;
    expect_eq("ring.len() with alpha only", 1, K::len(&ring))?;
    expect_eq("ring.is_empty() with alpha only", false, K::is_empty(&ring))?;
    for key in &probe {
        expect_eq(
            format!("with alpha only: node_for({key:?})"),
            Some(&"alpha".to_string()),
            K::node_for(&ring, key.as_str()),
        )?;
    }
    expect_eq(
        "ring.remove_node(\"beta\") (never added)",
        false,
        K::remove_node(&mut ring, &"beta".to_string()),
    )?;
    expect_eq(
        "ring.remove_node(\"alpha\")",
        true,
        K::remove_node(&mut ring, &"alpha".to_string()),
    )?;
    expect_eq(
        "ring.remove_node(\"alpha\") a second time",
        false,
        K::remove_node(&mut ring, &"alpha".to_string()),
    )?;
    expect_eq(
        "node_for(\"key-0\") after removing the only node",
        None,
        K::node_for(&ring, "key-0"),
    )?;
    expect_eq("ring.len() after removing the only node", 0, K::len(&ring))?;

    // One node with one point: half of the keys hash past it and must wrap around.
    for vnodes in [1, 0] {
        let mut ring = K::new::<String>(vnodes);
        K::add_node(&mut ring, "solo".to_string());
        for key in &probe {
            expect_eq(
                format!("HashRing::new({vnodes}) with node \"solo\": node_for({key:?})"),
                Some(&"solo".to_string()),
                K::node_for(&ring, key.as_str()),
            )?;
        }
    }

    // Two nodes share the keys; removing and re-adding a node restores the same mapping.
    let mut ring = K::new::<String>(100);
    for node in ["a", "b", "c"] {
        K::add_node(&mut ring, node.to_string());
    }
    let before = owners::<K>(&ring, &probe);
    for node in ["a", "b", "c"] {
        if !before.contains(&Some(node.to_string())) {
            return Err(Failure::new(format!(
                "with nodes a, b, c and 100 vnodes each, none of the keys key-0..key-99 went \
                 to {node:?}: spread the points around the whole ring"
            )));
        }
    }
    K::remove_node(&mut ring, &"b".to_string());
    K::add_node(&mut ring, "b".to_string());
    expect_eq(
        "owners of key-0..key-99 with nodes a, b, c, after remove_node(b) and add_node(b) (they \
         should be as before)",
        before,
        owners::<K>(&ring, &probe),
    )?;
    Ok(())
}

fn maps_to_live_nodes<K: ConsistentHash>(vnodes: usize, ops: &[(bool, u8)]) -> Result<(), Failure> {
    let probe = keys(40);
    let mut ring = K::new::<String>(vnodes);
    let mut model = BTreeSet::new();
    let mut calls = format!("let mut ring = HashRing::new({vnodes});");
    for &(add, id) in ops {
        let node = format!("n{id}");
        let got = if add {
            calls.push_str(&format!("\nring.add_node({node:?})"));
            let expected = model.insert(node.clone());
            (expected, K::add_node(&mut ring, node))
        } else {
            calls.push_str(&format!("\nring.remove_node({node:?})"));
            let expected = model.remove(&node);
            (expected, K::remove_node(&mut ring, &node))
        };
        expect_eq(&calls, got.0, got.1)?;
        expect_eq(format!("{calls}\nring.len()"), model.len(), K::len(&ring))?;
        for key in &probe {
            let owner = K::node_for(&ring, key.as_str());
            let live = match owner {
                None => model.is_empty(),
                Some(node) => model.contains(node),
            };
            if !live {
                return Err(Failure::new(format!(
                    "{calls}\nring.node_for({key:?})\ngot:      {owner:?}\nexpected: one of the \
                     nodes in the ring, {model:?}{}",
                    if model.is_empty() {
                        " (None for an empty ring)"
                    } else {
                        ""
                    }
                )));
            }
        }
    }
    // The same nodes added in sorted order must give the same owners.
    let mut fresh = K::new::<String>(vnodes);
    for node in &model {
        K::add_node(&mut fresh, node.clone());
    }
    expect_eq(
        format!(
            "{calls}\nowners of key-0..key-39, compared with a new ring that got the same nodes \
             {model:?} in sorted order (the mapping must depend only on the set of nodes)"
        ),
        owners::<K>(&fresh, &probe),
        owners::<K>(&ring, &probe),
    )
}

fn minimal_movement<K: ConsistentHash>() -> Result<(), Failure> {
    let keys = keys(10_000);
    let mut ring = K::new::<String>(100);
    let n = 8;
    for i in 0..n {
        K::add_node(&mut ring, format!("node-{i}"));
    }
    let before = owners::<K>(&ring, &keys);
    let newcomer = format!("node-{n}");
    K::add_node(&mut ring, newcomer.clone());
    let after = owners::<K>(&ring, &keys);
    let mut moved = 0usize;
    for ((key, old), new) in keys.iter().zip(&before).zip(&after) {
        if old != new {
            if new.as_ref() != Some(&newcomer) {
                return Err(Failure::new(format!(
                    "{key:?} moved from {old:?} to {new:?} when {newcomer:?} joined a ring of \
                     {n} nodes (100 vnodes each): only keys that move TO the new node may move"
                )));
            }
            moved += 1;
        }
    }
    let (fraction, fair) = (moved as f64 / keys.len() as f64, 1.0 / (n + 1) as f64);
    if !(fair / 3.0..=2.0 * fair).contains(&fraction) {
        return Err(Failure::new(format!(
            "when {newcomer:?} joined a ring of {n} nodes (100 vnodes each), {moved} of {} keys \
             moved to it: {:.1}% (a fair share is 1/{} = {:.1}%; allowed {:.1}%..{:.1}%)",
            keys.len(),
            fraction * 100.0,
            n + 1,
            fair * 100.0,
            fair * 100.0 / 3.0,
            fair * 200.0
        )));
    }
    let leaver = "node-3".to_string();
    K::remove_node(&mut ring, &leaver);
    let gone = owners::<K>(&ring, &keys);
    for ((key, old), new) in keys.iter().zip(&after).zip(&gone) {
        if old.as_ref() != Some(&leaver) && old != new {
            return Err(Failure::new(format!(
                "{key:?} moved from {old:?} to {new:?} when {leaver:?} left: only the keys of \
                 the node that left may move"
            )));
        }
    }
    Ok(())
}

fn balance<K: ConsistentHash>() -> Result<(), Failure> {
    let (nodes, vnodes) = (10usize, 200usize);
    let keys = keys(20_000);
    let mut ring = K::new::<String>(vnodes);
    for i in 0..nodes {
        K::add_node(&mut ring, format!("server-{i}"));
    }
    let mut load: HashMap<String, usize> = (0..nodes).map(|i| (format!("server-{i}"), 0)).collect();
    for owner in owners::<K>(&ring, &keys).into_iter().flatten() {
        *load.entry(owner).or_default() += 1;
    }
    let mean = keys.len() as f64 / nodes as f64;
    let mut sorted: Vec<(String, usize)> = load.into_iter().collect();
    sorted.sort();
    for (node, count) in &sorted {
        let share = *count as f64 / mean;
        if !(0.6..=1.5).contains(&share) {
            return Err(Failure::new(format!(
                "unbalanced: with {nodes} nodes of {vnodes} vnodes each, {node:?} owns {count} \
                 of {} keys, {share:.2}× a fair share (allowed 0.60×..1.50×)\nloads: {sorted:?}",
                keys.len()
            )));
        }
    }
    Ok(())
}

/// A node that hashes by its `id` only: two nodes with the same id and different tags are
/// different nodes whose points all collide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    id: u32,
    tag: u8,
}

impl Hash for Alias {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

fn points_and_collisions<K: ConsistentHash>() -> Result<(), Failure> {
    // A key hashed exactly onto a point: the key (node, i) hashes like the point itself.
    let mut ring = K::new::<String>(10);
    for node in ["a", "b", "c"] {
        K::add_node(&mut ring, node.to_string());
    }
    for node in ["a", "b", "c"] {
        for i in 0..10u64 {
            let key = (node.to_string(), i);
            expect_eq(
                format!(
                    "with nodes a, b, c and 10 vnodes: node_for(&({node:?}, {i}u64)), a key \
                     whose hash is exactly point {i} of {node:?} (the hash of ({node:?}, {i}u64))"
                ),
                Some(&node.to_string()),
                K::node_for(&ring, &key),
            )?;
        }
    }
    // Two nodes whose points all collide: removing one must leave the other's points.
    let (first, twin) = (Alias { id: 7, tag: 0 }, Alias { id: 7, tag: 1 });
    let mut ring = K::new::<Alias>(10);
    let trail = "let mut ring = HashRing::new(10); ring.add_node(first); ring.add_node(twin); \
                 (first and twin are different nodes that hash alike: every point collides)";
    K::add_node(&mut ring, first.clone());
    expect_eq(
        format!("{trail} -> add_node(twin)"),
        true,
        K::add_node(&mut ring, twin.clone()),
    )?;
    expect_eq(
        format!("{trail} ring.remove_node(&twin)"),
        true,
        K::remove_node(&mut ring, &twin),
    )?;
    for key in keys(50) {
        expect_eq(
            format!(
                "{trail} ring.remove_node(&twin); ring.node_for({key:?}) (the points were \
                 first's: removing twin must not remove them)"
            ),
            Some(&first),
            K::node_for(&ring, key.as_str()),
        )?;
    }
    Ok(())
}

/// The time of 500 lookups on a ring of `n` nodes with 100 vnodes each.
fn lookup_time<K: ConsistentHash>(n: usize) -> Duration {
    let mut ring = K::new::<u64>(100);
    for node in 0..n as u64 {
        K::add_node(&mut ring, node);
    }
    let keys: Vec<u64> = (0..500u64).map(|i| i.wrapping_mul(0x9E37_79B9)).collect();
    let started = CpuClock::start();
    for key in &keys {
        std::hint::black_box(K::node_for(&ring, key));
    }
    started.elapsed()
}

fn lookup_gate<K: ConsistentHash>() -> Result<(), Failure> {
    Gate {
        what: "the time of 500 lookups (n nodes × 100 vnodes)",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 0.0,
        small: 8,
        large: 128,
    }
    .check_time_growth(lookup_time::<K>)
}

/// Hashes and comparisons of node values for adding and removing 4 new nodes on a ring of
/// `n` nodes with 16 vnodes each, per add + remove.
fn work_for<K: ConsistentHash>(n: usize) -> u64 {
    let mut ring = K::new::<Counted<u64>>(16);
    for i in 0..n as u64 {
        K::add_node(&mut ring, Counted(i));
    }
    let (counts, _) = measure(|| {
        for i in 0..4u64 {
            let node = Counted(1_000_000 + i);
            K::add_node(&mut ring, node.clone());
            K::remove_node(&mut ring, &node);
        }
    });
    (counts.hashes + counts.comparisons) / 4
}

fn hash_gate<K: ConsistentHash>() -> Result<(), Failure> {
    Gate {
        what: "node hashes + comparisons per add_node + remove_node (16 vnodes)",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 160.0,
        small: 8,
        large: 128,
    }
    .check(work_for::<K>)
}

/// Criterion group `consistent_hash`: 1 000 lookups on a ring of n nodes with 100 vnodes
/// each, for the learner's code `L` and the reference `R` (std has no hash ring).
pub fn bench<L: ConsistentHash, R: ConsistentHash>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        let mut ring = L::new::<u64>(2);
        L::add_node(&mut ring, 1);
        let _ = L::node_for(&ring, &5u64);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    fn ring_of<K: ConsistentHash>(n: usize) -> K::Ring<u64> {
        let mut ring = K::new::<u64>(100);
        for node in 0..n as u64 {
            K::add_node(&mut ring, node);
        }
        ring
    }
    fn lookups<K: ConsistentHash>(ring: &K::Ring<u64>) -> u64 {
        (0..1_000u64)
            .map(|key| K::node_for(ring, &key).copied().unwrap_or(0))
            .fold(0, u64::wrapping_add)
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in [10usize, 100, 1_000] {
        if learner_runs {
            let ring = ring_of::<L>(n);
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| lookups::<L>(&ring))
            });
        }
        let ring = ring_of::<R>(n);
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| lookups::<R>(&ring))
        });
    }
    group.finish();
}

/// Implements [`ConsistentHash`] for `$subject` with `$krate::consistent_hash::HashRing`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_consistent_hash {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::consistent_hash::ConsistentHash for $subject {
            type Ring<N: std::hash::Hash + Eq + Clone> = $krate::consistent_hash::HashRing<N>;
            fn new<N: std::hash::Hash + Eq + Clone>(vnodes: usize) -> Self::Ring<N> {
                $krate::consistent_hash::HashRing::new(vnodes)
            }
            fn add_node<N: std::hash::Hash + Eq + Clone>(
                ring: &mut Self::Ring<N>,
                node: N,
            ) -> bool {
                ring.add_node(node)
            }
            fn remove_node<N: std::hash::Hash + Eq + Clone>(
                ring: &mut Self::Ring<N>,
                node: &N,
            ) -> bool {
                ring.remove_node(node)
            }
            fn node_for<'a, N: std::hash::Hash + Eq + Clone, K: std::hash::Hash + ?Sized>(
                ring: &'a Self::Ring<N>,
                key: &K,
            ) -> Option<&'a N> {
                ring.node_for(key)
            }
            fn len<N: std::hash::Hash + Eq + Clone>(ring: &Self::Ring<N>) -> usize {
                ring.len()
            }
            fn is_empty<N: std::hash::Hash + Eq + Clone>(ring: &Self::Ring<N>) -> bool {
                ring.is_empty()
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

type NodeForFn<N, K> = for<'a> fn(&'a Erased, &K) -> Option<&'a N>;

impl ConsistentHash for Learner {
    type Ring<N: Hash + Eq + Clone> = Erased;
    fn new<N: Hash + Eq + Clone + 'static>(vnodes: usize) -> Erased {
        TABLE.get_at::<N, fn(usize) -> Erased>("new")(vnodes)
    }
    fn add_node<N: Hash + Eq + Clone + 'static>(ring: &mut Erased, node: N) -> bool {
        TABLE.get_at::<N, fn(&mut Erased, N) -> bool>("add_node")(ring, node)
    }
    fn remove_node<N: Hash + Eq + Clone + 'static>(ring: &mut Erased, node: &N) -> bool {
        TABLE.get_at::<N, fn(&mut Erased, &N) -> bool>("remove_node")(ring, node)
    }
    fn node_for<'a, N: Hash + Eq + Clone + 'static, K: Hash + ?Sized + 'static>(
        ring: &'a Erased,
        key: &K,
    ) -> Option<&'a N> {
        TABLE.get_at::<N, NodeForFn<N, K>>("node_for")(ring, key)
    }
    fn len<N: Hash + Eq + Clone + 'static>(ring: &Erased) -> usize {
        TABLE.get_at::<N, fn(&Erased) -> usize>("len")(ring)
    }
    fn is_empty<N: Hash + Eq + Clone + 'static>(ring: &Erased) -> bool {
        TABLE.get_at::<N, fn(&Erased) -> bool>("is_empty")(ring)
    }
}

/// Registers `S`'s functions for [`Learner`], at the node and key types the checks use.
pub fn register<S: ConsistentHash>()
where
    S::Ring<String>: 'static,
    S::Ring<Alias>: 'static,
    S::Ring<u64>: 'static,
    S::Ring<Counted<u64>>: 'static,
{
    fn at<S: ConsistentHash, N: Hash + Eq + Clone + 'static>(fns: &mut Fns)
    where
        S::Ring<N>: 'static,
    {
        fns.add_at::<N, fn(usize) -> Erased>("new", |vnodes| learner::erase(S::new::<N>(vnodes)));
        fns.add_at::<N, fn(&mut Erased, N) -> bool>("add_node", |ring, node| {
            S::add_node(down_mut::<S::Ring<N>>(ring), node)
        });
        fns.add_at::<N, fn(&mut Erased, &N) -> bool>("remove_node", |ring, node| {
            S::remove_node(down_mut::<S::Ring<N>>(ring), node)
        });
        fns.add_at::<N, fn(&Erased) -> usize>("len", |ring| S::len(down::<S::Ring<N>>(ring)));
        fns.add_at::<N, fn(&Erased) -> bool>("is_empty", |ring| {
            S::is_empty(down::<S::Ring<N>>(ring))
        });
    }
    fn keys<S: ConsistentHash, N: Hash + Eq + Clone + 'static, K: Hash + ?Sized + 'static>(
        fns: &mut Fns,
    ) where
        S::Ring<N>: 'static,
    {
        fns.add_at::<N, NodeForFn<N, K>>("node_for", |ring, key| {
            S::node_for(down::<S::Ring<N>>(ring), key)
        });
    }
    TABLE.fill(|fns| {
        at::<S, String>(fns);
        at::<S, Alias>(fns);
        at::<S, u64>(fns);
        at::<S, Counted<u64>>(fns);
        keys::<S, String, str>(fns);
        keys::<S, String, (String, u64)>(fns);
        keys::<S, Alias, str>(fns);
        keys::<S, u64, u64>(fns);
    });
}
