//! Throughput of the step-2 reference with 100, 1 000 and 10 000 stored articles: creates
//! (each one rewrites and fsyncs the whole file) and reads (served from memory).
//!
//! Not a timed test and not a gate: a measurement, printed as a table, that shows the lesson
//! of this step. Every write rewrites the whole file, so a write's cost grows with the number
//! of articles stored, while a read's hardly does. Step 3 moves to SQLite, where a write costs
//! about the same at any size.
//!
//! Run with `cargo bench -p solution-step-2 --bench throughput` (or `ci/bench-step2.sh`).
//! `BENCH_SIZES=100,1000` picks the sizes; `BENCH_CREATES` and `BENCH_READS` the number of
//! requests timed per size. `BENCH_EQUAL_TITLES=1` gives every stored and created article
//! the same title, so each create must find a free slug among thousands of `same-title-N`
//! (compare its create times with a run without it: making a slug unique must stay cheap).

use std::time::{Duration, Instant};

use harness::bench::{env_list, env_number};
use harness::http::conduit::new_article;
use harness::http::{App, Client};
use serde_json::{Value, json};

fn main() {
    let sizes = env_list("BENCH_SIZES", &[100, 1_000, 10_000]);
    let creates = env_number("BENCH_CREATES", 40);
    let reads = env_number("BENCH_READS", 400);
    let binary = env!("CARGO_BIN_EXE_solution-step-2");

    println!(
        "step-2 reference: {creates} sequential creates and {reads} sequential reads per size"
    );
    println!(
        "{:>9} {:>14} {:>10} {:>14} {:>10} {:>10}",
        "articles", "written/create", "create/s", "median create", "get/s", "list/s"
    );
    let mut rows = Vec::new();
    for &size in &sizes {
        let row = measure(binary, size, creates, reads);
        println!(
            "{:>9} {:>12}KB {:>10.0} {:>12.2}ms {:>10.0} {:>10.0}",
            size,
            row.file_bytes / 1024,
            per_second(creates, row.creates),
            row.create_median.as_secs_f64() * 1e3,
            per_second(reads, row.gets),
            per_second(reads, row.lists),
        );
        rows.push((size, row));
    }
    if let (Some((small, first)), Some((large, last))) = (rows.first(), rows.last()) {
        let ratio = |a: Duration, b: Duration| b.as_secs_f64() / a.as_secs_f64();
        println!(
            "\nfrom {small} to {large} articles ({}x): each create writes {:.0}x the bytes and \
             takes {:.1}x as long (median {:.1}x); a read takes {:.1}x as long.\nEvery write \
             rewrites the whole file: the lesson that motivates step 3.",
            large / small,
            last.file_bytes as f64 / first.file_bytes.max(1) as f64,
            ratio(first.creates, last.creates),
            ratio(first.create_median, last.create_median),
            ratio(first.gets, last.gets),
        );
    }
}

struct Row {
    /// The data file's size at the end: what each create writes (and fsyncs).
    file_bytes: u64,
    /// All the creates, one after the other.
    creates: Duration,
    /// The median create: less sensitive than the total to a noisy disk.
    create_median: Duration,
    gets: Duration,
    lists: Duration,
}

fn measure(binary: &str, size: usize, creates: usize, reads: usize) -> Row {
    let app = App::new(&binary.into()).expect("a temporary DATA_DIR");
    let path = app.data_dir().join(harness::conduit::step2::DATA_FILE);
    std::fs::write(&path, seed_file(size)).expect("the seed file is written");
    let server = app
        .start()
        .unwrap_or_else(|f| panic!("the reference starts:\n{f}"));
    let client = server.client();
    warm_up(&client);

    let mut each = Vec::with_capacity(creates);
    for i in 0..creates {
        let title = if equal_titles() {
            "Same Title".to_string()
        } else {
            format!("Bench create {i}")
        };
        let fields = new_article(&title, "timed", "a few words", &[]);
        let started = Instant::now();
        client
            .create_article_ok(&fields)
            .unwrap_or_else(|f| panic!("{f}"));
        each.push(started.elapsed());
    }
    let creates_time = each.iter().sum();
    each.sort();
    let create_median = each.get(each.len() / 2).copied().unwrap_or_default();

    let started = Instant::now();
    for i in 0..reads {
        let slug = seeded_slug(i * 7919 % size);
        client
            .get_article_ok(&slug)
            .unwrap_or_else(|f| panic!("{f}"));
    }
    let gets = started.elapsed();

    let started = Instant::now();
    for _ in 0..reads {
        client
            .list_articles_ok("")
            .unwrap_or_else(|f| panic!("{f}"));
    }
    let lists = started.elapsed();

    let file_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let _ = server.terminate();
    Row {
        file_bytes,
        creates: creates_time,
        create_median,
        gets,
        lists,
    }
}

/// A data file in the reference's format with `size` articles of realistic length.
fn seed_file(size: usize) -> Vec<u8> {
    let body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(4);
    let articles: Vec<Value> = (0..size)
        .map(|i| {
            json!({
                "slug": seeded_slug(i),
                "title": if equal_titles() { "Same Title".to_string() } else { format!("Seeded article {i}") },
                "description": "An article stored before the benchmark starts",
                "body": body,
                "tagList": ["seed", format!("group-{}", i % 10)],
                "createdAt": "2026-11-21T12:00:00.000Z",
                "updatedAt": "2026-11-21T12:00:00.000Z",
                "comments": [],
            })
        })
        .collect();
    serde_json::to_vec(&json!({ "articles": articles, "nextCommentId": 0 })).expect("serialises")
}

/// Whether every article has the same title (`BENCH_EQUAL_TITLES=1`).
fn equal_titles() -> bool {
    std::env::var("BENCH_EQUAL_TITLES").is_ok_and(|v| v == "1")
}

/// The slug of the `i`-th seeded article, as the reference would have made it.
fn seeded_slug(i: usize) -> String {
    match (equal_titles(), i) {
        (true, 0) => "same-title".to_string(),
        (true, i) => format!("same-title-{}", i + 1),
        (false, i) => format!("seeded-article-{i}"),
    }
}

fn warm_up(client: &Client) {
    for _ in 0..20 {
        let _ = client.healthz();
    }
}

fn per_second(count: usize, time: Duration) -> f64 {
    count as f64 / time.as_secs_f64()
}
