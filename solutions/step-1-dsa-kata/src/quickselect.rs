//! Reference: quickselect with a branch-free partition and a pseudo-random pivot.
//!
//! The idea: partition the slice around a pivot into `< pivot | pivot | >= pivot`. The k-th
//! smallest is on one side only (or is the pivot), so keep that side and drop the other.
//! With a good pivot each round keeps a constant fraction of the slice, and
//! n + n/2 + n/4 + … = O(n) comparisons in expectation. Sorting would be n·log2(n).
//!
//! Invariant: `lo..hi` always holds the answer's index `k`, every element before `lo` is
//! ≤ every element of `lo..hi`, and every element from `hi` on is ≥ them.
//!
//! Duplicates: the copies of the pivot land on the right side, so a range made mostly of one
//! value would shrink by one element per round (O(n²)). The fix costs one test: when nothing
//! is smaller than the pivot, the pivot is the minimum of the range, and a second pass
//! gathers all its copies at the front; then either `k` is among them (done) or they are all
//! dropped at once. (Partitioning three ways, `< | == | >`, in one pass is the other classic
//! fix; it has more branches.) The same test ends the search on a one-element range: its
//! only element is its minimum.
//!
//! Speed: the partition (Lomuto's scheme) swaps every element with the first slot of the
//! "not smaller" side and advances that slot by 0 or 1: no branch depends on the data, so the
//! processor never guesses wrong. The pivot sits at a pseudo-random position: sorted or
//! adversarial input is then as easy as shuffled input (the first or last element as pivot
//! makes sorted input quadratic). The generator starts from a fixed seed, so the same input
//! always costs the same. (The median of three random elements splits a little closer to
//! the middle: about 2.75·n comparisons instead of 3.4·n for the median. Same class, more
//! code.)

use std::cmp::Ordering;

/// The k-th smallest element of `items` (0-based: `k = 0` is the minimum), or `None` when
/// `k >= items.len()`. Reorders `items`.
pub fn kth_smallest<T: Ord>(items: &mut [T], k: usize) -> Option<&T> {
    if k >= items.len() {
        return None;
    }
    let (mut lo, mut hi) = (0, items.len());
    let mut rng = Lcg(0x2545_F491_4F6C_DD1D);
    loop {
        let part = &mut items[lo..hi];
        let pivot = rng.below(part.len());
        part.swap(0, pivot);
        let (pivot, rest) = part.split_first_mut().expect("the range always holds k");
        let less = partition_by(rest, |item| item < pivot);
        if less == 0 {
            // The pivot is the range's minimum: gather its copies at the front.
            let copies = 1 + partition_by(rest, |item| item <= pivot);
            if k - lo < copies {
                break; // items[k] is a copy of the pivot
            }
            lo += copies;
            continue;
        }
        // Put the pivot between the two sides, at its place in sorted order.
        part.swap(0, less);
        match (k - lo).cmp(&less) {
            Ordering::Less => hi = lo + less,
            Ordering::Equal => break,
            Ordering::Greater => lo += less + 1,
        }
    }
    Some(&items[k])
}

/// Moves the elements for which `goes_left` holds to the front (in no particular order) and
/// returns how many there are. One call of `goes_left` per element, no data-dependent branch.
fn partition_by<T>(items: &mut [T], mut goes_left: impl FnMut(&T) -> bool) -> usize {
    // items[..left] went left, items[left..i] did not.
    let mut left = 0;
    for i in 0..items.len() {
        let goes = goes_left(&items[i]);
        items.swap(left, i);
        left += usize::from(goes);
    }
    left
}

/// A tiny deterministic pseudo-random generator: a 64-bit linear congruential generator
/// (Knuth's MMIX constants). Its low bits repeat quickly; its high bits are well mixed, and
/// they are the only ones `below` reads.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0
    }

    /// A pseudo-random index below `len`: the high half of `random × len`. It divides
    /// nothing (`random % len` would read the low bits).
    fn below(&mut self, len: usize) -> usize {
        ((u128::from(self.next()) * len as u128) >> 64) as usize
    }
}
