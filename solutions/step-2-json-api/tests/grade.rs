//! Grades the reference solution of step 2 with the same suite as the learner's crate.
fn main() -> std::process::ExitCode {
    harness::grade(harness::conduit::step2::suite(
        env!("CARGO_BIN_EXE_solution-step-2"),
        env!("CARGO_MANIFEST_DIR"),
    ))
}
