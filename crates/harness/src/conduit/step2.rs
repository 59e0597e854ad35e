//! The step-2 suite: the Conduit articles API on a JSON file, graded black-box over HTTP.
//!
//! Every check starts the learner's binary on a fresh temporary `DATA_DIR`, talks to it like
//! any client would, and stops it. The areas, in grade order:
//!
//! | grade | group         | what it asks                                              |
//! |-------|---------------|-----------------------------------------------------------|
//! | 1     | `server`      | the process protocol: listening line, `/healthz`, a taken port named |
//! | 2     | `articles`    | create, read, list (newest first, tag, limit, offset), update, delete, 404 |
//! | 3     | `comments`    | add, list, delete; 404 on unknown articles and comments   |
//! | 3     | `tags`        | the distinct tags of the stored articles                  |
//! | 4     | `errors`      | 422 field errors, 400/415/413 with the same JSON body, never a 5xx |
//! | 5     | `durability`  | restart, corrupt file, atomic replace, SIGKILL mid-burst  |
//! | 6     | `concurrency` | 100 concurrent creates and 50 concurrent comments, nothing lost |
//! | 7     | `shutdown`    | SIGTERM: in-flight requests answered, exit 0              |
//!
//! A grade file names the binary under test:
//!
//! ```ignore
//! harness::grade(harness::conduit::step2::suite(env!("CARGO_BIN_EXE_step-2"), env!("CARGO_MANIFEST_DIR")))
//! ```

use crate::conduit::{Area, Contract, Row, Storage, Table};
use crate::http::Target;
use crate::suite::Suite;

/// The data file's name inside `DATA_DIR`: part of the step's contract.
pub const DATA_FILE: &str = "conduit.json";

/// What step 2 promises besides its endpoints.
pub const CONTRACT: Contract = Contract {
    storage: Storage::JsonFile(DATA_FILE),
    body_limit: 1024 * 1024,
    auth: false,
};

/// The step-2 suite for the server `target`, whose crate's manifest directory is
/// `manifest_dir`.
pub fn suite(target: impl Into<Target>, manifest_dir: &str) -> Suite {
    TABLE.suite(target.into(), manifest_dir)
}

/// The hint for a taken port, in steps 2 and 3, whose `src/server.rs` is given and already
/// names it.
pub(crate) const GIVEN_SERVER_NAMES_PORT: &str = "when PORT is taken, exit non-zero with an \
     error that names the port: the given src/server.rs does (`cannot listen on \
     127.0.0.1:PORT: …`); keep it when you edit";

pub const TABLE: Table = Table {
    step: &crate::steps::STEPS[1],
    contract: CONTRACT,
    areas: AREAS,
    rows: ROWS,
};

const AREAS: &[Area] = &[
    Area {
        group: "server",
        grade: 1,
        file: "src/server.rs",
    },
    Area {
        group: "articles",
        grade: 2,
        file: "src/handlers/articles.rs",
    },
    Area {
        group: "comments",
        grade: 3,
        file: "src/handlers/comments.rs",
    },
    Area {
        group: "tags",
        grade: 3,
        file: "src/handlers/tags.rs",
    },
    Area {
        group: "errors",
        grade: 4,
        file: "src/extract.rs",
    },
    Area {
        group: "durability",
        grade: 5,
        file: "src/store.rs",
    },
    Area {
        group: "concurrency",
        grade: 6,
        file: "src/store.rs",
    },
    Area {
        group: "shutdown",
        grade: 7,
        file: "src/server.rs",
    },
];

