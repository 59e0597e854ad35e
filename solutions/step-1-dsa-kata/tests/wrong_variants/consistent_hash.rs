//! Known-wrong variants of `consistent_hash`: `hash(key) % n` placement, a node's virtual
//! points next to each other, a ring rebuilt on every change, a removal that scans every
//! point, a lookup that forgets to wrap around, a removal that takes another node's points,
//! a lookup strictly after the key's hash, a lookup that walks every point, and an
//! `is_empty` that is always true.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use harness::Plan;
use harness::step1::consistent_hash::{ConsistentHash, checks};

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[derive(Clone, Copy, PartialEq)]
enum Bug {
    /// Points at hash(node) + i instead of hash((node, i)).
    AdjacentPoints,
    /// Rebuilds every point of every node on each add and remove.
    Rebuild,
    /// Removes a node's points with `retain` over the whole ring.
    RetainOnRemove,
    /// `range(h..).next()` with no wrap-around to the first point.
    NoWrapAround,
    /// Removes every point of the node, even one that belongs to another node.
    RemovesAnyPoint,
    /// The first point strictly after the key's hash, not at or after it.
    StrictlyAfter,
    /// Finds the point by walking the whole ring: right answers, O(n) per lookup.
    ScanLookup,
    /// `is_empty` always says yes.
    EmptyAlways,
}

/// A ring with a list of nodes (in the order they came) and a map of points.
struct Ring<N> {
    vnodes: usize,
    nodes: Vec<N>,
    points: BTreeMap<u64, N>,
    bug: Bug,
}

impl<N: Hash + Eq + Clone> Ring<N> {
    fn points_of(&self, node: &N) -> Vec<u64> {
        (0..self.vnodes as u64)
            .map(|i| {
                if self.bug == Bug::AdjacentPoints {
                    hash_of(node).wrapping_add(i)
                } else {
                    hash_of(&(node, i))
                }
            })
            .collect()
    }

    fn rebuild(&mut self) {
        self.points.clear();
        for node in self.nodes.clone() {
            for point in self.points_of(&node) {
                self.points.entry(point).or_insert_with(|| node.clone());
            }
        }
    }

    fn add(&mut self, node: N) -> bool {
        // A `Vec` of nodes is fine for these fixtures' own bugs: membership is tested with
        // one hash through the points, like the reference.
        if self.contains(&node) {
            return false;
        }
        self.nodes.push(node.clone());
        if self.bug == Bug::Rebuild {
            self.rebuild();
        } else {
            for point in self.points_of(&node) {
                self.points.entry(point).or_insert_with(|| node.clone());
            }
        }
        true
    }

    /// Membership by a walk over the nodes (these fixtures' bugs are elsewhere).
    fn contains(&self, node: &N) -> bool {
        self.nodes.contains(node)
    }

    fn remove(&mut self, node: &N) -> bool {
        if !self.contains(node) {
            return false;
        }
        let at = self.nodes.iter().rposition(|n| n == node);
        if let Some(at) = at {
            self.nodes.remove(at);
        }
        match self.bug {
            Bug::Rebuild => self.rebuild(),
            Bug::RetainOnRemove => self.points.retain(|_, n| n != node),
            Bug::RemovesAnyPoint => {
                for point in self.points_of(node) {
                    self.points.remove(&point);
                }
            }
            _ => {
                for point in self.points_of(node) {
                    if self.points.get(&point) == Some(node) {
                        self.points.remove(&point);
                    }
                }
            }
        }
        true
    }

    fn node_for<K: Hash + ?Sized>(&self, key: &K) -> Option<&N> {
        let h = hash_of(key);
        let next = match self.bug {
            Bug::StrictlyAfter => self
                .points
                .range((std::ops::Bound::Excluded(h), std::ops::Bound::Unbounded))
                .next(),
            Bug::ScanLookup => self.points.iter().find(|(point, _)| **point >= h),
            _ => self.points.range(h..).next(),
        };
        let next = if self.bug == Bug::NoWrapAround {
            next
        } else {
            next.or_else(|| self.points.iter().next())
        };
        next.map(|(_, node)| node)
    }
}

