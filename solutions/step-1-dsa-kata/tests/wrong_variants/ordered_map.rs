//! Known-wrong variants of `ordered_map`: a plain (unbalanced) binary search tree, a sorted
//! `Vec` with binary search (log n comparisons, but O(n) moves per insert), a sorted `Vec`
//! searched linearly, one whose range includes its end, an AVL tree with one rebalancing
//! arm only (descending inserts make a list) whose range walks the whole tree, an
//! `is_empty` that is always true, and entries in an arena with a sorted `Vec` of their
//! indices (values never move, but each insert shifts O(n) indices). And a correct map
//! written differently from the reference's boxed AVL tree, which every check (but the
//! source rule, which reads the learner's file) must accept: a skip list whose nodes live
//! in an arena (a `Vec`), and a treap of boxed nodes.

use std::cmp::Ordering;
use std::mem;
use std::ops::Range;

use harness::Plan;
use harness::step1::ordered_map::{OrderedMap, checks};

// ---------------------------------------------------------------------------------------
// A binary search tree that never rebalances: sorted inserts make it a linked list.

struct Node<K, V> {
    key: K,
    value: V,
    /// Kept by the one-sided AVL tree only.
    height: i32,
    left: Option<Box<Node<K, V>>>,
    right: Option<Box<Node<K, V>>>,
}

pub struct Bst<K, V> {
    root: Option<Box<Node<K, V>>>,
    len: usize,
}

fn bst_remove<K: Ord, V>(link: &mut Option<Box<Node<K, V>>>, key: &K) -> Option<V> {
    let node = link.as_mut()?;
    match key.cmp(&node.key) {
        Ordering::Less => bst_remove(&mut node.left, key),
        Ordering::Greater => bst_remove(&mut node.right, key),
        Ordering::Equal => {
            let mut node = link.take().unwrap();
            *link = match (node.left.take(), node.right.take()) {
                (None, only) | (only, None) => only,
                (left, Some(mut right)) => {
                    // Hang the left subtree under the smallest node of the right one.
                    let mut min = &mut right;
                    while min.left.is_some() {
                        min = min.left.as_mut().unwrap();
                    }
                    min.left = left;
                    Some(right)
                }
            };
            Some(node.value)
        }
    }
}

fn bst_range<'a, K: Ord, V>(
    link: &'a Option<Box<Node<K, V>>>,
    range: &Range<K>,
    out: &mut Vec<(&'a K, &'a V)>,
) {
    if let Some(node) = link {
        bst_range(&node.left, range, out);
        if range.contains(&node.key) {
            out.push((&node.key, &node.value));
        }
        bst_range(&node.right, range, out);
    }
}

struct UnbalancedBst;

impl OrderedMap for UnbalancedBst {
    type Map<K: Ord, V> = Bst<K, V>;
    fn new<K: Ord, V>() -> Bst<K, V> {
        Bst { root: None, len: 0 }
    }
    fn insert<K: Ord, V>(map: &mut Bst<K, V>, key: K, value: V) -> Option<V> {
        let mut link = &mut map.root;
        while let Some(node) = link {
            link = match key.cmp(&node.key) {
                Ordering::Less => &mut node.left,
                Ordering::Greater => &mut node.right,
                Ordering::Equal => return Some(mem::replace(&mut node.value, value)),
            };
        }
        *link = Some(Box::new(Node {
            key,
            value,
            height: 1,
            left: None,
            right: None,
        }));
        map.len += 1;
        None
    }
    fn get<'a, K: Ord, V>(map: &'a Bst<K, V>, key: &K) -> Option<&'a V> {
        let mut link = &map.root;
        while let Some(node) = link {
            link = match key.cmp(&node.key) {
                Ordering::Less => &node.left,
                Ordering::Greater => &node.right,
                Ordering::Equal => return Some(&node.value),
            };
        }
        None
    }
    fn remove<K: Ord, V>(map: &mut Bst<K, V>, key: &K) -> Option<V> {
        let removed = bst_remove(&mut map.root, key);
        if removed.is_some() {
            map.len -= 1;
        }
        removed
    }
    fn len<K: Ord, V>(map: &Bst<K, V>) -> usize {
        map.len
    }
    fn first<K: Ord, V>(map: &Bst<K, V>) -> Option<(&K, &V)> {
        let mut node = map.root.as_deref()?;
        while let Some(left) = node.left.as_deref() {
            node = left;
        }
        Some((&node.key, &node.value))
    }
    fn last<K: Ord, V>(map: &Bst<K, V>) -> Option<(&K, &V)> {
        let mut node = map.root.as_deref()?;
        while let Some(right) = node.right.as_deref() {
            node = right;
        }
        Some((&node.key, &node.value))
    }
    fn range<K: Ord, V>(map: &Bst<K, V>, range: Range<K>) -> Vec<(&K, &V)> {
        let mut out = Vec::new();
        bst_range(&map.root, &range, &mut out);
        out
    }
}

