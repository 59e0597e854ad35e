//! Reference: quickselect with a branch-free partition and a pseudo-random median-of-three
//! pivot.
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
//! fix; it has more branches.)
//!
//! Speed: the partition (Lomuto's scheme) swaps every element with the first slot of the
//! "not smaller" side and advances that slot by 0 or 1: no branch depends on the data, so the
//! processor never guesses wrong. The pivot is the median of three elements at pseudo-random
//! positions: random positions make sorted or adversarial input as easy as shuffled input,
//! and the median of three splits closer to the middle. The generator is seeded from the
//! length, so the same input always costs the same.

use std::cmp::Ordering;

/// The k-th smallest element of `items` (0-based: `k = 0` is the minimum), or `None` when
/// `k >= items.len()`. Reorders `items`.
pub fn kth_smallest<T: Ord>(items: &mut [T], k: usize) -> Option<&T> {
    if k >= items.len() {
        return None;
    }
    let (mut lo, mut hi) = (0, items.len());
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D ^ items.len() as u64);
    while hi - lo > 1 {
        let part = &mut items[lo..hi];
        let pivot = pivot_index(part, &mut rng);
        part.swap(0, pivot);
        let (pivot, rest) = part.split_first_mut().expect("the range has 2+ elements");
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

/// The index of the median of three elements at pseudo-random positions (the only random
/// position when the slice is shorter than 3). A position is the high half of
/// `random × len`: it reads the generator's high bits, its best-mixed ones, and divides
/// nothing (`random % len` reads the low bits, which a weak generator repeats).
fn pivot_index<T: Ord>(items: &[T], rng: &mut XorShift) -> usize {
    let len = u128::from(items.len() as u64);
    let mut pick = || ((u128::from(rng.next()) * len) >> 64) as usize;
    let (a, b, c) = (pick(), pick(), pick());
    if items.len() < 3 {
        return a;
    }
    // Order a and b by their elements, then place c: at most three comparisons.
    let (a, b) = if items[b] < items[a] { (b, a) } else { (a, b) };
    if items[c] < items[a] {
        a
    } else if items[c] < items[b] {
        c
    } else {
        b
    }
}

/// A tiny deterministic pseudo-random generator (Marsaglia's xorshift64).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}
