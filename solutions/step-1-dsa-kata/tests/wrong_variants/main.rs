//! Known-wrong variants of the katas, kept as fixtures: each must be rejected by the check
//! that is there to catch it, for the right reason. This is how the kit proves that its
//! checks can fail: an off-by-one, an unstable sort, an O(n²) where O(n log n) is required.
//!
//! One module per kata; each adds its fixtures to the plan with [`Plan::reject`], and the
//! correct answers written differently from the reference (which must pass) with [`accept`].

use harness::runner::Entry;
use harness::{Check, Expect, Plan};

// One module per kata, `<kata>.rs` beside this file, and `add_fixtures`.
harness::step1_fixture_modules!();

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
    let dir = env!("CARGO_MANIFEST_DIR");
    // Gate messages carry figures measured on the fixture: compared by shape.
    let plan = Plan::fixtures(harness::steps::step(1), dir)
        .with_golden_shapes(format!("{dir}/tests/golden"));
    let plan = add_fixtures(plan);
    // Every check of the suite must be failed by at least one fixture above.
    let plan =
        plan.covering(&harness::step1::suite::<Reference>(env!("CARGO_MANIFEST_DIR")).checks);
    harness::run_plan(plan)
}
