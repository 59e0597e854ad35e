//! Property checks: run a test on many random inputs from a proptest strategy and, on a
//! failure, report the smallest input that still fails.
//!
//! The random generator is seeded from the check's seed, and proptest's failure persistence
//! is off: grading never writes `proptest-regressions/` into the learner's tree.

use std::fmt::Debug;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};

use crate::check::{Context, Failure, show};

/// Runs `test` on `cases` inputs drawn from `strategy`. The failure names the shrunk input.
pub fn for_all<S>(
    ctx: &Context,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), Failure>,
) -> Result<(), Failure>
where
    S: Strategy,
    S::Value: Debug,
{
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    };
    let mut seed = [0u8; 32];
    for (i, chunk) in seed.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(&ctx.seed.wrapping_add(i as u64).to_le_bytes());
    }
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut runner = TestRunner::new_with_rng(config, rng);
    match runner.run(&strategy, |value| {
        crate::child::calling(format_args!(
            "the check on the random input {}",
            show(&value)
        ));
        test(value).map_err(|f| TestCaseError::fail(f.message))
    }) {
        Ok(()) => Ok(()),
        Err(TestError::Fail(reason, value)) => {
            // A `todo!()` fails every input: say so plainly rather than show a shrunk input.
            let why = match crate::child::take_last_panic() {
                Some(panic) if reason.message().starts_with("not yet implemented") => panic,
                _ => reason.message().to_string(),
            };
            Err(Failure::new(format!(
                "a random input failed (shrunk to the smallest failing one):\ninput:    {}\n{why}",
                show(&value),
            )))
        }
        Err(TestError::Abort(reason)) => Err(Failure::new(format!(
            "the property check gave up: {}",
            reason.message()
        ))),
    }
}