// ---------------------------------------------------------------------------------------
// An AVL tree with one rebalancing arm only (right-heavy nodes rotate left): ascending
// inserts stay balanced, descending ones grow one long left branch. Its `range` walks the
// whole tree and keeps the keys in range: O(n) per query.

/// The height of a subtree, from the heights its nodes store.
fn height<K, V>(link: &Option<Box<Node<K, V>>>) -> i32 {
    link.as_ref().map_or(0, |node| node.height)
}

fn update<K, V>(node: &mut Node<K, V>) {
    node.height = 1 + height(&node.left).max(height(&node.right));
}

fn rotate_left<K, V>(mut node: Box<Node<K, V>>) -> Box<Node<K, V>> {
    let mut right = node
        .right
        .take()
        .expect("a right-heavy node has a right child");
    node.right = right.left.take();
    update(&mut node);
    right.left = Some(node);
    update(&mut right);
    right
}

fn one_sided_insert<K: Ord, V>(
    link: Option<Box<Node<K, V>>>,
    key: K,
    value: V,
    old: &mut Option<V>,
) -> Box<Node<K, V>> {
    let Some(mut node) = link else {
        return Box::new(Node {
            key,
            value,
            height: 1,
            left: None,
            right: None,
        });
    };
    match key.cmp(&node.key) {
        Ordering::Less => node.left = Some(one_sided_insert(node.left.take(), key, value, old)),
        Ordering::Greater => {
            node.right = Some(one_sided_insert(node.right.take(), key, value, old))
        }
        Ordering::Equal => *old = Some(mem::replace(&mut node.value, value)),
    }
    update(&mut node);
    // The left-heavy arm (rotate right) is missing.
    if height(&node.right) - height(&node.left) > 1 {
        node = rotate_left(node);
    }
    node
}

struct OneSidedAvl;

impl OrderedMap for OneSidedAvl {
    type Map<K: Ord, V> = Bst<K, V>;
    fn new<K: Ord + 'static, V: 'static>() -> Bst<K, V> {
        UnbalancedBst::new()
    }
    fn insert<K: Ord + 'static, V: 'static>(map: &mut Bst<K, V>, key: K, value: V) -> Option<V> {
        let mut old = None;
        map.root = Some(one_sided_insert(map.root.take(), key, value, &mut old));
        if old.is_none() {
            map.len += 1;
        }
        old
    }
    fn get<'a, K: Ord + 'static, V: 'static>(map: &'a Bst<K, V>, key: &K) -> Option<&'a V> {
        UnbalancedBst::get(map, key)
    }
    fn remove<K: Ord + 'static, V: 'static>(map: &mut Bst<K, V>, key: &K) -> Option<V> {
        UnbalancedBst::remove(map, key)
    }
    fn len<K: Ord + 'static, V: 'static>(map: &Bst<K, V>) -> usize {
        map.len
    }
    fn first<K: Ord + 'static, V: 'static>(map: &Bst<K, V>) -> Option<(&K, &V)> {
        UnbalancedBst::first(map)
    }
    fn last<K: Ord + 'static, V: 'static>(map: &Bst<K, V>) -> Option<(&K, &V)> {
        UnbalancedBst::last(map)
    }
    fn range<K: Ord + 'static, V: 'static>(map: &Bst<K, V>, range: Range<K>) -> Vec<(&K, &V)> {
        UnbalancedBst::range(map, range)
    }
}

