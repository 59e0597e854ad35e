//! # Kata: consistent hashing (grade 5)
//!
//! A cache cluster (or a sharded database) spreads keys over servers. The naive placement,
//! `hash(key) % number_of_servers`, reshuffles almost every key when a server joins or
//! leaves: with 8 servers going to 9, about 8 keys in 9 change servers, and the caches go
//! cold all at once. **Consistent hashing** moves only the keys that have to move.
//!
//! Picture the u64 hash space as a ring. Each node (server) is hashed to points on the
//! ring; a key is hashed too and belongs to the first node point at or after its hash,
//! wrapping around past the largest point to the smallest. A joining node takes over only
//! the arcs just before its points — about 1/(n+1) of the keys, all moving TO it — and a
//! leaving node hands only its own keys to its neighbours. With a single point per node
//! the arcs are very uneven, so each node gets `vnodes` **virtual nodes**: points at
//! `hash((node, 0))`, `hash((node, 1))`, … `hash((node, vnodes - 1))`, with `i` a `u64`
//! (`hash(&(&node, i))`). A key whose hash is exactly a point belongs to that point's node.
//!
//! ```text
//! let mut ring = HashRing::new(100);      // 100 virtual nodes per node
//! ring.node_for("user:42")  == None       // no nodes yet
//! ring.add_node("cache-a")  == true
//! ring.add_node("cache-a")  == false      // already there: nothing changes
//! ring.node_for("user:42")  == Some(&"cache-a")   // the only node owns every key
//! ring.add_node("cache-b"); ring.add_node("cache-c");
//! ring.node_for("user:42")  == Some(&"cache-b")   // say; keys now spread over a, b, c
//! ring.remove_node(&"cache-b") == true    // only cache-b's keys move (to a or c)
//! ring.remove_node(&"cache-x") == false   // unknown node: nothing changes
//! ring.len() == 2
//! ```
//!
//! **Hashing.** Use `std::hash::DefaultHasher::new()` for both the points and the keys: its
//! keys are fixed, so the same value hashes the same way every run (unlike the randomly
//! seeded `RandomState` of a `HashMap`). A node's points depend only on the node, so the
//! owner of a key depends only on which nodes are in the ring, not on the order they were
//! added: the grader checks that. Two points colliding on the same u64 is so unlikely you
//! may ignore it — but removing a node must never remove another node's point. (The grader
//! tries it: two different nodes whose `Hash` writes the same bytes collide on every point.)
//!
//! **Edge cases:** an empty ring maps every key to `None`; `new(0)` behaves like `new(1)`
//! (a node needs at least one point); adding a node twice or removing an unknown one returns
//! `false` and changes nothing.
//!
//! **What the grader measures** (on fixed key sets, so the verdict never changes):
//! - minimal movement: 10 000 keys on 8 nodes with 100 vnodes; a 9th node joins; every key
//!   that moves must move to it, and it must take between a third and twice its fair share
//!   (1/9); then a node leaves and only its keys may move;
//! - balance: 10 nodes with 200 vnodes and 20 000 keys; every node owns 0.6× to 1.5× of
//!   a fair share;
//! - work: `add_node` and `remove_node` on rings of 8 and of 128 nodes (16 vnodes), counting
//!   how often node values are hashed or compared. It must not grow with the ring: about
//!   `vnodes` hashes to compute a node's points, a few more for membership. Rebuilding the
//!   ring, `retain` over every point, or a `Vec` of nodes with `contains` all grow with n.
//!
//! - lookup: `node_for` runs on every request, so it must be O(log(n·vnodes)) with
//!   `BTreeMap::range(hash..).next()` (or `partition_point` on a sorted `Vec`), not a walk
//!   over every point. The grader times 500 lookups on rings of 8 and of 128 nodes (100
//!   vnodes): the CPU time may grow about ×1.3, not ×16 (the limit is ×5.5).
//!
//! **Where to start:** fields `vnodes: usize`, `points: BTreeMap<u64, N>` and
//! `nodes: HashSet<N>`. A private `point(node, i) -> u64` hashes `(node, i)`. `node_for`
//! hashes the key and looks at `points.range(h..).next()`, or else `points.iter().next()`
//! (the wrap-around).

use std::hash::Hash;
use std::marker::PhantomData;

/// A consistent-hash ring of nodes of type `N` (server names, ids, addresses).
#[derive(Debug, Clone)]
pub struct HashRing<N> {
    // Your fields here. (This placeholder only keeps the stub compiling: replace it.)
    _nodes: PhantomData<N>,
}

impl<N: Hash + Eq + Clone> HashRing<N> {
    /// An empty ring whose nodes will have `vnodes` points each (at least 1).
    pub fn new(vnodes: usize) -> Self {
        let _ = vnodes;
        todo!()
    }

    /// Adds `node` with its points; false (and no change) if it is already in the ring.
    pub fn add_node(&mut self, node: N) -> bool {
        let _ = node;
        todo!()
    }

    /// Removes `node` and its points; false (and no change) if it is not in the ring.
    pub fn remove_node(&mut self, node: &N) -> bool {
        let _ = node;
        todo!()
    }

    /// The node that owns `key`: the first point at or after the key's hash, wrapping
    /// around; `None` for an empty ring.
    pub fn node_for<K: Hash + ?Sized>(&self, key: &K) -> Option<&N> {
        let _ = key;
        todo!()
    }

    /// How many nodes are in the ring.
    pub fn len(&self) -> usize {
        todo!()
    }

    /// Whether the ring has no nodes.
    pub fn is_empty(&self) -> bool {
        todo!()
    }
}
