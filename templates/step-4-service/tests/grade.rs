//! The kit's self-test of the pristine step-4 starting code: every non-trivial check must
//! fail, because a stub that already passes a check leaves the learner nothing to learn there.
fn main() -> std::process::ExitCode {
    harness::expect_stub_fails(harness::conduit::step4::suite(
        env!("CARGO_BIN_EXE_template-step-4"),
        env!("CARGO_MANIFEST_DIR"),
    ))
}
