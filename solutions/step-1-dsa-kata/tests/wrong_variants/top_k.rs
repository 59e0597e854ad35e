//! Known-wrong variants of `top_k`: sorting everything (O(n log n) comparisons, O(n)
//! memory), collecting and selecting (O(n) comparisons, but O(n) memory) and a right set of
//! items in the wrong order.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use harness::Plan;
use harness::step1::top_k::{TopK, checks};

/// Right answers, by sorting all n items: O(n log n) comparisons.
struct SortAll;

impl TopK for SortAll {
    fn top_k<T: Ord, I: IntoIterator<Item = T>>(items: I, k: usize) -> Vec<T> {
        let mut all: Vec<T> = items.into_iter().collect();
        all.sort_by(|a, b| b.cmp(a));
        all.truncate(k);
        all
    }
}

/// Right answers in O(n) comparisons (quickselect, then sort the k), but it keeps all n
/// items in memory.
struct CollectAndSelect;

impl TopK for CollectAndSelect {
    fn top_k<T: Ord, I: IntoIterator<Item = T>>(items: I, k: usize) -> Vec<T> {
        let mut all: Vec<T> = items.into_iter().collect();
        if k < all.len() {
            all.select_nth_unstable_by(k, |a, b| b.cmp(a));
            all.truncate(k);
        }
        all.sort_by(|a, b| b.cmp(a));
        all
    }
}

/// Push every item, pop the smallest when there are k + 1 (a correct O(n log k) heap),
/// but the result is reversed once too often: the right k items, smallest first.
struct Ascending;

impl TopK for Ascending {
    fn top_k<T: Ord, I: IntoIterator<Item = T>>(items: I, k: usize) -> Vec<T> {
        let mut heap = BinaryHeap::new();
        for item in items {
            heap.push(Reverse(item));
            if heap.len() > k {
                heap.pop();
            }
        }
        let mut out: Vec<T> = heap.into_sorted_vec().into_iter().map(|r| r.0).collect();
        out.reverse();
        out
    }
}

pub fn add(plan: Plan) -> Plan {
    plan.reject(
        "sort_all",
        checks::<SortAll>(),
        "top_k::comparison_gate",
        "too many comparisons (k = 10)",
    )
    .reject(
        "sort_all",
        checks::<SortAll>(),
        "top_k::memory_gate",
        "too many bytes allocated (k = 10)",
    )
    .reject(
        "collect_and_select",
        checks::<CollectAndSelect>(),
        "top_k::memory_gate",
        "too many bytes allocated (k = 10)",
    )
    .reject(
        "ascending",
        checks::<Ascending>(),
        "top_k::examples",
        "expected: [9, 7]",
    )
    .reject(
        "ascending",
        checks::<Ascending>(),
        "top_k::matches_sort",
        "a random input failed",
    )
}
