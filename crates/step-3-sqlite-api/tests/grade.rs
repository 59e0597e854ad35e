//! Grades your step 3: `cargo test -p step-3` (one area: `cargo test -p step-3 -- database`).
//! The suite starts your server (`src/main.rs`), talks to it over HTTP, and reads your
//! database file once the server has stopped.
fn main() -> std::process::ExitCode {
    harness::grade(harness::conduit::step3::suite(
        env!("CARGO_BIN_EXE_step-3"),
        env!("CARGO_MANIFEST_DIR"),
    ))
}
