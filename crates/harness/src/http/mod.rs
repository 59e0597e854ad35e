//! The HTTP driver: runs a step's server as a black box and talks to it, for the suites of
//! steps 2, 3 and 4.
//!
//! - [`App`] is the server under test before it runs: its binary and a fresh temporary
//!   `DATA_DIR` (one per check, removed afterwards). [`App::start`] spawns it with `PORT=0`
//!   and waits, up to a deadline, for the line `listening on http://127.0.0.1:PORT`.
//! - [`Server`] is a running server: its port, its stderr (kept for failure messages), and
//!   the ways to stop it: SIGTERM ([`Server::terminate`]) or SIGKILL ([`Server::kill`]). A
//!   `Server` that is dropped is killed, and the runner kills the check's whole process group
//!   when the check ends, so no server outlives its check.
//! - [`Client`] sends [`Request`]s and returns [`Response`]s; every failure built from a
//!   response ([`Response::fail`]) shows the request as a curl command line the learner can
//!   paste, the status and body that came back, and the server's last lines of stderr when
//!   there was no answer at all.
//! - [`conduit`] adds a typed helper per Conduit endpoint (`create_article`, `add_comment`,
//!   …) and the checks on envelopes and error bodies that every step shares.

pub mod client;
pub mod conduit;
pub mod curl;
pub mod jwt;
pub mod server;
pub mod target;

pub use client::{Client, Request, Response};
pub use server::{App, Launch, Server};
pub use target::Target;
