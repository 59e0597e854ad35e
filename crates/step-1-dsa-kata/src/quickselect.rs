//! # Kata: quickselect, the k-th smallest element (grade 2)
//!
//! Find the element that would sit at index `k` if the slice were sorted, without sorting
//! it. This is how a monitoring backend computes a median or a p99 latency over the last
//! minute of samples: the p99 of `n` samples is the `k = n * 99 / 100`-th smallest. Sorting
//! costs O(n log n); quickselect does it in expected O(n).
//!
//! ```text
//! kth_smallest(&mut [7, 1, 5, 3, 9], 0) == Some(&1)   // k is 0-based: 0 is the minimum
//! kth_smallest(&mut [7, 1, 5, 3, 9], 2) == Some(&5)   // the median
//! kth_smallest(&mut [7, 1, 5, 3, 9], 4) == Some(&9)   // len - 1 is the maximum
//! kth_smallest(&mut [7, 1, 5, 3, 9], 5) == None      // k >= len: there is no such element
//! kth_smallest(&mut [], 0)              == None
//! kth_smallest(&mut [4, 4, 1, 4], 1)    == Some(&4)   // duplicates count: sorted is [1, 4, 4, 4]
//! ```
//!
//! You may reorder the slice (that is why it is `&mut`), but every element must still be in
//! it afterwards: the grader sorts it and compares it with the input.
//!
//! **Required:** expected O(n) comparisons. The grader counts every comparison, averaged
//! over many calls on shuffled distinct numbers (n = 1 000 and 64 000, k from the 1/16th to
//! the 15/16th quantile): quickselect needs about 3n of them on average (up to 6n if you compare
//! each element with the pivot twice, `<` then `>`, instead of once with `cmp`), the limit
//! is 8n; sorting first needs about n·log2(n), 16n at n = 64 000, and grows faster than n.
//! A second gate runs it on 8 000 values that are all 0, 1, 2 or 3 (think latencies in whole
//! milliseconds): it must stay linear there too. Don't call `sort`, `sort_unstable` or
//! `select_nth_unstable`: writing the partition is the lesson (the grader reads your file
//! and names the line that does).
//!
//! **Where to start:** pick a pivot element and partition the slice into three parts:
//! smaller than the pivot, equal to it, greater than it (the "Dutch national flag": three
//! cursors, one pass, swaps only). If `k` falls in the "smaller" part, continue in that part
//! only; if it falls among the "equal" ones, the pivot is the answer; otherwise continue in
//! the "greater" part (the index you look for is still `k`, if you keep working on the whole
//! slice with a `lo..hi` range). A loop over `lo..hi` is simpler than recursion here.
//!
//! **The pivot:** the first element is a bad pivot for sorted input (each round drops one
//! element: O(n²)). Take the middle element, or one at a pseudo-random position (a few lines
//! of xorshift; the std library has no random numbers), or the median of three of those.
//! A two-way partition (`<` goes left, the rest goes right) puts every copy of the pivot on
//! the same side: on mostly-equal input each round drops one element, O(n²) again.

/// The k-th smallest element of `items` (0-based: `k = 0` is the minimum, `items.len() - 1`
/// the maximum), or `None` when `k >= items.len()`. May reorder `items`.
pub fn kth_smallest<T: Ord>(items: &mut [T], k: usize) -> Option<&T> {
    let _ = (items, k);
    todo!()
}
