//! Known-wrong variants of `two_sum`: a double loop (right answers, O(n²)), a map that
//! remembers the last index of a value instead of the first, and a map filled before it is
//! asked (an element pairs with itself), and the double loop over i then j (the wrong
//! tie-break: smallest i first).

use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Sub;

use harness::Plan;
use harness::step1::two_sum::{TwoSum, checks};

/// Correct answers by testing every pair `(i, j)`, `j` outermost: O(n²) equality tests.
struct DoubleLoop;

impl TwoSum for DoubleLoop {
    fn two_sum<T>(items: &[T], target: T) -> Option<(usize, usize)>
    where
        T: Copy + Eq + Hash + Sub<Output = T>,
    {
        for j in 0..items.len() {
            for i in 0..j {
                if target - items[j] == items[i] {
                    return Some((i, j));
                }
            }
        }
        None
    }
}

/// `insert` overwrites: a repeated value remembers its LAST index, so the pair found is not
/// the first one.
struct LastIndex;

impl TwoSum for LastIndex {
    fn two_sum<T>(items: &[T], target: T) -> Option<(usize, usize)>
    where
        T: Copy + Eq + Hash + Sub<Output = T>,
    {
        let mut seen = HashMap::new();
        for (j, &x) in items.iter().enumerate() {
            if let Some(&i) = seen.get(&(target - x)) {
                return Some((i, j));
            }
            seen.insert(x, j);
        }
        None
    }
}

/// Inserts the value before looking up its complement: `[3]` with target 6 pairs 3 with
/// itself.
struct InsertFirst;

impl TwoSum for InsertFirst {
    fn two_sum<T>(items: &[T], target: T) -> Option<(usize, usize)>
    where
        T: Copy + Eq + Hash + Sub<Output = T>,
    {
        let mut seen = HashMap::new();
        for (j, &x) in items.iter().enumerate() {
            seen.entry(x).or_insert(j);
            if let Some(&i) = seen.get(&(target - x)) {
                return Some((i, j));
            }
        }
        None
    }
}

/// The other natural double loop, over i then j: the first pair it meets has the smallest
/// i, not the smallest j (`[1, 4, 6, 9]`, 10 gives (0, 3) instead of (1, 2)).
struct SmallestIFirst;

impl TwoSum for SmallestIFirst {
    fn two_sum<T>(items: &[T], target: T) -> Option<(usize, usize)>
    where
        T: Copy + Eq + Hash + Sub<Output = T>,
    {
        for i in 0..items.len() {
            for j in i + 1..items.len() {
                if target - items[j] == items[i] {
                    return Some((i, j));
                }
            }
        }
        None
    }
}

pub fn add(plan: Plan) -> Plan {
    // The double loop over j then i gives the right pairs (it is only too slow).
    let plan = crate::accept(
        plan,
        "double_loop",
        checks::<DoubleLoop>(),
        "two_sum::first_completed_pair",
    );
    plan.reject(
        "smallest_i_first",
        checks::<SmallestIFirst>(),
        "two_sum::first_completed_pair",
        "a random input failed",
    )
    .reject(
        "double_loop",
        checks::<DoubleLoop>(),
        "two_sum::hash_gate",
        "too many hashes and equality tests",
    )
    .reject(
        "last_index",
        checks::<LastIndex>(),
        "two_sum::examples",
        "expected: Some((0, 3))",
    )
    .reject(
        "last_index",
        checks::<LastIndex>(),
        "two_sum::first_completed_pair",
        "a random input failed",
    )
    .reject(
        "insert_first",
        checks::<InsertFirst>(),
        "two_sum::examples",
        "Some((0, 0))",
    )
    .reject(
        "insert_first",
        checks::<InsertFirst>(),
        "two_sum::first_completed_pair",
        "a random input failed",
    )
}
