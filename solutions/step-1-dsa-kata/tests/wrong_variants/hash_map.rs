//! Known-wrong variants of `hash_map`: a Vec of pairs searched linearly (O(n) comparisons
//! per operation), a chained map that never grows (chains of length n/16), open addressing
//! whose `remove` empties the slot and so cuts the probe sequences of later keys, the same
//! map grown while only 1/64 full (1 KiB per entry), and an `insert` that never returns the
//! value it replaced.

use std::hash::{BuildHasher, Hash, RandomState};
use std::mem;

use harness::Plan;
use harness::step1::hash_map::{HashMapKata, checks};

/// Generates the `HashMapKata` impl for a fixture whose map type has the kata's methods.
macro_rules! fixture {
    ($name:ident, $map:ident) => {
        impl HashMapKata for $name {
            type Map<K: Hash + Eq, V, S: BuildHasher> = $map<K, V, S>;
            fn new<K: Hash + Eq, V>() -> $map<K, V, RandomState> {
                $map::with_hasher(RandomState::new())
            }
            fn with_hasher<K: Hash + Eq, V, S: BuildHasher>(hasher: S) -> $map<K, V, S> {
                $map::with_hasher(hasher)
            }
            fn insert<K: Hash + Eq, V, S: BuildHasher>(
                map: &mut $map<K, V, S>,
                key: K,
                value: V,
            ) -> Option<V> {
                map.insert(key, value)
            }
            fn get<'a, K: Hash + Eq, V, S: BuildHasher>(
                map: &'a $map<K, V, S>,
                key: &K,
            ) -> Option<&'a V> {
                map.get(key)
            }
            fn get_mut<'a, K: Hash + Eq, V, S: BuildHasher>(
                map: &'a mut $map<K, V, S>,
                key: &K,
            ) -> Option<&'a mut V> {
                map.get_mut(key)
            }
            fn remove<K: Hash + Eq, V, S: BuildHasher>(
                map: &mut $map<K, V, S>,
                key: &K,
            ) -> Option<V> {
                map.remove(key)
            }
            fn len<K: Hash + Eq, V, S: BuildHasher>(map: &$map<K, V, S>) -> usize {
                map.len
            }
            fn is_empty<K: Hash + Eq, V, S: BuildHasher>(map: &$map<K, V, S>) -> bool {
                map.len == 0
            }
        }
    };
}

/// Correct answers from a Vec of pairs: every operation compares keys from the start.
struct VecOfPairs;
struct Pairs<K, V, S> {
    pairs: Vec<(K, V)>,
    len: usize,
    _hasher: S,
}
impl<K: Eq, V, S> Pairs<K, V, S> {
    fn with_hasher(hasher: S) -> Self {
        Pairs {
            pairs: Vec::new(),
            len: 0,
            _hasher: hasher,
        }
    }
    fn position(&self, key: &K) -> Option<usize> {
        self.pairs.iter().position(|(k, _)| k == key)
    }
    fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Some(i) => Some(mem::replace(&mut self.pairs[i].1, value)),
            None => {
                self.pairs.push((key, value));
                self.len += 1;
                None
            }
        }
    }
    fn get(&self, key: &K) -> Option<&V> {
        self.position(key).map(|i| &self.pairs[i].1)
    }
    fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        self.position(key).map(|i| &mut self.pairs[i].1)
    }
    fn remove(&mut self, key: &K) -> Option<V> {
        let i = self.position(key)?;
        self.len -= 1;
        Some(self.pairs.swap_remove(i).1)
    }
}
fixture!(VecOfPairs, Pairs);

