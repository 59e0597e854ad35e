//! Workers: warm copies of the test binary that fork one process per check.
//!
//! Starting the test binary afresh for every check costs a few milliseconds (the kernel maps
//! it, the loader relocates it, `main` builds the suite): most of a step-1 run. So the parent
//! keeps a few workers, one per test thread: copies of its own executable, started with
//! [`WORKER_VAR`], that build the plan once and then wait for requests on stdin, one line
//! each: `<seed> <label>`. For each request a worker forks. The fork leads a process group of
//! its own, runs the one check ([`crate::child::serve`]) and exits; the worker waits for it,
//! kills whatever the check left running in its group, and reports how the fork ended. A
//! fork of a warm process costs a fraction of a millisecond, and every check still gets a
//! process of its own: a crash, an abort or a stray `exit` ends that check alone.
//!
//! Protocol, all on the worker's pipes:
//! - stdout: [`STARTED_MARKER`]` <pid>` once the fork runs; what the check prints and its
//!   result line; [`ENDED_MARKER`]` <wait status>` once it has ended.
//! - stderr: what the check prints (its `calling` notes too), then [`ENDED_MARKER`].
//!
//! The parent enforces the timeout: it kills the fork's group and the worker, and starts a
//! new worker for the next check. If the parent is killed, the worker notices (its parent
//! process changes) and kills the running check's group and itself.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Barrier, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill, killpg};
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::{ForkResult, Pid, getpgrp, getppid, setpgid};

use crate::check::{Check, Failure};
use crate::child;

/// Set in a worker's environment: serve requests instead of running the plan.
pub const WORKER_VAR: &str = "BACKEND_PATH_WORKER";

/// Set in a worker's environment (and so in its forks') to the parent's process id (see
/// [`die_with_parent`]).
pub const PARENT_VAR: &str = "BACKEND_PATH_PARENT";

/// Starts the worker's line that names the fork running the current check.
const STARTED_MARKER: &str = "@@backend-path-started@@ ";

/// Starts the worker's line, on stdout and on stderr, that ends a check's output.
const ENDED_MARKER: &str = "@@backend-path-ended@@ ";

/// How long the parent waits for the rest of a check's stderr once its fork has ended.
const STDERR_GRACE: Duration = Duration::from_secs(2);

// ---------------------------------------------------------------------------------------
// The worker's side.

/// The fork running a check now (0: none), for the thread that watches the parent.
static RUNNING: AtomicI32 = AtomicI32::new(0);

/// In a worker: answers requests until the parent closes stdin. `find` looks a check up
/// by its label in the plan. Never returns.
pub fn serve(find: impl Fn(&str) -> Option<Check>) -> ! {
    die_with_parent();
    // A reader of our own on fd 0: std's `Stdin` keeps a lock, which a fork would inherit.
    let requests = std::os::fd::AsFd::as_fd(&std::io::stdin())
        .try_clone_to_owned()
        .map(|fd| BufReader::new(std::fs::File::from(fd)));
    let Ok(requests) = requests else {
        eprintln!("error: the worker cannot read its requests");
        std::process::exit(2);
    };
    for request in requests.lines() {
        let Ok(request) = request else { break };
        let Some((seed, label)) = request.split_once(' ') else {
            continue;
        };
        let (Ok(seed), Some(check)) = (seed.parse::<u64>(), find(label)) else {
            // The parent only asks for labels of its own plan: this is a bug, say so.
            eprintln!("\nerror: the worker has no check labelled {label:?}\n{ENDED_MARKER}");
            println!("\n{ENDED_MARKER}{}", 2 << 8);
            continue;
        };
        run_forked(&check, seed);
    }
    std::process::exit(0);
}

