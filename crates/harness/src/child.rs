//! Isolation: every check runs in a process of its own, and how that process ended becomes
//! the check's verdict.
//!
//! The process is a fork of a warm worker (see [`crate::worker`]). It runs its one check,
//! catches a panic, and prints one result line behind [`RESULT_MARKER`]. The parent waits
//! up to the check's timeout. So an infinite loop becomes `timed out`, and a stack overflow
//! or an abort becomes `crashed` for that check only; the other verdicts survive. The
//! process leads its own process group, which is killed when the check ends: no server a
//! check started outlives it.

use std::io::Write;
use std::process::ExitStatus;
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use nix::sys::signal::Signal;
use serde::{Deserialize, Serialize};

use crate::check::{Check, Context, Failure};

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

/// In the check's process: runs `check` and prints its result line. Never returns.
pub fn serve(check: &Check, seed: u64) -> ! {
    let failure = run_here(check, seed).err().map(|f| f.message);
    let line = serde_json::to_string(&ChildResult { failure }).expect("a result serialises");
    let mut stdout = std::io::stdout().lock();
    // A newline first, in case the check printed a line without ending it.
    let _ = writeln!(stdout, "\n{RESULT_MARKER}{line}");
    let _ = stdout.flush();
    std::process::exit(0);
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

/// The failure of a check that ran out of time, with its last `calling` note.
pub(crate) fn timed_out(timeout: Duration, stderr: &str) -> Failure {
    Failure::new(format!(
        "timed out after {} s: an endless loop, or far slower than required?{}",
        timeout.as_secs_f64(),
        last_call(stderr)
    ))
}

/// Turns what the child printed and how it ended into the check's verdict.
pub(crate) fn verdict(status: ExitStatus, stdout: &str, stderr: &str) -> Result<(), Failure> {
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

pub(crate) fn last_lines(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(count);
    lines[start..]
        .iter()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
