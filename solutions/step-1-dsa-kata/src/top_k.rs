//! Reference: top-k with a size-k min-heap.
//!
//! The idea: walk the items once and keep the k largest seen so far in a min-heap, whose
//! root is the smallest of them: the one to beat. A new item that is not larger than the
//! root cannot be in the top k (k items already beat it) and costs one comparison; a larger
//! one replaces the root, and the heap sifts it down in O(log k). So O(n log k) comparisons
//! in the worst case, about n on shuffled input, and O(k) memory whatever n is: the input
//! can be a stream that never fits in memory.
//!
//! Invariant: after each item, the heap holds the k largest items seen so far (all of them
//! while fewer than k have been seen).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The `k` largest items, largest first. Fewer than `k` items in: all of them, sorted.
/// Duplicates count as separate items.
pub fn top_k<T: Ord>(items: impl IntoIterator<Item = T>, k: usize) -> Vec<T> {
    if k == 0 {
        return Vec::new();
    }
    // `Reverse` turns std's max-heap into a min-heap.
    let mut heap: BinaryHeap<Reverse<T>> = BinaryHeap::with_capacity(k);
    for item in items {
        if heap.len() < k {
            heap.push(Reverse(item));
        } else if let Some(mut smallest) = heap.peek_mut()
            && item > smallest.0
        {
            // Replaced in place; the heap sifts it down when `smallest` drops.
            smallest.0 = item;
        }
    }
    // Ascending in `Reverse` order is descending in `T`.
    heap.into_sorted_vec()
        .into_iter()
        .map(|Reverse(item)| item)
        .collect()
}