// ---------------------------------------------------------------------------------------
// Sorted vectors of entries, in three flavours.

/// `BINARY`: find the slot by binary search (else a linear scan). `INCLUSIVE`: `range`
/// wrongly includes its end key.
pub struct VecMap<K, V, const BINARY: bool, const INCLUSIVE: bool> {
    entries: Vec<(K, V)>,
}

impl<K: Ord, V, const BINARY: bool, const INCLUSIVE: bool> VecMap<K, V, BINARY, INCLUSIVE> {
    /// `Ok(index)` of `key`, or `Err(index)` where it would go.
    fn find(&self, key: &K) -> Result<usize, usize> {
        if BINARY {
            self.entries.binary_search_by(|(k, _)| k.cmp(key))
        } else {
            match self.entries.iter().position(|(k, _)| k >= key) {
                Some(i) if self.entries[i].0 == *key => Ok(i),
                Some(i) => Err(i),
                None => Err(self.entries.len()),
            }
        }
    }
}

struct SortedVecMap<const BINARY: bool, const INCLUSIVE: bool>;

impl<const BINARY: bool, const INCLUSIVE: bool> OrderedMap for SortedVecMap<BINARY, INCLUSIVE> {
    type Map<K: Ord, V> = VecMap<K, V, BINARY, INCLUSIVE>;
    fn new<K: Ord, V>() -> Self::Map<K, V> {
        VecMap {
            entries: Vec::new(),
        }
    }
    fn insert<K: Ord, V>(map: &mut Self::Map<K, V>, key: K, value: V) -> Option<V> {
        match map.find(&key) {
            Ok(i) => Some(mem::replace(&mut map.entries[i].1, value)),
            Err(i) => {
                map.entries.insert(i, (key, value)); // shifts every later entry
                None
            }
        }
    }
    fn get<'a, K: Ord, V>(map: &'a Self::Map<K, V>, key: &K) -> Option<&'a V> {
        map.find(key).ok().map(|i| &map.entries[i].1)
    }
    fn remove<K: Ord, V>(map: &mut Self::Map<K, V>, key: &K) -> Option<V> {
        map.find(key).ok().map(|i| map.entries.remove(i).1)
    }
    fn len<K: Ord, V>(map: &Self::Map<K, V>) -> usize {
        map.entries.len()
    }
    fn first<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        map.entries.first().map(|(k, v)| (k, v))
    }
    fn last<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        map.entries.last().map(|(k, v)| (k, v))
    }
    fn range<K: Ord, V>(map: &Self::Map<K, V>, range: Range<K>) -> Vec<(&K, &V)> {
        map.entries
            .iter()
            .filter(|(k, _)| {
                *k >= range.start && (*k < range.end || (INCLUSIVE && *k == range.end))
            })
            .map(|(k, v)| (k, v))
            .collect()
    }
}

/// The reference, with an `is_empty` that always says yes.
struct EmptyAlways;

impl OrderedMap for EmptyAlways {
    type Map<K: Ord, V> = solution_step_1::ordered_map::OrderedMap<K, V>;
    fn new<K: Ord, V>() -> Self::Map<K, V> {
        Self::Map::new()
    }
    fn insert<K: Ord, V>(map: &mut Self::Map<K, V>, key: K, value: V) -> Option<V> {
        map.insert(key, value)
    }
    fn get<'a, K: Ord, V>(map: &'a Self::Map<K, V>, key: &K) -> Option<&'a V> {
        map.get(key)
    }
    fn remove<K: Ord, V>(map: &mut Self::Map<K, V>, key: &K) -> Option<V> {
        map.remove(key)
    }
    fn len<K: Ord, V>(map: &Self::Map<K, V>) -> usize {
        map.len()
    }
    fn is_empty<K: Ord, V>(_: &Self::Map<K, V>) -> bool {
        true
    }
    fn first<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        map.first()
    }
    fn last<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        map.last()
    }
    fn range<K: Ord, V>(map: &Self::Map<K, V>, range: Range<K>) -> Vec<(&K, &V)> {
        map.range(range)
    }
}

/// Right answers from std's `BTreeMap`: the tree the kata asks you to write.
struct StdBTreeMap;

