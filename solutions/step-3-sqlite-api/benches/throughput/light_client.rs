//! A minimal HTTP/1.1 client for the bench: one keep-alive TCP connection, one request at a
//! time, the body read by its `Content-Length`.
//!
//! The harness's client (reqwest's blocking client) hands every request to a runtime thread
//! of its own and checks every answer the way a grader must (timestamps, field types):
//! right for grading, but about as much work as the server's side of a create. The bench
//! measures the server, so its client should cost as little as a load generator's (wrk).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

pub struct LightClient {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl LightClient {
    pub fn connect(port: u16) -> LightClient {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("the server accepts");
        stream.set_nodelay(true).expect("TCP_NODELAY");
        LightClient {
            writer: stream.try_clone().expect("a second handle on the socket"),
            reader: BufReader::new(stream),
        }
    }

    /// Sends one request and returns the status and the body.
    pub fn send(&mut self, method: &str, path: &str, json: Option<&[u8]>) -> (u16, Vec<u8>) {
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if let Some(body) = json {
            request.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        request.push_str("\r\n");
        let mut bytes = request.into_bytes();
        bytes.extend_from_slice(json.unwrap_or_default());
        self.writer.write_all(&bytes).expect("the request is sent");

        let mut line = String::new();
        self.reader.read_line(&mut line).expect("a status line");
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("not an HTTP status line: {line:?}"));
        let mut length = 0;
        loop {
            line.clear();
            self.reader.read_line(&mut line).expect("a header line");
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().expect("a numeric Content-Length");
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).expect("the body");
        (status, body)
    }
}
