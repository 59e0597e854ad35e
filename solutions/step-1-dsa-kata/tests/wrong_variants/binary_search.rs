//! Known-wrong variants of `binary_search`: a linear scan posing as binary search (right
//! answers, wrong complexity) and an upper bound (off by one on duplicates).

use harness::Plan;
use harness::step1::binary_search::{BinarySearch, checks};

/// Correct answers, found by walking the slice: O(n) comparisons per search.
struct LinearScan;

impl BinarySearch for LinearScan {
    fn lower_bound<T: Ord>(items: &[T], target: &T) -> usize {
        items
            .iter()
            .position(|item| item >= target)
            .unwrap_or(items.len())
    }
}

/// Returns the first element *greater* than the target: wrong whenever the target is present.
struct UpperBound;

impl BinarySearch for UpperBound {
    fn lower_bound<T: Ord>(items: &[T], target: &T) -> usize {
        let (mut lo, mut hi) = (0, items.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if items[mid] <= *target {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// Right answers from std's `partition_point`, which the doc asks you not to call.
struct StdPartitionPoint;

impl BinarySearch for StdPartitionPoint {
    const SOURCE: &'static str = include_str!("binary_search.rs");
    fn lower_bound<T: Ord>(items: &[T], target: &T) -> usize {
        items.partition_point(|x| x < target)
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = plan.reject(
        "std_partition_point",
        checks::<StdPartitionPoint>(),
        "binary_search::no_std_shortcut",
        "not to use `partition_point`",
    );
    plan.reject(
        "linear_scan",
        checks::<LinearScan>(),
        "binary_search::comparison_gate",
        "too many comparisons",
    )
    .reject(
        "upper_bound",
        checks::<UpperBound>(),
        "binary_search::examples",
        "expected: 2",
    )
    .reject(
        "upper_bound",
        checks::<UpperBound>(),
        "binary_search::matches_std",
        "a random input failed",
    )
}
