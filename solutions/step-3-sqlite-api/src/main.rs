//! The process: `solution-step-3` serves the API; `solution-step-3 import FILE` copies a
//! step-2 data file into the database and exits. See `run.rs`.

use std::process::ExitCode;

use solution_step_3::run::{self, Parts};

#[tokio::main]
async fn main() -> ExitCode {
    run::main(Parts::REFERENCE).await
}
