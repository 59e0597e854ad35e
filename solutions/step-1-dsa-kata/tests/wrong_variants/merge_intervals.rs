//! Known-wrong variants of `merge_intervals`: insertion sort before the sweep (right answers,
//! O(n²) comparisons), a sweep that does not merge touching bookings, one that keeps empty
//! bookings, and one that lets a contained booking cut the period short.

use std::ops::Range;

use harness::Plan;
use harness::step1::merge_intervals::{MergeIntervals, checks};

/// The sweep of the reference, with a choice of test for "joins the last period", of how
/// the end grows, and of whether empty bookings are dropped. `bookings` must be sorted.
fn sweep<T: Ord>(
    bookings: Vec<Range<T>>,
    joins: impl Fn(&T, &T) -> bool,
    take_max: bool,
    drop_empty: bool,
) -> Vec<Range<T>> {
    let mut merged: Vec<Range<T>> = Vec::new();
    for booking in bookings {
        if drop_empty && booking.start >= booking.end {
            continue;
        }
        match merged.last_mut() {
            Some(last) if joins(&booking.start, &last.end) => {
                if !take_max || booking.end > last.end {
                    last.end = booking.end;
                }
            }
            _ => merged.push(booking),
        }
    }
    merged
}

/// Right answers, but sorts by insertion: O(n²) comparisons on shuffled input.
struct InsertionSort;

impl MergeIntervals for InsertionSort {
    fn merge<T: Ord>(bookings: Vec<Range<T>>) -> Vec<Range<T>> {
        let mut sorted: Vec<Range<T>> = Vec::with_capacity(bookings.len());
        for booking in bookings {
            let mut at = sorted.len();
            while at > 0 && sorted[at - 1].start > booking.start {
                at -= 1;
            }
            sorted.insert(at, booking);
        }
        sweep(sorted, |start, end| start <= end, true, true)
    }
}

fn sorted<T: Ord>(mut bookings: Vec<Range<T>>) -> Vec<Range<T>> {
    bookings.sort_by(|a, b| a.start.cmp(&b.start));
    bookings
}

/// Merges only overlapping bookings (`start < end`): `1..4` and `4..5` stay apart.
struct TouchingApart;

impl MergeIntervals for TouchingApart {
    fn merge<T: Ord>(bookings: Vec<Range<T>>) -> Vec<Range<T>> {
        sweep(sorted(bookings), |start, end| start < end, true, true)
    }
}

/// Keeps empty bookings: `3..3` comes back as a period.
struct KeepsEmpty;

impl MergeIntervals for KeepsEmpty {
    fn merge<T: Ord>(bookings: Vec<Range<T>>) -> Vec<Range<T>> {
        sweep(sorted(bookings), |start, end| start <= end, true, false)
    }
}

/// Sets the end to the joining booking's end, even when that is earlier: `2..3` inside
/// `1..10` gives `1..3`.
struct LastEndWins;

impl MergeIntervals for LastEndWins {
    fn merge<T: Ord>(bookings: Vec<Range<T>>) -> Vec<Range<T>> {
        sweep(sorted(bookings), |start, end| start <= end, false, true)
    }
}

pub fn add(plan: Plan) -> Plan {
    plan.reject(
        "insertion_sort",
        checks::<InsertionSort>(),
        "merge_intervals::comparison_gate",
        "too many comparisons",
    )
    .reject(
        "touching_apart",
        checks::<TouchingApart>(),
        "merge_intervals::examples",
        "expected: [1..5]",
    )
    .reject(
        "touching_apart",
        checks::<TouchingApart>(),
        "merge_intervals::matches_model",
        "a random input failed",
    )
    .reject(
        "keeps_empty",
        checks::<KeepsEmpty>(),
        "merge_intervals::examples",
        "expected: []",
    )
    .reject(
        "keeps_empty",
        checks::<KeepsEmpty>(),
        "merge_intervals::matches_model",
        "a random input failed",
    )
    .reject(
        "last_end_wins",
        checks::<LastEndWins>(),
        "merge_intervals::examples",
        "expected: [1..10]",
    )
    .reject(
        "last_end_wins",
        checks::<LastEndWins>(),
        "merge_intervals::matches_model",
        "a random input failed",
    )
}
