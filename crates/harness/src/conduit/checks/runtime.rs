//! Group `runtime` (steps 3–4): database work stays off the async runtime.
//!
//! An SQLite call blocks its thread until the disk answers. Made on one of tokio's worker
//! threads (one per core), it stops that worker from serving anyone else; with as many slow
//! queries in flight as there are workers, the whole server stands still and even
//! `/healthz` waits its turn behind them.
//!
//! The check needs no clock: it counts. It sends a burst of slow list requests, waits for
//! the first answer (so the burst is being served), then asks `/healthz`, and counts how
//! many of the slow requests were answered before the health check was. A server whose
//! queries run on the blocking pool answers `/healthz` at once, while most of the burst is
//! still in flight (a few percent done, on any machine); one whose queries block the workers
//! answers it only when the burst is nearly through.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::concurrency::BURST_REQUEST_TIMEOUT;
use crate::conduit::{Def, Service};
use crate::http::Request;
use crate::http::conduit::new_article;

/// Articles stored, and listed by every slow request.
const ARTICLES: usize = 200;

/// At most this share of the burst may be answered before `/healthz` is.
const MAX_SHARE_BEFORE_HEALTH: f64 = 0.5;

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[Def::new(
    GROUP,
    "health_answers_during_slow_queries",
    health_answers_during_slow_queries,
)
.timeout_secs(90)];

const GROUP: &str = "runtime";

fn health_answers_during_slow_queries(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client().with_timeout(BURST_REQUEST_TIMEOUT);
    let setup: Vec<Request> = (0..ARTICLES)
        .map(|i| {
            Request::post("/api/articles").json(&json!({
                "article": new_article(&format!("Listed {i}"), "d", "b", &["slow", "list"])
            }))
        })
        .collect();
    for chunk in setup.chunks(20) {
        for response in crate::conduit::checks::concurrency::all_at_once(&client, chunk.to_vec())? {
            response.expect_status(201)?;
        }
    }
    // More slow requests than the machine has worker threads, several times over.
    let cores = thread::available_parallelism().map_or(2, |n| n.get());
    let burst = (8 * cores).max(48);
    let slow = Request::get(format!("/api/articles?tag=slow&limit={ARTICLES}"));
    let answered = Arc::new(AtomicUsize::new(0));
    let barrier = Arc::new(Barrier::new(burst + 1));
    let workers: Vec<_> = (0..burst)
        .map(|_| {
            let (client, slow, answered, barrier) = (
                client.clone(),
                slow.clone(),
                answered.clone(),
                barrier.clone(),
            );
            thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    barrier.wait();
                    let outcome = client.send(&slow);
                    answered.fetch_add(1, Ordering::SeqCst);
                    outcome
                })
                .expect("a worker thread starts")
        })
        .collect();
    barrier.wait();
    while answered.load(Ordering::SeqCst) == 0 {
        thread::sleep(Duration::from_millis(1));
    }
    let health = server
        .client()
        .with_timeout(BURST_REQUEST_TIMEOUT)
        .healthz()?;
    let before_health = answered.load(Ordering::SeqCst);
    for worker in workers {
        let response = worker
            .join()
            .unwrap_or_else(|_| Err(Failure::new("a request thread panicked")))?;
        response.expect_status(200)?;
    }
    health.expect_status(200)?;
    let share = before_health as f64 / burst as f64;
    if share > MAX_SHARE_BEFORE_HEALTH {
        return Err(health.fail(format!(
            "/healthz answered while {burst} slow `GET {}` were in flight; it was answered \
             only after {before_health} of them ({:.0}%, at most {:.0}% allowed): the \
             queries block the async runtime's worker threads. Run database calls with \
             tokio::task::spawn_blocking (or a pool that does), never directly in a handler.",
            slow.path,
            share * 100.0,
            MAX_SHARE_BEFORE_HEALTH * 100.0
        )));
    }
    Ok(())
}