impl OrderedMap for StdBTreeMap {
    const SOURCE: &'static str = include_str!("ordered_map.rs");
    type Map<K: Ord, V> = std::collections::BTreeMap<K, V>;
    fn new<K: Ord, V>() -> Self::Map<K, V> {
        std::collections::BTreeMap::new()
    }
    fn insert<K: Ord, V>(map: &mut Self::Map<K, V>, key: K, value: V) -> Option<V> {
        map.insert(key, value)
    }
    fn get<'a, K: Ord, V>(map: &'a Self::Map<K, V>, key: &K) -> Option<&'a V> {
        map.get(key)
    }
    fn remove<K: Ord, V>(map: &mut Self::Map<K, V>, key: &K) -> Option<V> {
        map.remove(key)
    }
    fn len<K: Ord, V>(map: &Self::Map<K, V>) -> usize {
        map.len()
    }
    fn first<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        map.first_key_value()
    }
    fn last<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        map.last_key_value()
    }
    fn range<K: Ord, V>(map: &Self::Map<K, V>, range: Range<K>) -> Vec<(&K, &V)> {
        if range.start >= range.end {
            return Vec::new();
        }
        map.range(range).collect()
    }
}

// ---------------------------------------------------------------------------------------
// Entries in an arena that only grows, found through a sorted `Vec` of their indices.

pub struct ArenaIndex<K, V> {
    /// Entries where they were first put; a removed one leaves `None`.
    arena: Vec<Option<(K, V)>>,
    /// Arena indices, in key order: the only thing an insert shifts.
    index: Vec<usize>,
}

impl<K: Ord, V> ArenaIndex<K, V> {
    fn entry(&self, at: usize) -> &(K, V) {
        self.arena[at].as_ref().expect("indexed entries are live")
    }

    /// `Ok(position in the index)` of `key`, or `Err(position)` where it would go.
    fn find(&self, key: &K) -> Result<usize, usize> {
        self.index.binary_search_by(|&at| self.entry(at).0.cmp(key))
    }

    fn pair(&self, at: usize) -> (&K, &V) {
        let (key, value) = self.entry(at);
        (key, value)
    }
}

struct SortedIndexArena;

