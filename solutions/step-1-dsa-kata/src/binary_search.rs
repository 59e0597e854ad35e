//! Reference: lower-bound binary search over a half-open range.
//!
//! Invariant: every element before `lo` is less than `target`, every element from `hi` on
//! is not. The range halves each turn, so the loop makes ⌈log2(n + 1)⌉ comparisons.

/// The index of the first element of `items` that is not less than `target`
/// (`items.len()` if there is none). `items` must be sorted ascending.
pub fn lower_bound<T: Ord>(items: &[T], target: &T) -> usize {
    let (mut lo, mut hi) = (0, items.len());
    while lo < hi {
        // `lo + (hi - lo) / 2` cannot overflow, unlike `(lo + hi) / 2`.
        let mid = lo + (hi - lo) / 2;
        if items[mid] < *target {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
