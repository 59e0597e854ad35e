//! Spawning the server under test, waiting for its listening line, and stopping it.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

use crate::check::Failure;
use crate::http::client::Client;
use crate::http::target::Target;

/// How long a server may take to print its listening line.
pub const START_DEADLINE: Duration = Duration::from_secs(10);

/// How long a server may take to exit after SIGTERM.
pub const STOP_DEADLINE: Duration = Duration::from_secs(10);

/// Keep at most this much of a server's stderr (the end of it).
const STDERR_KEPT: usize = 64 * 1024;

/// The server under test before it runs: its target (binary, environment, headers) and its
/// own temporary `DATA_DIR`. Starting it again after a stop runs it on the same data, to
/// check persistence.
#[derive(Debug)]
pub struct App {
    target: Target,
    data_dir: tempfile::TempDir,
}

impl App {
    /// A server of `target` on a fresh, empty `DATA_DIR`.
    pub fn new(target: &Target) -> Result<App, Failure> {
        if !target.binary.exists() {
            return Err(Failure::new(format!(
                "the server's binary {} does not exist: did `cargo build` fail?",
                target.binary.display()
            )));
        }
        let target = target.clone();
        let data_dir = tempfile::Builder::new()
            .prefix("backend-path-data-")
            .tempdir()
            .map_err(|e| Failure::new(format!("cannot create a temporary DATA_DIR: {e}")))?;
        Ok(App { target, data_dir })
    }

    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    /// How the server is started, as a shell line, for failure messages.
    /// (`PORT=0` unless the target sets a port of its own.)
    pub fn command_line(&self) -> String {
        let extra: String = self
            .target
            .env
            .iter()
            .filter(|(name, _)| name != "PORT")
            .map(|(name, value)| format!("{name}={value} "))
            .collect();
        format!(
            "PORT={} DATA_DIR={} {extra}{}",
            self.port(),
            self.data_dir().display(),
            self.target.binary.display()
        )
    }