macro_rules! ring_fixture {
    ($name:ident, $bug:expr) => {
        struct $name;
        impl ConsistentHash for $name {
            type Ring<N: Hash + Eq + Clone> = Ring<N>;
            fn new<N: Hash + Eq + Clone>(vnodes: usize) -> Ring<N> {
                Ring {
                    vnodes: vnodes.max(1),
                    nodes: Vec::new(),
                    points: BTreeMap::new(),
                    bug: $bug,
                }
            }
            fn add_node<N: Hash + Eq + Clone>(ring: &mut Ring<N>, node: N) -> bool {
                ring.add(node)
            }
            fn remove_node<N: Hash + Eq + Clone>(ring: &mut Ring<N>, node: &N) -> bool {
                ring.remove(node)
            }
            fn node_for<'a, N: Hash + Eq + Clone, K: Hash + ?Sized>(
                ring: &'a Ring<N>,
                key: &K,
            ) -> Option<&'a N> {
                ring.node_for(key)
            }
            fn len<N: Hash + Eq + Clone>(ring: &Ring<N>) -> usize {
                ring.nodes.len()
            }
            fn is_empty<N: Hash + Eq + Clone>(ring: &Ring<N>) -> bool {
                ring.bug == Bug::EmptyAlways || ring.nodes.is_empty()
            }
        }
    };
}

ring_fixture!(AdjacentPoints, Bug::AdjacentPoints);
ring_fixture!(RebuildOnChange, Bug::Rebuild);
ring_fixture!(RetainOnRemove, Bug::RetainOnRemove);
ring_fixture!(NoWrapAround, Bug::NoWrapAround);
ring_fixture!(RemovesAnyPoint, Bug::RemovesAnyPoint);
ring_fixture!(StrictlyAfter, Bug::StrictlyAfter);
ring_fixture!(ScanLookup, Bug::ScanLookup);
ring_fixture!(EmptyAlways, Bug::EmptyAlways);

/// `nodes[hash(key) % nodes.len()]`: every key lands on a live node, but a join moves
/// almost all of them.
struct ModuloPlacement;

impl ConsistentHash for ModuloPlacement {
    type Ring<N: Hash + Eq + Clone> = Vec<N>;
    fn new<N: Hash + Eq + Clone>(_vnodes: usize) -> Vec<N> {
        Vec::new()
    }
    fn add_node<N: Hash + Eq + Clone>(nodes: &mut Vec<N>, node: N) -> bool {
        if nodes.contains(&node) {
            return false;
        }
        nodes.push(node);
        true
    }
    fn remove_node<N: Hash + Eq + Clone>(nodes: &mut Vec<N>, node: &N) -> bool {
        let before = nodes.len();
        nodes.retain(|n| n != node);
        nodes.len() != before
    }
    fn node_for<'a, N: Hash + Eq + Clone, K: Hash + ?Sized>(
        nodes: &'a Vec<N>,
        key: &K,
    ) -> Option<&'a N> {
        if nodes.is_empty() {
            None
        } else {
            nodes.get((hash_of(key) % nodes.len() as u64) as usize)
        }
    }
    fn len<N: Hash + Eq + Clone>(nodes: &Vec<N>) -> usize {
        nodes.len()
    }
}

pub fn add(plan: Plan) -> Plan {
    plan.reject(
        "removes_any_point",
        checks::<RemovesAnyPoint>(),
        "consistent_hash::points_and_collisions",
        "removing twin must not remove them",
    )
    .reject(
        "strictly_after",
        checks::<StrictlyAfter>(),
        "consistent_hash::points_and_collisions",
        "a key whose hash is exactly point",
    )
    .reject(
        "scan_lookup",
        checks::<ScanLookup>(),
        "consistent_hash::lookup_gate",
        "grows too fast",
    )
    .reject(
        "empty_always",
        checks::<EmptyAlways>(),
        "consistent_hash::examples",
        "is_empty()",
    )
    .reject(
        "modulo_placement",
        checks::<ModuloPlacement>(),
        "consistent_hash::minimal_movement",
        "only keys that move TO the new node may move",
    )
    .reject(
        "adjacent_points",
        checks::<AdjacentPoints>(),
        "consistent_hash::balance",
        "unbalanced",
    )
    .reject(
        "rebuild_on_change",
        checks::<RebuildOnChange>(),
        "consistent_hash::hash_gate",
        "too many node hashes",
    )
    .reject(
        "retain_on_remove",
        checks::<RetainOnRemove>(),
        "consistent_hash::hash_gate",
        "too many node hashes",
    )
    .reject(
        "no_wrap_around",
        checks::<NoWrapAround>(),
        "consistent_hash::examples",
        "got:      None",
    )
    .reject(
        "no_wrap_around",
        checks::<NoWrapAround>(),
        "consistent_hash::maps_to_live_nodes",
        "expected: one of the nodes",
    )
}
