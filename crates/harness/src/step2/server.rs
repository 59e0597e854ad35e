//! Group `server` (grade 1): the process protocol every step's server follows.

use std::net::TcpStream;

use crate::check::{Check, Failure, Group};
use crate::step2::{Binary, fresh, with_binary};

pub const GROUP: Group = Group::new("server", 1, "src/server.rs");

pub fn checks(binary: &Binary) -> Vec<Check> {
    vec![
        GROUP
            .check(
                "prints_listening_line",
                "read PORT (0 = any free port) and DATA_DIR, bind 127.0.0.1:PORT, then print \
                 `listening on http://127.0.0.1:<the port you got>` (ask the listener with \
                 local_addr())",
                with_binary(binary, prints_listening_line),
            )
            .trivial(),
        GROUP
            .check(
                "healthz",
                "GET /healthz answers 200 while the server runs",
                with_binary(binary, healthz),
            )
            .trivial(),
    ]
}

fn prints_listening_line(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
    TcpStream::connect(("127.0.0.1", server.port())).map_err(|e| {
        Failure::new(format!(
            "the server printed `listening on {}` but a connection to it failed: {e}. Print \
             the line after binding, with the port the listener got.",
            server.base_url()
        ))
    })?;
    Ok(())
}

fn healthz(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
    server.client().healthz()?.expect_status(200)?;
    Ok(())
}
