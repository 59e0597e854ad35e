//! Known-wrong variants of `word_frequencies`: counts kept in a Vec searched word by word
//! (right answers, O(n·m) comparisons), ties left in order of first appearance, words not
//! lowercased, words lowercased one char at a time (no final sigma), and words split on
//! whitespace only. Accepted: the whole text lowercased before it is split.

use std::collections::HashMap;
use std::hash::Hash;

use harness::Plan;
use harness::step1::word_frequencies::{WordFrequencies, checks};

/// Ranks counted words: by count descending, then (if `alphabetical`) by word.
fn rank<W: Ord>(mut counted: Vec<(W, usize)>, k: usize, alphabetical: bool) -> Vec<(W, usize)> {
    if alphabetical {
        counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    } else {
        counted.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    }
    counted.truncate(k);
    counted
}

fn hash_counts<W: Hash + Ord + Clone>(words: &[W]) -> Vec<(W, usize)> {
    let mut counts: HashMap<&W, usize> = HashMap::new();
    for word in words {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts.into_iter().map(|(w, n)| (w.clone(), n)).collect()
}

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Right answers, but every word is looked up by a linear search of the words seen so far.
struct LinearSearch;

impl WordFrequencies for LinearSearch {
    fn top_words(text: &str, k: usize) -> Vec<(String, usize)> {
        Self::top_k(&words_of(text), k)
    }

    fn top_k<W: Hash + Ord + Clone>(words: &[W], k: usize) -> Vec<(W, usize)> {
        let mut counted: Vec<(W, usize)> = Vec::new();
        for word in words {
            match counted.iter_mut().find(|(seen, _)| seen == word) {
                Some((_, count)) => *count += 1,
                None => counted.push((word.clone(), 1)),
            }
        }
        rank(counted, k, true)
    }
}

/// Sorts by count only: equal counts stay in order of first appearance.
struct FirstSeenTies;

impl WordFrequencies for FirstSeenTies {
    fn top_words(text: &str, k: usize) -> Vec<(String, usize)> {
        Self::top_k(&words_of(text), k)
    }

    fn top_k<W: Hash + Ord + Clone>(words: &[W], k: usize) -> Vec<(W, usize)> {
        let counts = hash_counts(words);
        let mut first_seen: Vec<(W, usize)> = Vec::new();
        for word in words {
            if !first_seen.iter().any(|(seen, _)| seen == word) {
                let count = counts.iter().find(|(w, _)| w == word).map_or(0, |c| c.1);
                first_seen.push((word.clone(), count));
            }
        }
        rank(first_seen, k, false)
    }
}

/// Does not lowercase: `Apple` and `apple` are different words.
struct CaseSensitive;

impl WordFrequencies for CaseSensitive {
    fn top_words(text: &str, k: usize) -> Vec<(String, usize)> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_string)
            .collect();
        Self::top_k(&words, k)
    }

    fn top_k<W: Hash + Ord + Clone>(words: &[W], k: usize) -> Vec<(W, usize)> {
        rank(hash_counts(words), k, true)
    }
}

/// Lowercases one `char` at a time: right for most scripts, but a Greek word ending in Σ
/// comes out with σ instead of the final ς (`ΟΔΟΣ` -> `οδοσ`).
struct PerCharLowercase;

impl WordFrequencies for PerCharLowercase {
    fn top_words(text: &str, k: usize) -> Vec<(String, usize)> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(|word| word.chars().flat_map(char::to_lowercase).collect())
            .collect();
        Self::top_k(&words, k)
    }

    fn top_k<W: Hash + Ord + Clone>(words: &[W], k: usize) -> Vec<(W, usize)> {
        rank(hash_counts(words), k, true)
    }
}

/// Correct, written differently: lowercases the whole text first, then splits it.
struct LowercaseFirst;

impl WordFrequencies for LowercaseFirst {
    fn top_words(text: &str, k: usize) -> Vec<(String, usize)> {
        let words: Vec<String> = text
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_string)
            .collect();
        Self::top_k(&words, k)
    }

    fn top_k<W: Hash + Ord + Clone>(words: &[W], k: usize) -> Vec<(W, usize)> {
        rank(hash_counts(words), k, true)
    }
}

/// Splits on whitespace only: `stop,` and `don't!` keep their punctuation.
struct WhitespaceSplit;

impl WordFrequencies for WhitespaceSplit {
    fn top_words(text: &str, k: usize) -> Vec<(String, usize)> {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        Self::top_k(&words, k)
    }

    fn top_k<W: Hash + Ord + Clone>(words: &[W], k: usize) -> Vec<(W, usize)> {
        rank(hash_counts(words), k, true)
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = crate::accept(
        plan,
        "lowercase_first",
        checks::<LowercaseFirst>(),
        "word_frequencies::top_words_matches_model",
    );
    let plan = crate::accept(
        plan,
        "lowercase_first",
        checks::<LowercaseFirst>(),
        "word_frequencies::examples",
    );
    plan.reject(
        "per_char_lowercase",
        checks::<PerCharLowercase>(),
        "word_frequencies::examples",
        "ΟΔΟΣ",
    )
    .reject(
        "per_char_lowercase",
        checks::<PerCharLowercase>(),
        "word_frequencies::top_words_matches_model",
        "a random input failed",
    )
    .reject(
        "linear_search",
        checks::<LinearSearch>(),
        "word_frequencies::word_operation_gate",
        "too many word comparisons and hashes",
    )
    .reject(
        "first_seen_ties",
        checks::<FirstSeenTies>(),
        "word_frequencies::examples",
        r#"expected: [("the", 2), ("and", 1)]"#,
    )
    .reject(
        "first_seen_ties",
        checks::<FirstSeenTies>(),
        "word_frequencies::top_k_matches_model",
        "a random input failed",
    )
    .reject(
        "case_sensitive",
        checks::<CaseSensitive>(),
        "word_frequencies::examples",
        r#"expected: [("apple", 3), ("banana", 1)]"#,
    )
    .reject(
        "case_sensitive",
        checks::<CaseSensitive>(),
        "word_frequencies::top_words_matches_model",
        "a random input failed",
    )
    .reject(
        "whitespace_split",
        checks::<WhitespaceSplit>(),
        "word_frequencies::examples",
        r#"expected: [("apple", 3), ("banana", 1)]"#,
    )
    .reject(
        "whitespace_split",
        checks::<WhitespaceSplit>(),
        "word_frequencies::top_words_matches_model",
        "a random input failed",
    )
}
