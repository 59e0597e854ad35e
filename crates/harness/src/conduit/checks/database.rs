//! Groups `database` and `crash` (steps 3–4): the SQLite file itself, seen from outside.
//!
//! What is checked: `DATABASE_PATH` is honoured; a file that is not a database stops the
//! server and is left as it was; after a SIGKILL in the middle of 200 concurrent writes the
//! file passes `PRAGMA integrity_check` and every write answered 2xx is there; and the two
//! lookups the contract fixes (an article by slug, the articles of a tag) use an index.
//!
//! The database is only ever opened by a check once the server has stopped, and read-only:
//! a check never changes what the server will find.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::checks::concurrency::BURST_REQUEST_TIMEOUT;
use crate::conduit::checks::durability::{BURST, burst_then_sigkill};
use crate::conduit::{Def, Service};
use crate::http::conduit::new_article;
use crate::http::{App, Launch};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "honours_database_path", honours_database_path),
    Def::new(
        GROUP,
        "not_a_database_stops_startup",
        not_a_database_stops_startup,
    ),
    Def::new(CRASH, "sigkill_during_burst", sigkill_during_burst).timeout_secs(60),
    Def::new(GROUP, "lookups_use_indexes", lookups_use_indexes),
];

const GROUP: &str = "database";
/// The crash check needs writes, so it is graded with them, in an area of its own.
const CRASH: &str = "crash";

/// The lookups whose query plans must use an index, with the tables the contract names.
pub const INDEXED_LOOKUPS: &[(&str, &str)] = &[
    (
        "GET /api/articles/{slug}",
        "SELECT id FROM articles WHERE slug = 'some-slug'",
    ),
    (
        "GET /api/articles?tag=rust",
        "SELECT article_tags.article_id FROM article_tags \
         JOIN tags ON tags.id = article_tags.tag_id WHERE tags.name = 'rust'",
    ),
];

/// The tables the contract names (their columns: see the step's schema).
pub const CONTRACT_TABLES: &[&str] = &["articles", "tags", "article_tags", "comments"];

/// Opens the database at `path` read-only, for a server that has stopped.
pub fn open_stopped(path: &Path) -> Result<Connection, Failure> {
    if !path.exists() {
        return Err(Failure::new(format!(
            "there is no database file at {}: the server must keep its data in \
             DATABASE_PATH (by default DATA_DIR/conduit.db)",
            path.display()
        )));
    }
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
        Failure::new(format!(
            "cannot open {} as an SQLite database: {e}",
            path.display()
        ))
    })
}

/// `PRAGMA integrity_check` of the database at `path`: `Ok` when SQLite says `ok`.
pub fn integrity_check(path: &Path) -> Result<(), Failure> {
    let conn = open_stopped(path)?;
    let verdict: Result<Vec<String>, rusqlite::Error> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut statement| {
            statement
                .query_map([], |row| row.get::<_, String>(0))?
                .collect()
        });
    match verdict {
        Ok(lines) if lines == ["ok"] => Ok(()),
        Ok(lines) => Err(Failure::new(format!(
            "PRAGMA integrity_check on {} says:\n{}",
            path.display(),
            lines.join("\n")
        ))),
        Err(e) => Err(Failure::new(format!(
            "PRAGMA integrity_check on {} failed: {e}",
            path.display()
        ))),
    }
}

/// Where the server keeps its database in `app`'s `DATA_DIR`.
pub fn database_file(service: &Service, app: &App) -> PathBuf {
    app.data_dir().join(service.contract.data_file())
}

fn honours_database_path(service: &Service) -> Result<(), Failure> {
    // Named like every DATA_DIR, so that failure messages show it as one.
    let elsewhere = tempfile::Builder::new()
        .prefix("backend-path-data-")
        .tempdir()
        .map_err(|e| Failure::new(format!("cannot create a temporary directory: {e}")))?;
    let path = elsewhere.path().join("nested").join("conduit-elsewhere.db");
    let target = service
        .target
        .clone()
        .env("DATABASE_PATH", path.display().to_string());
    let app = App::new(&target)?;
    app.start()?.terminate()?;
    let default = database_file(service, &app);
    if default.exists() || !path.exists() {
        return Err(Failure::new(format!(
            "started:  {}\nexpected: the database created at startup at DATABASE_PATH ({}), \
             its directory created if missing\ngot:      {}",
            app.command_line(),
            path.display(),
            if default.exists() {
                format!("a database at {} instead", default.display())
            } else {
                format!("no file at {}", path.display())
            }
        )));
    }
    expect_tables(&path)
}

/// The contract's tables exist in the database at `path` (the migrations ran).
pub fn expect_tables(path: &Path) -> Result<(), Failure> {
    let conn = open_stopped(path)?;
    for table in CONTRACT_TABLES {
        if let Err(e) = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get::<_, i64>(0)
        }) {
            return Err(Failure::new(format!(
                "the database {} has no table {table} ({e}): run the migrations when the \
                 database is opened, at startup. The contract's tables: {}",
                path.display(),
                CONTRACT_TABLES.join(", ")
            )));
        }
    }
    Ok(())
}