const ROWS: &[Row] = &[
    Row::new(
        "server::prints_listening_line",
        "read PORT (0 = any free port) and DATA_DIR, bind 127.0.0.1:PORT, then print \
                 `listening on http://127.0.0.1:<the port you got>` (ask the listener with \
                 local_addr())",
    ),
    Row::new(
        "server::healthz",
        "GET /healthz answers 200 while the server runs",
    ),
    Row::new("server::port_in_use_is_named", GIVEN_SERVER_NAMES_PORT),
    Row::new(
        "articles::create",
        "POST /api/articles {\"article\": {title, description, body, tagList}} answers 201 \
             with {\"article\": {slug, title, description, body, tagList, createdAt, \
             updatedAt}}; the slug is the title in lower case with dashes. Every write goes \
             through Store::write: do its stage 1 (in memory, src/store.rs) first",
    ),
    Row::new(
        "articles::get_by_slug",
        "GET /api/articles/{slug} answers 200 with the article as it was created",
    ),
    Row::new(
        "articles::unknown_slug_404",
        "GET, PUT and DELETE on a slug that no article has answer 404 with \
             {\"errors\": {\"article\": [\"not found\"]}}",
    ),
    Row::new(
        "articles::unique_slugs",
        "two articles with the same title get different slugs (add -2, -3, …): check \
             whether a slug is taken before using it",
    ),
    Row::new(
        "articles::list_newest_first",
        "GET /api/articles answers {\"articles\": [newest first], \"articlesCount\": n}; \
             list items have every field but the body",
    ),
    Row::new(
        "articles::list_limit_offset",
        "limit defaults to 20; skip `offset` articles, then take `limit`; articlesCount \
             counts every match, not only the page",
    ),
    Row::new(
        "articles::list_by_tag",
        "?tag=rust keeps the articles whose tagList contains \"rust\"; articlesCount \
             counts them",
    ),
    Row::new(
        "articles::update",
        "PUT /api/articles/{slug} {\"article\": {…}} changes only the fields present and \
             answers 200 with the article; a new title brings a new slug",
    ),
    Row::new(
        "articles::delete",
        "DELETE /api/articles/{slug} answers 204 with no body; the article is gone \
             (404) and out of the list",
    ),
    Row::new(
        "comments::add_and_list",
        "POST /api/articles/{slug}/comments {\"comment\": {\"body\": …}} answers 201 with \
             {\"comment\": {id, body, createdAt, updatedAt}} (id: a whole number, unique); GET \
             on the same path answers {\"comments\": [ … ]}",
    ),
    Row::new(
        "comments::delete",
        "DELETE /api/articles/{slug}/comments/{id} answers 204; a comment that is not on \
             that article (deleted already, or another article's) is a 404",
    ),
    Row::new(
        "comments::unknown_article_404",
        "listing, adding or deleting comments of an article that does not exist answers \
             404 with {\"errors\": {\"article\": [\"not found\"]}}",
    ),
    Row::new(
        "tags::distinct_tags",
        "GET /api/tags answers {\"tags\": [ … ]}: every tag of the stored articles, each once; \
         derive them from the articles, so a deleted article's tags go with it",
    ),
    Row::new(
        "errors::missing_fields_422",
        "a missing or blank title, description or body (or comment body) is a 422 whose \
             errors name each field: {\"errors\": {\"title\": [\"can't be blank\"]}}; take the \
             fields as Option<String> and validate them yourself",
    ),
    Row::new(
        "errors::malformed_json_4xx",
        "a body that is not JSON is the client's mistake: 400 with the JSON error body. \
             Wrap axum's Json extractor so its rejection becomes your ApiError",
    ),
    Row::new(
        "errors::wrong_types_4xx",
        "JSON of the wrong shape ({\"article\": {\"title\": 5}}, [] …) is a 4xx (axum's \
             rejection says 422) with the JSON error body",
    ),
    Row::new(
        "errors::wrong_content_type_4xx",
        "a body without Content-Type: application/json is a 415 with the JSON error body \
             (axum's Json rejection has the status; give it your body)",
    ),
    Row::new(
        "errors::body_over_limit_413",
        "bodies over 1 MiB are refused with 413 and the JSON error body: \
             .layer(DefaultBodyLimit::max(1024 * 1024)) on the router; 512 KiB is still fine",
    ),
    Row::new(
        "errors::bad_query_and_path_4xx",
        "?limit=abc, ?offset=-1 and /comments/abc are 4xx with the JSON error body: wrap \
             the Query and Path extractors as you wrapped Json",
    ),
    Row::new(
        "errors::title_too_long_422",
        "bound the title at TITLE_MAX_CHARS (256) characters, on POST and on PUT: a longer \
         one is a 422 with {\"errors\": {\"title\": [\"is too long …\"]}}. The slug is made \
         from the title and travels in every URL of the article",
    ),
    Row::new(
        "durability::survives_restart",
        "start with an empty store when DATA_DIR has no data file; save every change to \
             DATA_DIR/conduit.json and load it at startup",
    ),
    Row::new(
        "durability::corrupt_file_stops_startup",
        "when conduit.json does not parse, exit non-zero before listening, with a message \
             naming the file and the parse error; never overwrite it with an empty store",
    ),
    Row::new(
        "durability::unwritable_dir_stops_startup",
        "in Store::open, before loading, create and remove a small file in DATA_DIR: if that \
         fails, return an OpenError naming the directory, so the server stops at startup \
         instead of answering every write with a 500",
    ),
    Row::new(
        "durability::replaced_by_rename",
        "save by writing a temporary file in DATA_DIR, fsync it, rename it over \
             conduit.json and fsync the directory: rewriting the file in place leaves a \
             half-written file if the process dies mid-write",
    ),
    Row::new(
        "durability::sigkill_during_burst",
        "answer 2xx only after the change is on disk; make every save atomic (temp \
                 file + rename); at startup, remove a temporary file left by a crash",
    ),
    Row::new(
        "concurrency::concurrent_creates",
        "writers must take turns from reading the data to saving it (hold a \
                 tokio::sync::Mutex across the whole change, including the save), and choose \
                 the unique slug inside that turn",
    ),
    Row::new(
        "concurrency::concurrent_comments",
        "comment ids must be handed out inside the writers' turn, and the comment \
                 added to the data that is saved",
    ),
    Row::new(
        "shutdown::sigterm_exits_0",
        "on SIGTERM, stop: axum::serve(..).with_graceful_shutdown(signal) returns once \
                 the signal fires and the connections are done; then return from main",
    ),
    Row::new(
        "shutdown::sigterm_finishes_in_flight",
        "a request in flight when SIGTERM arrives must still be answered (and saved) \
                 before the process exits 0: with_graceful_shutdown does this, process::exit \
                 in a signal handler does not",
    ),
    Row::new(
        "shutdown::stalled_clients_cannot_hold_exit",
        "src/server.rs (given) already copes: header reads time out, and after SIGTERM the \
         requests still running are abandoned after a deadline. If this fails, compare your \
         serve() with the one the step shipped",
    ),
];
