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
    let kept_original: Vec<&str> = [
        ("description", json!("original description")),
        ("body", json!("original body")),
        ("tagList", json!(["original"])),
    ]
    .into_iter()
    .filter(|(field, original)| &article[*field] == original)
    .map(|(field, _)| field)
    .collect();
    if !kept_original.is_empty() {
        return Err(response.fail(format!(
            "every field changed by one of the {} concurrent PUTs ({UPDATES_PER_FIELD} each \
             for description, body and tagList, all answered 200); {kept_original:?} still \
             hold the original value (lost update: a PUT wrote back fields it had read \
             before another PUT changed them)",
            UPDATES_PER_FIELD * 3
        )));
    }
    Ok(())
}

fn reads_never_busy(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client().with_timeout(BURST_REQUEST_TIMEOUT);
    let slug = slug_of(&client.create_article_ok(&new_article("Read Often", "d", "b", &["r"]))?);
    let failed: Arc<Mutex<Option<Failure>>> = Arc::default();
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
                record(&failed, &stop, "write", client.send(&request), 201);
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
                record(&failed, &stop, "read", client.send(&request), 200);
            }
        }));
    }
    for thread in threads {
        let _ = thread.join();
    }
    match failed.lock().unwrap_or_else(|e| e.into_inner()).take() {
        Some(failure) => Err(failure),
        None => Ok(()),
    }
}

/// Keeps the first request that did not get `expected` (as a failure), and stops the rest.
fn record(
    failed: &Mutex<Option<Failure>>,
    stop: &AtomicBool,
    kind: &str,
    outcome: Result<Response, Failure>,
    expected: u16,
) {
    let what = format!(
        "{} for every one of {} reads and {} writes running at the same time; this {kind} \
         failed while the others ran (SQLITE_BUSY reaching a client? readers and the writer \
         must not lock each other out)",
        crate::http::client::status_line(expected),
        READERS * READS_EACH,
        WRITERS * WRITES_EACH
    );
    let failure = match outcome {
        Ok(response) if response.status == expected => return,
        Ok(response) => response.fail(what),
        Err(failure) => Failure::new(format!("{what}\n{failure}")),
    };
    stop.store(true, Ordering::SeqCst);
    let mut slot = failed.lock().unwrap_or_else(|e| e.into_inner());
    if slot.is_none() {
        *slot = Some(failure);
    }
}
