//! Reference: quickselect with a three-way partition and a pseudo-random median-of-three pivot.
//!
//! The idea: partition the slice around a pivot into `< pivot | == pivot | > pivot`. The
//! k-th smallest is in exactly one of the three parts, so keep that part and drop the rest.
//! With a good pivot each round keeps a constant fraction of the slice, and
//! n + n/2 + n/4 + … = O(n) comparisons in expectation. Sorting would be n·log2(n).
//!
//! Invariant: `lo..hi` always holds the answer's index `k`, every element before `lo` is
//! ≤ every element of `lo..hi`, and every element from `hi` on is ≥ them.
//!
//! The pivot is the median of three elements at pseudo-random positions: random positions
//! make sorted or adversarial input as easy as shuffled input, and the median of three makes
//! the split closer to the middle (about 2.75n comparisons for the median instead of 3.4n).
//! The generator is seeded from the length, so the same input always costs the same.
//! The three-way partition makes duplicates cheap: the round in which `k` lands among the
//! pivot's copies is the last one.

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
        let (less, equal) = partition(part, pivot);
        let target = k - lo;
        if target < less {
            hi = lo + less;
        } else if target < less + equal {
            break; // items[k] is a copy of the pivot
        } else {
            lo += less + equal;
        }
    }
    Some(&items[k])
}

/// Three-way partition of `items` around `items[pivot]`: on return the slice reads
/// `< pivot` (`less` elements), `== pivot` (`equal` elements), `> pivot`.
/// One comparison per element other than the pivot.
fn partition<T: Ord>(items: &mut [T], pivot: usize) -> (usize, usize) {
    items.swap(0, pivot);
    let (pivot, rest) = items
        .split_first_mut()
        .expect("partition of an empty slice");
    // rest = [0, lt) less | [lt, i) equal | [i, gt) not yet seen | [gt, len) greater
    let (mut lt, mut i, mut gt) = (0, 0, rest.len());
    while i < gt {
        match rest[i].cmp(pivot) {
            Ordering::Less => {
                rest.swap(lt, i);
                lt += 1;
                i += 1;
            }
            Ordering::Equal => i += 1,
            Ordering::Greater => {
                gt -= 1;
                rest.swap(i, gt);
            }
        }
    }
    // The pivot sits at items[0] and `items[1..=lt]` is less: swap it behind them.
    items.swap(0, lt);
    (lt, gt - lt + 1)
}

/// The index of the median of three elements at pseudo-random positions (the only random
/// position when the slice is shorter than 3).
fn pivot_index<T: Ord>(items: &[T], rng: &mut XorShift) -> usize {
    let len = items.len() as u64;
    let mut pick = || (rng.next() % len) as usize;
    let (a, b, c) = (pick(), pick(), pick());
    if items.len() < 3 {
        return a;
    }
    // Sort the three indices by their elements, at most three comparisons.
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
