//! Known-wrong variants of `trie`: a sorted set of words filtered linearly on every prefix
//! query (right answers, O(n) per query), a sorted `Vec` of words searched by binary search
//! (right answers, O(length · log n) per query), a list that stores duplicates twice, and a
//! list that returns completions in insertion order instead of sorted. And correct tries
//! written differently from the reference (a `BTreeMap` of children), which every check
//! must accept: children in a sorted `Vec` found by binary search, and children in an
//! unsorted `Vec` scanned from the start.

use std::collections::BTreeSet;

use harness::Plan;
use harness::step1::trie::{Trie, checks};

/// Every word in a `BTreeSet`; prefix queries filter all of them: O(n) per query.
struct LinearFilter;

impl Trie for LinearFilter {
    type Tree<S: Ord + Clone> = BTreeSet<Vec<S>>;

    fn new<S: Ord + Clone>() -> BTreeSet<Vec<S>> {
        BTreeSet::new()
    }

    fn insert<S: Ord + Clone>(trie: &mut BTreeSet<Vec<S>>, word: &[S]) -> bool {
        trie.insert(word.to_vec())
    }

    fn contains<S: Ord + Clone>(trie: &BTreeSet<Vec<S>>, word: &[S]) -> bool {
        trie.iter().any(|w| w == word)
    }

    fn count_prefix<S: Ord + Clone>(trie: &BTreeSet<Vec<S>>, prefix: &[S]) -> usize {
        trie.iter().filter(|w| w.starts_with(prefix)).count()
    }

    fn starts_with<S: Ord + Clone>(trie: &BTreeSet<Vec<S>>, prefix: &[S]) -> Vec<Vec<S>> {
        trie.iter()
            .filter(|w| w.starts_with(prefix))
            .cloned()
            .collect()
    }

    fn len<S: Ord + Clone>(trie: &BTreeSet<Vec<S>>) -> usize {
        trie.len()
    }

    fn is_empty<S: Ord + Clone>(trie: &BTreeSet<Vec<S>>) -> bool {
        trie.is_empty()
    }
}

/// Words in insertion order. `dedup` decides whether a second insert of a word is ignored,
/// `sorted` whether `starts_with` sorts its answer.
struct WordList<S> {
    words: Vec<Vec<S>>,
}

fn list_insert<S: Ord + Clone>(list: &mut WordList<S>, word: &[S], dedup: bool) -> bool {
    if dedup && list.words.iter().any(|w| w == word) {
        return false;
    }
    list.words.push(word.to_vec());
    true
}

fn list_starts_with<S: Ord + Clone>(list: &WordList<S>, prefix: &[S], sorted: bool) -> Vec<Vec<S>> {
    let mut found: Vec<Vec<S>> = list
        .words
        .iter()
        .filter(|w| w.starts_with(prefix))
        .cloned()
        .collect();
    if sorted {
        found.sort();
    }
    found
}

/// Stores a word again on every insert: counts and completions include duplicates.
struct KeepsDuplicates;

impl Trie for KeepsDuplicates {
    type Tree<S: Ord + Clone> = WordList<S>;

    fn new<S: Ord + Clone>() -> WordList<S> {
        WordList { words: Vec::new() }
    }

    fn insert<S: Ord + Clone>(trie: &mut WordList<S>, word: &[S]) -> bool {
        list_insert(trie, word, false)
    }

    fn contains<S: Ord + Clone>(trie: &WordList<S>, word: &[S]) -> bool {
        trie.words.iter().any(|w| w == word)
    }

    fn count_prefix<S: Ord + Clone>(trie: &WordList<S>, prefix: &[S]) -> usize {
        list_starts_with(trie, prefix, true).len()
    }

    fn starts_with<S: Ord + Clone>(trie: &WordList<S>, prefix: &[S]) -> Vec<Vec<S>> {
        list_starts_with(trie, prefix, true)
    }

    fn len<S: Ord + Clone>(trie: &WordList<S>) -> usize {
        trie.words.len()
    }

