//! Known-wrong variants of `quickselect`: sorting first (right answers, O(n log n)), a
//! two-way Lomuto partition (right answers, O(n²) on duplicates), a pivot at the first
//! element (linear on shuffled input, O(n²) on sorted input) and a 1-based k.

use harness::Plan;
use harness::step1::quickselect::{Quickselect, checks};

/// Correct answers, but sorts the whole slice: O(n log n) comparisons.
struct SortThenIndex;

impl Quickselect for SortThenIndex {
    const SOURCE: &'static str = include_str!("quickselect.rs");
    fn kth_smallest<T: Ord>(items: &mut [T], k: usize) -> Option<&T> {
        items.sort_unstable();
        items.get(k)
    }
}

/// Quickselect with a two-way (Lomuto) partition around the middle element: linear on
/// distinct values, but every copy of the pivot lands on one side, so mostly-equal input
/// costs O(n²).
struct TwoWayPartition;

impl Quickselect for TwoWayPartition {
    fn kth_smallest<T: Ord>(items: &mut [T], k: usize) -> Option<&T> {
        if k >= items.len() {
            return None;
        }
        let (mut lo, mut hi) = (0, items.len());
        while hi - lo > 1 {
            let last = hi - 1;
            items.swap(lo + (hi - lo) / 2, last);
            let mut store = lo;
            for i in lo..last {
                if items[i] < items[last] {
                    items.swap(i, store);
                    store += 1;
                }
            }
            items.swap(store, last);
            match k.cmp(&store) {
                std::cmp::Ordering::Less => hi = store,
                std::cmp::Ordering::Equal => break,
                std::cmp::Ordering::Greater => lo = store + 1,
            }
        }
        Some(&items[k])
    }
}

/// A three-way partition around the FIRST element: linear on shuffled input and on
/// duplicates, O(n²) on sorted or reversed input (the pivot is the minimum or the maximum).
struct FirstPivot;

impl Quickselect for FirstPivot {
    fn kth_smallest<T: Ord>(items: &mut [T], k: usize) -> Option<&T> {
        if k >= items.len() {
            return None;
        }
        let (mut lo, mut hi) = (0, items.len());
        loop {
            // Dutch national flag around items[lo]: [lo, lt) < pivot, [lt, i) == pivot.
            let (mut lt, mut i, mut gt) = (lo, lo + 1, hi);
            while i < gt {
                match items[i].cmp(&items[lt]) {
                    std::cmp::Ordering::Less => {
                        items.swap(i, lt);
                        lt += 1;
                        i += 1;
                    }
                    std::cmp::Ordering::Equal => i += 1,
                    std::cmp::Ordering::Greater => {
                        gt -= 1;
                        items.swap(i, gt);
                    }
                }
            }
            if k < lt {
                hi = lt;
            } else if k >= gt {
                lo = gt;
            } else {
                return Some(&items[k]);
            }
        }
    }
}

/// Reads k as 1-based: the answer for k is the (k - 1)-th smallest.
struct OneBased;

impl Quickselect for OneBased {
    fn kth_smallest<T: Ord>(items: &mut [T], k: usize) -> Option<&T> {
        if k == 0 || k > items.len() {
            return None;
        }
        items.sort_unstable();
        items.get(k - 1)
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = plan.reject(
        "sort_then_index",
        checks::<SortThenIndex>(),
        "quickselect::no_std_shortcut",
        "not to use `sort_unstable`",
    );
    // (FirstPivot passes the comparison gate: shuffled input hides its pivot rule.)
    plan.reject(
        "first_pivot",
        checks::<FirstPivot>(),
        "quickselect::ordered_input_gate",
        "too many comparisons",
    )
    .reject(
        "sort_then_index",
        checks::<SortThenIndex>(),
        "quickselect::comparison_gate",
        "too many comparisons per call",
    )
    .reject(
        "two_way_partition",
        checks::<TwoWayPartition>(),
        "quickselect::duplicates_gate",
        "too many comparisons (only 4 distinct values)",
    )
    .reject(
        "one_based",
        checks::<OneBased>(),
        "quickselect::examples",
        "expected: Some(1)",
    )
    .reject(
        "one_based",
        checks::<OneBased>(),
        "quickselect::matches_sort",
        "a random input failed",
    )
}