impl OrderedMap for SortedIndexArena {
    type Map<K: Ord, V> = ArenaIndex<K, V>;
    fn new<K: Ord, V>() -> Self::Map<K, V> {
        ArenaIndex {
            arena: Vec::new(),
            index: Vec::new(),
        }
    }
    fn insert<K: Ord, V>(map: &mut Self::Map<K, V>, key: K, value: V) -> Option<V> {
        match map.find(&key) {
            Ok(i) => {
                let at = map.index[i];
                let entry = map.arena[at].as_mut().expect("indexed entries are live");
                Some(mem::replace(&mut entry.1, value))
            }
            Err(i) => {
                map.arena.push(Some((key, value)));
                map.index.insert(i, map.arena.len() - 1); // shifts every later index
                None
            }
        }
    }
    fn get<'a, K: Ord, V>(map: &'a Self::Map<K, V>, key: &K) -> Option<&'a V> {
        let i = map.find(key).ok()?;
        Some(&map.entry(map.index[i]).1)
    }
    fn remove<K: Ord, V>(map: &mut Self::Map<K, V>, key: &K) -> Option<V> {
        let i = map.find(key).ok()?;
        let at = map.index.remove(i);
        map.arena[at].take().map(|(_, value)| value)
    }
    fn len<K: Ord, V>(map: &Self::Map<K, V>) -> usize {
        map.index.len()
    }
    fn first<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        map.index.first().map(|&at| map.pair(at))
    }
    fn last<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        map.index.last().map(|&at| map.pair(at))
    }
    fn range<K: Ord, V>(map: &Self::Map<K, V>, range: Range<K>) -> Vec<(&K, &V)> {
        let start = map.index.partition_point(|&at| map.entry(at).0 < range.start);
        map.index[start..]
            .iter()
            .map(|&at| map.pair(at))
            .take_while(|(key, _)| **key < range.end)
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// A correct skip list in an arena: node 0 is the head; links are arena indices.

const LEVELS: usize = 24;
const NIL: usize = usize::MAX;

struct SkipNode<K, V> {
    /// `None` for the head, and for a removed node (unlinked, never reached again).
    entry: Option<(K, V)>,
    /// The next node on each of this node's levels.
    next: Vec<usize>,
}

pub struct SkipList<K, V> {
    nodes: Vec<SkipNode<K, V>>,
    /// Levels in use (the head's links above them are all `NIL`).
    levels: usize,
    len: usize,
    /// An xorshift state for the random levels of new nodes.
    rng: u64,
}

impl<K: Ord, V> SkipList<K, V> {
    fn key(&self, at: usize) -> &K {
        &self.nodes[at].entry.as_ref().expect("linked nodes are live").0
    }

    /// The last node before `key` on every level in use.
    fn before(&self, key: &K) -> [usize; LEVELS] {
        let mut path = [0; LEVELS];
        let mut at = 0;
        for level in (0..self.levels).rev() {
            loop {
                let next = self.nodes[at].next[level];
                if next != NIL && self.key(next) < key {
                    at = next;
                } else {
                    break;
                }
            }
            path[level] = at;
        }
        path
    }

    /// The node holding `key`, after `before(key)`.
    fn found(&self, path: &[usize; LEVELS], key: &K) -> Option<usize> {
        let next = self.nodes[path[0]].next[0];
        (next != NIL && self.key(next) == key).then_some(next)
    }

    fn pair(&self, at: usize) -> (&K, &V) {
        let (key, value) = self.nodes[at].entry.as_ref().expect("linked nodes are live");
        (key, value)
    }

    fn random_levels(&mut self) -> usize {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        1 + (self.rng.trailing_ones() as usize).min(LEVELS - 1)
    }
}

struct ArenaSkipList;

impl OrderedMap for ArenaSkipList {
    type Map<K: Ord, V> = SkipList<K, V>;
    fn new<K: Ord, V>() -> Self::Map<K, V> {
        SkipList {
            nodes: vec![SkipNode {
                entry: None,
                next: vec![NIL; LEVELS],
            }],
            levels: 1,
            len: 0,
            rng: 0x2545_F491_4F6C_DD1D,
        }
    }
    fn insert<K: Ord, V>(map: &mut Self::Map<K, V>, key: K, value: V) -> Option<V> {
        let mut path = map.before(&key);
        if let Some(at) = map.found(&path, &key) {
            let entry = map.nodes[at].entry.as_mut().expect("linked nodes are live");
            return Some(mem::replace(&mut entry.1, value));
        }
        let levels = map.random_levels();
        for slot in path.iter_mut().take(levels).skip(map.levels) {
            *slot = 0; // new levels start at the head
        }
        map.levels = map.levels.max(levels);
        let at = map.nodes.len();
        let next = (0..levels).map(|l| map.nodes[path[l]].next[l]).collect();
        map.nodes.push(SkipNode {
            entry: Some((key, value)),
            next,
        });
        for (level, &before) in path.iter().enumerate().take(levels) {
            map.nodes[before].next[level] = at;
        }
        map.len += 1;
        None
    }
    fn get<'a, K: Ord, V>(map: &'a Self::Map<K, V>, key: &K) -> Option<&'a V> {
        let at = map.found(&map.before(key), key)?;
        Some(map.pair(at).1)
    }
    fn remove<K: Ord, V>(map: &mut Self::Map<K, V>, key: &K) -> Option<V> {
        let path = map.before(key);
        let at = map.found(&path, key)?;
        for (level, &before) in path.iter().enumerate().take(map.nodes[at].next.len()) {
            map.nodes[before].next[level] = map.nodes[at].next[level];
        }
        map.len -= 1;
        map.nodes[at].entry.take().map(|(_, value)| value)
    }
    fn len<K: Ord, V>(map: &Self::Map<K, V>) -> usize {
        map.len
    }
    fn first<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        let at = map.nodes[0].next[0];
        (at != NIL).then(|| map.pair(at))
    }
    fn last<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        let mut at = 0;
        for level in (0..map.levels).rev() {
            while map.nodes[at].next[level] != NIL {
                at = map.nodes[at].next[level];
            }
        }
        (at != 0).then(|| map.pair(at))
    }
    fn range<K: Ord, V>(map: &Self::Map<K, V>, range: Range<K>) -> Vec<(&K, &V)> {
        let mut out = Vec::new();
        if range.start >= range.end {
            return out;
        }
        let mut at = map.nodes[map.before(&range.start)[0]].next[0];
        while at != NIL && *map.key(at) < range.end {
            out.push(map.pair(at));
            at = map.nodes[at].next[0];
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// A correct treap: a binary search tree of boxed nodes kept in heap order of random
// priorities by rotations (expected depth O(log n)); remove merges the node's subtrees.

type TreapLink<K, V> = Option<Box<TreapNode<K, V>>>;

pub struct TreapNode<K, V> {
    key: K,
    value: V,
    priority: u64,
    left: TreapLink<K, V>,
    right: TreapLink<K, V>,
}

pub struct Treap<K, V> {
    root: TreapLink<K, V>,
    len: usize,
    /// An xorshift state for the priorities of new nodes.
    rng: u64,
}

fn treap_insert<K: Ord, V>(
    link: TreapLink<K, V>,
    entry: (K, V, u64),
    old: &mut Option<V>,
) -> Box<TreapNode<K, V>> {
    let (key, value, priority) = entry;
    let Some(mut node) = link else {
        return Box::new(TreapNode {
            key,
            value,
            priority,
            left: None,
            right: None,
        });
    };
    match key.cmp(&node.key) {
        Ordering::Less => {
            let mut left = treap_insert(node.left.take(), (key, value, priority), old);
            if left.priority > node.priority {
                node.left = left.right.take();
                left.right = Some(node);
                return left;
            }
            node.left = Some(left);
        }
        Ordering::Greater => {
            let mut right = treap_insert(node.right.take(), (key, value, priority), old);
            if right.priority > node.priority {
                node.right = right.left.take();
                right.left = Some(node);
                return right;
            }
            node.right = Some(right);
        }
        Ordering::Equal => *old = Some(mem::replace(&mut node.value, value)),
    }
    node
}

/// Joins two treaps, every key of `small` below every key of `large`.
fn treap_merge<K, V>(small: TreapLink<K, V>, large: TreapLink<K, V>) -> TreapLink<K, V> {
    match (small, large) {
        (None, only) | (only, None) => only,
        (Some(mut small), Some(mut large)) => {
            if small.priority > large.priority {
                small.right = treap_merge(small.right.take(), Some(large));
                Some(small)
            } else {
                large.left = treap_merge(Some(small), large.left.take());
                Some(large)
            }
        }
    }
}

fn treap_remove<K: Ord, V>(link: &mut TreapLink<K, V>, key: &K) -> Option<V> {
    let node = link.as_mut()?;
    match key.cmp(&node.key) {
        Ordering::Less => treap_remove(&mut node.left, key),
        Ordering::Greater => treap_remove(&mut node.right, key),
        Ordering::Equal => {
            let mut node = link.take().expect("matched above");
            *link = treap_merge(node.left.take(), node.right.take());
            Some(node.value)
        }
    }
}

fn treap_range<'a, K: Ord, V>(
    link: &'a TreapLink<K, V>,
    range: &Range<K>,
    out: &mut Vec<(&'a K, &'a V)>,
) {
    let Some(node) = link else { return };
    if range.start < node.key {
        treap_range(&node.left, range, out);
    }
    let before_end = node.key < range.end;
    if range.start <= node.key && before_end {
        out.push((&node.key, &node.value));
    }
    if before_end {
        treap_range(&node.right, range, out);
    }
}

struct BoxedTreap;

impl OrderedMap for BoxedTreap {
    type Map<K: Ord, V> = Treap<K, V>;
    fn new<K: Ord, V>() -> Self::Map<K, V> {
        Treap {
            root: None,
            len: 0,
            rng: 0x9E37_79B9_7F4A_7C15,
        }
    }
    fn insert<K: Ord, V>(map: &mut Self::Map<K, V>, key: K, value: V) -> Option<V> {
        map.rng ^= map.rng << 13;
        map.rng ^= map.rng >> 7;
        map.rng ^= map.rng << 17;
        let mut old = None;
        map.root = Some(treap_insert(map.root.take(), (key, value, map.rng), &mut old));
        if old.is_none() {
            map.len += 1;
        }
        old
    }
    fn get<'a, K: Ord, V>(map: &'a Self::Map<K, V>, key: &K) -> Option<&'a V> {
        let mut link = &map.root;
        while let Some(node) = link {
            link = match key.cmp(&node.key) {
                Ordering::Less => &node.left,
                Ordering::Greater => &node.right,
                Ordering::Equal => return Some(&node.value),
            };
        }
        None
    }
    fn remove<K: Ord, V>(map: &mut Self::Map<K, V>, key: &K) -> Option<V> {
        let removed = treap_remove(&mut map.root, key);
        if removed.is_some() {
            map.len -= 1;
        }
        removed
    }
    fn len<K: Ord, V>(map: &Self::Map<K, V>) -> usize {
        map.len
    }
    fn first<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        let mut node = map.root.as_deref()?;
        while let Some(left) = node.left.as_deref() {
            node = left;
        }
        Some((&node.key, &node.value))
    }
    fn last<K: Ord, V>(map: &Self::Map<K, V>) -> Option<(&K, &V)> {
        let mut node = map.root.as_deref()?;
        while let Some(right) = node.right.as_deref() {
            node = right;
        }
        Some((&node.key, &node.value))
    }
    fn range<K: Ord, V>(map: &Self::Map<K, V>, range: Range<K>) -> Vec<(&K, &V)> {
        let mut out = Vec::new();
        treap_range(&map.root, &range, &mut out);
        out
    }
}