/// Runs `check` in a fork of this worker and reports how the fork ended.
fn run_forked(check: &Check, seed: u64) {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: the worker has two threads, this one and the parent watch (`die_with_parent`),
    // which only sleeps and reads its parent's pid: it holds no lock a fork could inherit
    // half-taken. The fork runs ordinary Rust from here on (it starts its own threads).
    #[allow(unsafe_code)]
    let fork = unsafe { nix::unistd::fork() };
    match fork {
        Ok(ForkResult::Child) => {
            let _ = setpgid(Pid::from_raw(0), Pid::from_raw(0));
            if let Ok(null) = std::fs::File::open("/dev/null") {
                let _ = nix::unistd::dup2_stdin(null); // the requests are not the check's
            }
            child::serve(check, seed)
        }
        Ok(ForkResult::Parent { child }) => {
            // Both sides set the group, so the parent never kills it before it exists.
            let _ = setpgid(child, child);
            RUNNING.store(child.as_raw(), Ordering::SeqCst);
            println!("\n{STARTED_MARKER}{child}");
            let status = loop {
                match waitpid(child, None) {
                    Err(nix::errno::Errno::EINTR) => continue,
                    other => break other,
                }
            };
            // Nothing the check started may outlive it.
            let _ = killpg(child, Signal::SIGKILL);
            RUNNING.store(0, Ordering::SeqCst);
            let raw = match status {
                Ok(WaitStatus::Exited(_, code)) => code << 8,
                Ok(WaitStatus::Signaled(_, signal, _)) => signal as i32,
                _ => 1 << 8,
            };
            eprintln!("\n{ENDED_MARKER}");
            println!("\n{ENDED_MARKER}{raw}");
        }
        Err(e) => {
            eprintln!("\ncannot fork a process for the check: {e}\n{ENDED_MARKER}");
            println!("\n{ENDED_MARKER}{}", 2 << 8);
        }
    }
    let _ = std::io::stdout().flush();
}

