//! Group `server` (grade 1): the process protocol every step's server follows.

use std::net::TcpStream;

use crate::check::Failure;
use crate::conduit::{Def, Service};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "prints_listening_line", prints_listening_line).trivial(),
    Def::new(GROUP, "healthz", healthz).trivial(),
];

const GROUP: &str = "server";

fn prints_listening_line(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    TcpStream::connect(("127.0.0.1", server.port())).map_err(|e| {
        Failure::new(format!(
            "the server printed `listening on {}` but a connection to it failed: {e}. Print \
             the line after binding, with the port the listener got.",
            server.base_url()
        ))
    })?;
    Ok(())
}

fn healthz(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    server.client().healthz()?.expect_status(200)?;
    Ok(())
}
