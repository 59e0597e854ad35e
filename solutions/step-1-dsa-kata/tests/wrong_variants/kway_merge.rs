//! Known-wrong variants of `kway_merge`: scanning all k heads for every item (right answers,
//! O(k) per item), a heap whose entries forget their log (unstable on ties), concatenating
//! and calling an unstable sort, and a merge that stops when the first log runs out.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};

use harness::Plan;
use harness::step1::kway_merge::{KwayMerge, checks};

/// Correct and stable, but finds the smallest head by looking at all k of them.
struct ScanHeads;

impl KwayMerge for ScanHeads {
    fn merge<T: Ord>(logs: Vec<Vec<T>>) -> Vec<T> {
        let mut logs: Vec<VecDeque<T>> = logs.into_iter().map(VecDeque::from).collect();
        let mut output = Vec::new();
        loop {
            let mut best: Option<usize> = None;
            for (i, log) in logs.iter().enumerate() {
                if let Some(head) = log.front() {
                    let better = match best {
                        None => true,
                        Some(b) => head < &logs[b][0],
                    };
                    if better {
                        best = Some(i);
                    }
                }
            }
            match best.and_then(|b| logs[b].pop_front()) {
                Some(item) => output.push(item),
                None => return output,
            }
        }
    }
}

/// A heap entry compared by its item only: ties between logs come out in heap order.
struct ItemOnly<T> {
    item: T,
    log: usize,
}

impl<T: Ord> PartialEq for ItemOnly<T> {
    fn eq(&self, other: &Self) -> bool {
        self.item == other.item
    }
}

impl<T: Ord> Eq for ItemOnly<T> {}

impl<T: Ord> PartialOrd for ItemOnly<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Ord> Ord for ItemOnly<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.item.cmp(&other.item)
    }
}

/// O(N log k), but the heap does not know which log came first.
struct HeapWithoutLogOrder;

impl KwayMerge for HeapWithoutLogOrder {
    fn merge<T: Ord>(logs: Vec<Vec<T>>) -> Vec<T> {
        let mut rests: Vec<_> = logs.into_iter().map(Vec::into_iter).collect();
        let mut heap = BinaryHeap::new();
        for (log, rest) in rests.iter_mut().enumerate() {
            if let Some(item) = rest.next() {
                heap.push(Reverse(ItemOnly { item, log }));
            }
        }
        let mut output = Vec::new();
        while let Some(Reverse(ItemOnly { item, log })) = heap.pop() {
            output.push(item);
            if let Some(next) = rests[log].next() {
                heap.push(Reverse(ItemOnly { item: next, log }));
            }
        }
        output
    }
}

/// Sorted output, but an unstable sort reorders equal items from different logs.
struct ConcatSortUnstable;

impl KwayMerge for ConcatSortUnstable {
    fn merge<T: Ord>(logs: Vec<Vec<T>>) -> Vec<T> {
        let mut all: Vec<T> = logs.into_iter().flatten().collect();
        all.sort_unstable();
        all
    }
}

/// Stops as soon as one log is exhausted: the tails of the other logs are lost.
struct StopsEarly;

impl KwayMerge for StopsEarly {
    fn merge<T: Ord>(logs: Vec<Vec<T>>) -> Vec<T> {
        let mut rests: Vec<_> = logs.into_iter().map(Vec::into_iter).collect();
        let mut heap = BinaryHeap::new();
        for (log, rest) in rests.iter_mut().enumerate() {
            if let Some(item) = rest.next() {
                heap.push(Reverse((item, log)));
            }
        }
        let mut output = Vec::new();
        while let Some(Reverse((item, log))) = heap.pop() {
            output.push(item);
            match rests[log].next() {
                Some(next) => heap.push(Reverse((next, log))),
                None => break,
            }
        }
        output
    }
}

/// Concatenates the logs and calls std's stable `sort`: right answers (ties keep log order),
/// and few comparisons (std's sort merges the sorted runs it finds), but not the lesson.
struct ConcatAndSort;

impl KwayMerge for ConcatAndSort {
    const SOURCE: &'static str = include_str!("kway_merge.rs");
    fn merge<T: Ord>(logs: Vec<Vec<T>>) -> Vec<T> {
        let mut all: Vec<T> = logs.into_iter().flatten().collect();
        all.sort();
        all
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = plan.reject(
        "concat_and_sort",
        checks::<ConcatAndSort>(),
        "kway_merge::no_std_shortcut",
        "not to use `sort",
    );
    plan.reject(
        "scan_heads",
        checks::<ScanHeads>(),
        "kway_merge::comparison_gate",
        "too many comparisons per 100 merged items",
    )
    .reject(
        "heap_without_log_order",
        checks::<HeapWithoutLogOrder>(),
        "kway_merge::stable",
        "a random input failed",
    )
    .reject(
        "concat_sort_unstable",
        checks::<ConcatSortUnstable>(),
        "kway_merge::stable",
        "a random input failed",
    )
    .reject(
        "stops_early",
        checks::<StopsEarly>(),
        "kway_merge::examples",
        "expected: [1, 2, 3, 4, 5, 6, 7, 8, 9]",
    )
    .reject(
        "stops_early",
        checks::<StopsEarly>(),
        "kway_merge::matches_model",
        "a random input failed",
    )
}
