//! The database: one SQLite file, its schema, and the two pools every query goes through.
//!
//! SQLite calls block their thread until they are done, so work whose length has no bound
//! runs on tokio's blocking pool (`spawn_blocking`), never on the async runtime's threads;
//! what waits asynchronously is only the turn for a connection. There are two pools:
//!
//! - **readers** (a few read-only connections, handed out under a semaphore): in WAL mode
//!   readers see the last committed state and never wait for the writer's lock. A read
//!   whose work is bounded, a row or two found by a unique key, is a [`Db::lookup`]: it runs
//!   right where it is awaited, because the hop to the blocking pool and back (two thread
//!   wake-ups) costs more than the lookup itself (measured: `ci/bench-step4.sh`). Anything
//!   that scans (lists, counts, searches) is a [`Db::read`], on the blocking pool;
//! - **the writer** (one connection behind a `tokio::sync::Mutex`): SQLite allows one
//!   writer at a time anyway, and queueing writers here is cheaper and fairer than letting
//!   them fight over the file lock. The lock's guard moves into the blocking task, so a
//!   request cancelled mid-transaction cannot let the next writer in early.
//!
//! Every write runs inside `BEGIN IMMEDIATE`, which takes the write lock *before* the first
//! read. So a write that reads first ("is this username taken?", "which slug is free?")
//! and then writes cannot be overtaken by another write in between: no lost updates, no
//! duplicate slugs. Every read runs inside one read transaction, so a count and the page
//! it belongs to see the same version of the data.
//!
//! The schema is in `migrations/`, applied in order at startup by `rusqlite_migration`,
//! which records the version in SQLite's `user_version`.
//!
//! (No pool crate: the two pools are a few dozen lines that show every piece; the step-3
//! service has the same design.)

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};
use tokio::sync::{OwnedMutexGuard, Semaphore};

use crate::error::ApiError;

/// Applied in order; a database remembers how many it has run.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../migrations/01-schema.sql")),
    M::up(include_str!("../migrations/02-tags-in-order.sql")),
];

/// Set on every connection when it opens: these are per connection, not per file.
/// - `foreign_keys`: enforce the `REFERENCES` clauses (off by default, for history's sake);
/// - `synchronous = NORMAL`: in WAL mode a commit survives a crash of the process, and
///   only an OS crash or power cut can lose the last commits; much faster than `FULL`;
/// - `busy_timeout`: wait up to 5 s for a lock instead of failing at once.
const CONNECTION_PRAGMAS: &str = "
    PRAGMA foreign_keys = ON;
    PRAGMA synchronous = NORMAL;
    PRAGMA busy_timeout = 5000;
";

/// Prepared statements kept per connection: more than the service has (rusqlite keeps 16
/// by default, and past that re-parses the least recently used one on every use).
const STATEMENT_CACHE: usize = 64;

/// How many reader connections to keep.
const READERS: usize = 4;

#[derive(Clone)]
pub struct Db {
    // Fields drop in this order: the readers close first, so that the writer, closing last,
    // checkpoints the write-ahead log into the database file.
    readers: Arc<Readers>,
    writer: Arc<tokio::sync::Mutex<Connection>>,
}

struct Readers {
    /// One permit per idle connection: waiting for a connection is an async wait.
    permits: Arc<Semaphore>,
    idle: Mutex<Vec<Connection>>,
}

impl Db {
    /// Creates the file (and its directory) when missing, sets WAL mode, brings the schema
    /// up to date and opens the connections. Fails, naming the file, when it is not a
    /// database or the directory is not writable.
    pub async fn open(path: &Path) -> Result<Db, String> {
        let path = path.to_path_buf();
        tokio::task::spawn_blocking(move || Db::open_now(&path))
            .await
            .map_err(|e| format!("opening the database: {e}"))?
    }

