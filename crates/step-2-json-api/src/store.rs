//! The store: all data in memory, saved to one JSON file after every change.
//!
//! Two promises to keep, and how:
//!
//! 1. **Nothing acknowledged is lost, and the file is never half-written.** Save a change
//!    with [`write_durably`] *before* the handler answers 2xx. Writing the data file in place
//!    (`fs::write` truncates it first) leaves half a file if the process dies mid-write.
//!    Instead:
//!    - write the new content to a temporary file in the *same* directory (a rename across
//!      file systems is not atomic, and `/tmp` is often another one);
//!    - `file.sync_all()`: the content is on the disk before any name points at it;
//!    - `fs::rename(temp, path)`: atomic, so a crash leaves the old file or the new one;
//!    - open the directory and `sync_all()` it, so the rename itself is on the disk.
//!
//!    File I/O blocks its thread: run the save with `tokio::task::spawn_blocking`.
//!
//! 2. **No update is lost.** If two requests each read the data, add an article, and save,
//!    the second save drops the first article. Writers must take turns for the whole
//!    read-change-save, including the `.await` on the save. A guard held across an `.await`
//!    must be an async mutex (`tokio::sync::Mutex`); a `std::sync::Mutex` guard must never be
//!    held across one.
//!
//! A deeper point, for when it works: if a client hangs up, axum drops the request's future
//! at its next `.await`, but a `spawn_blocking` save already started runs on. If the turn is
//! released when the future is dropped, the next writer may start while that save is still
//! writing the temporary file. The reference (`cargo kit solution step-2`) moves the turn
//! into the blocking task (`lock_owned` on an `Arc<tokio::sync::Mutex<()>>`) so a save, once
//! started, finishes in its turn.
//!
//! Readers need not wait for the disk: keep the current version as an `Arc<Data>` behind a
//! `std::sync::RwLock`, locked just long enough to clone the `Arc` or swap in a new one.
//!
//! At startup ([`Store::open`]): no file yet means an empty store; a file that does not
//! parse must stop the server with an error naming the path and the parse error, and stay
//! untouched; a temporary file left by a crash mid-save must be removed.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use crate::error::ApiError;
use crate::model::Data;

pub struct Store {
    path: PathBuf,
    /// The writers' turn: held from reading the current version to saving the next.
    turn: tokio::sync::Mutex<()>,
    /// The current version.
    current: RwLock<Arc<Data>>,
}

/// Why the store could not open: the message names the file and what is wrong with it.
#[derive(Debug)]
pub struct OpenError(String);

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OpenError {}

impl Store {
    /// Opens the data file at `path`.
    ///
    /// TODO: this starting version ignores the file and always starts empty. Read it
    /// (`std::fs::read`, `serde_json::from_slice`); a missing file (`io::ErrorKind::NotFound`)
    /// is an empty store; a parse error is an `OpenError` naming `path` and the error.
    pub fn open(path: impl Into<PathBuf>) -> Result<Store, OpenError> {
        let path = path.into();
        Ok(Store {
            path,
            turn: tokio::sync::Mutex::new(()),
            current: RwLock::new(Arc::new(Data::default())),
        })
    }

    /// The current version of the data, to read from. Cheap: it clones an `Arc`.
    pub fn snapshot(&self) -> Arc<Data> {
        self.current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Applies `change` to a copy of the data, saves the copy durably, then makes it the
    /// current version, all in the writers' turn. If `change` returns an error (say, a 404),
    /// nothing is saved. Returns what `change` returned.
    ///
    /// Build it in two stages, so the API works before the file does:
    ///
    /// - **stage 1 (first of all: every write handler needs it), in memory:** take the turn
    ///   (`self.turn.lock().await`), copy the current data (`Data::clone(&self.snapshot())`),
    ///   apply `change` to the copy (return its error if it fails), then swap the copy in
    ///   (`*self.current.write()… = Arc::new(copy)`). The articles, comments and tags checks
    ///   can pass with this alone; the data is gone when the server stops.
    /// - **stage 5, on disk:** between `change` and the swap, serialise the copy and save it
    ///   with [`write_durably`] inside `tokio::task::spawn_blocking`. Then do `Store::open`.
    pub async fn write<T>(
        &self,
        change: impl FnOnce(&mut Data) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let _ = (&self.path, &self.turn, change);
        todo!("stage 1: take the turn, copy the data, apply `change`, swap the copy in")
    }
}

/// Replaces the file at `path` with `bytes`, atomically and durably (see the module docs).
pub fn write_durably(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let _ = (path, bytes);
    todo!("temp file in the same directory, write, sync_all, rename, sync the directory")
}
