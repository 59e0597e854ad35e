//! Group `shutdown` (grade 7): SIGTERM stops the server gracefully.
//!
//! The in-flight check holds a request open on a raw TCP connection: it sends the headers
//! with `Expect: 100-continue`, waits for the server's `100 Continue` (proof that a handler
//! is reading the body), sends SIGTERM, waits until the server stops accepting new
//! connections, and only then sends the body. A graceful server answers that request, and
//! then exits 0.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use serde_json::json;

use crate::check::Failure;
use crate::conduit::{Def, Service};
use crate::http::conduit::new_article;
use crate::http::curl;

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "sigterm_exits_0", sigterm_exits_0).trivial(),
    Def::new(
        GROUP,
        "sigterm_finishes_in_flight",
        sigterm_finishes_in_flight,
    )
    .timeout_secs(30),
    Def::new(
        GROUP,
        "stalled_clients_cannot_hold_exit",
        stalled_clients_cannot_hold_exit,
    )
    .timeout_secs(30)
    .trivial(),
];

/// How long a server may take to exit after SIGTERM while clients stall: its own shutdown
/// deadline plus a margin. Step servers promise to give up on stalled requests well before.
const STALLED_EXIT_DEADLINE: Duration = Duration::from_secs(10);

const GROUP: &str = "shutdown";

fn sigterm_exits_0(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    server.client().healthz()?.expect_status(200)?;
    let status = server.terminate()?;
    if !status.success() {
        return Err(Failure::new(format!(
            "after SIGTERM the server exited with {status}; expected exit status 0"
        )));
    }
    Ok(())
}

fn sigterm_finishes_in_flight(service: &Service) -> Result<(), Failure> {
    let (app, mut server) = service.fresh()?;
    let port = server.port();
    let title = "Written During Shutdown";
    let body = json!({ "article": new_article(title, "d", "b", &[]) }).to_string();
    let mut headers = vec![
        ("Content-Type".to_string(), "application/json".to_string()),
        ("Expect".to_string(), "100-continue".to_string()),
    ];
    // The target's default headers too (step 4: the token of the user the check signed in).
    headers.extend(server.headers().iter().cloned());
    let extra: String = server
        .headers()
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let url = format!("{}/api/articles", crate::http::curl::BASE);
    let shown = curl::command("POST", &url, &headers, Some(body.as_bytes()));
    let io = |what: &str, e: std::io::Error| {
        Failure::new(format!(
            "request:  {shown}\n{what}: {e}\n{}",
            server_stderr(&server)
        ))
    };

    let mut stream =
        TcpStream::connect(("127.0.0.1", port)).map_err(|e| io("cannot connect", e))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(8)))
        .map_err(|e| io("cannot set a timeout", e))?;
    let head = format!(
        "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: \
         application/json\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: \
         close\r\n{extra}\r\n",
        body.len()
    );
    stream
        .write_all(head.as_bytes())
        .map_err(|e| io("cannot send the request headers", e))?;
    let interim = read_head(&mut stream).map_err(|e| io("no answer to the headers", e))?;
    if !interim.starts_with("HTTP/1.1 100") {
        let mut rest = String::new();
        let _ = stream.read_to_string(&mut rest);
        return Err(Failure::new(format!(
            "request:  {shown}\nexpected: the handler to read the body (the server then sends \
             `HTTP/1.1 100 Continue`) and to answer 201 Created\ngot:      {}\n{rest}",
            interim.trim_end()
        )));
    }
    let (first_half, second_half) = body.as_bytes().split_at(body.len() / 2);
    stream
        .write_all(first_half)
        .map_err(|e| io("cannot send the first half of the body", e))?;

    kill(server.pid(), Signal::SIGTERM)
        .map_err(|e| Failure::new(format!("cannot send SIGTERM to the server: {e}")))?;
    // Wait (at most 5 s) until the signal has been seen: new connections are refused.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5)
        && TcpStream::connect(("127.0.0.1", port)).is_ok()
    {
        thread::sleep(Duration::from_millis(20));
    }

    // A server that dies on SIGTERM resets the connection: then the write or the read fails.
    let mut answer = String::new();
    let read = stream
        .write_all(second_half)
        .and_then(|()| stream.read_to_string(&mut answer));
    let status_line = answer.lines().next().unwrap_or_default().to_string();
    if read.is_err() || !status_line.starts_with("HTTP/1.1 201") {
        return Err(Failure::new(format!(
            "request:  {shown}\nsent:     the headers, half the body, then SIGTERM to the \
             server, then the rest of the body\nexpected: 201 Created: a request in flight \
             when SIGTERM arrives is still answered\ngot:      {}\n{}",
            match read {
                // Closed or reset: which one depends on timing, and both mean the same.
                Err(_) => "no answer: the connection was closed (or reset)".to_string(),
                Ok(_) if answer.is_empty() => {
                    "no answer: the connection was closed (or reset)".to_string()
                }
                Ok(_) => answer,
            },
            server_stderr(&server)
        )));
    }
    let status = server.wait_exit(Duration::from_secs(10))?;
    if !status.success() {
        return Err(Failure::new(format!(
            "the request in flight was answered, but then the server exited with {status}; \
             expected exit status 0\n{}",
            server_stderr(&server)
        )));
    }
    drop(server);

    let server = app.start()?;
    let client = server.client();
    let page = client.list_articles_ok("")?;
    let titles: Vec<&str> = page
        .articles
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    if titles != [title] {
        return Err(page.response.fail(format!(
            "after the restart, the article {title:?} that was answered 201 during shutdown"
        )));
    }
    Ok(())
}

