//! # Kata: hash map (grade 3)
//!
//! Sessions by token, users by id, counters by route: a backend keeps a lot in hash maps.
//! A hash map turns a key into a number with a hash function, uses that number to pick a
//! **bucket** out of an array, and only compares the key with the few entries in that one
//! bucket. As the map fills, it **grows**: it doubles its buckets and moves every entry to
//! its new bucket, so buckets stay short and every operation costs O(1) on average.
//!
//! ```text
//! let mut users = HashMap::new();
//! users.insert("alice", 1)   == None        // a new key
//! users.insert("bob", 2)     == None
//! users.insert("alice", 10)  == Some(1)     // replaced: the old value comes back
//! users.get(&"alice")        == Some(&10)
//! users.get(&"carol")        == None
//! *users.get_mut(&"bob").unwrap() += 5      // now "bob" → 7
//! users.remove(&"alice")     == Some(10),  users.remove(&"alice") == None
//! users.len()                == 1
//! ```
//!
//! The hash function is a type parameter, `S: BuildHasher`, as in std: `HashMap::new()` uses
//! std's `RandomState` (SipHash with random keys, which resists attackers who choose keys
//! to make them collide), and `HashMap::with_hasher(hasher)` takes any other. Hash a key
//! with `self.hasher.hash_one(&key)`, a `u64`.
//!
//! **Required:** O(1) expected work per operation. The grader counts the calls to `hash`
//! and to `==` on the keys it gives you, over thousands of inserts (growth included) and
//! lookups, at 256 and 4 096 entries: a few per operation is fine, and it must not grow
//! with the size of the map. A `Vec` of pairs searched from the start compares about n/2
//! keys per lookup; a map that never grows has buckets of length n/buckets. The grader
//! also runs random operations against std's `HashMap`, once with a hasher so bad that
//! every key gets one of only 5 hash values: equal hashes must still be told apart by `==`.
//! Memory counts too: inserting 256 and 4 096 entries of 16 bytes may allocate up to 1 024
//! bytes per entry, growth included (a map kept 7/8 full allocates about 100); a map that
//! grows while it is still nearly empty wastes memory and cache for nothing.
//!
//! **Edge cases:** `get`, `get_mut` and `remove` of a missing key return `None` (also on an
//! empty map that has no buckets yet: don't compute `hash % 0`); inserting an existing key
//! replaces its value, returns the old one and leaves `len` unchanged.
//!
//! **Where to start:** separate chaining is the simplest design. Keep
//! `buckets: Vec<Vec<(K, V)>>`, `len` and the `hasher`. The bucket of a key is
//! `hash % buckets.len()`; `insert` looks for the key in that bucket (replace the value) or
//! pushes the pair; `remove` uses `swap_remove` in the bucket. Before inserting, grow when
//! `len + 1 > buckets.len() * 3 / 4` (start with, say, 8 buckets): make twice as many empty
//! buckets, `std::mem::take` the old ones and re-insert every pair (this re-hashes the keys;
//! storing each key's hash next to it saves that). Open addressing (one array of slots,
//! step to the next slot on a collision) is faster but removal is subtle: read about
//! tombstones or backward-shift deletion first.

use std::hash::{BuildHasher, Hash, RandomState};

/// A map from keys to values, hashed with `S` (std's `RandomState` by default).
// The fields below are a suggestion: change them as you like (and then remove this line).
#[allow(dead_code)]
pub struct HashMap<K, V, S = RandomState> {
    buckets: Vec<Vec<(K, V)>>,
    len: usize,
    hasher: S,
}

impl<K: Hash + Eq, V> HashMap<K, V, RandomState> {
    /// An empty map hashed with std's `RandomState`.
    pub fn new() -> Self {
        todo!()
    }
}

impl<K: Hash + Eq, V, S: BuildHasher> HashMap<K, V, S> {
    /// An empty map that hashes keys with `hasher`.
    pub fn with_hasher(hasher: S) -> Self {
        let _ = hasher;
        todo!()
    }

    /// Maps `key` to `value`; returns the value `key` had before (`None` if it is new).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let _ = (key, value);
        todo!()
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &K) -> Option<&V> {
        let _ = key;
        todo!()
    }

    /// The value of `key`, if present, to change in place.
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let _ = key;
        todo!()
    }

    /// Takes `key` out of the map and returns its value, if it was present.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        let _ = key;
        todo!()
    }

    /// How many keys the map holds.
    pub fn len(&self) -> usize {
        todo!()
    }

    /// Whether the map holds no key.
    pub fn is_empty(&self) -> bool {
        todo!()
    }
}

impl<K: Hash + Eq, V> Default for HashMap<K, V, RandomState> {
    fn default() -> Self {
        Self::new()
    }
}
