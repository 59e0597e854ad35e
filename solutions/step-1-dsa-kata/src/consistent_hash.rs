//! Reference: a consistent-hash ring in a `BTreeMap` from points to nodes.
//!
//! Each node owns `vnodes` points, `hash((node, i))` with the fixed-key `DefaultHasher`, so a
//! node's points depend only on the node and the owner of a key only on the set of nodes.
//! Invariant: `points` holds exactly the points of the nodes in `nodes` (a point already
//! taken by another node is left to it). Lookup is one range query, O(log(n·vnodes));
//! adding or removing a node touches only its own points.

use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// A consistent-hash ring of nodes of type `N` (server names, ids, addresses).
#[derive(Debug, Clone)]
pub struct HashRing<N> {
    vnodes: usize,
    points: BTreeMap<u64, N>,
    nodes: HashSet<N>,
}

/// The fixed-key hash of any value: the same every run.
fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

impl<N: Hash + Eq + Clone> HashRing<N> {
    /// An empty ring whose nodes will have `vnodes` points each (at least 1).
    pub fn new(vnodes: usize) -> Self {
        HashRing {
            vnodes: vnodes.max(1),
            points: BTreeMap::new(),
            nodes: HashSet::new(),
        }
    }

    /// The points of `node`.
    fn points_of<'a>(&self, node: &'a N) -> impl Iterator<Item = u64> + use<'a, N> {
        (0..self.vnodes as u64).map(move |i| hash_of(&(node, i)))
    }

    /// Adds `node` with its points; false (and no change) if it is already in the ring.
    pub fn add_node(&mut self, node: N) -> bool {
        if self.nodes.contains(&node) {
            return false;
        }
        for point in self.points_of(&node) {
            self.points.entry(point).or_insert_with(|| node.clone());
        }
        self.nodes.insert(node);
        true
    }

    /// Removes `node` and its points; false (and no change) if it is not in the ring.
    pub fn remove_node(&mut self, node: &N) -> bool {
        if !self.nodes.remove(node) {
            return false;
        }
        for point in self.points_of(node) {
            if self.points.get(&point) == Some(node) {
                self.points.remove(&point);
            }
        }
        true
    }

    /// The node that owns `key`: the first point at or after the key's hash, wrapping
    /// around; `None` for an empty ring.
    pub fn node_for<K: Hash + ?Sized>(&self, key: &K) -> Option<&N> {
        let h = hash_of(key);
        self.points
            .range(h..)
            .next()
            .or_else(|| self.points.iter().next())
            .map(|(_, node)| node)
    }

    /// How many nodes are in the ring.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the ring has no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}
