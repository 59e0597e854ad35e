//! Step 2: the Conduit articles API, kept in one JSON file that survives crashes.
//!
//! This is the reference solution. It is written to be read: start at `main.rs`, which
//! wires the pieces together, then follow a request through them:
//!
//! - [`config`]: what the process reads from its environment (`PORT`, `DATA_DIR`);
//! - [`server`]: binds the port, prints the `listening on …` line, shuts down gracefully;
//! - [`routes`]: which handler answers which method and path;
//! - [`handlers`]: one module per API area (articles, comments, tags);
//! - [`extract`]: `Json`, `Query` and `Path` extractors whose rejections are [`ApiError`]s;
//! - [`error`]: [`ApiError`], the one error type every handler returns, and its JSON body;
//! - [`model`]: what is stored, what comes in and what goes out;
//! - [`slug`]: turning a title into a unique URL-safe slug;
//! - [`store`]: the data in memory, and the durable write that puts it on disk.
//!
//! The invariants worth keeping in mind:
//! - a request that got a 2xx answer is on disk (the write is fsynced before the answer);
//! - the data file is always either the old or the new version, never half of each
//!   (temp file + rename);
//! - one writer at a time, so no update is lost; readers never wait for the disk.

pub mod config;
pub mod error;
pub mod extract;
pub mod handlers;
pub mod model;
pub mod object;
pub mod routes;
pub mod server;
pub mod slug;
pub mod store;

pub use error::ApiError;
pub use routes::AppState;
pub use store::Store;
