//! Group `runtime` (steps 3–4): database work stays off the async runtime.
//!
//! An SQLite call blocks its thread until it is done. Made on one of tokio's worker threads
//! (one per core), it stops that worker from serving anyone else; with as many blocked
//! calls as there are workers, the whole server stands still and even `/healthz` waits.
//!
//! The check makes database calls slow at will, and then counts: it takes SQLite's write
//! lock on the database file from outside (`BEGIN IMMEDIATE` on a connection of its own,
//! as a backup tool or the `sqlite3` shell would), sends a burst of creates, which must
//! wait for the lock (their `busy_timeout`), and asks `/healthz`. A server whose queries
//! run on the blocking pool answers `/healthz` at once, before any create could finish;
//! one whose queries run on the workers answers it only once the creates gave up or the
//! lock was released. No clock decides: only which answer came first. The lock is released
//! (the transaction rolled back, nothing written) as soon as `/healthz` answers.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::database::database_file;
use crate::conduit::{Def, Service};
use crate::http::conduit::new_article;
use crate::http::{Request, Response};

/// How long the creates get to reach the server (and its lock wait) before `/healthz` is
/// asked: far more than a server needs to accept a few dozen connections.
const SETTLE: Duration = Duration::from_millis(500);

/// The longest the lock is held if `/healthz` does not answer.
const LOCK_AT_MOST: Duration = Duration::from_secs(6);

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[Def::new(
    GROUP,
    "health_answers_while_queries_wait",
    health_answers_while_queries_wait,
)
.timeout_secs(60)];

const GROUP: &str = "runtime";

fn health_answers_while_queries_wait(service: &Service) -> Result<(), Failure> {
    let (app, server) = service.fresh()?;
    let client = server.client().with_timeout(LOCK_AT_MOST * 2);
    client.create_article_ok(&new_article("Before The Lock", "d", "b", &[]))?;
    let path = database_file(service, &app);
    let lock = Connection::open(&path)
        .and_then(|conn| {
            conn.busy_timeout(Duration::from_secs(5))?;
            conn.execute_batch("BEGIN IMMEDIATE")?;
            Ok(conn)
        })
        .map_err(|e| {
            Failure::new(format!(
                "cannot take the write lock of {} from outside: {e}",
                path.display()
            ))
        })?;

    // More creates than the machine has worker threads, several times over.
    let cores = thread::available_parallelism().map_or(2, |n| n.get());
    let burst = (4 * cores).max(16);
    let answered = Arc::new(AtomicUsize::new(0));
    let barrier = Arc::new(Barrier::new(burst + 1));
    let creates: Vec<_> = (0..burst)
        .map(|i| {
            let (client, answered, barrier) = (client.clone(), answered.clone(), barrier.clone());
            thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    let request = Request::post("/api/articles").json(&json!({
                        "article": new_article(&format!("Waiting {i}"), "d", "b", &[])
                    }));
                    barrier.wait();
                    let outcome = client.try_send(&request);
                    answered.fetch_add(1, Ordering::SeqCst);
                    outcome
                })
                .expect("a worker thread starts")
        })
        .collect();
    barrier.wait();
    thread::sleep(SETTLE);

    let health_client = server.client().with_timeout(LOCK_AT_MOST * 4);
    let asked = Instant::now();
    let (health_tx, health_rx) = std::sync::mpsc::channel();
    let health_thread = thread::spawn(move || {
        let outcome = health_client.healthz();
        let _ = health_tx.send(());
        outcome
    });
    // Hold the lock until /healthz answers (or for LOCK_AT_MOST), then let the creates in.
    let answered_in_time = health_rx
        .recv_timeout(LOCK_AT_MOST.saturating_sub(asked.elapsed()))
        .is_ok();
    let creates_before_health = answered.load(Ordering::SeqCst);
    let _ = lock.execute_batch("ROLLBACK");
    drop(lock);
    let health = health_thread
        .join()
        .unwrap_or_else(|_| Err(Failure::new("the /healthz thread panicked")))?;
    let outcomes: Vec<Result<Response, String>> = creates
        .into_iter()
        .map(|create| {
            create
                .join()
                .unwrap_or_else(|_| Err("the request thread panicked".into()))
        })
        .collect();
    health.expect_status(200)?;
    if !answered_in_time {
        return Err(health.fail(format!(
            "/healthz answered while {burst} creates wait for the database (the check holds \
             its write lock); it was not answered in {} s, only once the lock was released: \
             the queries block the async runtime's worker threads, and nothing else runs \
             while they wait. Run database calls with tokio::task::spawn_blocking (or a pool \
             that does), never directly in a handler.",
            LOCK_AT_MOST.as_secs()
        )));
    }
    if creates_before_health > 0 {
        return Err(health.fail(format!(
            "/healthz answered while {burst} creates wait for the database (the check holds \
             its write lock); it was answered only after {creates_before_health} of them had \
             finished or given up: the queries block the async runtime's worker threads, and \
             nothing else runs while they wait. Run database calls with \
             tokio::task::spawn_blocking (or a pool that does), never directly in a handler \
             (and keep a busy_timeout of a few seconds). The creates answered: {}",
            summary(&outcomes)
        )));
    }
    Ok(())
}

/// How many creates got each status, e.g. `16 × 201 Created`.
fn summary(outcomes: &[Result<Response, String>]) -> String {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for outcome in outcomes {
        let label = match outcome {
            Ok(response) => crate::http::client::status_line(response.status),
            Err(_) => "no answer".to_string(),
        };
        *counts.entry(label).or_default() += 1;
    }
    counts
        .iter()
        .map(|(label, count)| format!("{count} × {label}"))
        .collect::<Vec<_>>()
        .join(", ")
}
