//! Reference: open addressing with linear probing, stored hashes and backward-shift deletion.
//!
//! One array of slots whose length is 0 or a power of two. A key's home slot is
//! `hash & (slots - 1)`; on a collision it goes to the next slot, and the next, wrapping
//! around. Invariants:
//! - between an entry's home slot and the slot it sits in, no slot is empty (so a lookup can
//!   stop at the first empty slot: the key is not there);
//! - at most 7/8 of the slots are full (probe sequences stay short enough, and an empty
//!   slot always exists, so every probe loop ends).
//!
//! Each entry keeps its key's hash: a probe compares the hashes first and calls `==` only on
//! a match, and growing moves entries without hashing any key again. `remove` keeps the
//! first invariant without tombstones: it shifts back the entries after the hole that may
//! move closer to their home slot.

use std::hash::{BuildHasher, Hash, RandomState};
use std::mem;
use std::num::NonZeroU64;

/// A map from keys to values, hashed with `S` (std's `RandomState` by default).
pub struct HashMap<K, V, S = RandomState> {
    slots: Vec<Option<Entry<K, V>>>,
    len: usize,
    hasher: S,
}

struct Entry<K, V> {
    /// Never 0 (the top bit is set), which lets `Option<Entry>` use 0 as its `None`: the
    /// slot is as small as the entry itself.
    hash: NonZeroU64,
    key: K,
    value: V,
}

/// Set in every stored hash, to keep it from being 0.
const TOP_BIT: NonZeroU64 = NonZeroU64::new(1 << 63).unwrap();

/// Slots allocated by the first insert.
const MIN_SLOTS: usize = 8;

impl<K: Hash + Eq, V> HashMap<K, V, RandomState> {
    /// An empty map hashed with std's `RandomState`.
    pub fn new() -> Self {
        Self::with_hasher(RandomState::new())
    }
}

impl<K: Hash + Eq, V, S: BuildHasher> HashMap<K, V, S> {
    /// An empty map that hashes keys with `hasher`. Allocates nothing until the first insert.
    pub fn with_hasher(hasher: S) -> Self {
        HashMap {
            slots: Vec::new(),
            len: 0,
            hasher,
        }
    }

    /// Maps `key` to `value`; returns the value `key` had before (`None` if it is new).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        self.reserve_one();
        let hash = self.hash(&key);
        let mask = self.slots.len() - 1;
        let mut i = hash.get() as usize & mask;
        loop {
            let slot = &mut self.slots[i];
            match slot {
                Some(entry) if entry.hash == hash && entry.key == key => {
                    return Some(mem::replace(&mut entry.value, value));
                }
                Some(_) => i = (i + 1) & mask,
                None => {
                    *slot = Some(Entry { hash, key, value });
                    self.len += 1;
                    return None;
                }
            }
        }
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &K) -> Option<&V> {
        let i = self.find(key)?;
        self.slots[i].as_ref().map(|entry| &entry.value)
    }

    /// The value of `key`, if present, to change in place.
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let i = self.find(key)?;
        self.slots[i].as_mut().map(|entry| &mut entry.value)
    }

    /// Takes `key` out of the map and returns its value, if it was present.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        let mut hole = self.find(key)?;
        let removed = self.slots[hole].take();
        self.len -= 1;
        // Backward shift: walk the run after the hole; an entry whose home slot is not
        // between the hole and itself would be cut off from home, so it moves into the hole.
        let mask = self.slots.len() - 1;
        let mut i = (hole + 1) & mask;
        while let Some(entry) = &self.slots[i] {
            let home = entry.hash.get() as usize & mask;
            let from_home = i.wrapping_sub(home) & mask;
            let from_hole = i.wrapping_sub(hole) & mask;
            if from_hole <= from_home {
                self.slots[hole] = self.slots[i].take();
                hole = i;
            }
            i = (i + 1) & mask;
        }
        removed.map(|entry| entry.value)
    }

    /// How many keys the map holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the map holds no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The slot that holds `key`, if any.
    fn find(&self, key: &K) -> Option<usize> {
        if self.len == 0 {
            return None;
        }
        let hash = self.hash(key);
        let mask = self.slots.len() - 1;
        let mut i = hash.get() as usize & mask;
        loop {
            match &self.slots[i] {
                None => return None,
                Some(entry) if entry.hash == hash && entry.key == *key => return Some(i),
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// The key's hash with the top bit set: never 0, and the low bits pick the home slot.
    fn hash(&self, key: &K) -> NonZeroU64 {
        TOP_BIT | self.hasher.hash_one(key)
    }

    /// Makes room for one more entry: doubles the slots when the load would pass 7/8.
    fn reserve_one(&mut self) {
        if (self.len + 1) * 8 <= self.slots.len() * 7 {
            return;
        }
        let new_len = (self.slots.len() * 2).max(MIN_SLOTS);
        let old = mem::replace(&mut self.slots, (0..new_len).map(|_| None).collect());
        let mask = new_len - 1;
        for entry in old.into_iter().flatten() {
            // Keys are distinct: no `==` needed, only the first empty slot from home.
            let mut i = entry.hash.get() as usize & mask;
            while self.slots[i].is_some() {
                i = (i + 1) & mask;
            }
            self.slots[i] = Some(entry);
        }
    }
}

impl<K: Hash + Eq, V> Default for HashMap<K, V, RandomState> {
    fn default() -> Self {
        Self::new()
    }
}
