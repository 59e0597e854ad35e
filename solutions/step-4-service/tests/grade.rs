//! Grades the reference solution of step 4 with the same suite as the learner's crate.
fn main() -> std::process::ExitCode {
    harness::grade(harness::conduit::step4::suite(
        env!("CARGO_BIN_EXE_solution-step-4"),
        env!("CARGO_MANIFEST_DIR"),
    ))
}
