//! Reference: k-way merge with a min-heap of the logs' heads.
//!
//! The idea: the smallest item not yet merged is the head of one of the k logs, so keep the
//! k heads in a min-heap. Take the smallest head, output it, and put the next item of the same
//! log in its place. Each item enters and leaves the heap once, at O(log k) comparisons:
//! O(N log k) for N items in all, and O(k) extra memory besides the output.
//!
//! Invariant: the heap holds exactly one entry, the current head, for every log that still
//! has items. Entries order by item, then by log index: on equal items the lower-numbered
//! log wins, which makes the merge stable across logs (within a log, the next item only
//! enters the heap after the previous one has left it).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::collections::binary_heap::PeekMut;

/// A log's current head: the item and the index of the log it came from. The derived order
/// compares `item` first, then `log`.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Head<T> {
    item: T,
    log: usize,
}

/// Merges sorted `logs` into one sorted `Vec`. Equal items keep the order of the logs they
/// came from (all of log 0's, then log 1's, ...) and, within a log, their order in it.
pub fn merge<T: Ord>(logs: Vec<Vec<T>>) -> Vec<T> {
    let total = logs.iter().map(Vec::len).sum();
    let mut output = Vec::with_capacity(total);
    let mut rests: Vec<std::vec::IntoIter<T>> = logs.into_iter().map(Vec::into_iter).collect();
    // `Reverse` turns std's max-heap into a min-heap.
    let mut heads: BinaryHeap<Reverse<Head<T>>> = rests
        .iter_mut()
        .enumerate()
        .filter_map(|(log, rest)| rest.next().map(|item| Reverse(Head { item, log })))
        .collect();
    while let Some(mut smallest) = heads.peek_mut() {
        let log = smallest.0.log;
        match rests[log].next() {
            // Replace the head in place: the heap restores its order when `smallest` drops,
            // one sift-down instead of a pop and a push.
            Some(next) => output.push(std::mem::replace(&mut smallest.0.item, next)),
            None => output.push(PeekMut::pop(smallest).0.item),
        }
    }
    output
}
