//! Grades your step 2: `cargo test -p step-2` (one area: `cargo test -p step-2 -- articles`).
//! The suite starts your server (`src/main.rs`) and talks to it over HTTP.
fn main() -> std::process::ExitCode {
    harness::grade(harness::conduit::step2::suite(
        env!("CARGO_BIN_EXE_step-2"),
        env!("CARGO_MANIFEST_DIR"),
    ))
}