/// In a worker: once the parent that started it is gone, kills the running check's group,
/// then its own group (itself). The parent kills a check's group when the check ends, but a
/// parent that is killed itself (Ctrl-C reaches only the parent's own process group; a
/// tool's timeout kills `cargo test`) cannot: without this, a check stuck in an endless loop
/// would keep spinning after the grading that started it was over.
fn die_with_parent() {
    let parent = std::env::var(PARENT_VAR)
        .ok()
        .and_then(|pid| pid.parse::<i32>().ok());
    let Some(parent) = parent.map(Pid::from_raw) else {
        return; // started by hand, not by a parent's pool
    };
    // Requests wait until the watching thread runs: a thread that starts late (on a busy
    // machine, easily 100 ms late) would make its start-up allocations while a fork is
    // being made, and an allocation gate would count them against the learner (seen by
    // `ci/gate-flips.sh`: base62's decode "made 1 allocation" once in 30 loaded runs).
    let running = Arc::new(Barrier::new(2));
    let started = running.clone();
    let watch = move || {
        started.wait();
        while getppid() == parent {
            thread::sleep(Duration::from_millis(100));
        }
        let check = RUNNING.load(Ordering::SeqCst);
        if check != 0 {
            let _ = killpg(Pid::from_raw(check), Signal::SIGKILL);
        }
        let _ = killpg(getpgrp(), Signal::SIGKILL);
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

// ---------------------------------------------------------------------------------------
// The parent's side.

/// A worker process and the ends of its pipes.
struct Worker {
    process: Child,
    requests: ChildStdin,
    stdout: mpsc::Receiver<String>,
    stderr: mpsc::Receiver<String>,
}

/// Workers waiting for a check. A test thread takes one (or starts one) per check.
static IDLE: Mutex<Vec<Worker>> = Mutex::new(Vec::new());

/// In the parent: runs the check labelled `label` in a fork of a worker, within `timeout`.
pub fn run(label: &str, timeout: Duration, seed: u64) -> Result<(), Failure> {
    let idle = IDLE.lock().unwrap_or_else(|e| e.into_inner()).pop();
    let mut worker = match idle {
        Some(worker) => worker,
        None => Worker::start()?,
    };
    match worker.run(label, timeout, seed) {
        Ran::Kept(result) => {
            IDLE.lock().unwrap_or_else(|e| e.into_inner()).push(worker);
            result
        }
        Ran::Lost(result) => {
            worker.stop();
            result
        }
    }
}

/// In the parent, once every check has run: stops the idle workers.
pub fn stop_all() {
    let workers = std::mem::take(&mut *IDLE.lock().unwrap_or_else(|e| e.into_inner()));
    for worker in workers {
        worker.stop();
    }
}

/// A check's result, and whether its worker can take the next check.
enum Ran {
    Kept(Result<(), Failure>),
    Lost(Result<(), Failure>),
}

impl Worker {
    fn start() -> Result<Worker, Failure> {
        let exe = std::env::current_exe()
            .map_err(|e| Failure::new(format!("cannot find the test binary to re-run: {e}")))?;
        let mut command = Command::new(exe);
        command
            .env(WORKER_VAR, "1")
            .env(PARENT_VAR, std::process::id().to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut process = command
            .spawn()
            .map_err(|e| Failure::new(format!("cannot start a worker process: {e}")))?;
        let lost = || Failure::new("a worker process has no pipes");
        let requests = process.stdin.take().ok_or_else(lost)?;
        let stdout = lines_of(process.stdout.take().ok_or_else(lost)?);
        let stderr = lines_of(process.stderr.take().ok_or_else(lost)?);
        Ok(Worker {
            process,
            requests,
            stdout,
            stderr,
        })
    }

    fn run(&mut self, label: &str, timeout: Duration, seed: u64) -> Ran {
        let sent = writeln!(self.requests, "{seed} {label}").and_then(|()| self.requests.flush());
        if let Err(e) = sent {
            return Ran::Lost(Err(Failure::new(format!("lost a worker process: {e}"))));
        }
        let deadline = Instant::now() + timeout;
        let mut printed = String::new();
        let mut fork = None;
        let status = loop {
            match self
                .stdout
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(line) => {
                    if let Some(pid) = line.strip_prefix(STARTED_MARKER) {
                        fork = pid.trim().parse::<i32>().ok().map(Pid::from_raw);
                    } else if let Some(raw) = line.strip_prefix(ENDED_MARKER) {
                        break ExitStatus::from_raw(raw.trim().parse().unwrap_or(1 << 8));
                    } else {
                        printed.push_str(&line);
                        printed.push('\n');
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Some(fork) = fork {
                        let _ = killpg(fork, Signal::SIGKILL);
                        let _ = kill(fork, Signal::SIGKILL);
                    }
                    let stderr = self.stderr_so_far();
                    return Ran::Lost(Err(child::timed_out(timeout, &stderr)));
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let stderr = self.stderr_so_far();
                    return Ran::Lost(Err(Failure::new(format!(
                        "lost the worker process that ran the check\nlast lines of stderr:\n{}",
                        child::last_lines(&stderr, 12)
                    ))));
                }
            }
        };
        match self.stderr_until_ended() {
            Some(stderr) => Ran::Kept(child::verdict(status, &printed, &stderr)),
            // A process that escaped the group could keep the pipe busy: do not hang on it.
            None => Ran::Lost(child::verdict(
                status,
                &printed,
                "(output unavailable: the pipe stayed open)",
            )),
        }
    }

    /// The check's stderr up to the worker's end marker, or `None` if it does not come.
    fn stderr_until_ended(&self) -> Option<String> {
        let deadline = Instant::now() + STDERR_GRACE;
        let mut text = String::new();
        loop {
            let line = self
                .stderr
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .ok()?;
            if line.starts_with(ENDED_MARKER.trim_end()) {
                return Some(text);
            }
            text.push_str(&line);
            text.push('\n');
        }
    }

    /// What the check has printed on stderr by now (it may still be running).
    fn stderr_so_far(&self) -> String {
        let mut text = String::new();
        while let Ok(line) = self.stderr.recv_timeout(Duration::from_millis(20)) {
            text.push_str(&line);
            text.push('\n');
        }
        text
    }

    /// Kills the worker and its group, and reaps it.
    fn stop(mut self) {
        let group = Pid::from_raw(self.process.id() as i32);
        let _ = killpg(group, Signal::SIGKILL);
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Reads a pipe line by line on a thread of its own (so a chatty check never blocks on a
/// full pipe), handing each line over as text.
fn lines_of(pipe: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut reader = BufReader::new(pipe);
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if bytes.last() == Some(&b'\n') {
                        bytes.pop();
                    }
                    let line = String::from_utf8_lossy(&bytes).into_owned();
                    if sender.send(line).is_err() {
                        break;
                    }
                }
            }
        }
    });
    receiver
}
