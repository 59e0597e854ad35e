//! Isolation: every check runs in a child process of the same test binary.
//!
//! The parent re-runs its own executable with [`CHILD_VAR`] naming one check. The child runs
//! that check alone, catches a panic, and prints one result line behind [`RESULT_MARKER`].
//! The parent waits up to the check's timeout. So an infinite loop becomes `timed out`, and a
//! stack overflow or an abort becomes `crashed` for that check only; the other verdicts
//! survive. The child leads its own process group, and the parent kills the whole group when
//! the check ends: no server a check started outlives it. And if the parent itself is
//! killed, the child notices (its parent process changes) and kills its own group.

use std::io::{Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::Duration;

use nix::sys::signal::{Signal, kill, killpg};
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

use crate::check::{Check, Context, Failure};

/// Set in a child's environment to the label of the one check it must run.
pub const CHILD_VAR: &str = "BACKEND_PATH_CHILD";

/// Starts the child's one result line on stdout.
pub const RESULT_MARKER: &str = "@@backend-path-result@@ ";

/// Starts a line on stderr that says what the check is calling now: if the call never
/// returns (a timeout, a stack overflow, an abort), the parent reports the last such line.
pub const CALLING_MARKER: &str = "@@backend-path-calling@@ ";

/// Notes what the check is about to call, for the failure message of a call that never
/// returns. Cheap enough for every case of a property check (one short write).
pub fn calling(call: impl std::fmt::Display) {
    let line = format!("{CALLING_MARKER}{}\n", call.to_string().replace('\n', " "));
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// "while calling …" for a check that never reported, from the last note on its stderr.
fn last_call(stderr: &str) -> String {
    stderr
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix(CALLING_MARKER))
        .map(|call| format!("\nwhile calling: {call}"))
        .unwrap_or_default()
}

/// Stack for the thread that runs a check: generous, and the same on every machine.
const CHECK_STACK_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct ChildResult {
    failure: Option<String>,
}

/// Set in a child's environment to the parent's process id (see [`die_with_parent`]).
const PARENT_VAR: &str = "BACKEND_PATH_PARENT";

/// In the child: runs `check` and prints its result line. Never returns.
pub fn serve(check: &Check, seed: u64) -> ! {
    die_with_parent();
    let failure = run_here(check, seed).err().map(|f| f.message);
    let line = serde_json::to_string(&ChildResult { failure }).expect("a result serialises");
    let mut stdout = std::io::stdout().lock();
    // A newline first, in case the check printed a line without ending it.
    let _ = writeln!(stdout, "\n{RESULT_MARKER}{line}");
    let _ = stdout.flush();
    std::process::exit(0);
}

/// In the child: kills the child's process group (itself and whatever its check started)
/// once the parent that spawned it is gone. The parent kills the group when the check ends,
/// but a parent that is killed itself (Ctrl-C reaches only the parent's own process group;
/// a tool's timeout kills `cargo test`) cannot: without this, a check stuck in an endless
/// loop would keep spinning after the grading that started it was over.
fn die_with_parent() {
    let parent = std::env::var(PARENT_VAR)
        .ok()
        .and_then(|pid| pid.parse::<i32>().ok());
    let Some(parent) = parent.map(Pid::from_raw) else {
        return; // started by hand, not by `run_in_child`
    };
    // The check waits until the watching thread runs: a thread that starts late (on a busy
    // machine, easily 100 ms late) makes its own start-up allocations in the middle of the
    // check, where an allocation gate counts them against the learner (seen by
    // `ci/gate-flips.sh`: base62's decode "made 1 allocation" once in 30 loaded runs).
    let running = std::sync::Arc::new(std::sync::Barrier::new(2));
    let started = running.clone();
    let watch = move || {
        started.wait();
        while nix::unistd::getppid() == parent {
            thread::sleep(Duration::from_millis(100));
        }
        let _ = killpg(nix::unistd::getpgrp(), Signal::SIGKILL);
        std::process::exit(1);
    };
    if thread::Builder::new()
        .name("parent-watch".into())
        .spawn(watch)
        .is_ok()
    {
        running.wait();
    }
}

/// The message of the last panic, recorded by the hook installed in [`run_here`].
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Takes the message of the last panic caught in this process, if any.
pub fn take_last_panic() -> Option<String> {
    LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take()
}

/// Runs a check in this process, on a thread of its own, and turns a panic into a failure.
pub fn run_here(check: &Check, seed: u64) -> Result<(), Failure> {
    std::panic::set_hook(Box::new(|info| {
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic with a non-text payload".to_string());
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let message = if payload.starts_with("not yet implemented") {
            format!("not implemented yet: the `todo!()` at {location} is still there")
        } else {
            format!("panicked at {location}:\n{payload}")
        };
        *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some(message);
    }));
    let body = check.body.clone();
    let ctx = Context { seed };
    let worker = thread::Builder::new()
        .name(check.id())
        .stack_size(CHECK_STACK_BYTES)
        .spawn(move || body(&ctx))
        .map_err(|e| Failure::new(format!("could not start the check's thread: {e}")))?;
    match worker.join() {
        Ok(result) => result,
        Err(_) => {
            let message =
                take_last_panic().unwrap_or_else(|| "the code under test panicked".to_string());
            Err(Failure::new(message))
        }
    }
}

/// In the parent: runs the check labelled `label` in a child process, within `timeout`.
pub fn run_in_child(label: &str, timeout: Duration, seed: u64) -> Result<(), Failure> {
    let exe = std::env::current_exe()
        .map_err(|e| Failure::new(format!("cannot find the test binary to re-run: {e}")))?;
    let mut command = Command::new(exe);
    command
        .env(CHILD_VAR, label)
        .env(PARENT_VAR, std::process::id().to_string())
        .env(crate::seed::CHECK_SEED_VAR, seed.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .map_err(|e| Failure::new(format!("cannot start a child process for the check: {e}")))?;
    let group = Pid::from_raw(child.id() as i32);
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());

    // A thread waits for the child, so its end is seen at once (no polling), or the
    // timeout passes first.
    let (exited, exit) = mpsc::channel();
    let waiter = thread::spawn(move || {
        let status = child.wait();
        let _ = exited.send(());
        status
    });
    let timed_out = exit.recv_timeout(timeout).is_err();
    // Whatever happened, nothing the check started may outlive it.
    let _ = killpg(group, Signal::SIGKILL);
    if timed_out {
        // The child itself, even if it left its group (it has not been waited for yet).
        let _ = kill(group, Signal::SIGKILL);
    }
    let status = match waiter.join() {
        Ok(Ok(status)) => (!timed_out).then_some(status),
        Ok(Err(e)) => return Err(Failure::new(format!("lost the check's child process: {e}"))),
        Err(_) => return Err(Failure::new("lost the check's child process")),
    };
    let stdout = collect(stdout);
    let stderr = collect(stderr);

    match status {
        None => Err(Failure::new(format!(
            "timed out after {} s: an endless loop, or far slower than required?{}",
            timeout.as_secs_f64(),
            last_call(&stderr)
        ))),
        Some(status) => verdict(status, &stdout, &stderr),
    }
}

/// Reads a pipe to the end on a thread, so a chatty child never blocks on a full pipe.
fn drain(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = sender.send(String::from_utf8_lossy(&bytes).into_owned());
    });
    receiver
}

