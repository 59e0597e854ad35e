//! The step-3 suite: step 2's Conduit contract on SQLite, graded black-box over HTTP and by
//! looking at the database file once the server has stopped.
//!
//! The areas, in grade order (each passes on its own once the ones before it do):
//!
//! | grade | group          | what it asks                                                |
//! |-------|----------------|-------------------------------------------------------------|
//! | 1     | `server`       | the process protocol: listening line, `/healthz`, a taken port, SIGTERM |
//! | 2     | `database`     | `DATABASE_PATH`, migrations at startup, indexed lookups, a bad file stops startup |
//! | 3     | `reads`        | the read endpoints on rows the grader stored itself (no write path needed) |
//! | 4     | `articles`     | step 2's articles checks, now as SQL                        |
//! | 5     | `comments`, `tags` | step 2's checks                                         |
//! | 6     | `errors`, `injection` | client mistakes are 4xx; SQL-looking text stored verbatim |
//! | 7     | `durability`, `crash` | restart; SIGKILL mid-burst: integrity ok, nothing acknowledged lost |
//! | 8     | `concurrency`, `transactions`, `runtime` | no lost update, no `SQLITE_BUSY`, queries off the runtime |
//! | 9     | `growth`       | bytes written per create stay flat from 100 to 1 600 articles |
//! | 10    | `import`       | `step-3 import conduit.json`: faithful, idempotent, all or nothing |
//! | 11    | `shutdown`     | in-flight requests answered on SIGTERM                      |
//!
//! The README's stages map onto it: schema and open (`server`, `database`), reads
//! (`reads`), writes (`articles` to `growth`, and `shutdown`), import (`import`). The
//! reference's fixture set proves that each stage passes on a crate where only it and the
//! stages before it are done (the fixtures `stage_schema`, `stage_reads`, `stage_writes`).
//!
//! Not graded here, and why:
//! - `errors::wrong_types_4xx` and `errors::wrong_content_type_4xx`: what they grade is the
//!   extractors and the request types (`extract.rs`, `model.rs`: a wrong JSON type, an
//!   array where an object belongs, no `Content-Type`, all answered 4xx with the error body
//!   before the handler runs). Step 3 gives both files ready-made, and every handler's
//!   given signature already uses them, so the pristine stub answers every bad request of
//!   both checks correctly, before its handler's 501 (measured on the stub: 422 with the
//!   error body for each wrong type, 415 for `text/plain` and for no `Content-Type`).
//!   `wrong_content_type_4xx` would pass on a fresh clone; `wrong_types_4xx` would fail
//!   there only because it first creates an article to update, which grades
//!   `articles::create` a second time, not the learner's handling of bad types. A learner
//!   who swaps the given extractor for `axum::Json` (plain-text rejections) is caught by
//!   `errors::malformed_json_4xx`. Step 2, where the learner writes the extractors, grades
//!   both.
//! - the JSON-file checks of `durability` have SQLite versions in `database` and `crash`.
//!
//! A grade file names the binary under test:
//!
//! ```ignore
//! harness::grade(harness::conduit::step3::suite(env!("CARGO_BIN_EXE_step-3"), env!("CARGO_MANIFEST_DIR")))
//! ```

use crate::conduit::{Area, Contract, Row, Storage, Table};
use crate::http::Target;
use crate::suite::Suite;

/// The database's file name inside `DATA_DIR` when `DATABASE_PATH` is not set.
pub const DATABASE_FILE: &str = "conduit.db";

/// What step 3 promises besides its endpoints (step 2's, on SQLite).
pub const CONTRACT: Contract = Contract {
    storage: Storage::Sqlite(DATABASE_FILE),
    body_limit: 1024 * 1024,
    auth: false,
};

/// The step-3 suite for the server `target`, whose crate's manifest directory is
/// `manifest_dir`.
pub fn suite(target: impl Into<Target>, manifest_dir: &str) -> Suite {
    TABLE.suite(target.into(), manifest_dir)
}

pub const TABLE: Table = Table {
    step: &crate::steps::STEPS[2],
    contract: CONTRACT,
    areas: AREAS,
    rows: ROWS,
};

const fn area(group: &'static str, grade: u8, file: &'static str) -> Area {
    Area { group, grade, file }
}

const AREAS: &[Area] = &[
    area("server", 1, "src/server.rs"),
    area("database", 2, "src/db.rs"),
    area("reads", 3, "src/handlers/articles.rs"),
    area("articles", 4, "src/handlers/articles.rs"),
    area("comments", 5, "src/handlers/comments.rs"),
    area("tags", 5, "src/handlers/tags.rs"),
    area("errors", 6, "src/handlers/articles.rs"),
    area("injection", 6, "src/handlers/articles.rs"),
    area("durability", 7, "src/db.rs"),
    area("crash", 7, "src/db.rs"),
    area("concurrency", 8, "src/db.rs"),
    area("transactions", 8, "src/db.rs"),
    area("runtime", 8, "src/db.rs"),
    area("growth", 9, "src/handlers/articles.rs"),
    area("import", 10, "src/import.rs"),
    area("shutdown", 11, "src/server.rs"),
];

