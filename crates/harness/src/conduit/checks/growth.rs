//! Group `growth` (steps 3–4): a write costs the same whatever the amount of data.
//!
//! Step 2 rewrote its whole file on every change: the more articles, the more bytes each
//! create writes. A database writes the pages a change touches, and that number hardly
//! moves as the table grows. The check counts bytes, not time: the kernel's count of bytes
//! the server process has written (`wchar` in `/proc/<pid>/io`), over a few creates at 100
//! stored articles and again at 1 600. Counting is exact where timing is not, so the
//! verdict is the same on every machine.

use std::sync::Arc;
use std::thread;

use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::concurrency::BURST_REQUEST_TIMEOUT;
use crate::conduit::{Def, Service};
use crate::http::conduit::new_article;
use crate::http::{Client, Request};

/// Where the bytes per create are measured.
const SMALL: usize = 100;
const LARGE: usize = 1_600;
/// Creates measured at each size.
const MEASURED: usize = 60;
/// How much more a create may write at `LARGE` articles than at `SMALL`: rewriting
/// everything grows 16× from one to the other; a database stays within about 1.5×.
const MAX_GROWTH: f64 = 4.0;
/// Threads that fill the store between the two measurements.
const FILLERS: usize = 8;

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] =
    &[Def::new(GROUP, "bytes_per_create_flat", bytes_per_create_flat).timeout_secs(300)];

const GROUP: &str = "growth";

/// The body of every article the check creates: short, so that a server that rewrites
/// everything still gets through the check in a minute or two (and fails it).
fn body(i: usize) -> String {
    format!("Article number {i}. ").repeat(4)
}

fn bytes_per_create_flat(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client().with_timeout(BURST_REQUEST_TIMEOUT);
    let pid = server.pid().as_raw();
    fill(&client, 0, SMALL)?;
    let small = bytes_per_create(&client, pid, SMALL)?;
    fill(&client, SMALL + MEASURED, LARGE)?;
    let large = bytes_per_create(&client, pid, LARGE)?;
    let growth = large / small.max(1.0);
    if growth > MAX_GROWTH {
        return Err(Failure::new(format!(
            "a create wrote {small:.0} bytes at {SMALL} stored articles and {large:.0} bytes at \
             {LARGE} ({growth:.1}× more; at most {MAX_GROWTH}× allowed), counted in \
             /proc/{pid}/io (wchar) over {MEASURED} creates each.\nThe cost of a write grows \
             with the data: something rewrites everything on each change (the step-2 JSON \
             file does). A database writes only the pages a change touches: insert the row, \
             do not rewrite the table."
        )));
    }
    Ok(())
}

/// Creates articles `from..to`, several at a time.
fn fill(client: &Client, from: usize, to: usize) -> Result<(), Failure> {
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(from));
    let workers: Vec<_> = (0..FILLERS)
        .map(|_| {
            let (client, next) = (client.clone(), next.clone());
            thread::spawn(move || -> Result<(), Failure> {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    if i >= to {
                        return Ok(());
                    }
                    create(&client, i)?;
                }
            })
        })
        .collect();
    for worker in workers {
        worker
            .join()
            .unwrap_or_else(|_| Err(Failure::new("a request thread panicked")))?;
    }
    Ok(())
}

fn create(client: &Client, i: usize) -> Result<(), Failure> {
    let article = new_article(&format!("Growing {i}"), "d", &body(i), &["growth"]);
    client
        .send(&Request::post("/api/articles").json(&json!({ "article": article })))?
        .expect_status(201)
        .map(|_| ())
}

/// The mean bytes written per create over [`MEASURED`] creates, one after the other,
/// numbered from `first`.
fn bytes_per_create(client: &Client, pid: i32, first: usize) -> Result<f64, Failure> {
    let before = written_bytes(pid)?;
    for i in first..first + MEASURED {
        create(client, i)?;
    }
    let after = written_bytes(pid)?;
    Ok(after.saturating_sub(before) as f64 / MEASURED as f64)
}

/// `wchar` of `/proc/<pid>/io`: every byte the process has passed to `write` and friends.
pub fn written_bytes(pid: i32) -> Result<u64, Failure> {
    let path = format!("/proc/{pid}/io");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Failure::new(format!("cannot read {path}: {e}")))?;
    text.lines()
        .find_map(|line| line.strip_prefix("wchar:"))
        .and_then(|value| value.trim().parse().ok())
        .ok_or_else(|| Failure::new(format!("{path} has no wchar line:\n{text}")))
}
