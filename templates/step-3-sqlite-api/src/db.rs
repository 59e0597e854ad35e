//! The database: opened once at startup, then used by every request without blocking the
//! async runtime. Stage 1 is [`Db::open`]; stage 2 [`Db::read`]; stage 3 [`Db::write`].
//!
//! Three rules, and what goes wrong without each:
//!
//! 1. **SQLite calls block; run them on tokio's blocking pool.** A query is a plain
//!    function call that waits for the disk (or for a lock). Made on an async worker thread
//!    (there are as many as cores), it stops that worker from serving anybody else: a few
//!    waiting queries, and even `/healthz` waits. So a `std::sync::Mutex<Connection>`
//!    locked inside a handler is the classic mistake. Run each query with
//!    `tokio::task::spawn_blocking` (the helper [`run_blocking`] does it); what may wait
//!    asynchronously is only the turn for a connection.
//!
//! 2. **One writer, a few readers.** SQLite lets one transaction write at a time. With
//!    `journal_mode=WAL`, readers read the last committed version while the writer writes,
//!    so neither waits for the other. Keep one writer connection behind a
//!    `tokio::sync::Mutex` (writers queue asynchronously instead of failing with
//!    `SQLITE_BUSY`), and a few read-only connections handed out under a
//!    `tokio::sync::Semaphore` ([`Readers`], given).
//!
//! 3. **A write that reads first runs in `BEGIN IMMEDIATE`.** "Is this slug taken? No:
//!    insert it" is two statements; if another write lands between them, both requests pick
//!    the same slug. `BEGIN IMMEDIATE` (`TransactionBehavior::Immediate`) takes the write
//!    lock at the start, so what the transaction read is still true when it writes. A plain
//!    `BEGIN` takes it at the first write, and may fail then with `SQLITE_BUSY`.
//!
//! Why no pool crate: the two pools are a few lines here, and every piece is visible.
//! (deadpool-sqlite and tokio-rusqlite do the same things: `spawn_blocking`, or a thread per
//! connection, and an async wait for a free connection. Either is a fine choice later.)
//!
//! Going further, once every check passes (the grader does not ask for it): group commit.
//! For a small write, the commit costs more than the statements (`ci/bench-step3.sh`
//! measures both). The reference gives the writer connection to a thread of its own that
//! takes every change waiting in its queue and commits them in one `BEGIN IMMEDIATE …
//! COMMIT`: each change in its own `SAVEPOINT` (`ROLLBACK TO` it when the change fails, so
//! the others still commit), and each answer sent only after the `COMMIT` returned, so a
//! 2xx still means "committed". With one client nothing waits and nothing changes; with
//! several, many creates share one commit. See `solutions/step-3-sqlite-api/src/writer.rs`.
//!
//! The pragmas, set on every connection when it opens ([`configure`]):
//! - `journal_mode=WAL`: readers and the writer do not block each other; a commit appends
//!   to the `-wal` file instead of rewriting pages in place (a property of the file: the
//!   writer sets it);
//! - `synchronous=NORMAL`: with WAL, a commit survives the process being killed; only a
//!   power cut may lose the last commits (`FULL` fsyncs every commit, several times slower);
//! - `foreign_keys=ON`: off by default in SQLite, and `ON DELETE CASCADE` needs it;
//! - a busy timeout (`conn.busy_timeout(Duration::from_secs(5))`): a connection that finds
//!   the file locked (a checkpoint, a backup, the `sqlite3` shell) retries for that long
//!   instead of failing at once with `SQLITE_BUSY`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, Transaction};
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// What a query closure may fail with: SQLite, or an answer for the client (a 404, a 422).
/// `?` converts both, so a closure can mix `conn.query_row(..)?` and `Err(ApiError::..)?`.
#[derive(Debug)]
pub enum Error {
    Sql(rusqlite::Error),
    Api(ApiError),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Sql(e)
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Error {
        Error::Api(e)
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        match e {
            Error::Api(e) => e,
            // The details go to the log; the client gets a plain 500.
            Error::Sql(e) => ApiError::Internal(format!("database: {e}")),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The open database: one writer, a few readers.
pub struct Db {
    path: PathBuf,
    // Fields drop in order: readers close first, so that the writer, closing last,
    // checkpoints the write-ahead log into the database file.
    readers: Arc<Readers>,
    writer: Arc<tokio::sync::Mutex<Connection>>,
}

impl Db {
    /// Opens (or creates) the database at `path`, sets the pragmas and migrates it.
    ///
    /// TODO (stage 1): this starting version opens an empty in-memory database, so that the
    /// server starts. Instead:
    /// - create the parent directory (`std::fs::create_dir_all`);
    /// - open the writer with `Connection::open(path)`, [`configure`] it, then
    ///   `crate::schema::migrations().to_latest(&mut writer)`;
    /// - open a few readers with `Connection::open_with_flags(path,
    ///   OpenFlags::SQLITE_OPEN_READ_ONLY)`, each configured, and hand them to
    ///   [`Readers::new`].
    ///
    /// Any error is a `String` that names the file: `format!("cannot open the database {}:
    /// {e}", path.display())`. A file that is not a database fails at the first statement
    /// (the `journal_mode` pragma): never delete or recreate it.
    pub fn open(path: &Path) -> Result<Db, String> {
        let writer = Connection::open_in_memory().map_err(|e| e.to_string())?;
        Ok(Db {
            path: path.to_path_buf(),
            readers: Arc::new(Readers::new(Vec::new())),
            writer: Arc::new(tokio::sync::Mutex::new(writer)),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `query` on a reader connection, on the blocking pool, inside one read
    /// transaction (so a count and a page see the same version of the data).
    ///
    /// TODO (stage 2): `let permit = self.readers.permits.clone().acquire_owned().await`
    /// (waiting for a free reader is async); then, inside [`run_blocking`], keep the permit,
    /// take a connection with [`Lease::take`], begin `connection.transaction()?`, run
    /// `query(&transaction)?` and `transaction.finish()?`.
    pub async fn read<T: Send + 'static>(
        &self,
        query: impl FnOnce(&Connection) -> Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _ = query;
        Err(ApiError::todo(
            "src/db.rs: Db::read, a reader connection in spawn_blocking (stage 2)",
        ))
    }

    /// Runs `change` in a `BEGIN IMMEDIATE` transaction on the writer connection, on the
    /// blocking pool, and commits it; an `Err` from `change` rolls everything back.
    ///
    /// TODO (stage 3): `let mut writer = self.writer.clone().lock_owned().await` (writers
    /// queue here, asynchronously); move the guard into [`run_blocking`], and there
    /// `writer.transaction_with_behavior(TransactionBehavior::Immediate)?`, run
    /// `change(&transaction)?`, then `transaction.commit()?`. Owning the guard inside the
    /// blocking task matters: if the client hangs up, axum drops the request's future, but
    /// the task runs on; the next writer must not start before it is done.
    pub async fn write<T: Send + 'static>(
        &self,
        change: impl FnOnce(&Transaction) -> Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _ = (&self.writer, change);
        Err(ApiError::todo(
            "src/db.rs: Db::write, the writer in BEGIN IMMEDIATE in spawn_blocking (stage 3)",
        ))
    }
}

/// Sets the pragmas of one connection (see the module docs). `journal_mode` is a property
/// of the file: only the writer sets it (`pragma_update(None, "journal_mode", "WAL")`);
/// readers, opened read-only, find it set.
///
/// TODO (stage 1): the busy timeout, then journal_mode (writer only), synchronous and
/// foreign_keys with `conn.pragma_update(None, name, value)`.
pub fn configure(conn: &Connection, writer: bool) -> rusqlite::Result<()> {
    let _ = (conn, writer);
    Ok(())
}

/// Runs `job` on tokio's blocking pool and waits for it without blocking the runtime.
pub async fn run_blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|e| ApiError::Internal(format!("a database task failed: {e}")))?
        .map_err(ApiError::from)
}

/// The readers' pool: idle read-only connections, and one permit per connection, so that
/// waiting for one is an async wait (`permits.clone().acquire_owned().await`).
pub struct Readers {
    pub permits: Arc<Semaphore>,
    idle: Mutex<Vec<Connection>>,
}

impl Readers {
    pub fn new(connections: Vec<Connection>) -> Readers {
        Readers {
            permits: Arc::new(Semaphore::new(connections.len())),
            idle: Mutex::new(connections),
        }
    }
}

/// A reader connection taken from the idle list (hold a permit first); given back when
/// dropped, even if the query panicked.
pub struct Lease<'a> {
    readers: &'a Readers,
    connection: Option<Connection>,
}

impl<'a> Lease<'a> {
    pub fn take(readers: &'a Readers) -> Lease<'a> {
        let connection = readers
            .idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .pop();
        Lease {
            readers,
            connection,
        }
    }

    pub fn connection(&mut self) -> &mut Connection {
        self.connection
            .as_mut()
            .expect("a permit guarantees an idle connection")
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Some(connection) = self.connection.take() {
            self.readers
                .idle
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push(connection);
        }
    }
}