    fn open_now(path: &Path) -> Result<Db, String> {
        let fail = |e: &dyn std::fmt::Display| format!("database {}: {e}", path.display());
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let mut writer = Connection::open(path).map_err(|e| fail(&e))?;
        // WAL is a property of the file: set once by the writer, found by the readers.
        writer
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| fail(&e))?;
        writer
            .execute_batch(CONNECTION_PRAGMAS)
            .map_err(|e| fail(&e))?;
        writer.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Migrations::from_slice(MIGRATIONS)
            .to_latest(&mut writer)
            .map_err(|e| fail(&e))?;
        let readers = (0..READERS)
            .map(|_| {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let reader = Connection::open_with_flags(path, flags)?;
                reader.execute_batch(CONNECTION_PRAGMAS)?;
                reader.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
                Ok(reader)
            })
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| fail(&e))?;
        Ok(Db {
            readers: Arc::new(Readers {
                permits: Arc::new(Semaphore::new(readers.len())),
                idle: Mutex::new(readers),
            }),
            writer: Arc::new(tokio::sync::Mutex::new(writer)),
        })
    }

    /// Runs `query` on a reader connection, off the runtime, in one read transaction.
    pub async fn read<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let permit = self.readers.permits.clone().acquire_owned().await;
        let permit = permit.map_err(|e| ApiError::Internal(format!("reader pool: {e}")))?;
        let readers = self.readers.clone();
        run_blocking(move || {
            let _permit = permit;
            readers.run(query)
        })
        .await
    }

    /// Runs `query` on a reader connection in one read transaction, on the calling thread.
    ///
    /// Only for lookups by a unique key (`WHERE slug = ?`, `WHERE id = ?`): a few B-tree
    /// pages, almost always in SQLite's page cache, and no lock to wait for (a WAL reader
    /// never waits for the writer). That is microseconds, less than handing the work to
    /// another thread and waking this task again. A query whose work grows with the data
    /// (a list, a count, a `LIKE`) goes through [`Db::read`].
    pub async fn lookup<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Connection) -> Result<T, ApiError>,
    {
        let permit = self.readers.permits.acquire().await;
        let _permit = permit.map_err(|e| ApiError::Internal(format!("reader pool: {e}")))?;
        self.readers.run(query)
    }

    /// Runs `change` in a `BEGIN IMMEDIATE` transaction on the one writer connection. It is
    /// committed when `change` returns `Ok`, rolled back (nothing saved) when it returns
    /// `Err`.
    pub async fn write<T, F>(&self, change: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Transaction) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let mut writer: OwnedMutexGuard<Connection> = self.writer.clone().lock_owned().await;
        run_blocking(move || {
            let transaction = writer.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let answer = change(&transaction)?;
            transaction.commit()?;
            Ok(answer)
        })
        .await
    }

    /// True when a reader can run a query: what `/readyz` reports.
    pub async fn is_reachable(&self) -> bool {
        self.read(|connection| {
            Ok(
                connection.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
                    row.get::<_, i64>(0)
                })?,
            )
        })
        .await
        .is_ok()
    }
}

async fn run_blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|e| ApiError::Internal(format!("a database task failed: {e}")))?
}

impl Readers {
    /// Runs `query` in a read transaction on an idle connection. The caller holds a permit.
    fn run<T>(
        &self,
        query: impl FnOnce(&Connection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut lease = Lease::take(self);
        let transaction = ReadTransaction::begin(lease.connection())?;
        let answer = query(transaction.0)?;
        transaction.end()?;
        Ok(answer)
    }
}

/// A read transaction, begun and ended by statements prepared once per connection.
/// (rusqlite's `Transaction` parses `BEGIN` and `COMMIT` anew each time: for a lookup by
/// key, parsing them cost more than the lookup.) Ended when dropped, also after an error
/// or a panic in the query, so the connection goes back to the pool with no transaction
/// open.
struct ReadTransaction<'c>(&'c Connection);

impl<'c> ReadTransaction<'c> {
    fn begin(connection: &'c Connection) -> rusqlite::Result<ReadTransaction<'c>> {
        connection.prepare_cached("BEGIN")?.execute([])?;
        Ok(ReadTransaction(connection))
    }

    /// Ends it; a read has nothing to commit, so `COMMIT` only releases the snapshot.
    fn end(self) -> rusqlite::Result<()> {
        self.0.prepare_cached("COMMIT")?.execute([])?;
        Ok(())
    }
}

impl Drop for ReadTransaction<'_> {
    fn drop(&mut self) {
        // Still open only when the query failed or panicked (or `COMMIT` did).
        if !self.0.is_autocommit() {
            let _ = self.0.execute_batch("ROLLBACK");
        }
    }
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