    fn is_empty<S: Ord + Clone>(trie: &WordList<S>) -> bool {
        trie.words.is_empty()
    }
}

/// Returns completions in insertion order, not sorted.
struct Unsorted;

impl Trie for Unsorted {
    type Tree<S: Ord + Clone> = WordList<S>;

    fn new<S: Ord + Clone>() -> WordList<S> {
        WordList { words: Vec::new() }
    }

    fn insert<S: Ord + Clone>(trie: &mut WordList<S>, word: &[S]) -> bool {
        list_insert(trie, word, true)
    }

    fn contains<S: Ord + Clone>(trie: &WordList<S>, word: &[S]) -> bool {
        trie.words.iter().any(|w| w == word)
    }

    fn count_prefix<S: Ord + Clone>(trie: &WordList<S>, prefix: &[S]) -> usize {
        list_starts_with(trie, prefix, false).len()
    }

    fn starts_with<S: Ord + Clone>(trie: &WordList<S>, prefix: &[S]) -> Vec<Vec<S>> {
        list_starts_with(trie, prefix, false)
    }

    fn len<S: Ord + Clone>(trie: &WordList<S>) -> usize {
        trie.words.len()
    }

    fn is_empty<S: Ord + Clone>(trie: &WordList<S>) -> bool {
        trie.words.is_empty()
    }
}

/// Every word in a sorted `Vec`, found by binary search: log2(n) word comparisons per
/// query, each comparing the words' shared start again.
struct SortedVec;

/// The words of `words` (sorted) that start with `prefix`: a contiguous run.
fn prefix_run<'a, S: Ord>(words: &'a [Vec<S>], prefix: &[S]) -> &'a [Vec<S>] {
    let start = words.partition_point(|w| w.as_slice() < prefix);
    let len = words[start..].partition_point(|w| w.starts_with(prefix));
    &words[start..start + len]
}

impl Trie for SortedVec {
    type Tree<S: Ord + Clone> = Vec<Vec<S>>;

    fn new<S: Ord + Clone>() -> Vec<Vec<S>> {
        Vec::new()
    }

    fn insert<S: Ord + Clone>(trie: &mut Vec<Vec<S>>, word: &[S]) -> bool {
        match trie.binary_search_by(|w| w.as_slice().cmp(word)) {
            Ok(_) => false,
            Err(slot) => {
                trie.insert(slot, word.to_vec());
                true
            }
        }
    }

    fn contains<S: Ord + Clone>(trie: &Vec<Vec<S>>, word: &[S]) -> bool {
        trie.binary_search_by(|w| w.as_slice().cmp(word)).is_ok()
    }

    fn count_prefix<S: Ord + Clone>(trie: &Vec<Vec<S>>, prefix: &[S]) -> usize {
        prefix_run(trie, prefix).len()
    }

    fn starts_with<S: Ord + Clone>(trie: &Vec<Vec<S>>, prefix: &[S]) -> Vec<Vec<S>> {
        prefix_run(trie, prefix).to_vec()
    }

    fn len<S: Ord + Clone>(trie: &Vec<Vec<S>>) -> usize {
        trie.len()
    }

    fn is_empty<S: Ord + Clone>(trie: &Vec<Vec<S>>) -> bool {
        trie.is_empty()
    }
}

/// A correct trie node whose children live in a `Vec` of pairs: kept sorted and found by
/// binary search (`SORTED`), or in insertion order, scanned from the start and sorted when
/// `starts_with` walks them.
pub struct Node<S, const SORTED: bool> {
    children: Vec<(S, Node<S, SORTED>)>,
    is_word: bool,
    words: usize,
}

impl<S: Ord + Clone, const SORTED: bool> Node<S, SORTED> {
    fn new() -> Self {
        Node {
            children: Vec::new(),
            is_word: false,
            words: 0,
        }
    }

    /// `Ok(index)` of `symbol`'s child, or `Err(index)` where a new one goes.
    fn slot(&self, symbol: &S) -> Result<usize, usize> {
        if SORTED {
            self.children.binary_search_by(|(s, _)| s.cmp(symbol))
        } else {
            let found = self.children.iter().position(|(s, _)| s == symbol);
            found.ok_or(self.children.len())
        }
    }

