//! Group `transactions` (steps 3–4): concurrent requests on one database, nothing lost and
//! nothing refused.
//!
//! A server that reads a row, lets something else run (an `.await`, another connection),
//! and then writes back what it read plus its own change, overwrites every change made in
//! between: a *lost update*. And a server whose readers and writer lock each other out
//! answers some requests with `SQLITE_BUSY` (a 500). These checks send many requests at
//! once and count what came back and what was kept.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::checks::concurrency::{BURST_REQUEST_TIMEOUT, all_at_once};
use crate::conduit::{Def, Service};
use crate::http::conduit::new_article;
use crate::http::{Request, Response};

/// Concurrent updates per field in `concurrent_updates_keep_every_field`.
const UPDATES_PER_FIELD: usize = 20;

/// Reader threads and reads per thread in `reads_never_busy`: 1 000 reads in all.
const READERS: usize = 20;
const READS_EACH: usize = 50;
/// Writer threads and creates per thread, running at the same time.
const WRITERS: usize = 4;
const WRITES_EACH: usize = 40;

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(
        GROUP,
        "concurrent_updates_keep_every_field",
        concurrent_updates_keep_every_field,
    )
    .timeout_secs(60),
    Def::new(GROUP, "reads_never_busy", reads_never_busy).timeout_secs(90),
];

const GROUP: &str = "transactions";

fn concurrent_updates_keep_every_field(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client().with_timeout(BURST_REQUEST_TIMEOUT);
    let slug = slug_of(&client.create_article_ok(&new_article(
        "Many Editors",
        "original description",
        "original body",
        &["original"],
    ))?);
    // Three kinds of update, each changing one field: none of them should undo another.
    let mut requests = Vec::new();
    for i in 0..UPDATES_PER_FIELD {
        for changes in [
            json!({ "description": format!("description {i}") }),
            json!({ "body": format!("body {i}") }),
            json!({ "tagList": [format!("tag-{i}")] }),
        ] {
            requests.push(
                Request::put(format!("/api/articles/{slug}")).json(&json!({ "article": changes })),
            );
        }
    }
    for response in all_at_once(&client, requests)? {
        response.expect_status(200)?;
    }
    let response = client.get_article(&slug)?;
    response.expect_status(200)?;
    let article = response.envelope("article")?;
    let kept_original = [
        ("description", json!("original description")),
        ("body", json!("original body")),
        ("tagList", json!(["original"])),
    ]
    .into_iter()
    .filter(|(field, original)| &article[*field] == original)
    .count();
    if kept_original > 0 {
        return Err(Failure::new(format!(
            "after {} concurrent PUTs to /api/articles/{slug} ({UPDATES_PER_FIELD} each \
             changing only the description, only the body or only the tagList, all answered \
             200), {kept_original} of these 3 fields still hold their original value: lost \
             update (a PUT wrote back fields it had read before another PUT changed them)",
            UPDATES_PER_FIELD * 3
        )));
    }
    Ok(())
}

fn reads_never_busy(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client().with_timeout(BURST_REQUEST_TIMEOUT);
    let slug = slug_of(&client.create_article_ok(&new_article("Read Often", "d", "b", &["r"]))?);
    let failed: Arc<Mutex<Failures>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let mut threads = Vec::new();
    for w in 0..WRITERS {
        let (client, failed, stop) = (client.clone(), failed.clone(), stop.clone());
        threads.push(thread::spawn(move || {
            for i in 0..WRITES_EACH {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                let title = format!("Written {w} {i}");
                let request = Request::post("/api/articles")
                    .json(&json!({ "article": new_article(&title, "d", "b", &["w"]) }));
                record(&failed, &stop, false, client.send(&request), 201);
            }
        }));
    }
    for r in 0..READERS {
        let (client, failed, stop, slug) =
            (client.clone(), failed.clone(), stop.clone(), slug.clone());
        threads.push(thread::spawn(move || {
            for i in 0..READS_EACH {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                let request = match (r + i) % 3 {
                    0 => Request::get(format!("/api/articles/{slug}")),
                    1 => Request::get("/api/articles?tag=w&limit=5"),
                    _ => Request::get(format!("/api/articles/{slug}/comments")),
                };
                record(&failed, &stop, true, client.send(&request), 200);
            }
        }));
    }
    for thread in threads {
        let _ = thread.join();
    }
    let failures = failed.lock().unwrap_or_else(|e| e.into_inner());
    match &failures.first {
        None => Ok(()),
        Some(first) => Err(Failure::new(format!(
            "{} reads ({READERS} threads: GET an article, a tag's list, comments) and {} \
             creates ({WRITERS} threads) ran at the same time; {} reads and {} writes failed \
             before the check stopped them (SQLITE_BUSY reaching a client? readers and the \
             writer must not lock each other out). The first answered {first}",
            READERS * READS_EACH,
            WRITERS * WRITES_EACH,
            failures.reads,
            failures.writes
        ))),
    }
}

/// Counts a request that did not get `expected`, keeps the first such answer, and stops
/// the other threads.
fn record(
    failures: &Mutex<Failures>,
    stop: &AtomicBool,
    read: bool,
    outcome: Result<Response, Failure>,
    expected: u16,
) {
    let answer = match outcome {
        Ok(response) if response.status == expected => return,
        Ok(response) => format!(
            "{}: {}",
            crate::http::client::status_line(response.status),
            response.text
        ),
        Err(failure) => failure.message,
    };
    stop.store(true, Ordering::SeqCst);
    let mut failures = failures.lock().unwrap_or_else(|e| e.into_inner());
    if read {
        failures.reads += 1;
    } else {
        failures.writes += 1;
    }
    failures.first.get_or_insert(answer);
}

/// What went wrong in `reads_never_busy`.
#[derive(Debug, Default)]
struct Failures {
    reads: usize,
    writes: usize,
    first: Option<String>,
}
