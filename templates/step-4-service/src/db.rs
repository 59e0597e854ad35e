//! The database: one SQLite file, its schema, and the two pools every query goes through.
//!
//! SQLite calls block, so they never run on the async runtime's threads: each one runs on
//! tokio's blocking pool (deadpool-sqlite's `interact`). There are two pools:
//!
//! - **readers** (several connections): in WAL mode readers see the last committed state
//!   and never wait for the writer;
//! - **the writer** (exactly one connection): SQLite allows one writer at a time anyway, and
//!   queueing writers here is cheaper and fairer than letting them fight over the file lock.
//!
//! Every write runs inside `BEGIN IMMEDIATE`, which takes the write lock *before* the first
//! read. So a write that reads first ("is this username taken?", "which slug is free?")
//! and then writes cannot be overtaken by another write in between: no lost updates, no
//! duplicate slugs.
//!
//! The schema is in `migrations/`, applied in order at startup by `rusqlite_migration`,
//! which records the version in SQLite's `user_version`.

use std::path::Path;
use std::time::Duration;

use deadpool_sqlite::{Config, Hook, HookError, Pool, Runtime};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};

use crate::error::ApiError;

/// Applied in order; a database remembers how many it has run.
const MIGRATIONS: &[M<'static>] = &[M::up(include_str!("../migrations/01-schema.sql"))];

/// Set on every new connection: these are per connection, not per file.
/// - `foreign_keys`: enforce the `REFERENCES` clauses (off by default, for history's sake);
/// - `synchronous = NORMAL`: in WAL mode a commit survives a crash of the process, and
///   only an OS crash or power cut can lose the last commits; much faster than `FULL`;
/// - `busy_timeout`: wait up to 5 s for a lock instead of failing at once.
const CONNECTION_PRAGMAS: &str = "
    PRAGMA foreign_keys = ON;
    PRAGMA synchronous = NORMAL;
    PRAGMA busy_timeout = 5000;
";

/// How many reader connections to keep.
const READERS: usize = 4;

#[derive(Clone)]
pub struct Db {
    readers: Pool,
    writer: Pool,
}

impl Db {
    /// Creates the file (and its directory) when missing, brings the schema up to date and
    /// opens the pools. Fails when the file is not a database or the directory not writable.
    pub async fn open(path: &Path) -> Result<Db, String> {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let file = path.to_path_buf();
        tokio::task::spawn_blocking(move || migrate(&file))
            .await
            .map_err(|e| format!("migration task failed: {e}"))??;
        Ok(Db {
            readers: pool(path, READERS)?,
            writer: pool(path, 1)?,
        })
    }

    /// Runs `query` on a reader connection, off the runtime.
    pub async fn read<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let connection = self.readers.get().await.map_err(unavailable)?;
        connection
            .interact(move |connection| query(connection))
            .await
            .map_err(|e| ApiError::Internal(format!("database task: {e}")))?
    }

    /// Runs `change` in a `BEGIN IMMEDIATE` transaction on the one writer connection. It is
    /// committed when `change` returns `Ok`, rolled back (nothing saved) when it returns
    /// `Err`.
    pub async fn write<T, F>(&self, change: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Transaction) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let connection = self.writer.get().await.map_err(unavailable)?;
        connection
            .interact(move |connection| {
                let transaction =
                    connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let value = change(&transaction)?;
                transaction.commit()?;
                Ok(value)
            })
            .await
            .map_err(|e| ApiError::Internal(format!("database task: {e}")))?
    }

    /// True when a reader can run a query: what `/readyz` reports.
    pub async fn is_reachable(&self) -> bool {
        self.read(
            |connection| Ok(connection.query_row("SELECT 1", [], |row| row.get::<_, i64>(0))?),
        )
        .await
        .is_ok()
    }
}

fn unavailable(error: impl std::fmt::Display) -> ApiError {
    ApiError::Unavailable("database", format!("no connection: {error}"))
}

/// WAL mode is a property of the file (set once, remembered); the migrations bring the
/// schema to the latest version.
fn migrate(path: &Path) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("database {}: {e}", path.display());
    let mut connection = Connection::open(path).map_err(|e| fail(&e))?;
    connection
        .pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| fail(&e))?;
    connection
        .execute_batch(CONNECTION_PRAGMAS)
        .map_err(|e| fail(&e))?;
    Migrations::from_slice(MIGRATIONS)
        .to_latest(&mut connection)
        .map_err(|e| fail(&e))
}

fn pool(path: &Path, size: usize) -> Result<Pool, String> {
    Config::new(path)
        .builder(Runtime::Tokio1)
        .map_err(|e| format!("database pool: {e}"))?
        .max_size(size)
        .wait_timeout(Some(Duration::from_secs(10)))
        .post_create(Hook::sync_fn(|connection, _| {
            let connection = connection
                .lock()
                .map_err(|_| HookError::message("connection mutex poisoned"))?;
            connection
                .execute_batch(CONNECTION_PRAGMAS)
                .map_err(HookError::Backend)
        }))
        .build()
        .map_err(|e| format!("database pool: {e}"))
}
