//! The Conduit service. Everything it does is in the library; see `app::run`.
//!
//! The process protocol, the same for every step of the path: `PORT` (0 = any free port)
//! and `DATA_DIR` come from the environment, one line `listening on http://127.0.0.1:PORT`
//! goes to stdout once connections are accepted, and SIGTERM lets in-flight requests
//! finish before the process exits with status 0. `JWT_SECRET` is required (or
//! `APP_ENV=dev`); the other settings are listed in `config.rs`.

fn main() -> std::process::ExitCode {
    solution_step_4::app::run()
}
