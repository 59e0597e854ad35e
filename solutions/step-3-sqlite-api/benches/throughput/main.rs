//! Create cost of the step-2 and step-3 references at 100, 1 000 and 10 000 stored
//! articles, beside a raw rusqlite insert loop with the same durability settings, in the
//! same run (`ci/bench-step3.sh`, which also draws the chart).
//!
//! Not a timed test and not a gate: a measurement that shows the lesson of step 3. The
//! step-2 reference rewrites (and fsyncs) its whole JSON file on every create, so a create
//! costs more the more articles there are; the step-3 reference inserts rows, and a create
//! costs about the same at any size.
//!
//! What each figure is:
//! - **step 2, step 3**: one client, one create at a time (each waits for the answer
//!   before the next is sent), over one keep-alive connection ([`light_client`]);
//! - **step 3, 4 clients**: [`CLIENTS`] such clients at once, the rate over all creates;
//! - **raw loop**: the server's own create (`handlers::articles::insert`, the same SQL) in
//!   its own `BEGIN IMMEDIATE … COMMIT` each, one at a time, on one connection with the
//!   server's pragmas (WAL, `synchronous=NORMAL`): what an honest app pays per create,
//!   without HTTP, JSON or the async runtime. It is the floor, not a batch: no group
//!   commit, no shared transaction.
//!
//! Every rate is the best of [`REPEATS`] runs (the machine is shared: the best run is the
//! one least disturbed), each run over `BENCH_CREATES` creates for step 2 and [`MANY`]
//! times as many for step 3 and the raw loop, interleaved so that a noisy moment does not
//! hit one figure only. The ratio to the raw loop is also given by median cost, which a
//! stalled fsync of somebody else's does not move. [`breakdown`] then prints where a create's time
//! goes. The step-2 reference runs as the step-3 fixture `json_file_store` (its `main`,
//! unchanged). Both servers start on the same seeded data: step 2 from a data file, step 3
//! by importing that same file. `BENCH_SIZES` and `BENCH_CREATES` tune it; `BENCH_CSV`
//! names a file for the rows (the chart's input).

mod breakdown;
mod light_client;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use harness::bench::{env_list, env_number};
use harness::conduit::fixture_target;
use harness::http::{App, Target};
use rusqlite::{Connection, TransactionBehavior};
use serde_json::{Value, json};
use solution_step_3::db::{Settings, configure};
use solution_step_3::handlers::articles::{NewRow, insert};

use crate::breakdown::create_body;
use crate::light_client::LightClient;

/// Client threads of the concurrent measurement.
const CLIENTS: usize = 4;

/// Runs of each measurement; the best counts.
const REPEATS: usize = 3;

/// Step 3 and the raw loop make this many times `BENCH_CREATES` creates per run.
const MANY: usize = 5;

