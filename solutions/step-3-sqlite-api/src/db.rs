//! The database: opened once at startup, then used by every request without blocking the
//! async runtime.
//!
//! Three rules, and what goes wrong without each:
//!
//! 1. **SQLite calls block; they run on tokio's blocking pool.** A query is a plain
//!    function call that waits for the disk. Made on an async worker thread (there are as
//!    many as cores), it stops that worker from serving anybody else: a few slow queries
//!    and even `/healthz` waits. [`Db::read`] and [`Db::write`] run the closure with
//!    `spawn_blocking`; what waits asynchronously is only the turn for a connection.
//!
//! 2. **One writer, many readers.** SQLite lets one transaction write at a time. With
//!    `journal_mode=WAL`, readers read the last committed version while the writer writes,
//!    so they never wait for it. The writer is one connection owned by a thread of its own
//!    ([`crate::writer`]): requests queue their changes to it (instead of failing with
//!    `SQLITE_BUSY`), and it commits the changes waiting together, each in its own
//!    savepoint, answering each only after the commit (group commit). Readers are a few
//!    read-only connections, handed out under a semaphore.
//!
//! 3. **A write that reads first runs in `BEGIN IMMEDIATE`.** "Is this slug taken? No:
//!    insert it" is two statements; if another write lands between them, both requests pick
//!    the same slug. `BEGIN IMMEDIATE` takes the write lock at the start, so what the
//!    transaction read is still true when it writes. (A plain `BEGIN` takes it at the first
//!    write, and fails with `SQLITE_BUSY` when another writer got there first.)
//!
//! The pragmas, set on every connection when it opens:
//! - `journal_mode=WAL`: readers and the writer do not block each other; a commit appends to
//!   the `-wal` file instead of rewriting pages in place (it is a property of the file, set
//!   once by the writer);
//! - `synchronous=NORMAL`: with WAL, a commit survives the process being killed; only a
//!   power cut may lose the last commits (`FULL` fsyncs each commit, several times slower);
//! - `foreign_keys=ON`: off by default in SQLite, and `ON DELETE CASCADE` needs it;
//! - `busy_timeout`: a connection that finds the file locked (a checkpoint, another
//!   process) retries for this long instead of failing at once with `SQLITE_BUSY`.
//!
//! Why no pool crate: the readers' pool and the writer thread are short and show every
//! piece (deadpool-sqlite and tokio-rusqlite do the same: `spawn_blocking` or a thread per
//! connection, and an async wait for a free connection; neither commits in groups).
//!
//! The simpler writer, which the step's stub teaches first and which passes every check:
//! the connection behind a `tokio::sync::Mutex`, each change in its own `BEGIN IMMEDIATE`
//! on the blocking pool. The writer thread does the same work, minus one commit per create
//! when requests arrive together (`ci/bench-step3.sh` shows what that buys).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::Migrations;
use tokio::sync::Semaphore;

use crate::ApiError;
use crate::writer::Writer;

/// How a connection is set up. [`Settings::REFERENCE`] is the right one; the kit's
/// known-wrong fixtures pass others to prove that the grader notices.
#[derive(Clone, Copy)]
pub struct Settings {
    pub journal_mode: &'static str,
    pub synchronous: &'static str,
    pub busy_timeout: Duration,
    /// Read-only connections for the readers' pool.
    pub readers: usize,
    pub migrations: fn() -> Migrations<'static>,
}

impl Settings {
    pub const REFERENCE: Settings = Settings {
        journal_mode: "WAL",
        synchronous: "NORMAL",
        busy_timeout: Duration::from_secs(5),
        readers: 4,
        migrations: crate::schema::migrations,
    };
}

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
    // Fields drop in this order: the readers close first, so that the writer, closing last,
    // checkpoints the write-ahead log into the database file and removes it.
    readers: Arc<Readers>,
    writer: Writer,
}

struct Readers {
    /// One permit per idle connection: waiting for a connection is an async wait.
    permits: Arc<Semaphore>,
    idle: Mutex<Vec<Connection>>,
}

