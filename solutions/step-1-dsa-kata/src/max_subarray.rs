//! Reference: maximum subarray by Kadane's algorithm.
//!
//! Invariant: after element `i`, `run` is the largest sum of a run that ends at `i`, and
//! `run_start` the earliest start that reaches it; `best` is the best run of `items[..=i]`
//! (earliest start, then shortest). The best run ending at `i` either extends the one ending
//! at `i - 1` (when that one is not negative: `run + x >= x`) or is `x` alone. One addition
//! and two comparisons per element: O(n), no allocation.

use std::ops::{Add, Range};

/// The largest sum of a non-empty contiguous run of `items`, with the run as `start..end`
/// (on ties: the earliest start, then the shortest run); `None` for an empty slice.
pub fn max_subarray<T>(items: &[T]) -> Option<(T, Range<usize>)>
where
    T: Copy + Ord + Add<Output = T>,
{
    let (&first, rest) = items.split_first()?;
    let (mut run, mut run_start) = (first, 0);
    let mut best = (first, 0..1);
    for (offset, &x) in rest.iter().enumerate() {
        let i = offset + 1;
        let extended = run + x;
        // `>=`: a run whose sum is 0 is kept, so the earlier start wins a tie.
        if extended >= x {
            run = extended;
        } else {
            run = x;
            run_start = i;
        }
        // Strictly larger only: on a tie the earlier (and shorter) best stays.
        if run > best.0 {
            best = (run, run_start..i + 1);
        }
    }
    Some(best)
}