fn not_a_database_stops_startup(service: &Service) -> Result<(), Failure> {
    let app = service.app()?;
    let path = database_file(service, &app);
    let garbage = "this is a text file, not an SQLite database\n".repeat(64);
    std::fs::write(&path, &garbage)
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", path.display())))?;
    let outcome = app.launch()?;
    let after = std::fs::read(&path).unwrap_or_default();
    let shown = path.display().to_string();
    match outcome {
        Launch::Listening(server) => {
            let listing = server
                .client()
                .list_articles("")
                .map(|r| format!("\nGET /api/articles then answered {} {}", r.status, r.text))
                .unwrap_or_default();
            Err(Failure::new(format!(
                "started:  {}\nwith:     {shown} holding text, not a database\nexpected: the \
                 server refuses to start (non-zero exit) and says which file is wrong\n\
                 got:      it printed its listening line and serves requests{listing}",
                app.command_line()
            )))
        }
        Launch::Exited { status, stderr, .. } => {
            if status.success() || !stderr.contains(&shown) {
                return Err(Failure::new(format!(
                    "started:  {}\nwith:     {shown} holding text, not a database\nexpected: \
                     a non-zero exit and stderr naming {shown}\ngot:      {status}, \
                     stderr:\n{stderr}",
                    app.command_line()
                )));
            }
            if after != garbage.as_bytes() {
                return Err(Failure::new(format!(
                    "the server exited as it should, but changed {shown}: leave a file that \
                     is not a database untouched for a human to inspect"
                )));
            }
            Ok(())
        }
    }
}

fn sigkill_during_burst(service: &Service) -> Result<(), Failure> {
    let (app, server) = service.fresh()?;
    let client = server.client().with_timeout(BURST_REQUEST_TIMEOUT);
    let warm_up = client.create_article_ok(&new_article("Before The Burst", "d", "b", &[]))?;
    let acked = burst_then_sigkill(server, &client, &["burst"])?;

    let path = database_file(service, &app);
    integrity_check(&path).map_err(|failure| {
        Failure::new(format!(
            "after a SIGKILL during {BURST} concurrent creates ({} answered 201):\n{failure}",
            acked.len()
        ))
    })?;
    let server = app.start().map_err(|failure| {
        Failure::new(format!(
            "after a SIGKILL during {BURST} concurrent creates, the server no longer starts \
             on its own database:\n{failure}"
        ))
    })?;
    let client = server.client();
    let mut lost = Vec::new();
    for (slug, title) in acked
        .iter()
        .chain([(&slug_of(&warm_up), &"Before The Burst".to_string())])
    {
        let response = client.get_article(slug)?;
        let found = response.status == 200
            && response
                .envelope("article")
                .is_ok_and(|a| a["title"] == json!(title));
        if !found {
            lost.push(response);
        }
    }
    if let Some(first) = lost.first() {
        return Err(Failure::new(format!(
            "after a SIGKILL during {BURST} concurrent creates and a restart, {} of the {} \
             articles answered 201 are missing: answer only once the transaction has \
             committed. The first:\n{}",
            lost.len(),
            acked.len() + 1,
            first.fail("200 OK with the article created before the crash")
        )));
    }
    Ok(())
}

fn lookups_use_indexes(service: &Service) -> Result<(), Failure> {
    let (app, server) = service.fresh()?;
    server.terminate()?;
    let path = database_file(service, &app);
    expect_tables(&path)?;
    let conn = open_stopped(&path)?;
    for (endpoint, query) in INDEXED_LOOKUPS {
        let plan = query_plan(&conn, query).map_err(|e| {
            Failure::new(format!(
                "EXPLAIN QUERY PLAN {query}\non {} failed: {e}\nThe contract's schema has \
                 the tables articles (id, slug, …), tags (id, name) and article_tags \
                 (article_id, tag_id, …).",
                path.display()
            ))
        })?;
        let full_scans: Vec<&String> = plan
            .iter()
            .filter(|step| step.starts_with("SCAN") || step.contains("AUTOMATIC"))
            .collect();
        if !full_scans.is_empty() {
            return Err(Failure::new(format!(
                "{endpoint} reads every row: the plan of\n  {query}\non {} is\n  {}\n\
                 expected: SEARCH … USING INDEX for every table (no SCAN, no AUTOMATIC \
                 index); a full table scan is fine at 100 articles and slow at 100 000",
                path.display(),
                plan.join("\n  ")
            )));
        }
    }
    Ok(())
}

/// The `detail` column of `EXPLAIN QUERY PLAN query`, one line per step.
pub fn query_plan(conn: &Connection, query: &str) -> rusqlite::Result<Vec<String>> {
    conn.prepare(&format!("EXPLAIN QUERY PLAN {query}"))?
        .query_map([], |row| row.get::<_, String>(3))?
        .collect()
}