impl Db {
    /// Opens (or creates) the database at `path` with the reference settings.
    pub fn open(path: &Path) -> Result<Db, String> {
        Db::open_with(path, Settings::REFERENCE)
    }

    /// Opens (or creates) the database at `path`, sets the pragmas and migrates it to the
    /// latest schema. A file that is not a database, or whose schema cannot be migrated, is
    /// an error that names the file; the file is left as it was.
    pub fn open_with(path: &Path, settings: Settings) -> Result<Db, String> {
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            format!("cannot {what} the database {}: {e}", path.display())
        };
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| fail("create the directory of", &e))?;
        }
        let mut writer = Connection::open(path).map_err(|e| fail("open", &e))?;
        configure(&writer, &settings, true).map_err(|e| fail("open", &e))?;
        (settings.migrations)()
            .to_latest(&mut writer)
            .map_err(|e| fail("migrate", &e))?;
        let readers = (0..settings.readers)
            .map(|_| {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let reader = Connection::open_with_flags(path, flags)?;
                configure(&reader, &settings, false)?;
                Ok(reader)
            })
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| fail("open a reader of", &e))?;
        let writer = Writer::start(writer).map_err(|e| fail("start the writer of", &e))?;
        Ok(Db {
            path: path.to_path_buf(),
            writer,
            readers: Arc::new(Readers {
                permits: Arc::new(Semaphore::new(readers.len())),
                idle: Mutex::new(readers),
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `query` on a reader connection, on the blocking pool, inside one read
    /// transaction (so a count and a page see the same version of the data).
    pub async fn read<T: Send + 'static>(
        &self,
        query: impl FnOnce(&Connection) -> Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = self.readers.permits.clone().acquire_owned().await;
        let permit = permit.map_err(|e| ApiError::Internal(format!("reader pool: {e}")))?;
        let readers = self.readers.clone();
        run_blocking(move || {
            let _permit = permit;
            let mut lease = Lease::take(&readers);
            let transaction = lease.connection().transaction()?;
            let answer = query(&transaction)?;
            transaction.finish()?;
            Ok(answer)
        })
        .await
    }

    /// Runs `change` in a `BEGIN IMMEDIATE` transaction on the writer connection and
    /// answers once it is committed; an `Err` from `change` rolls back what it did, and only
    /// that. Changes queued at the same time share the transaction, each in its own
    /// savepoint (see [`crate::writer`]); they run one after the other, so what a change
    /// reads is still true when it writes.
    pub async fn write<T: Send + 'static>(
        &self,
        change: impl FnOnce(&Connection) -> Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        self.writer.change(change).await
    }

    /// The writer connection for a whole job that is not a request (the import): runs `job`
    /// on the writer thread with the connection to itself.
    pub async fn with_writer<T: Send + 'static>(
        &self,
        job: impl FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        self.writer.whole(job).await
    }
}

/// Sets the pragmas of one connection (see the module docs). `journal_mode` is a property
/// of the file: the writer sets it, readers (read-only) find it.
pub fn configure(conn: &Connection, settings: &Settings, writer: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(settings.busy_timeout)?;
    if writer {
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", settings.journal_mode, |row| {
                row.get(0)
            })?;
        if !mode.eq_ignore_ascii_case(settings.journal_mode) {
            tracing::warn!("journal_mode is {mode}, not {}", settings.journal_mode);
        }
    }
    conn.pragma_update(None, "synchronous", settings.synchronous)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

async fn run_blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|e| ApiError::Internal(format!("a database task failed: {e}")))?
        .map_err(ApiError::from)
}

/// A reader connection taken from the idle list; given back when dropped, even if the
/// query panicked.
struct Lease<'a> {
    readers: &'a Readers,
    connection: Option<Connection>,
}

impl<'a> Lease<'a> {
    fn take(readers: &'a Readers) -> Lease<'a> {
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

    fn connection(&mut self) -> &mut Connection {
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
