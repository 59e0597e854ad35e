//! Reference: a trie with a word count in every node.
//!
//! A word is the path of its symbols from the root. Each node keeps its children in a
//! `BTreeMap` (so a depth-first walk meets words in ascending order), whether a word ends
//! there, and `words`: how many stored words pass through or end at it.
//!
//! Invariant: `node.words` = (1 if a word ends at `node`) + the sum of its children's
//! `words`; so the root's `words` is the number of stored words, and `count_prefix` is one
//! walk of `prefix.len()` steps. Insertion checks for the word first, so a duplicate
//! touches no count.

use std::collections::BTreeMap;

struct Node<S> {
    children: BTreeMap<S, Node<S>>,
    is_word: bool,
    /// Stored words in this subtree, this node's own word included.
    words: usize,
}

impl<S> Node<S> {
    fn new() -> Self {
        Node {
            children: BTreeMap::new(),
            is_word: false,
            words: 0,
        }
    }
}

/// A set of words (slices of `S`) that answers prefix queries.
pub struct Trie<S> {
    root: Node<S>,
}

impl<S: Ord + Clone> Trie<S> {
    /// An empty trie.
    pub fn new() -> Self {
        Trie { root: Node::new() }
    }

    /// Adds `word`. Returns `true` if it was new, `false` if it was already there (then
    /// nothing changes). The empty word is allowed.
    pub fn insert(&mut self, word: &[S]) -> bool {
        if self.contains(word) {
            return false;
        }
        let mut node = &mut self.root;
        node.words += 1;
        for symbol in word {
            node = node
                .children
                .entry(symbol.clone())
                .or_insert_with(Node::new);
            node.words += 1;
        }
        node.is_word = true;
        true
    }

    /// Whether `word` itself was inserted (a mere prefix of a stored word does not count).
    pub fn contains(&self, word: &[S]) -> bool {
        self.node(word).is_some_and(|node| node.is_word)
    }

    /// How many stored words start with `prefix` (the prefix itself included if stored).
    pub fn count_prefix(&self, prefix: &[S]) -> usize {
        self.node(prefix).map_or(0, |node| node.words)
    }

    /// Every stored word that starts with `prefix`, in ascending order.
    pub fn starts_with(&self, prefix: &[S]) -> Vec<Vec<S>> {
        let mut found = Vec::new();
        if let Some(node) = self.node(prefix) {
            found.reserve(node.words);
            collect(node, &mut prefix.to_vec(), &mut found);
        }
        found
    }

    /// How many words are stored.
    pub fn len(&self) -> usize {
        self.root.words
    }

    /// Whether no word is stored.
    pub fn is_empty(&self) -> bool {
        self.root.words == 0
    }

    /// The node that `path` leads to from the root, if any.
    fn node(&self, path: &[S]) -> Option<&Node<S>> {
        path.iter()
            .try_fold(&self.root, |node, symbol| node.children.get(symbol))
    }
}

impl<S: Ord + Clone> Default for Trie<S> {
    fn default() -> Self {
        Self::new()
    }
}

/// Appends every word in `node`'s subtree to `found`, in order; `word` spells `node`'s path.
fn collect<S: Clone>(node: &Node<S>, word: &mut Vec<S>, found: &mut Vec<Vec<S>>) {
    if node.is_word {
        found.push(word.clone());
    }
    for (symbol, child) in &node.children {
        word.push(symbol.clone());
        collect(child, word, found);
        word.pop();
    }
}
