//! Reference: top-k words with a hash map and one partial sort.
//!
//! Counting borrows the words (`HashMap<&W, usize>`): one hash per word, O(n) expected.
//! Ranking orders the m distinct words by (count descending, word ascending), a total order
//! because the words are distinct. When k < m, `select_nth_unstable_by` first moves the k
//! best to the front in O(m), so only those are sorted: O(n + m + k log k). Only the k words
//! returned are cloned.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::Hash;

/// The `k` most frequent words of `text` (lowercased runs of alphanumeric characters) with
/// their counts: most frequent first, ties alphabetical.
pub fn top_words(text: &str, k: usize) -> Vec<(String, usize)> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    top_k(&words, k)
}

/// The `k` most frequent of `words` with their counts: most frequent first, ties by `Ord`
/// (smaller first); fewer than `k` if there are fewer distinct words.
pub fn top_k<W: Hash + Ord + Clone>(words: &[W], k: usize) -> Vec<(W, usize)> {
    if k == 0 {
        return Vec::new();
    }
    let mut counts: HashMap<&W, usize> = HashMap::new();
    for word in words {
        *counts.entry(word).or_insert(0) += 1;
    }
    let mut ranked: Vec<(&W, usize)> = counts.into_iter().collect();
    let by_rank =
        |a: &(&W, usize), b: &(&W, usize)| -> Ordering { b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)) };
    if k < ranked.len() {
        ranked.select_nth_unstable_by(k - 1, by_rank);
        ranked.truncate(k);
    }
    ranked.sort_unstable_by(by_rank);
    ranked
        .into_iter()
        .map(|(word, count)| (word.clone(), count))
        .collect()
}
