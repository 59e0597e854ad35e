//! # Kata: stable merge sort (grade 2)
//!
//! Sort a slice in ascending order, and keep elements that compare equal in the order they
//! came in: the sort must be **stable**. Stability is what lets a backend sort in layers.
//! Sort a request log by time, then (stably) by status code, and within each status code the
//! requests are still in time order. A paginated "ORDER BY status" that reshuffles equal rows
//! between two page loads is the bug an unstable sort causes.
//!
//! ```text
//! [5, 2, 4, 1, 3]   →  [1, 2, 3, 4, 5]
//! [3, 1, 3, 1, 2]   →  [1, 1, 2, 3, 3]     // duplicates stay
//! []  →  []          [7]  →  [7]            // nothing to do
//!
//! // Stable: records compared by their first field (a status code) only.
//! [(404, a), (200, b), (404, c), (200, d)]  →  [(200, b), (200, d), (404, a), (404, c)]
//! //          b before d, and a before c, as in the input
//! ```
//!
//! **Required:** O(n log n) comparisons. The grader counts every comparison while sorting
//! 8 000 shuffled numbers: merge sort needs about n·log2(n) ≈ 100 000 of them (the limit is
//! 2·n·(log2(n + 1) + 1) ≈ 223 000), an insertion sort about n²/4 = 16 000 000. It also
//! sorts records that compare by key only and checks that equal keys kept their order.
//! And O(n log n) moves: it times the sort of 250 and of 4 000 records of 512 bytes and
//! checks how the time grows (merge sort: about ×23; the limit is ×77). A binary insertion
//! sort makes few comparisons but shifts about n²/4 records with `swap`, `rotate` or
//! `Vec::insert`: its time grows about ×260.
//! Writing the sort is the lesson, so don't call `slice::sort` (or `sort_unstable`, or any
//! `sort_by…`): the grader reads your file and names the line that does.
//!
//! **Where to start:** a slice of 0 or 1 element is sorted. Otherwise split it at
//! `mid = len / 2`, sort both halves (recursively), then merge them: walk both halves with
//! one cursor each, and at every step copy the smaller front element into a buffer; when one
//! half runs out, copy the rest of the other; finally copy the buffer back into the slice.
//! `T: Clone` is there so you can copy elements into that buffer (`to_vec`, `clone`,
//! `clone_from_slice`). Stability is decided in one place: on a tie, take from the left half.
//!
//! **Faster (see `cargo bench -p step-1 -- merge_sort`):** allocate the buffer once, not in
//! every merge; sort short runs (a couple of dozen elements) with insertion sort; skip the
//! merge when the last element of the left half is ≤ the first of the right half.

/// Sorts `items` in ascending order. Stable: elements that compare equal keep their
/// input order.
pub fn merge_sort<T: Ord + Clone>(items: &mut [T]) {
    let _ = items;
    todo!()
}