/// What a drained pipe held. A process that escaped the group could keep the pipe open for
/// ever, so give up after a moment rather than hang the whole run.
fn collect(pipe: mpsc::Receiver<String>) -> String {
    pipe.recv_timeout(Duration::from_secs(2))
        .unwrap_or_else(|_| "(output unavailable: the pipe stayed open)".to_string())
}

/// Turns what the child printed and how it ended into the check's verdict.
fn verdict(status: ExitStatus, stdout: &str, stderr: &str) -> Result<(), Failure> {
    let result_line = stdout
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix(RESULT_MARKER));
    if let Some(line) = result_line {
        let result: ChildResult = serde_json::from_str(line)
            .map_err(|e| Failure::new(format!("unreadable result from the child: {e}")))?;
        return match result.failure {
            None => Ok(()),
            Some(message) => Err(Failure::new(with_output(message, stdout))),
        };
    }
    let printed: String = stderr
        .lines()
        .filter(|line| !line.starts_with(CALLING_MARKER))
        .map(|line| format!("{line}\n"))
        .collect();
    let tail = last_lines(&printed, 12);
    let what = if stderr.contains("has overflowed its stack") {
        "crashed with a stack overflow: unbounded recursion, or recursion as deep as the input?"
            .to_string()
    } else {
        use std::os::unix::process::ExitStatusExt;
        match status.signal() {
            Some(signal) => {
                let name = Signal::try_from(signal)
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_else(|_| format!("signal {signal}"));
                format!("crashed: the process was killed by {name}")
            }
            None => format!(
                "the process exited with {status} before reporting a result \
                 (std::process::exit in the code under test?)"
            ),
        }
    };
    Err(Failure::new(format!(
        "{what}{}\nlast lines of stderr:\n{tail}",
        last_call(stderr)
    )))
}

/// Appends what the code under test printed, if anything, to a failure message.
fn with_output(message: String, stdout: &str) -> String {
    let printed: Vec<&str> = stdout
        .lines()
        .filter(|line| !line.starts_with(RESULT_MARKER))
        .filter(|line| !line.trim().is_empty())
        .collect();
    if printed.is_empty() {
        message
    } else {
        let shown = printed.len().min(20);
        format!(
            "{message}\nthe code printed ({} lines, last {shown} shown):\n{}",
            printed.len(),
            printed[printed.len() - shown..].join("\n")
        )
    }
}

fn last_lines(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(count);
    lines[start..]
        .iter()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