const ROWS: &[Row] = &[
    Row::new(
        "server::prints_listening_line",
        "given code (main.rs, server.rs): it prints `listening on http://127.0.0.1:<port>` \
         once bound; if this fails, Db::open is stuck or panicking before the server starts",
    ),
    Row::new(
        "server::healthz",
        "GET /healthz answers 200 while the server runs (given in handlers/health.rs)",
    ),
    Row::new(
        "server::port_in_use_is_named",
        crate::conduit::step2::GIVEN_SERVER_NAMES_PORT,
    ),
    Row::new(
        "shutdown::sigterm_exits_0",
        "on SIGTERM the given server.rs returns from serve and main exits 0: keep it",
    ),
    Row::new(
        "database::honours_database_path",
        "Db::open(path): create the parent directory (std::fs::create_dir_all), open the \
         file with Connection::open, set the pragmas and run the migrations at startup. \
         main.rs passes DATABASE_PATH (default DATA_DIR/conduit.db)",
    ),
    Row::new(
        "database::not_a_database_stops_startup",
        "Db::open must return an error naming the file when SQLite refuses it (`file is not \
         a database` comes from the first statement, e.g. the journal_mode pragma); main \
         then exits non-zero. Never delete or recreate the file",
    ),
    Row::new(
        "database::lookups_use_indexes",
        "add indexes in a migration: articles(slug) (UNIQUE), tags(name) (UNIQUE) and \
         article_tags(tag_id, …), so the slug lookup and the tag filter SEARCH instead of \
         SCAN",
    )
    .in_file("src/schema.rs"),
    Row::new(
        "reads::article_by_slug",
        "GET /api/articles/{slug} on rows the grader stored itself (no write path needed yet)\n\
         Db::read: a reader connection inside spawn_blocking, in one read transaction\n\
         SELECT … FROM articles WHERE slug = ?1 (none is ApiError::NotFound(\"article\")), \
         then its tags JOIN tags … ORDER BY article_tags.position, not by tag id",
    ),
    Row::new(
        "reads::list_pages_and_tag",
        "GET /api/articles on 25 articles the grader stored itself: newest first, 20 by default\n\
         ORDER BY id DESC LIMIT ?1 OFFSET ?2; ?tag= joins article_tags and tags (WHERE \
         tags.name = ?1)\n\
         articlesCount is a count(*) with the same filter, not the page's length; list items \
         leave out the body",
    ),
    Row::new(
        "reads::comments_and_tags",
        "the comments of an article the grader stored itself, and GET /api/tags\n\
         comments: the article's id by slug (404 if none), then SELECT … FROM comments WHERE \
         article_id = ?1 ORDER BY id\n\
         tags: SELECT DISTINCT tags.name FROM tags JOIN article_tags …, so a tag no article \
         uses is not listed",
    )
    .in_file("src/handlers/comments.rs"),
    Row::new(
        "articles::create",
        "POST /api/articles: validate as in step 2, then state.db.write(move |tx| …): \
         choose a free slug, INSERT the article, link its tags; answer 201 with the article",
    ),
    Row::new(
        "articles::get_by_slug",
        "GET /api/articles/{slug}: state.db.read(move |conn| …) with SELECT … WHERE slug = ?1 \
         and the tags in their order (ORDER BY position)",
    ),
    Row::new(
        "articles::unknown_slug_404",
        "GET, PUT and DELETE on an unknown slug: query_row(..).optional()? gives None; \
         answer ApiError::NotFound(\"article\") (404), never a 500",
    ),
    Row::new(
        "articles::unique_slugs",
        "before inserting, look the slug up (SELECT id FROM articles WHERE slug = ?1) and \
         try -2, -3, … inside the same write transaction",
    ),
    Row::new(
        "articles::list_newest_first",
        "GET /api/articles: ORDER BY id DESC (ids grow with each insert); list items have \
         every field but the body",
    ),
    Row::new(
        "articles::list_limit_offset",
        "LIMIT ?1 OFFSET ?2 in the SQL (limit defaults to 20); articlesCount is a separate \
         SELECT count(*) with the same filter, not the page's length",
    ),
    Row::new(
        "articles::list_by_tag",
        "?tag=rust: filter in SQL, joining article_tags and tags (WHERE tags.name = ?1), \
         and count with the same join; never load every article and filter in Rust",
    ),
    Row::new(
        "articles::update",
        "PUT: in one write transaction, find the id by slug, UPDATE only the fields present \
         (a new title: a new free slug), set updated_at, and answer the article as stored",
    ),
    Row::new(
        "articles::delete",
        "DELETE FROM articles WHERE slug = ?1; 0 rows changed is a 404. With foreign_keys=ON \
         and ON DELETE CASCADE its tags links and comments go too",
    ),
    Row::new(
        "comments::add_and_list",
        "INSERT INTO comments … and take the id from last_insert_rowid() (AUTOINCREMENT: \
         never reused); list them ORDER BY id",
    ),
    Row::new(
        "comments::delete",
        "DELETE FROM comments WHERE id = ?1 AND article_id = ?2: a comment of another \
         article is not this article's to delete (404)",
    ),
    Row::new(
        "comments::unknown_article_404",
        "look the article up first in the same closure; an unknown slug is \
         ApiError::NotFound(\"article\")",
    ),
    Row::new(
        "tags::distinct_tags",
        "SELECT DISTINCT tags.name … JOIN article_tags …: only tags some article still \
         uses, each once",
    ),
    Row::new(
        "errors::missing_fields_422",
        "validate before touching the database, as in step 2 (FieldErrors); a 422 must not \
         have written anything",
    ),
    Row::new(
        "errors::malformed_json_4xx",
        "the given extractors answer 400; this fails only while create or update do",
    ),
    Row::new(
        "errors::body_over_limit_413",
        "a 512 KiB body must still be stored (TEXT has no small limit); over 1 MiB the \
         given body limit answers 413",
    ),
    Row::new(
        "errors::bad_query_and_path_4xx",
        "the given extractors reject ?limit=abc, ?offset=-1 and /comments/abc; limit=0 is \
         your 422",
    ),
    Row::new(
        "injection::stored_verbatim",
        "pass every value as a parameter (params![title, …] with ?1, ?2 in the SQL); never \
         build SQL with format!: a quote in a title then breaks (or rewrites) the statement",
    ),
    Row::new(
        "durability::survives_restart",
        "everything lives in the database file: nothing kept only in memory, and the schema \
         migrations must not drop or recreate tables at startup",
    ),
    Row::new(
        "crash::sigkill_during_burst",
        "answer 2xx only after tx.commit() returned; with journal_mode=WAL and \
         synchronous=NORMAL a committed transaction survives a killed process",
    ),
    Row::new(
        "concurrency::concurrent_creates",
        "the slug check and the INSERT must be in one transaction begun with \
         TransactionBehavior::Immediate on the one writer connection",
    ),
    Row::new(
        "concurrency::concurrent_comments",
        "let SQLite hand out comment ids (INTEGER PRIMARY KEY AUTOINCREMENT); never compute \
         max(id) + 1 outside the write transaction",
    ),
    Row::new(
        "transactions::concurrent_updates_keep_every_field",
        "read and write in the same BEGIN IMMEDIATE transaction (Db::write), and UPDATE only \
         the fields the request changes: writing back a row read earlier undoes the PUTs \
         that landed in between",
    ),
    Row::new(
        "transactions::reads_never_busy",
        "journal_mode=WAL (readers never wait for the writer), a busy_timeout on every \
         connection, and one writer connection that writers queue for (an async mutex), so \
         SQLITE_BUSY never reaches a client",
    ),
    Row::new(
        "runtime::health_answers_while_queries_wait",
        "run every SQLite call inside tokio::task::spawn_blocking (Db::read / Db::write): a \
         query made directly in a handler (say, through a std::sync::Mutex<Connection>) \
         blocks a runtime worker, and the whole server waits with it",
    ),
    Row::new(
        "growth::bytes_per_create_flat",
        "a create inserts rows; it must not rewrite the table (no DELETE-all-and-reinsert, \
         no VACUUM per write, no JSON file beside the database)",
    ),
    Row::new(
        "import::round_trip",
        "import: parse the file as step 2's Data (model.rs), then INSERT each article with \
         its own slug, timestamps and tags, and each comment with its own id",
    ),
    Row::new(
        "import::twice_is_once",
        "skip an article whose slug is already in the database, and a comment whose id is \
         (INSERT OR IGNORE, or look it up first)",
    ),
    Row::new(
        "import::bad_file_changes_nothing",
        "parse the whole file before writing anything, and insert everything in one \
         transaction; on error, print a message naming the file and exit non-zero",
    ),
    Row::new(
        "shutdown::sigterm_finishes_in_flight",
        "a request in flight on SIGTERM must still be answered and committed: keep the given \
         with_graceful_shutdown, and let a transaction that started finish",
    ),
];