    /// The `PORT` the server is started with: the target's own, or 0 (any free port).
    fn port(&self) -> &str {
        self.target
            .env
            .iter()
            .rev()
            .find(|(name, _)| name == "PORT")
            .map_or("0", |(_, value)| value.as_str())
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    /// Sends `name: value` with every request of the servers started from now on, replacing
    /// a default header of the same name (e.g. the token of a user the check registered).
    pub fn set_header(&mut self, name: &str, value: &str) {
        set_header(&mut self.target.headers, name, value);
    }

    /// The server's own command for running it by hand (extra environment, then the
    /// binary relative to the workspace root), to follow `PORT=… DATA_DIR=…`.
    pub fn by_hand(&self) -> String {
        let extra: String = self
            .target
            .env
            .iter()
            .map(|(name, value)| format!("{name}={value} "))
            .collect();
        let binary = self.target.binary.display().to_string();
        format!("{extra}{}", crate::paths::relative_to_workspace(&binary))
    }

    /// Starts the server and waits for its listening line; anything else is a failure that
    /// says what happened (it exited, printed something else, or said nothing in time).
    pub fn start(&self) -> Result<Server, Failure> {
        match self.launch()? {
            Launch::Listening(server) => Ok(server),
            Launch::Exited {
                status,
                stdout,
                stderr,
            } => Err(Failure::new(format!(
                "started:  {}\nexpected: a line `listening on http://127.0.0.1:PORT` on stdout\n\
                 got:      the process exited with {status} first\n{}{}",
                self.command_line(),
                labelled("stdout", &stdout),
                labelled("stderr", &stderr)
            ))),
        }
    }

    /// Starts the server and reports how that went: listening, or exited first. A server
    /// that does neither within [`START_DEADLINE`] is killed and is a failure.
    pub fn launch(&self) -> Result<Launch, Failure> {
        let mut command = Command::new(&self.target.binary);
        command
            .env("PORT", "0")
            .env("DATA_DIR", self.data_dir())
            // A panic's message, not a 60-line backtrace, in the stderr that failures show.
            .env("RUST_BACKTRACE", "0")
            .envs(self.target.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command
            .spawn()
            .map_err(|e| Failure::new(format!("cannot start `{}`: {e}", self.command_line())))?;
        let stderr = Arc::new(Mutex::new(String::new()));
        let stderr_reader = keep_tail(child.stderr.take(), stderr.clone());
        let (lines_tx, lines) = mpsc::channel::<String>();
        let stdout_pipe = child.stdout.take();
        let stdout = Arc::new(Mutex::new(String::new()));
        let stdout_kept = stdout.clone();
        thread::spawn(move || {
            if let Some(pipe) = stdout_pipe {
                for line in BufReader::new(pipe).lines() {
                    let Ok(line) = line else { break };
                    push_tail(&stdout_kept, &format!("{line}\n"));
                    // Once the listening line is read nobody listens; keep draining anyway.
                    let _ = lines_tx.send(line);
                }
            }
        });

        let started = Instant::now();
        let mut printed = Vec::new();
        loop {
            let left = START_DEADLINE.saturating_sub(started.elapsed());
            match lines.recv_timeout(left) {
                Ok(line) => match parse_listening_line(&line) {
                    Some(port) => {
                        return Ok(Launch::Listening(Server {
                            child,
                            port,
                            stderr,
                            stdout,
                            command_line: self.command_line(),
                            by_hand: self.by_hand(),
                            headers: self.target.headers.clone(),
                        }));
                    }
                    // A listening line in another format: say so now rather than at the
                    // deadline.
                    None if line.to_ascii_lowercase().contains("listening") => {
                        let _ = child.kill();
                        let _ = child.wait();
                        return Err(Failure::new(format!(
                            "started:  {}\nexpected: the line `listening on \
                             http://127.0.0.1:PORT`, exactly (PORT: the port the listener \
                             got)\ngot:      {line:?}",
                            self.command_line()
                        )));
                    }
                    None => printed.push(line),
                },
                Err(RecvTimeoutError::Disconnected) => {
                    // stdout closed: the process is exiting. Give it a moment to finish.
                    let status = wait_until(&mut child, Duration::from_secs(5));
                    // Let the reader catch up with what the process wrote before it exited.
                    let started = Instant::now();
                    while !stderr_reader.is_finished() && started.elapsed() < Duration::from_secs(2)
                    {
                        thread::sleep(Duration::from_millis(5));
                    }
                    let stderr_text = stderr.lock().map(|s| s.clone()).unwrap_or_default();
                    return match status {
                        Some(status) => Ok(Launch::Exited {
                            status,
                            stdout: printed.join("\n"),
                            stderr: stderr_text,
                        }),
                        None => {
                            let _ = child.kill();
                            let _ = child.wait();
                            Err(Failure::new(format!(
                                "started:  {}\nthe server closed its stdout without printing \
                                 `listening on http://127.0.0.1:PORT`, and kept running\n{}",
                                self.command_line(),
                                labelled("stderr", &stderr_text)
                            )))
                        }
                    };
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    let stderr_text = stderr.lock().map(|s| s.clone()).unwrap_or_default();
                    return Err(Failure::new(format!(
                        "started:  {}\nexpected: a line `listening on http://127.0.0.1:PORT` on \
                         stdout within {} s (print it after binding, and end it with a newline)\n\
                         got:      {}\n{}",
                        self.command_line(),
                        START_DEADLINE.as_secs(),
                        if printed.is_empty() {
                            "nothing on stdout".to_string()
                        } else {
                            format!("other lines:\n{}", printed.join("\n"))
                        },
                        labelled("stderr", &stderr_text)
                    )));
                }
            }
        }
    }
}

/// How a launch ended.
#[derive(Debug)]
pub enum Launch {
    Listening(Server),
    /// The process exited before printing its listening line.
    Exited {
        status: ExitStatus,
        stdout: String,
        stderr: String,
    },
}

/// A running server. Dropping it kills it.
#[derive(Debug)]
pub struct Server {
    child: Child,
    port: u16,
    stderr: Arc<Mutex<String>>,
    /// Everything printed on stdout, the listening line included (the last 64 KiB).
    stdout: Arc<Mutex<String>>,
    command_line: String,
    /// How to run this server by hand, for the curl lines of failures.
    by_hand: String,
    /// The target's default request headers, for the clients of this server.
    headers: Vec<(String, String)>,
}

impl Server {
    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn pid(&self) -> Pid {
        Pid::from_raw(self.child.id() as i32)
    }

    /// A client for this server whose failures include the server's stderr.
    pub fn client(&self) -> Client {
        Client::new(self.base_url(), Some(self.stderr.clone()))
            .with_headers(&self.headers)
            .with_by_hand(&self.by_hand)
    }

    /// The last `count` lines the server wrote to stderr.
    pub fn stderr_tail(&self, count: usize) -> String {
        let text = self.stderr.lock().map(|s| s.clone()).unwrap_or_default();
        last_lines(&text, count)
    }

    /// Sends `name: value` with every request of this server's clients made from now on,
    /// replacing a default header of the same name.
    pub fn set_header(&mut self, name: &str, value: &str) {
        set_header(&mut self.headers, name, value);
    }

    /// The default request headers of this server's clients.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// All the server has written so far, stdout then stderr (the last 64 KiB of each): what
    /// its logs hold, for checks that search them.
    pub fn output(&self) -> String {
        let stdout = self.stdout.lock().map(|s| s.clone()).unwrap_or_default();
        let stderr = self.stderr.lock().map(|s| s.clone()).unwrap_or_default();
        format!("{stdout}{stderr}")
    }

    /// Sends SIGTERM and waits up to [`STOP_DEADLINE`] for the process to exit.
    pub fn terminate(mut self) -> Result<ExitStatus, Failure> {
        kill(self.pid(), Signal::SIGTERM)
            .map_err(|e| Failure::new(format!("cannot send SIGTERM to the server: {e}")))?;
        self.wait_exit(STOP_DEADLINE)
    }

    /// Waits up to `deadline` for the process to exit on its own.
    pub fn wait_exit(&mut self, deadline: Duration) -> Result<ExitStatus, Failure> {
        match wait_until(&mut self.child, deadline) {
            Some(status) => Ok(status),
            None => Err(Failure::new(format!(
                "the server was still running {} s after SIGTERM: after the signal, stop \
                 accepting, answer the requests in flight and return from main\n{}",
                deadline.as_secs(),
                labelled("stderr", &self.stderr_tail(12))
            ))),
        }
    }

    /// SIGKILL: the process ends at once, mid-write or not, as in a crash or power cut.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The exit status, if the process has exited (it should not have).
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    pub fn command_line(&self) -> &str {
        &self.command_line
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `listening on http://127.0.0.1:PORT` → PORT.
pub fn parse_listening_line(line: &str) -> Option<u16> {
    let port = line
        .trim_end()
        .strip_prefix("listening on http://127.0.0.1:")?;
    port.parse().ok().filter(|port| *port != 0)
}

fn wait_until(child: &mut Child, deadline: Duration) -> Option<ExitStatus> {
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if started.elapsed() >= deadline => return None,
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(_) => return None,
        }
    }
}

/// Reads a pipe to its end on a thread, keeping the last [`STDERR_KEPT`] bytes.
fn keep_tail(
    pipe: Option<impl Read + Send + 'static>,
    into: Arc<Mutex<String>>,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let Some(pipe) = pipe else { return };
        let mut reader = BufReader::new(pipe);
        let mut line = Vec::new();
        while let Ok(n) = reader.read_until(b'\n', &mut line) {
            if n == 0 {
                break;
            }
            push_tail(&into, &String::from_utf8_lossy(&line));
            line.clear();
        }
    })
}