pub fn add(plan: Plan) -> Plan {
    let mut plan = plan;
    for check in checks::<ArenaSkipList>() {
        if check.id() != "ordered_map::no_std_shortcut" {
            plan = crate::accept(plan, "arena_skip_list", vec![check.clone()], &check.id());
        }
    }
    for check in checks::<BoxedTreap>() {
        if check.id() != "ordered_map::no_std_shortcut" {
            plan = crate::accept(plan, "boxed_treap", vec![check.clone()], &check.id());
        }
    }
    let plan = plan.reject(
        "sorted_index_arena",
        checks::<SortedIndexArena>(),
        "ordered_map::front_inserts_gate",
        "grows too fast",
    );
    let plan = plan.reject(
        "std_btreemap",
        checks::<StdBTreeMap>(),
        "ordered_map::no_std_shortcut",
        "not to use `BTreeMap`",
    );
    let plan = crate::accept(
        plan,
        "one_sided_avl",
        checks::<OneSidedAvl>(),
        "ordered_map::random_inserts_gate",
    );
    plan.reject(
        "unbalanced_bst",
        checks::<UnbalancedBst>(),
        "ordered_map::sorted_inserts_gate",
        "too many comparisons per insert or get (keys inserted in ascending order)",
    )
    .reject(
        "one_sided_avl",
        checks::<OneSidedAvl>(),
        "ordered_map::sorted_inserts_gate",
        "too many comparisons per insert or get (keys inserted in descending order)",
    )
    .reject(
        "one_sided_avl",
        checks::<OneSidedAvl>(),
        "ordered_map::range_gate",
        "too many comparisons + words allocated per range query",
    )
    .reject(
        "empty_always",
        checks::<EmptyAlways>(),
        "ordered_map::examples",
        "is_empty()",
    )
    .reject(
        "sorted_vec",
        checks::<SortedVecMap<true, false>>(),
        "ordered_map::moves_gate",
        "too many entries moved in memory per insert",
    )
    .reject(
        "sorted_vec_linear_search",
        checks::<SortedVecMap<false, false>>(),
        "ordered_map::random_inserts_gate",
        "too many comparisons per insert or get (keys inserted in random order)",
    )
    .reject(
        "inclusive_range",
        checks::<SortedVecMap<true, true>>(),
        "ordered_map::examples",
        "range(31..50)",
    )
    .reject(
        "inclusive_range",
        checks::<SortedVecMap<true, true>>(),
        "ordered_map::matches_btreemap",
        "range(",
    )
}
