//! Where the time of one create goes: each piece measured on its own, median of many, so
//! that the gap between the server's create and the raw insert loop can be read piece by
//! piece (`BENCH_BREAKDOWN=0` skips it).

use std::time::{Duration, Instant};

use harness::http::conduit::new_article;
use harness::http::{App, Target};
use serde_json::json;
use solution_step_2::model::{ArticleEnvelope, ArticleView, NewArticleRequest};
use solution_step_3::Db;
use solution_step_3::handlers::articles::{NewRow, insert};

use crate::light_client::LightClient;
use crate::{BODY, median, seed_import, seeded_database, us};

/// Prints the median cost of each piece of a create, at `size` stored articles.
pub fn print(step3: &Target, size: usize, rounds: usize) {
    println!(
        "\nwhere a create's time goes, at {size} articles (median of {rounds}, one at a time):"
    );
    let row = |what: &str, each: Duration| println!("  {:>8.1} µs  {what}", us(each));

    let dir = tempfile::tempdir().expect("a temporary directory");
    let (mut conn, _path) = seeded_database(dir.path(), size);
    let tx = conn.transaction().expect("a transaction");
    let in_one = median((0..rounds).map(|i| {
        let started = Instant::now();
        insert(&tx, new_row("One transaction", i)).expect("the insert runs");
        started.elapsed()
    }));
    tx.commit().expect("the commit");
    row(
        "SQL of one create (5 statements), many creates in one transaction",
        in_one,
    );
    let each_own = median((0..rounds).map(|i| {
        let started = Instant::now();
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .expect("a write transaction");
        insert(&tx, new_row("Own transaction", i)).expect("the insert runs");
        tx.commit().expect("the commit");
        started.elapsed()
    }));
    row(
        "the same in its own BEGIN IMMEDIATE … COMMIT (the raw loop)",
        each_own,
    );
    drop(conn);

    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (conn, path) = seeded_database(dir.path(), size);
    drop(conn);
    let db = Db::open(&path).expect("the database opens");
    let hop = runtime.block_on(async {
        let mut each = Vec::new();
        for _ in 0..rounds {
            let started = Instant::now();
            db.write(|_| Ok(())).await.expect("an empty write");
            each.push(started.elapsed());
        }
        median(each)
    });
    row(
        "Db::write of an empty transaction: the writer's turn and the hop to it",
        hop,
    );
    let through_db = runtime.block_on(async {
        let mut each = Vec::new();
        for i in 0..rounds {
            let new = new_row("Through Db", i);
            let started = Instant::now();
            db.write(move |tx| insert(tx, new))
                .await
                .expect("the create");
            each.push(started.elapsed());
        }
        median(each)
    });
    row(
        "Db::write(insert): the raw loop's work, from a handler",
        through_db,
    );
    drop(db);

    let request =
        json!({ "article": new_article("A title to slugify", "timed", BODY, &["bench"]) })
            .to_string()
            .into_bytes();
    let json_cost = median((0..rounds).map(|_| {
        let started = Instant::now();
        let parsed: NewArticleRequest = serde_json::from_slice(&request).expect("parses");
        let title = parsed.article.title.expect("a title");
        let slug = solution_step_2::slug::slugify(&title);
        let answer = ArticleEnvelope {
            article: ArticleView {
                slug,
                title,
                description: parsed.article.description.unwrap_or_default(),
                body: parsed.article.body.unwrap_or_default(),
                tag_list: parsed.article.tag_list.unwrap_or_default(),
                created_at: solution_step_2::model::now(),
                updated_at: solution_step_2::model::now(),
                favorited: false,
                favorites_count: 0,
            },
        };
        std::hint::black_box(serde_json::to_vec(&answer).expect("serialises"));
        started.elapsed()
    }));
    row("JSON in and out, slugify and the timestamp", json_cost);

    let app = App::new(step3).expect("a temporary DATA_DIR");
    seed_import(&app, size);
    let server = app
        .start()
        .unwrap_or_else(|f| panic!("the server starts:\n{f}"));
    let harness_client = server.client();
    let mut light = LightClient::connect(server.port());
    let light_health = median((0..rounds).map(|_| {
        let started = Instant::now();
        let (status, _) = light.send("GET", "/healthz", None);
        assert_eq!(status, 200);
        started.elapsed()
    }));
    row(
        "GET /healthz, light client: HTTP on loopback, both sides",
        light_health,
    );
    // One client waits for each answer before it sends the next request, so its rate can
    // never beat one round trip per create, however little the server does.
    println!(
        "            one client's ceiling: a round trip that does no work at all allows {:.0}% of \
         the raw loop's rate (the rate over several clients is not bound by it)",
        100.0 * each_own.as_secs_f64() / light_health.as_secs_f64()
    );
    let reqwest_health = median((0..rounds).map(|_| {
        let started = Instant::now();
        harness_client.healthz().unwrap_or_else(|f| panic!("{f}"));
        started.elapsed()
    }));
    row("GET /healthz, the harness's reqwest client", reqwest_health);
    let light_create = median((0..rounds).map(|i| {
        let body = create_body("Light create", i);
        let started = Instant::now();
        let (status, _) = light.send("POST", "/api/articles", Some(&body));
        assert_eq!(status, 201);
        started.elapsed()
    }));
    row("POST /api/articles, light client", light_create);
    let reqwest_create = median((0..rounds).map(|i| {
        let fields = new_article(&format!("Harness create {i}"), "timed", BODY, &["bench"]);
        let started = Instant::now();
        harness_client
            .create_article_ok(&fields)
            .unwrap_or_else(|f| panic!("{f}"));
        started.elapsed()
    }));
    row(
        "POST /api/articles, the harness's client (reqwest, answer checked)",
        reqwest_create,
    );
    let _ = server.terminate();
}

fn new_row(prefix: &str, i: usize) -> NewRow {
    NewRow {
        title: format!("{prefix} {i}"),
        description: "timed".into(),
        body: BODY.into(),
        tag_list: vec!["bench".into()],
    }
}

/// The body of `POST /api/articles` for create number `i`.
pub fn create_body(prefix: &str, i: usize) -> Vec<u8> {
    json!({ "article": new_article(&format!("{prefix} {i}"), "timed", BODY, &["bench"]) })
        .to_string()
        .into_bytes()
}
