//! Known-wrong variants of `merge_sort`: an insertion sort (correct and stable, but O(n²)),
//! a binary insertion sort (O(n log n) comparisons, O(n²) moves), a heap sort (O(n log n),
//! but unstable) and a merge that drops the tail of a half.

use harness::Plan;
use harness::step1::merge_sort::{MergeSort, checks};

/// Correct and stable, but about n²/4 comparisons on shuffled input.
struct InsertionSort;

impl MergeSort for InsertionSort {
    fn merge_sort<T: Ord + Clone>(items: &mut [T]) {
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 && items[j] < items[j - 1] {
                items.swap(j, j - 1);
                j -= 1;
            }
        }
    }
}

/// Binary insertion sort: finds each element's place with a binary search (O(n log n)
/// comparisons, stable), then shifts the prefix with `rotate_right`: O(n²) moves.
struct BinaryInsertion;

impl MergeSort for BinaryInsertion {
    fn merge_sort<T: Ord + Clone>(items: &mut [T]) {
        for i in 1..items.len() {
            let place = items[..i].partition_point(|x| x <= &items[i]);
            items[place..=i].rotate_right(1);
        }
    }
}

/// O(n log n) comparisons, sorted output, but equal elements come out in any order.
struct HeapSort;

impl MergeSort for HeapSort {
    fn merge_sort<T: Ord + Clone>(items: &mut [T]) {
        fn sift_down<T: Ord>(items: &mut [T], mut root: usize) {
            loop {
                let mut child = 2 * root + 1;
                if child >= items.len() {
                    return;
                }
                if child + 1 < items.len() && items[child] < items[child + 1] {
                    child += 1;
                }
                if items[root] >= items[child] {
                    return;
                }
                items.swap(root, child);
                root = child;
            }
        }
        for root in (0..items.len() / 2).rev() {
            sift_down(items, root);
        }
        for end in (1..items.len()).rev() {
            items.swap(0, end);
            sift_down(&mut items[..end], 0);
        }
    }
}

/// A merge sort that copies the rest of the right half when the left runs out, but forgets
/// the rest of the left half when the right runs out: elements get lost and others doubled.
struct DropsTail;

impl MergeSort for DropsTail {
    fn merge_sort<T: Ord + Clone + 'static>(items: &mut [T]) {
        if items.len() <= 1 {
            return;
        }
        let mid = items.len() / 2;
        Self::merge_sort(&mut items[..mid]);
        Self::merge_sort(&mut items[mid..]);
        let (left, right) = (items[..mid].to_vec(), items[mid..].to_vec());
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::with_capacity(items.len());
        while i < left.len() && j < right.len() {
            if right[j] < left[i] {
                out.push(right[j].clone());
                j += 1;
            } else {
                out.push(left[i].clone());
                i += 1;
            }
        }
        out.extend_from_slice(&right[j..]);
        items[..out.len()].clone_from_slice(&out);
    }
}

/// Right, stable and fast: std's own `sort`, which the doc asks you not to call.
struct StdSort;

impl MergeSort for StdSort {
    const SOURCE: &'static str = include_str!("merge_sort.rs");
    fn merge_sort<T: Ord + Clone>(items: &mut [T]) {
        items.sort();
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = plan.reject(
        "std_sort",
        checks::<StdSort>(),
        "merge_sort::no_std_shortcut",
        "not to use `sort`",
    );
    let plan = crate::accept(
        plan,
        "binary_insertion",
        checks::<BinaryInsertion>(),
        "merge_sort::comparison_gate",
    );
    plan.reject(
        "binary_insertion",
        checks::<BinaryInsertion>(),
        "merge_sort::moves_gate",
        "grows too fast",
    )
    .reject(
        "insertion_sort",
        checks::<InsertionSort>(),
        "merge_sort::moves_gate",
        "grows too fast",
    )
    .reject(
        "insertion_sort",
        checks::<InsertionSort>(),
        "merge_sort::comparison_gate",
        "too many comparisons",
    )
    .reject(
        "heap_sort",
        checks::<HeapSort>(),
        "merge_sort::stable",
        "a random input failed",
    )
    .reject(
        "heap_sort",
        checks::<HeapSort>(),
        "merge_sort::examples",
        "comparing keys (status codes) only",
    )
    .reject(
        "drops_tail",
        checks::<DropsTail>(),
        "merge_sort::examples",
        "expected: [1, 2, 3, 4, 5]",
    )
    .reject(
        "drops_tail",
        checks::<DropsTail>(),
        "merge_sort::matches_std",
        "a random input failed",
    )
}
