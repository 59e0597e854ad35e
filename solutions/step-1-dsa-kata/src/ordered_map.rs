//! Reference: an AVL tree of boxed nodes.
//!
//! Invariant: a binary search tree (every key in a node's left subtree is smaller than its
//! key, every key in its right subtree larger) in which the heights of any node's two
//! subtrees differ by at most 1. That keeps the height below 1.44·log2(n + 2), so `get`,
//! `insert` and `remove` compare O(log n) keys. `insert` and `remove` walk down recursively
//! and, on the way back up, repair each node with at most two rotations. Rotations move
//! boxes, never the nodes inside them: a value stays where it was allocated.

use std::cmp::Ordering;
use std::mem;
use std::ops::Range;

type Link<K, V> = Option<Box<Node<K, V>>>;

#[derive(Debug)]
struct Node<K, V> {
    key: K,
    value: V,
    /// The number of nodes on the longest path down from here, this one included.
    height: u8,
    left: Link<K, V>,
    right: Link<K, V>,
}

/// A map from keys to values, kept in key order, with range queries.
#[derive(Debug)]
pub struct OrderedMap<K, V> {
    root: Link<K, V>,
    len: usize,
}

impl<K: Ord, V> Default for OrderedMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Ord, V> OrderedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        OrderedMap { root: None, len: 0 }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Inserts or replaces; returns the value that was there before.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let (root, old) = insert(self.root.take(), key, value);
        self.root = Some(root);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// The value stored under `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        let mut link = &self.root;
        while let Some(node) = link {
            link = match key.cmp(&node.key) {
                Ordering::Less => &node.left,
                Ordering::Greater => &node.right,
                Ordering::Equal => return Some(&node.value),
            };
        }
        None
    }

    /// Removes `key`; returns its value if it was there.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        let (root, removed) = remove(self.root.take(), key);
        self.root = root;
        if removed.is_some() {
            self.len -= 1;
        }
        removed
    }

    /// The entry with the smallest key.
    pub fn first(&self) -> Option<(&K, &V)> {
        let mut node = self.root.as_deref()?;
        while let Some(left) = node.left.as_deref() {
            node = left;
        }
        Some((&node.key, &node.value))
    }

    /// The entry with the largest key.
    pub fn last(&self) -> Option<(&K, &V)> {
        let mut node = self.root.as_deref()?;
        while let Some(right) = node.right.as_deref() {
            node = right;
        }
        Some((&node.key, &node.value))
    }

    /// The entries with `range.start <= key < range.end`, in key order.
    pub fn range(&self, range: Range<K>) -> Vec<(&K, &V)> {
        let mut out = Vec::new();
        collect_range(&self.root, &range, &mut out);
        out
    }
}

fn height<K, V>(link: &Link<K, V>) -> u8 {
    link.as_ref().map_or(0, |node| node.height)
}

/// Left height minus right height.
fn balance<K, V>(node: &Node<K, V>) -> i16 {
    i16::from(height(&node.left)) - i16::from(height(&node.right))
}

fn update_height<K, V>(node: &mut Node<K, V>) {
    node.height = 1 + height(&node.left).max(height(&node.right));
}

/// ```text
///       node          left
///      /    \        /    \
///    left    c  ->  a     node
///   /    \               /    \
///  a      b             b      c
/// ```
fn rotate_right<K, V>(mut node: Box<Node<K, V>>) -> Box<Node<K, V>> {
    let mut left = node.left.take().expect("rotate_right needs a left child");
    node.left = left.right.take();
    update_height(&mut node);
    left.right = Some(node);
    update_height(&mut left);
    left
}

/// The mirror image of [`rotate_right`].
fn rotate_left<K, V>(mut node: Box<Node<K, V>>) -> Box<Node<K, V>> {
    let mut right = node.right.take().expect("rotate_left needs a right child");
    node.right = right.left.take();
    update_height(&mut node);
    right.left = Some(node);
    update_height(&mut right);
    right
}

/// Restores the AVL invariant at `node`, whose subtrees are valid AVL trees whose heights
/// differ by at most 2.
fn rebalance<K, V>(mut node: Box<Node<K, V>>) -> Box<Node<K, V>> {
    update_height(&mut node);
    match balance(&node) {
        2.. => {
            // Left-heavy. If the left child leans right, straighten it first (left-right case).
            // (A child's balance is -1, 0 or 1 here; 0 happens on remove only, and then one
            // rotation is enough.)
            if node.left.as_deref().is_some_and(|left| balance(left) == -1) {
                node.left = node.left.take().map(rotate_left);
            }
            rotate_right(node)
        }
        ..=-2 => {
            if node
                .right
                .as_deref()
                .is_some_and(|right| balance(right) == 1)
            {
                node.right = node.right.take().map(rotate_right);
            }
            rotate_left(node)
        }
        _ => node,
    }
}

fn insert<K: Ord, V>(link: Link<K, V>, key: K, value: V) -> (Box<Node<K, V>>, Option<V>) {
    let Some(mut node) = link else {
        let leaf = Node {
            key,
            value,
            height: 1,
            left: None,
            right: None,
        };
        return (Box::new(leaf), None);
    };
    match key.cmp(&node.key) {
        Ordering::Less => {
            let (left, old) = insert(node.left.take(), key, value);
            node.left = Some(left);
            (rebalance(node), old)
        }
        Ordering::Greater => {
            let (right, old) = insert(node.right.take(), key, value);
            node.right = Some(right);
            (rebalance(node), old)
        }
        Ordering::Equal => {
            let old = mem::replace(&mut node.value, value);
            (node, Some(old))
        }
    }
}

fn remove<K: Ord, V>(link: Link<K, V>, key: &K) -> (Link<K, V>, Option<V>) {
    let Some(mut node) = link else {
        return (None, None);
    };
    match key.cmp(&node.key) {
        Ordering::Less => {
            let (left, removed) = remove(node.left.take(), key);
            node.left = left;
            (Some(rebalance(node)), removed)
        }
        Ordering::Greater => {
            let (right, removed) = remove(node.right.take(), key);
            node.right = right;
            (Some(rebalance(node)), removed)
        }
        Ordering::Equal => {
            let Node {
                value, left, right, ..
            } = *node;
            let joined = match (left, right) {
                (None, only) | (only, None) => only,
                // Two children: the smallest node of the right subtree takes this place.
                (left, Some(right)) => {
                    let (rest, mut successor) = take_min(right);
                    successor.left = left;
                    successor.right = rest;
                    Some(rebalance(successor))
                }
            };
            (joined, Some(value))
        }
    }
}

/// Detaches the node with the smallest key; returns what is left of the subtree and it.
fn take_min<K, V>(mut node: Box<Node<K, V>>) -> (Link<K, V>, Box<Node<K, V>>) {
    match node.left.take() {
        None => (node.right.take(), node),
        Some(left) => {
            let (rest, min) = take_min(left);
            node.left = rest;
            (Some(rebalance(node)), min)
        }
    }
}

/// Appends the entries of `link` within `range`, in order, skipping subtrees that cannot
/// hold any.
fn collect_range<'a, K: Ord, V>(
    link: &'a Link<K, V>,
    range: &Range<K>,
    out: &mut Vec<(&'a K, &'a V)>,
) {
    let Some(node) = link else { return };
    if range.start < node.key {
        collect_range(&node.left, range, out);
    }
    let before_end = node.key < range.end;
    if range.start <= node.key && before_end {
        out.push((&node.key, &node.value));
    }
    if before_end {
        collect_range(&node.right, range, out);
    }
}
