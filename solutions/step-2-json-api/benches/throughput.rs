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
//! requests timed per size.

use std::time::{Duration, Instant};

use harness::http::conduit::new_article;
use harness::http::{App, Client};
use serde_json::{Value, json};

fn main() {
    let sizes = env_list("BENCH_SIZES", &[100, 1_000, 10_000]);
    let creates = env_number("BENCH_CREATES", 40);
    let reads = env_number("BENCH_READS", 400);
    let binary = env!("CARGO_BIN_EXE_solution-step-2");

    println!(
        "step-2 reference throughput: {creates} sequential creates and {reads} sequential reads per size"
    );
    println!(
        "{:>9} {:>11} {:>11} {:>12} {:>11} {:>12} {:>11}",
        "articles", "file", "create/s", "ms/create", "get/s", "list/s", "ms/get"
    );
    let mut rows = Vec::new();
    for &size in &sizes {
        let row = measure(binary, size, creates, reads);
        println!(
            "{:>9} {:>9}KB {:>11.0} {:>12.2} {:>11.0} {:>12.0} {:>11.3}",
            size,
            row.file_bytes / 1024,
            per_second(creates, row.creates),
            millis(row.creates) / creates as f64,
            per_second(reads, row.gets),
            per_second(reads, row.lists),
            millis(row.gets) / reads as f64,
        );
        rows.push((size, row));
    }
    if let (Some((small, first)), Some((large, last))) = (rows.first(), rows.last()) {
        let create_ratio = last.creates.as_secs_f64() / first.creates.as_secs_f64();
        let get_ratio = last.gets.as_secs_f64() / first.gets.as_secs_f64();
        println!(
            "\nfrom {small} to {large} articles ({}x): a create costs {create_ratio:.1}x as much, a \
             read {get_ratio:.1}x. Every write rewrites the whole file; step 3 fixes that.",
            large / small
        );
    }
}

struct Row {
    file_bytes: u64,
    creates: Duration,
    gets: Duration,
    lists: Duration,
}

fn measure(binary: &str, size: usize, creates: usize, reads: usize) -> Row {
    let app = App::new(binary).expect("a temporary DATA_DIR");
    let path = app.data_dir().join(harness::step2::DATA_FILE);
    std::fs::write(&path, seed_file(size)).expect("the seed file is written");
    let server = app
        .start()
        .unwrap_or_else(|f| panic!("the reference starts:\n{f}"));
    let client = server.client();
    warm_up(&client);

    let started = Instant::now();
    for i in 0..creates {
        let title = format!("Bench create {i}");
        client
            .create_article_ok(&new_article(
                &title,
                "timed",
                "a body of a few words",
                &["bench"],
            ))
            .unwrap_or_else(|f| panic!("{f}"));
    }
    let create_time = started.elapsed();

    let started = Instant::now();
    for i in 0..reads {
        let slug = format!("seeded-article-{}", i * 7919 % size);
        client
            .get_article_ok(&slug)
            .unwrap_or_else(|f| panic!("{f}"));
    }
    let get_time = started.elapsed();

    let started = Instant::now();
    for _ in 0..reads {
        client
            .list_articles_ok("")
            .unwrap_or_else(|f| panic!("{f}"));
    }
    let list_time = started.elapsed();

    let file_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let _ = server.terminate();
    Row {
        file_bytes,
        creates: create_time,
        gets: get_time,
        lists: list_time,
    }
}

/// A data file in the reference's format with `size` articles of realistic length.
fn seed_file(size: usize) -> Vec<u8> {
    let body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(4);
    let articles: Vec<Value> = (0..size)
        .map(|i| {
            json!({
                "slug": format!("seeded-article-{i}"),
                "title": format!("Seeded article {i}"),
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

fn warm_up(client: &Client) {
    for _ in 0..20 {
        let _ = client.healthz();
    }
}

fn per_second(count: usize, time: Duration) -> f64 {
    count as f64 / time.as_secs_f64()
}

fn millis(time: Duration) -> f64 {
    time.as_secs_f64() * 1e3
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(name)
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| default.to_vec())
}