/// Two clients stall: one sends half its headers, the other its headers and half its body;
/// then SIGTERM. The server must still exit 0, in bounded time, and keep serving until then.
fn stalled_clients_cannot_hold_exit(service: &Service) -> Result<(), Failure> {
    let (_app, mut server) = service.fresh()?;
    let port = server.port();
    let connect = |what: &str| {
        TcpStream::connect(("127.0.0.1", port))
            .map_err(|e| Failure::new(format!("cannot open the {what} connection: {e}")))
    };
    let mut half_headers = connect("half-headers")?;
    let mut half_body = connect("half-body")?;
    let body = json!({ "article": new_article("Never Finished", "d", "b", &[]) }).to_string();
    let write = |stream: &mut TcpStream, bytes: &[u8]| {
        stream
            .write_all(bytes)
            .map_err(|e| Failure::new(format!("cannot write to the server: {e}")))
    };
    write(
        &mut half_headers,
        b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty",
    )?;
    // With the target's default headers (step 4: the token), so that a handler reads the body.
    let extra: String = server
        .headers()
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    write(
        &mut half_body,
        format!(
            "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \
             application/json\r\n{extra}Content-Length: {}\r\n\r\n{}",
            body.len(),
            &body[..body.len() / 2]
        )
        .as_bytes(),
    )?;
    // The server reads what was sent; the clients then say nothing more.
    thread::sleep(Duration::from_millis(300));
    server.client().healthz()?.expect_status(200)?;
    kill(server.pid(), Signal::SIGTERM)
        .map_err(|e| Failure::new(format!("cannot send SIGTERM to the server: {e}")))?;
    let status = server.wait_exit(STALLED_EXIT_DEADLINE).map_err(|_| {
        Failure::new(format!(
            "sent:     two stalled clients (one sent half its headers, one its headers and \
             half its body), then SIGTERM\nexpected: the server exits within {} s anyway\n\
             got:      still running: a graceful shutdown that waits for every connection \
             forever can be held open by any client. Give header reads a timeout and the \
             shutdown a deadline.\n{}",
            STALLED_EXIT_DEADLINE.as_secs(),
            server_stderr(&server)
        ))
    })?;
    drop((half_headers, half_body));
    if !status.success() {
        return Err(Failure::new(format!(
            "with two stalled clients, SIGTERM made the server exit with {status}; expected \
             exit status 0 once the shutdown deadline passed\n{}",
            server_stderr(&server)
        )));
    }
    Ok(())
}

/// Reads up to the end of a response head (`\r\n\r\n`).
fn read_head(stream: &mut TcpStream) -> std::io::Result<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            break;
        }
        head.push(byte[0]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

fn server_stderr(server: &crate::http::Server) -> String {
    let tail = server.stderr_tail(12);
    if tail.is_empty() {
        String::new()
    } else {
        format!("server stderr (last lines):\n{tail}")
    }
}
