//! Known-wrong variants of the katas, kept as fixtures: each must be rejected by the check
//! that is there to catch it, for the right reason. This is how the kit proves that its
//! checks can fail: an off-by-one, an unstable sort, an O(n²) where O(n log n) is required.
//!
//! One module per kata; each adds its fixtures to the plan with [`Plan::reject`], and the
//! correct answers written differently from the reference (which must pass) with [`accept`].

use harness::runner::Entry;
use harness::{Check, Expect, Plan};

mod balanced_brackets;
mod base62;
mod bfs;
mod binary_search;
mod bloom_filter;
mod consistent_hash;
mod dijkstra;
mod edit_distance;
mod hash_map;
mod kway_merge;
mod lru_cache;
mod max_subarray;
mod merge_intervals;
mod merge_sort;
mod min_heap;
mod ordered_map;
mod quickselect;
mod rate_limiter;
mod ring_buffer;
mod top_k;
mod topo_sort;
mod trie;
mod two_sum;
mod union_find;
mod word_frequencies;

/// The correct-but-different submission `fixture` must PASS the check `check_id` of
/// `checks`: a correct answer refused is as bad as a wrong one accepted.
pub fn accept(mut plan: Plan, fixture: &str, checks: Vec<Check>, check_id: &str) -> Plan {
    let check = checks
        .into_iter()
        .find(|check| check.id() == check_id)
        .unwrap_or_else(|| panic!("fixture {fixture}: the suite has no check {check_id}"));
    plan.entries.push(Entry {
        label: format!("{fixture}::accepted_by::{check_id}"),
        check,
        expect: Expect::Pass,
    });
    plan
}

/// Allocation gates read this allocator's counts.
#[global_allocator]
static ALLOCATOR: harness::counting::CountingAllocator = harness::counting::CountingAllocator;

/// The reference, to list the suite's checks.
struct Reference;
harness::__step1_impls!(solution_step_1, Reference);

fn main() -> std::process::ExitCode {
    let plan = Plan::fixtures("step-1", env!("CARGO_MANIFEST_DIR"));
    let plan = two_sum::add(plan);
    let plan = max_subarray::add(plan);
    let plan = merge_intervals::add(plan);
    let plan = balanced_brackets::add(plan);
    let plan = word_frequencies::add(plan);
    let plan = binary_search::add(plan);
    let plan = merge_sort::add(plan);
    let plan = quickselect::add(plan);
    let plan = kway_merge::add(plan);
    let plan = top_k::add(plan);
    let plan = ring_buffer::add(plan);
    let plan = min_heap::add(plan);
    let plan = hash_map::add(plan);
    let plan = lru_cache::add(plan);
    let plan = trie::add(plan);
    let plan = union_find::add(plan);
    let plan = bfs::add(plan);
    let plan = dijkstra::add(plan);
    let plan = topo_sort::add(plan);
    let plan = ordered_map::add(plan);
    let plan = rate_limiter::add(plan);
    let plan = consistent_hash::add(plan);
    let plan = bloom_filter::add(plan);
    let plan = edit_distance::add(plan);
    let plan = base62::add(plan);
    // Every check of the suite must be failed by at least one fixture above.
    let plan =
        plan.covering(&harness::step1::suite::<Reference>(env!("CARGO_MANIFEST_DIR")).checks);
    harness::run_plan(plan)
}
