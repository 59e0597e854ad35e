//! Grades your step 4: `cargo test -p step-4` (one area: `cargo test -p step-4 -- users`).
//! The suite starts your server (`src/main.rs`) with a JWT_SECRET and talks to it over HTTP.
fn main() -> std::process::ExitCode {
    harness::grade(harness::conduit::step4::suite(
        env!("CARGO_BIN_EXE_step-4"),
        env!("CARGO_MANIFEST_DIR"),
    ))
}