fn main() {
    let sizes = env_list("BENCH_SIZES", &[100, 1_000, 10_000]);
    let creates = env_number("BENCH_CREATES", 400);
    // Step 3 and the raw loop are fast: more creates, so that a checkpoint's fsync (one
    // every few hundred creates) weighs in each run as it does in the long run.
    let many = creates * MANY;
    let step2 = fixture_target(env!("CARGO_BIN_EXE_fixtures-step-3"), "json_file_store");
    let step3 = Target::new(env!("CARGO_BIN_EXE_solution-step-3"));

    println!(
        "creates per run: {creates} for step 2, {many} for step 3 and the raw loop; best of \
         {REPEATS} runs; median cost of one create, and creates per second.\n\
         step 2, step 3: one client, one create at a time, one keep-alive connection. \
         step 3 {CLIENTS}c: {CLIENTS} such clients at once;\n  \
         the server then commits the creates waiting together (group commit, each in its \
         own savepoint, each answered after the COMMIT).\n\
         raw loop: the server's insert (the same SQL and pragmas: WAL, synchronous=NORMAL), \
         each create in its own BEGIN IMMEDIATE … COMMIT,\n  \
         one at a time on one connection, no HTTP, no JSON, no async runtime.\n"
    );
    println!(
        "{:>9} {:>10} {:>10} {:>10} | {:>10} {:>10} {:>14} {:>10}",
        "articles",
        "step 2",
        "step 3",
        "raw loop",
        "step-2 /s",
        "step-3 /s",
        format!("step-3 {CLIENTS}c /s"),
        "raw /s"
    );
    println!(
        "{:>9} {:>10} {:>10} {:>10} | {:>10} {:>10} {:>14} {:>10}",
        "",
        "1 client",
        "1 client",
        "1 loop",
        "1 client",
        "1 client",
        format!("{CLIENTS} clients"),
        "1 loop"
    );
    let mut csv = String::from(
        "articles,step2_ms,step3_ms,raw_ms,step2_per_s,step3_per_s,raw_per_s,step3_concurrent_per_s\n",
    );
    let mut rows = Vec::new();
    for &size in &sizes {
        let mut two = Vec::new();
        let mut three = Vec::new();
        let mut concurrent = Vec::new();
        let mut raw = Vec::new();
        for _ in 0..REPEATS {
            two.push(measure_server(&step2, size, creates, Seed::DataFile));
            three.push(measure_server(&step3, size, many, Seed::Import));
            concurrent.push(measure_concurrent(&step3, size, many));
            raw.push(measure_raw(size, many));
        }
        let (two, three, raw) = (Timing::best(two), Timing::best(three), Timing::best(raw));
        let concurrent = concurrent.into_iter().fold(0.0, f64::max);
        println!(
            "{:>9} {:>8.3}ms {:>8.3}ms {:>8.3}ms | {:>10.0} {:>10.0} {:>14.0} {:>10.0}",
            size,
            ms(two.median),
            ms(three.median),
            ms(raw.median),
            two.per_second,
            three.per_second,
            concurrent,
            raw.per_second
        );
        csv.push_str(&format!(
            "{size},{:.4},{:.4},{:.4},{:.1},{:.1},{:.1},{:.1}\n",
            ms(two.median),
            ms(three.median),
            ms(raw.median),
            two.per_second,
            three.per_second,
            raw.per_second,
            concurrent
        ));
        rows.push((size, two, three, raw, concurrent));
    }
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        let growth = |a: &Timing, b: &Timing| ms(b.median) / ms(a.median);
        println!(
            "\nfrom {} to {} articles: a step-2 create costs {:.1}x as much, a step-3 create \
             {:.2}x (goal: at most 1.5x), the raw loop {:.2}x.",
            first.0,
            last.0,
            growth(&first.1, &last.1),
            growth(&first.2, &last.2),
            growth(&first.3, &last.3),
        );
        for (size, _, three, raw, concurrent) in &rows {
            println!(
                "at {size} articles the step-3 create rate is {:.0}% of the raw loop's with one \
                 client ({:.0}% by median cost), {:.0}% with {CLIENTS} clients (goal: at least \
                 40%)",
                100.0 * three.per_second / raw.per_second,
                100.0 * raw.median.as_secs_f64() / three.median.as_secs_f64(),
                100.0 * concurrent / raw.per_second
            );
        }
    }
    if let Ok(path) = std::env::var("BENCH_CSV") {
        std::fs::write(&path, csv).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
    if std::env::var("BENCH_BREAKDOWN").as_deref() != Ok("0") {
        let size = sizes.get(sizes.len() / 2).copied().unwrap_or(1_000);
        breakdown::print(&step3, size, creates.max(1_000));
    }
}

/// How long creates took: the median one, and the rate over all of them.
struct Timing {
    median: Duration,
    per_second: f64,
}

impl Timing {
    fn of(each: Vec<Duration>) -> Timing {
        let total: Duration = each.iter().sum();
        let count = each.len();
        Timing {
            median: median(each),
            per_second: count as f64 / total.as_secs_f64(),
        }
    }

    /// The run with the highest rate.
    fn best(runs: Vec<Timing>) -> Timing {
        runs.into_iter()
            .max_by(|a, b| a.per_second.total_cmp(&b.per_second))
            .expect("at least one run")
    }
}

/// The median of some durations.
pub fn median(each: impl IntoIterator<Item = Duration>) -> Duration {
    let mut each: Vec<Duration> = each.into_iter().collect();
    each.sort();
    each.get(each.len() / 2).copied().unwrap_or_default()
}

/// How a server gets its `size` articles before the timed creates.
enum Seed {
    /// Step 2: the data file written into `DATA_DIR` before the start.
    DataFile,
    /// Step 3: the same file imported with `<server> import FILE`.
    Import,
}

