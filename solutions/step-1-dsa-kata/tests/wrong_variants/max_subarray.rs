//! Known-wrong variants of `max_subarray`: every run from every start (right answers,
//! O(n²)), Kadane that restarts on a zero-sum run (a later start wins ties), Kadane that
//! replaces the best on equal sums (a later run wins ties), and the textbook version that
//! allows the empty run (0 for an all-negative input).

use std::ops::{Add, Range};

use harness::Plan;
use harness::step1::max_subarray::{MaxSubarray, checks};

/// Right answers: sums every run from every start, O(n²) additions and comparisons.
struct EveryRun;

impl MaxSubarray for EveryRun {
    fn max_subarray<T>(items: &[T]) -> Option<(T, Range<usize>)>
    where
        T: Copy + Ord + Add<Output = T>,
    {
        let mut best: Option<(T, Range<usize>)> = None;
        for start in 0..items.len() {
            let mut sum = items[start];
            for end in start + 1..=items.len() {
                if end > start + 1 {
                    sum = sum + items[end - 1];
                }
                if best.as_ref().is_none_or(|(b, _)| sum > *b) {
                    best = Some((sum, start..end));
                }
            }
        }
        best
    }
}

/// The shared shape of the Kadane variants below.
fn kadane<T>(
    items: &[T],
    extend: impl Fn(T, T) -> bool,
    replace: impl Fn(T, T) -> bool,
) -> Option<(T, Range<usize>)>
where
    T: Copy + Ord + Add<Output = T>,
{
    let (&first, _) = items.split_first()?;
    let (mut run, mut run_start) = (first, 0);
    let mut best = (first, 0..1);
    for (i, &x) in items.iter().enumerate().skip(1) {
        if extend(run, x) {
            run = run + x;
        } else {
            run = x;
            run_start = i;
        }
        if replace(run, best.0) {
            best = (run, run_start..i + 1);
        }
    }
    Some(best)
}

/// Restarts when the run so far is 0 or less (`run + x > x`): `[0, 3]` answers `1..2`.
struct RestartOnZero;

impl MaxSubarray for RestartOnZero {
    fn max_subarray<T>(items: &[T]) -> Option<(T, Range<usize>)>
    where
        T: Copy + Ord + Add<Output = T>,
    {
        kadane(items, |run, x| run + x > x, |run, best| run > best)
    }
}

/// Replaces the best on an equal sum: `[3, -5, 3]` answers `2..3`.
struct LaterBestWins;

impl MaxSubarray for LaterBestWins {
    fn max_subarray<T>(items: &[T]) -> Option<(T, Range<usize>)>
    where
        T: Copy + Ord + Add<Output = T>,
    {
        kadane(items, |run, x| run + x >= x, |run, best| run >= best)
    }
}

/// The textbook `max(0, run + x)` version: the empty run (sum 0) is allowed, so an
/// all-negative input answers `(0, 0..0)`.
struct EmptyRunAllowed;

impl MaxSubarray for EmptyRunAllowed {
    fn max_subarray<T>(items: &[T]) -> Option<(T, Range<usize>)>
    where
        T: Copy + Ord + Add<Output = T>,
    {
        let (&first, _) = items.split_first()?;
        // There is no zero in `T`, but `first + first < first` tells a negative number.
        let mut best: Option<(T, Range<usize>)> = None;
        let mut run: Option<(T, usize)> = None;
        for (i, &x) in items.iter().enumerate() {
            let (sum, start) = match run {
                Some((sum, start)) => (sum + x, start),
                None => (x, i),
            };
            // Drop a negative run entirely: the empty run (0) is better.
            run = if sum + sum < sum {
                None
            } else {
                Some((sum, start))
            };
            if let Some((sum, start)) = run
                && best.as_ref().is_none_or(|(b, _)| sum > *b)
            {
                best = Some((sum, start..i + 1));
            }
        }
        // No non-negative run at all: answer the empty run, as `max(0, …)` would.
        best.or(Some((first, 0..0)))
    }
}

pub fn add(plan: Plan) -> Plan {
    plan.reject(
        "every_run",
        checks::<EveryRun>(),
        "max_subarray::operation_gate",
        "too many additions and comparisons",
    )
    .reject(
        "restart_on_zero",
        checks::<RestartOnZero>(),
        "max_subarray::examples",
        "expected: Some((3, 0..2))",
    )
    .reject(
        "restart_on_zero",
        checks::<RestartOnZero>(),
        "max_subarray::matches_naive",
        "a random input failed",
    )
    .reject(
        "later_best_wins",
        checks::<LaterBestWins>(),
        "max_subarray::examples",
        "expected: Some((3, 0..1))",
    )
    .reject(
        "later_best_wins",
        checks::<LaterBestWins>(),
        "max_subarray::matches_naive",
        "a random input failed",
    )
    .reject(
        "empty_run_allowed",
        checks::<EmptyRunAllowed>(),
        "max_subarray::examples",
        "expected: Some((-1, 1..2))",
    )
    .reject(
        "empty_run_allowed",
        checks::<EmptyRunAllowed>(),
        "max_subarray::matches_naive",
        "a random input failed",
    )
}
