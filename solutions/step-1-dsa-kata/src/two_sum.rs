//! Reference: two-sum in one pass with a hash map.
//!
//! Invariant: before looking at index `j`, `seen` maps every value of `items[..j]` to the
//! first index where it occurs. So the lookup of `target - items[j]` finds the smallest `i`
//! that pairs with `j`, and the first `j` that finds one ends the search. Each element costs
//! one lookup and at most one insert: O(n) expected.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;
use std::ops::Sub;

/// The first pair of positions `(i, j)`, `i < j`, with `items[i] + items[j] == target`
/// (smallest `j`, then smallest `i`), or `None` if there is none.
pub fn two_sum<T>(items: &[T], target: T) -> Option<(usize, usize)>
where
    T: Copy + Eq + Hash + Sub<Output = T>,
{
    let mut seen: HashMap<T, usize> = HashMap::with_capacity(items.len());
    for (j, &x) in items.iter().enumerate() {
        if let Some(&i) = seen.get(&(target - x)) {
            return Some((i, j));
        }
        // Keep the first index of a repeated value: it pairs with later elements first.
        if let Entry::Vacant(slot) = seen.entry(x) {
            slot.insert(j);
        }
    }
    None
}