    fn find(&self, path: &[S]) -> Option<&Self> {
        path.iter().try_fold(self, |node, symbol| {
            node.slot(symbol).ok().map(|at| &node.children[at].1)
        })
    }

    fn collect(&self, word: &mut Vec<S>, found: &mut Vec<Vec<S>>) {
        if self.is_word {
            found.push(word.clone());
        }
        let mut children: Vec<&(S, Self)> = self.children.iter().collect();
        if !SORTED {
            children.sort_by(|a, b| a.0.cmp(&b.0));
        }
        for (symbol, child) in children {
            word.push(symbol.clone());
            child.collect(word, found);
            word.pop();
        }
    }
}

/// A correct trie with its children in a sorted `Vec` (`SORTED`) or an unsorted one.
struct VecChildren<const SORTED: bool>;

impl<const SORTED: bool> Trie for VecChildren<SORTED> {
    type Tree<S: Ord + Clone> = Node<S, SORTED>;

    fn new<S: Ord + Clone + 'static>() -> Node<S, SORTED> {
        Node::new()
    }

    fn insert<S: Ord + Clone + 'static>(trie: &mut Node<S, SORTED>, word: &[S]) -> bool {
        if Self::contains(trie, word) {
            return false;
        }
        let mut node = trie;
        node.words += 1;
        for symbol in word {
            let at = match node.slot(symbol) {
                Ok(at) => at,
                Err(at) => {
                    node.children.insert(at, (symbol.clone(), Node::new()));
                    at
                }
            };
            node = &mut node.children[at].1;
            node.words += 1;
        }
        node.is_word = true;
        true
    }

    fn contains<S: Ord + Clone + 'static>(trie: &Node<S, SORTED>, word: &[S]) -> bool {
        trie.find(word).is_some_and(|node| node.is_word)
    }

    fn count_prefix<S: Ord + Clone + 'static>(trie: &Node<S, SORTED>, prefix: &[S]) -> usize {
        trie.find(prefix).map_or(0, |node| node.words)
    }

    fn starts_with<S: Ord + Clone + 'static>(trie: &Node<S, SORTED>, prefix: &[S]) -> Vec<Vec<S>> {
        let mut found = Vec::new();
        if let Some(node) = trie.find(prefix) {
            node.collect(&mut prefix.to_vec(), &mut found);
        }
        found
    }

    fn len<S: Ord + Clone + 'static>(trie: &Node<S, SORTED>) -> usize {
        trie.words
    }

    fn is_empty<S: Ord + Clone + 'static>(trie: &Node<S, SORTED>) -> bool {
        trie.words == 0
    }
}

pub fn add(mut plan: Plan) -> Plan {
    for check in checks::<VecChildren<true>>() {
        plan = crate::accept(plan, "sorted_vec_children", vec![check.clone()], &check.id());
    }
    for check in checks::<VecChildren<false>>() {
        plan = crate::accept(plan, "unsorted_vec_children", vec![check.clone()], &check.id());
    }
    plan.reject(
        "sorted_vec",
        checks::<SortedVec>(),
        "trie::shared_prefix_gate",
        "too many symbol comparisons + hashes per query symbol",
    )
    .reject(
        "linear_filter",
        checks::<LinearFilter>(),
        "trie::prefix_cost_gate",
        "too many symbol comparisons + hashes + clones per query",
    )
    .reject(
        "keeps_duplicates",
        checks::<KeepsDuplicates>(),
        "trie::examples",
        "insert(\"car\");\nexpected: false",
    )
    .reject(
        "keeps_duplicates",
        checks::<KeepsDuplicates>(),
        "trie::matches_model",
        "a random input failed",
    )
    .reject(
        "unsorted",
        checks::<Unsorted>(),
        "trie::examples",
        "expected: [\"car\", \"care\", \"cart\"]",
    )
    .reject(
        "unsorted",
        checks::<Unsorted>(),
        "trie::matches_model",
        "a random input failed",
    )
}