/// Separate chaining with 16 buckets forever: correct, but chains grow to n/16.
struct NeverGrows;
struct Chains<K, V, S, const RETURNS_OLD: bool> {
    buckets: Vec<Vec<(K, V)>>,
    len: usize,
    hasher: S,
}
impl<K: Hash + Eq, V, S: BuildHasher, const RETURNS_OLD: bool> Chains<K, V, S, RETURNS_OLD> {
    fn with_hasher(hasher: S) -> Self {
        Chains {
            buckets: (0..16).map(|_| Vec::new()).collect(),
            len: 0,
            hasher,
        }
    }
    fn bucket(&self, key: &K) -> usize {
        (self.hasher.hash_one(key) % self.buckets.len() as u64) as usize
    }
    fn insert(&mut self, key: K, value: V) -> Option<V> {
        let b = self.bucket(&key);
        if let Some(pair) = self.buckets[b].iter_mut().find(|(k, _)| *k == key) {
            let old = mem::replace(&mut pair.1, value);
            return if RETURNS_OLD { Some(old) } else { None };
        }
        self.buckets[b].push((key, value));
        self.len += 1;
        None
    }
    fn get(&self, key: &K) -> Option<&V> {
        let b = self.bucket(key);
        self.buckets[b]
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
    fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let b = self.bucket(key);
        self.buckets[b]
            .iter_mut()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
    fn remove(&mut self, key: &K) -> Option<V> {
        let b = self.bucket(key);
        let i = self.buckets[b].iter().position(|(k, _)| k == key)?;
        self.len -= 1;
        Some(self.buckets[b].swap_remove(i).1)
    }
}
type Fixed16<K, V, S> = Chains<K, V, S, true>;
fixture!(NeverGrows, Fixed16);

/// Replaces the value on a repeated key but returns `None` instead of the old value.
struct ForgetsOldValue;
type Forgetful<K, V, S> = Chains<K, V, S, false>;
fixture!(ForgetsOldValue, Forgetful);

/// Linear probing that grows properly, but `remove` just empties the slot: a later key that
/// collided and was placed after it can no longer be found (the lookup stops at the hole).
struct RemoveLeavesHole;
/// Linear probing that grows when the slots would be more than 1/`SPARSE` full.
struct Probing<K, V, S, const SPARSE: usize> {
    slots: Vec<Option<(K, V)>>,
    len: usize,
    hasher: S,
}
impl<K: Hash + Eq, V, S: BuildHasher, const SPARSE: usize> Probing<K, V, S, SPARSE> {
    fn with_hasher(hasher: S) -> Self {
        Probing {
            slots: (0..8).map(|_| None).collect(),
            len: 0,
            hasher,
        }
    }
    /// The slot holding `key`, or the empty slot where the probe stopped.
    fn probe(&self, key: &K) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.hasher.hash_one(key) as usize & mask;
        while let Some((k, _)) = &self.slots[i] {
            if k == key {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }
    fn insert(&mut self, key: K, value: V) -> Option<V> {
        if (self.len + 1) * SPARSE > self.slots.len() {
            let doubled = (0..self.slots.len() * 2).map(|_| None).collect();
            let old = mem::replace(&mut self.slots, doubled);
            self.len = 0;
            for (k, v) in old.into_iter().flatten() {
                self.insert(k, v);
            }
        }
        let i = self.probe(&key);
        match &mut self.slots[i] {
            Some((_, v)) => Some(mem::replace(v, value)),
            empty => {
                *empty = Some((key, value));
                self.len += 1;
                None
            }
        }
    }
    fn get(&self, key: &K) -> Option<&V> {
        let i = self.probe(key);
        self.slots[i].as_ref().map(|(_, v)| v)
    }
    fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let i = self.probe(key);
        self.slots[i].as_mut().map(|(_, v)| v)
    }
    fn remove(&mut self, key: &K) -> Option<V> {
        let i = self.probe(key);
        let (_, v) = self.slots[i].take()?;
        self.len -= 1;
        Some(v)
    }
}
type HalfFull<K, V, S> = Probing<K, V, S, 2>;
fixture!(RemoveLeavesHole, HalfFull);

/// The same probing map grown while it is only 1/64 full: right answers, few collisions,
/// and 64 slots (1 KiB for 16-byte entries) per entry.
struct SparseSlots;
type OneIn64<K, V, S> = Probing<K, V, S, 64>;
fixture!(SparseSlots, OneIn64);

pub fn add(plan: Plan) -> Plan {
    plan.reject(
        "sparse_slots",
        checks::<SparseSlots>(),
        "hash_map::memory_gate",
        "too many bytes allocated per entry",
    )
    .reject(
        "vec_of_pairs",
        checks::<VecOfPairs>(),
        "hash_map::operation_gate",
        "too many hashes + key comparisons per operation",
    )
    .reject(
        "never_grows",
        checks::<NeverGrows>(),
        "hash_map::operation_gate",
        "too many hashes + key comparisons per operation",
    )
    .reject(
        "forgets_old_value",
        checks::<ForgetsOldValue>(),
        "hash_map::examples",
        "expected: Some(1)",
    )
    .reject(
        "forgets_old_value",
        checks::<ForgetsOldValue>(),
        "hash_map::matches_std",
        "a random input failed",
    )
    .reject(
        "remove_leaves_hole",
        checks::<RemoveLeavesHole>(),
        "hash_map::collisions",
        "a random input failed",
    )
}
