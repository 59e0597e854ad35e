//! Known-wrong variants of `trie`: a sorted set of words filtered linearly on every prefix
//! query (right answers, O(n) per query), a list that stores duplicates twice, and a list
//! that returns completions in insertion order instead of sorted.

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

pub fn add(plan: Plan) -> Plan {
    plan.reject(
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