/// Appends `more` to `into`, keeping the last [`STDERR_KEPT`] bytes.
fn push_tail(into: &Mutex<String>, more: &str) {
    if let Ok(mut text) = into.lock() {
        text.push_str(more);
        if text.len() > STDERR_KEPT {
            let mut cut = text.len() - STDERR_KEPT;
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            text.drain(..cut);
        }
    }
}

/// Replaces the header `name` in `headers` (names compare case-insensitively), or adds it.
fn set_header(headers: &mut Vec<(String, String)>, name: &str, value: &str) {
    headers.retain(|(set, _)| !set.eq_ignore_ascii_case(name));
    headers.push((name.to_string(), value.to_string()));
}

pub(crate) fn last_lines(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(count)..].join("\n")
}

/// `label:` and the text indented, or nothing when the text is empty.
pub(crate) fn labelled(label: &str, text: &str) -> String {
    let text = last_lines(text.trim_end(), 12);
    if text.is_empty() {
        String::new()
    } else {
        let indented: Vec<String> = text.lines().map(|l| format!("  {l}")).collect();
        format!("{label} (last lines):\n{}\n", indented.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_listening_line;

    #[test]
    fn reads_the_port_of_the_listening_line() {
        assert_eq!(
            parse_listening_line("listening on http://127.0.0.1:41234"),
            Some(41234)
        );
        assert_eq!(
            parse_listening_line("listening on http://127.0.0.1:8080\r"),
            Some(8080)
        );
    }

    #[test]
    fn refuses_other_lines() {
        for line in [
            "listening on http://127.0.0.1:0",
            "listening on http://0.0.0.0:3000",
            "Listening on 127.0.0.1:3000",
            "listening on http://127.0.0.1:",
            "server started",
        ] {
            assert_eq!(parse_listening_line(line), None, "{line}");
        }
    }
}