/// Seeds a step-3 server's database with `size` articles through `<server> import FILE`.
pub fn seed_import(app: &App, size: usize) {
    let file = app.data_dir().join("conduit.json");
    std::fs::write(&file, seed_file(size)).expect("the seed file is written");
    let (shown, output) =
        harness::conduit::checks::import::run_import(app, &file).expect("the import runs");
    assert!(output.status.success(), "{shown} failed: {output:?}");
    std::fs::remove_file(&file).expect("the seed file is removed");
}

fn measure_server(target: &Target, size: usize, creates: usize, seed: Seed) -> Timing {
    let app = App::new(target).expect("a temporary DATA_DIR");
    match seed {
        Seed::DataFile => std::fs::write(app.data_dir().join("conduit.json"), seed_file(size))
            .expect("the seed file is written"),
        Seed::Import => seed_import(&app, size),
    }
    let server = app
        .start()
        .unwrap_or_else(|f| panic!("the server starts:\n{f}"));
    let mut client = LightClient::connect(server.port());
    for _ in 0..20 {
        client.send("GET", "/healthz", None);
    }
    let each = (0..creates)
        .map(|i| {
            let body = create_body("Bench create", i);
            let started = Instant::now();
            let (status, answer) = client.send("POST", "/api/articles", Some(&body));
            assert_eq!(status, 201, "{}", String::from_utf8_lossy(&answer));
            started.elapsed()
        })
        .collect();
    let _ = server.terminate();
    Timing::of(each)
}

/// Creates per second with [`CLIENTS`] clients sending at once: the server's HTTP and JSON
/// work overlaps, the writes still take turns.
fn measure_concurrent(target: &Target, size: usize, creates: usize) -> f64 {
    let app = App::new(target).expect("a temporary DATA_DIR");
    seed_import(&app, size);
    let server = app
        .start()
        .unwrap_or_else(|f| panic!("the server starts:\n{f}"));
    let port = server.port();
    let bodies: Vec<Vec<Vec<u8>>> = (0..CLIENTS)
        .map(|c| {
            (c..creates)
                .step_by(CLIENTS)
                .map(|i| create_body("Concurrent create", i))
                .collect()
        })
        .collect();
    let started = Instant::now();
    let clients: Vec<_> = bodies
        .into_iter()
        .map(|bodies| {
            std::thread::spawn(move || {
                let mut client = LightClient::connect(port);
                for body in bodies {
                    let (status, answer) = client.send("POST", "/api/articles", Some(&body));
                    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&answer));
                }
            })
        })
        .collect();
    for client in clients {
        client.join().expect("a client thread");
    }
    let rate = creates as f64 / started.elapsed().as_secs_f64();
    let _ = server.terminate();
    rate
}

/// A database at `dir/raw.db` with the server's pragmas and schema, holding `size` articles.
pub fn seeded_database(dir: &Path, size: usize) -> (Connection, PathBuf) {
    let path = dir.join("raw.db");
    let mut conn = Connection::open(&path).expect("the database opens");
    configure(&conn, &Settings::REFERENCE, true).expect("the pragmas apply");
    solution_step_3::schema::migrations()
        .to_latest(&mut conn)
        .expect("the schema applies");
    let data: solution_step_2::model::Data =
        serde_json::from_slice(&seed_file(size)).expect("the seed parses");
    let tx = conn.transaction().expect("a transaction");
    solution_step_3::import::import_data(&tx, &data).expect("the seed imports");
    tx.commit().expect("the seed commits");
    (conn, path)
}

/// The server's create transaction, in a loop on one connection with the server's settings.
fn measure_raw(size: usize, creates: usize) -> Timing {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (mut conn, _path) = seeded_database(dir.path(), size);
    let each = (0..creates)
        .map(|i| {
            let new = NewRow {
                title: format!("Bench create {i}"),
                description: "timed".into(),
                body: BODY.into(),
                tag_list: vec!["bench".into()],
            };
            let started = Instant::now();
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .expect("a write transaction");
            insert(&tx, new).expect("the insert runs");
            tx.commit().expect("the commit");
            started.elapsed()
        })
        .collect();
    Timing::of(each)
}

pub const BODY: &str = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";

/// A step-2 data file with `size` articles of realistic length.
fn seed_file(size: usize) -> Vec<u8> {
    let body = BODY.repeat(4);
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

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

pub fn us(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}
