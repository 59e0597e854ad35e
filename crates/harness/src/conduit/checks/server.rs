//! Group `server` (grade 1): the process protocol every step's server follows.

use std::net::{TcpListener, TcpStream};

use crate::check::Failure;
use crate::conduit::{Def, Service};
use crate::http::Launch;
use crate::http::server::labelled;

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "prints_listening_line", prints_listening_line).trivial(),
    Def::new(GROUP, "healthz", healthz).trivial(),
    Def::new(GROUP, "port_in_use_is_named", port_in_use_is_named).trivial(),
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

/// Another process holds the port: the server must exit non-zero and say which port it
/// could not have (its number, or the setting `PORT`), not only the operating system's
/// "Address already in use", which leaves whoever started it guessing which port to free.
fn port_in_use_is_named(service: &Service) -> Result<(), Failure> {
    let holder = TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr().map(|address| (listener, address)));
    let (_holder, address) =
        holder.map_err(|e| Failure::new(format!("the grader cannot take a port: {e}")))?;
    let port = address.port();
    let app = service.with_env("PORT", Some(&port.to_string())).app()?;
    let taken = format!("with:     127.0.0.1:{port} already taken by another process");
    let expected = "expected: a non-zero exit and stderr naming the port (its number, or the \
                    setting PORT), so whoever starts it knows which port to free or change";
    match app.launch()? {
        Launch::Listening(server) => Err(Failure::new(format!(
            "started:  {}\n{taken}\n{expected}\ngot:      it printed a listening line ({}) \
             although its port is taken: read PORT and bind exactly that port",
            app.command_line(),
            server.base_url()
        ))),
        Launch::Exited { status, stderr, .. } => {
            if !status.success() && names_port(&stderr, port) {
                return Ok(());
            }
            Err(Failure::new(format!(
                "started:  {}\n{taken}\n{expected}\ngot:      {status}\n{}",
                app.command_line(),
                if stderr.trim().is_empty() {
                    "and nothing on stderr".to_string()
                } else {
                    labelled("stderr", &stderr)
                }
            )))
        }
    }
}

/// Whether `text` names `port`: the number standing alone (not inside a longer one), or
/// the setting `PORT`.
fn names_port(text: &str, port: u16) -> bool {
    let number = port.to_string();
    text.contains("PORT")
        || text.match_indices(&number).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + number.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit())
                && !after.is_some_and(|c| c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::names_port;

    #[test]
    fn a_port_is_named_by_its_number_alone_or_by_the_setting() {
        assert!(names_port("cannot listen on 127.0.0.1:4321: in use", 4321));
        assert!(names_port(
            "serving on port 4321: Address already in use",
            4321
        ));
        assert!(names_port("is another server using PORT?", 4321));
        assert!(!names_port("port 43210 is taken", 4321));
        assert!(!names_port("port 14321 is taken", 4321));
        assert!(!names_port("Address already in use (os error 98)", 4321));
    }
}
