//! Reference: LRU cache as a hash map into an index-linked list.
//!
//! `nodes` is a slab: a `Vec` whose entries link to each other by index (`prev`/`next`),
//! forming a doubly linked list from `head` (most recently used) to `tail` (least recently
//! used). `map` sends each key to its node's index.
//!
//! Invariants: `map` and the list hold the same keys; `map[k]` is the index of `k`'s node;
//! `nodes.len() <= capacity`, and a slot is reused (never freed) when its entry is evicted,
//! so the `Vec` never grows past `capacity`. Every operation does O(1) map lookups and
//! relinks O(1) indices.

use std::collections::HashMap;
use std::hash::Hash;
use std::mem;

/// "No node": the end of the list.
const NIL: usize = usize::MAX;

struct Node<K, V> {
    key: K,
    value: V,
    prev: usize,
    next: usize,
}

/// A least-recently-used cache of at most `capacity` entries.
pub struct LruCache<K, V> {
    map: HashMap<K, usize>,
    nodes: Vec<Node<K, V>>,
    /// Most recently used.
    head: usize,
    /// Least recently used: the next to go.
    tail: usize,
    capacity: usize,
}

impl<K: Hash + Eq + Clone, V> LruCache<K, V> {
    /// An empty cache that holds at most `capacity` entries (0 is allowed: it holds none).
    pub fn new(capacity: usize) -> Self {
        LruCache {
            map: HashMap::new(),
            nodes: Vec::new(),
            head: NIL,
            tail: NIL,
            capacity,
        }
    }

    /// The value of `key`, if present, which becomes the most recently used entry.
    /// A miss returns `None` and changes nothing.
    pub fn get(&mut self, key: &K) -> Option<&V> {
        let index = *self.map.get(key)?;
        self.move_to_front(index);
        Some(&self.nodes[index].value)
    }

    /// Inserts or replaces `key`'s value; `key` becomes the most recently used entry.
    /// Returns the entry that is not in the cache afterwards: `Some((key, old_value))` on a
    /// replacement, the evicted least recently used entry when a new key arrives in a full
    /// cache, `None` when there was room, and `Some((key, value))` itself at capacity 0.
    pub fn put(&mut self, key: K, value: V) -> Option<(K, V)> {
        if self.capacity == 0 {
            return Some((key, value));
        }
        if let Some(&index) = self.map.get(&key) {
            self.move_to_front(index);
            let old = mem::replace(&mut self.nodes[index].value, value);
            return Some((key, old));
        }
        if self.nodes.len() < self.capacity {
            let index = self.nodes.len();
            self.nodes.push(Node {
                key: key.clone(),
                value,
                prev: NIL,
                next: NIL,
            });
            self.map.insert(key, index);
            self.push_front(index);
            return None;
        }
        // Full: reuse the tail's slot for the new entry.
        let index = self.tail;
        self.unlink(index);
        let node = &mut self.nodes[index];
        self.map.remove(&node.key);
        let old_key = mem::replace(&mut node.key, key.clone());
        let old_value = mem::replace(&mut node.value, value);
        self.map.insert(key, index);
        self.push_front(index);
        Some((old_key, old_value))
    }

    /// How many entries the cache holds.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the cache holds no entry.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The most entries the cache will hold.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    fn move_to_front(&mut self, index: usize) {
        if self.head != index {
            self.unlink(index);
            self.push_front(index);
        }
    }

    /// Takes node `index` out of the list (its own links are left stale).
    fn unlink(&mut self, index: usize) {
        let (prev, next) = (self.nodes[index].prev, self.nodes[index].next);
        match prev {
            NIL => self.head = next,
            prev => self.nodes[prev].next = next,
        }
        match next {
            NIL => self.tail = prev,
            next => self.nodes[next].prev = prev,
        }
    }

    /// Links node `index`, not in the list, at the head.
    fn push_front(&mut self, index: usize) {
        self.nodes[index].prev = NIL;
        self.nodes[index].next = self.head;
        match self.head {
            NIL => self.tail = index,
            head => self.nodes[head].prev = index,
        }
        self.head = index;
    }
}
