//! Grades step 4. The step is not open yet: its suite has no checks so far.
fn main() -> std::process::ExitCode {
    harness::grade(harness::Suite::new(
        harness::steps::step(4),
        env!("CARGO_MANIFEST_DIR"),
    ))
}
