//! # Kata: LRU cache (grade 3)
//!
//! A cache holds at most `capacity` entries. When a new key arrives and the cache is full,
//! the entry that was used **least recently** leaves to make room. That is the policy in
//! front of most slow things a backend talks to: the session store, a database's page
//! cache, a CDN, memoised API responses. "Used" means read with `get` or written with
//! `put`; a `get` that misses uses nothing.
//!
//! ```text
//! let mut c = LruCache::new(2);
//! c.put("a", 1)   == None                 // [a]        (least → most recently used)
//! c.put("b", 2)   == None                 // [a, b]
//! c.get(&"a")     == Some(&1)             // [b, a]     reading "a" makes it the newest
//! c.put("c", 3)   == Some(("b", 2))       // [a, c]     full: the oldest, "b", is evicted
//! c.get(&"b")     == None                 // [a, c]     a miss changes nothing
//! c.put("a", 10)  == Some(("a", 1))       // [c, a]     replaced: the old value comes back
//! c.len()         == 2
//!
//! let mut z = LruCache::new(0);           // capacity 0 stores nothing:
//! z.put(1, 'x')   == Some((1, 'x'))       // the entry comes straight back
//! z.get(&1)       == None
//! ```
//!
//! **What `put` returns:** the entry that is *not* in the cache afterwards, if any:
//! - the key was present: its value is replaced, and you get `Some((key, old_value))`
//!   (the key you passed in; the cache keeps the one it had);
//! - the key is new and the cache is full: the least recently used entry is evicted and you
//!   get it back, `Some((evicted_key, evicted_value))`;
//! - the key is new and there is room: `None`;
//! - capacity 0: `Some((key, value))`, what you passed in.
//!
//! In every case the key you passed is the most recently used one afterwards (unless the
//! capacity is 0).
//!
//! **Required:** O(1) `get` and `put`, whatever the capacity. The grader fills caches of
//! capacity 1 000 and 16 000 with keys that count how often they are hashed, compared and
//! cloned, then runs 2 048 mixed gets and puts: an operation may cost about a dozen of
//! those, not a walk over the entries (hundreds or thousands). Eviction too: the grader
//! times 2n puts of new keys into caches of capacity 64 and 2 048 (n of them evict), and the
//! CPU time must grow about like n (×32 to ×60 here; the limit is ×181): a map of "last
//! used" stamps scanned for the smallest one grows like n² (×1 000 and more). No `unsafe`, no
//! `Rc<RefCell<…>>`: indices do the job of pointers here.
//!
//! **Where to start:** two structures that point at each other.
//! - A `Vec` of nodes `{ key, value, prev, next }` forms a doubly linked list in recency
//!   order, where `prev`/`next` are indices into the same `Vec` (use `usize::MAX` or
//!   `Option<usize>` for "none"); keep the indices of the head (most recent) and the tail
//!   (least recent). Unlinking a node and pushing it at the head touches a few indices: O(1).
//! - A `HashMap<K, usize>` from key to node index finds a key's node in O(1).
//!
//! `get`: find the node, move it to the head, return its value. `put` of a new key in a full
//! cache: the tail is the victim; remove its key from the map and reuse its slot for the new
//! entry (the `Vec` never grows past `capacity`). The key lives in both structures, hence
//! `K: Clone`: one clone per new key is fine.

use std::hash::Hash;
use std::marker::PhantomData;

/// A least-recently-used cache of at most `capacity` entries.
pub struct LruCache<K, V> {
    // Replace with your fields (a HashMap, a Vec of nodes, head, tail, capacity).
    _todo: PhantomData<(K, V)>,
}

impl<K: Hash + Eq + Clone, V> LruCache<K, V> {
    /// An empty cache that holds at most `capacity` entries (0 is allowed: it holds none).
    pub fn new(capacity: usize) -> Self {
        let _ = capacity;
        todo!()
    }

    /// The value of `key`, if present, which becomes the most recently used entry.
    /// A miss returns `None` and changes nothing.
    pub fn get(&mut self, key: &K) -> Option<&V> {
        let _ = key;
        todo!()
    }

    /// Inserts or replaces `key`'s value; `key` becomes the most recently used entry.
    /// Returns the entry that is not in the cache afterwards: `Some((key, old_value))` on a
    /// replacement, the evicted least recently used entry when a new key arrives in a full
    /// cache, `None` when there was room, and `Some((key, value))` itself at capacity 0.
    pub fn put(&mut self, key: K, value: V) -> Option<(K, V)> {
        let _ = (key, value);
        todo!()
    }

    /// How many entries the cache holds.
    pub fn len(&self) -> usize {
        todo!()
    }

    /// Whether the cache holds no entry.
    pub fn is_empty(&self) -> bool {
        todo!()
    }

    /// The most entries the cache will hold.
    pub fn capacity(&self) -> usize {
        todo!()
    }
}
