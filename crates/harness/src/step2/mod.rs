//! The step-2 suite: the Conduit articles API on a JSON file, graded black-box over HTTP.
//!
//! Every check starts the learner's binary with the HTTP driver ([`crate::http`]) on a fresh
//! temporary `DATA_DIR`, talks to it like any client would, and stops it. The checks are
//! grouped by API area and ordered by grade:
//!
//! | grade | group         | what it asks                                              |
//! |-------|---------------|-----------------------------------------------------------|
//! | 1     | `server`      | the process protocol: listening line, `/healthz`          |
//! | 2     | `articles`    | create, read, list (newest first, tag, limit, offset), update, delete, 404 |
//! | 3     | `comments`    | add, list, delete; 404 on unknown articles and comments   |
//! | 3     | `tags`        | the distinct tags of the stored articles                  |
//! | 4     | `errors`      | 422 field errors, 400/415/413 with the same JSON body, never a 5xx |
//! | 5     | `durability`  | restart, corrupt file, atomic replace, SIGKILL mid-burst  |
//! | 6     | `concurrency` | 100 concurrent creates and 50 concurrent comments, nothing lost |
//! | 7     | `shutdown`    | SIGTERM: in-flight requests answered, exit 0              |
//!
//! A grade file names the binary under test:
//!
//! ```ignore
//! harness::grade(harness::step2::suite(env!("CARGO_BIN_EXE_step-2"), env!("CARGO_MANIFEST_DIR")))
//! ```

use std::sync::Arc;

use crate::check::Failure;
use crate::http::{App, Server};
use crate::suite::Suite;

pub mod articles;
pub mod comments;
pub mod concurrency;
pub mod durability;
pub mod errors;
pub mod server;
pub mod shutdown;
pub mod tags;

/// The data file's name inside `DATA_DIR`: part of the step's contract.
pub const DATA_FILE: &str = "conduit.json";

/// The request body limit: part of the step's contract.
pub const BODY_LIMIT_BYTES: usize = 1024 * 1024;

/// The binary under test, shared by the checks.
pub type Binary = Arc<str>;

/// The whole step-2 suite for the server binary at `binary`, whose crate's manifest
/// directory is `manifest_dir`.
pub fn suite(binary: &str, manifest_dir: &str) -> Suite {
    let binary: Binary = binary.into();
    Suite::new("step-2", "json-api", manifest_dir)
        .with(server::checks(&binary))
        .with(articles::checks(&binary))
        .with(comments::checks(&binary))
        .with(tags::checks(&binary))
        .with(errors::checks(&binary))
        .with(durability::checks(&binary))
        .with(concurrency::checks(&binary))
        .with(shutdown::checks(&binary))
        .ordered()
}

/// A fresh server on an empty `DATA_DIR`. Keep the [`App`] alive as long as the server:
/// dropping it removes the directory.
pub fn fresh(binary: &str) -> Result<(App, Server), Failure> {
    let app = App::new(binary)?;
    let server = app.start()?;
    Ok((app, server))
}

/// A check body that receives the binary's path.
pub(crate) fn with_binary(
    binary: &Binary,
    body: fn(&str) -> Result<(), Failure>,
) -> impl Fn(&crate::check::Context) -> Result<(), Failure> + Send + Sync + 'static {
    let binary = binary.clone();
    move |_| body(&binary)
}
