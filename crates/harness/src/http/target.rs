//! The target: how to start the server under test and how to talk to it.
//!
//! A target is the step's binary plus what every start and every request of a check share:
//! extra environment (a JWT secret, the broken part a fixture should play) and default
//! request headers (a token). Steps 2, 3 and 4 drive their servers through the same
//! [`App`](crate::http::App) and [`Client`](crate::http::Client) with a different target.

use std::path::PathBuf;

/// The server under test, before any check starts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The executable (`env!("CARGO_BIN_EXE_step-2")`).
    pub binary: PathBuf,
    /// Set in the server's environment on every start, after `PORT` and `DATA_DIR`.
    pub env: Vec<(String, String)>,
    /// Sent with every request unless the request sets the same header itself.
    pub headers: Vec<(String, String)>,
}

impl Target {
    pub fn new(binary: impl Into<PathBuf>) -> Target {
        Target {
            binary: binary.into(),
            env: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// The same target with `name=value` in the server's environment.
    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Target {
        self.env.push((name.into(), value.into()));
        self
    }

    /// The same target with a header sent on every request.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Target {
        self.headers.push((name.into(), value.into()));
        self
    }
}

impl From<&str> for Target {
    fn from(binary: &str) -> Target {
        Target::new(binary)
    }
}
