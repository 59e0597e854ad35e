//! Step 4: the full RealWorld Conduit API as a service you can deploy.
//!
//! This is the reference solution. Start at `main.rs` → [`app::run`], which wires the
//! pieces together, then follow a request through them:
//!
//! - [`config`]: every environment variable the service reads, with defaults and checks;
//! - [`server`]: binds the port, prints the `listening on …` line, serves connections with
//!   a header-read timeout, shuts down gracefully within a deadline;
//! - [`routes`]: the route table, the shared [`AppState`] and the layers (request ids,
//!   logs, CORS, compression, metrics, timeout, body limit);
//! - [`auth`]: passwords (argon2), tokens (JWT), and the `CurrentUser` extractor;
//! - [`rate_limit`]: the token bucket in front of login and register;
//! - [`handlers`]: one module per API area;
//! - [`queries`]: the SQL, one module per table group;
//! - [`db`]: the SQLite file, its migrations, the reader and writer pools;
//! - [`model`]: what comes in and what goes out, in Conduit's JSON shapes;
//! - [`extract`], [`error`]: extractors whose rejections, and the one error type whose
//!   responses, are all `{"errors": {…}}`;
//! - [`telemetry`]: structured logs and Prometheus metrics.
//!
//! The invariants worth keeping in mind:
//! - a 2xx answer to a write means it is committed;
//! - a write that reads first (is the name taken? which slug is free?) reads and writes in
//!   one `BEGIN IMMEDIATE` transaction, so no other write comes in between;
//! - nothing slow or blocking (SQLite, argon2) runs on the async runtime's threads;
//! - passwords and tokens are never logged and never stored in clear.

pub mod app;
pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod extract;
pub mod handlers;
pub mod model;
pub mod object;
pub mod queries;
pub mod rate_limit;
pub mod routes;
pub mod server;
pub mod slug;
pub mod telemetry;

pub use error::ApiError;
pub use routes::AppState;
