//! Group `concurrency` (grade 6): concurrent writes, none lost.
//!
//! A server that reads the data, awaits something (the disk), and then writes back what it
//! read plus its own change loses every change made in between: a *lost update*. These
//! checks send many writes at once and then count what was kept.

use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use serde_json::{Value, json};

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::{Def, Service};
use crate::http::conduit::new_article;
use crate::http::{Client, Request, Response};

/// Per-request timeout in a burst: the last request waits for every save before it.
pub const BURST_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

const CREATES: usize = 100;
const COMMENTS: usize = 50;

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "concurrent_creates", concurrent_creates).timeout_secs(60),
    Def::new(GROUP, "concurrent_comments", concurrent_comments).timeout_secs(60),
];

const GROUP: &str = "concurrency";

/// Sends `requests` all at once (one thread each, released together) and returns the
/// responses in order; a request without an answer is a failure.
pub fn all_at_once(client: &Client, requests: Vec<Request>) -> Result<Vec<Response>, Failure> {
    let barrier = Arc::new(Barrier::new(requests.len()));
    let workers: Vec<_> = requests
        .into_iter()
        .map(|request| {
            let (client, barrier) = (client.clone(), barrier.clone());
            thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    barrier.wait();
                    client.send(&request)
                })
                .expect("a worker thread starts")
        })
        .collect();
    workers
        .into_iter()
        .map(|worker| {
            worker
                .join()
                .unwrap_or_else(|_| Err(Failure::new("a request thread panicked")))
        })
        .collect()
}

fn concurrent_creates(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client().with_timeout(BURST_REQUEST_TIMEOUT);
    let requests = (0..CREATES)
        .map(|i| {
            Request::post("/api/articles").json(&json!({
                "article": new_article("Concurrent Writes", &format!("writer {i}"), "b", &[])
            }))
        })
        .collect();
    let responses = all_at_once(&client, requests)?;
    let mut slugs = BTreeSet::new();
    for response in &responses {
        response.expect_status(201)?;
        let slug = slug_of(&response.envelope("article")?);
        if !slugs.insert(slug.clone()) {
            return Err(response.fail(format!(
                "a slug of its own; another of the {CREATES} concurrent creates with the same \
                 title got {slug:?} too (lost update: the slug was chosen from data that was \
                 already out of date)"
            )));
        }
    }
    let page = client.list_articles_ok(&format!("limit={}", CREATES * 2))?;
    let listed: BTreeSet<String> = page.slugs().into_iter().collect();
    let missing: Vec<&String> = slugs.difference(&listed).collect();
    if !missing.is_empty() || page.count != CREATES as u64 {
        return Err(page.response.fail(format!(
            "all {CREATES} articles created concurrently (each answered 201) and \
             \"articlesCount\": {CREATES}; {} are missing, e.g. {:?} (lost update: a writer \
             saved data read before another writer's change)",
            missing.len(),
            missing.iter().take(3).collect::<Vec<_>>()
        )));
    }
    Ok(())
}

fn concurrent_comments(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client().with_timeout(BURST_REQUEST_TIMEOUT);
    let slug = slug_of(&client.create_article_ok(&new_article("Busy Thread", "d", "b", &[]))?);
    let requests = (0..COMMENTS)
        .map(|i| {
            Request::post(format!("/api/articles/{slug}/comments"))
                .json(&json!({ "comment": { "body": format!("comment {i}") } }))
        })
        .collect();
    let responses = all_at_once(&client, requests)?;
    let mut ids = BTreeSet::new();
    for response in &responses {
        response.expect_status(201)?;
        let comment = response.envelope("comment")?;
        let id = comment["id"].as_u64().unwrap_or_default();
        if !ids.insert(id) {
            return Err(response.fail(format!(
                "an id of its own; another of the {COMMENTS} concurrent comments got {id} too \
                 (lost update)"
            )));
        }
    }
    let response = client.list_comments(&slug)?;
    let listed: BTreeSet<u64> = client
        .list_comments_ok(&slug)?
        .iter()
        .filter_map(|c: &Value| c["id"].as_u64())
        .collect();
    let missing: Vec<&u64> = ids.difference(&listed).collect();
    if !missing.is_empty() {
        return Err(response.fail(format!(
            "all {COMMENTS} comments added concurrently; {} are missing, e.g. ids {:?} (lost \
             update)",
            missing.len(),
            missing.iter().take(5).collect::<Vec<_>>()
        )));
    }
    Ok(())
}
