//! The kit's self-test of the pristine step-4 starting code: every non-trivial check must
//! fail. The step is not open yet, so its suite has no checks so far.
fn main() -> std::process::ExitCode {
    harness::expect_stub_fails(harness::Suite::new(
        harness::steps::step(4),
        env!("CARGO_MANIFEST_DIR"),
    ))
}
