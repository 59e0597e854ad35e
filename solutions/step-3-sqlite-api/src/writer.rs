//! The one writer: a thread of its own that owns the writer connection and runs every
//! change, committing the changes that wait in its queue together (group commit).
//!
//! Why a thread and a queue rather than a `Mutex<Connection>` taken by each request:
//!
//! - **A commit is the expensive part of a small write.** SQLite's commit appends the
//!   transaction to the write-ahead log and updates its index: for a create of five small
//!   statements, the commit costs about five times the statements (measured by
//!   `ci/bench-step3.sh`: some 4 µs of statements, some 20 µs for the create in its own
//!   transaction). When several requests write at once, the writer takes every job
//!   already waiting and runs them in one `BEGIN IMMEDIATE … COMMIT`: one commit for many
//!   creates. With one client nothing waits, and a batch is one job: the same as before.
//! - **Each job in its own `SAVEPOINT`.** A job that fails (a 404, a constraint, even a
//!   panic) is rolled back to its savepoint, alone; the others of the batch still commit.
//! - **Every reply after `COMMIT`.** A job's answer is held until the batch is committed,
//!   so a 2xx still means "committed": killed right after, the server loses nothing it
//!   acknowledged. If the commit fails, every job of the batch gets the error.
//! - **One thread owns the connection**, so no lock is needed, and no write ever runs on
//!   an async worker thread: a request's future only waits for its answer (a
//!   `oneshot` channel). A request cancelled by its client leaves its job in the queue:
//!   it runs and commits; only the answer has nobody to go to.
//!
//! The import, which runs its own transaction, is a [`Writer::whole`] job: it gets the
//! connection to itself, between two batches.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;

use rusqlite::Connection;
use tokio::sync::oneshot;

use crate::ApiError;
use crate::db::{Error, Result};

/// The most changes committed in one transaction.
pub const MAX_BATCH: usize = 64;

/// Owns the writer thread; dropping it lets the thread finish the queue and close the
/// connection (which checkpoints the write-ahead log into the database file).
pub struct Writer {
    jobs: Option<mpsc::Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    /// Transactions committed so far, each holding one batch of changes.
    commits: Arc<AtomicU64>,
}

enum Job {
    /// The change of one request: runs in a savepoint of the current batch.
    Change(Box<dyn Change>),
    /// A job that needs the connection to itself (the import): runs alone.
    Whole(Box<dyn FnOnce(&mut Connection) + Send>),
}

/// A change waiting in the queue, with the channel its answer goes back on.
trait Change: Send {
    /// Runs the change in its own savepoint. Returns how to answer once the batch's commit
    /// is known, and whether the savepoint itself worked (if not, the batch is rolled back).
    fn run(self: Box<Self>, conn: &Connection) -> (Reply, bool);
    /// Answers with `error` without running (the batch's `BEGIN` failed).
    fn refuse(self: Box<Self>, error: String);
}

/// Sends a job's answer, given the outcome of its batch's commit.
type Reply = Box<dyn FnOnce(std::result::Result<(), String>) + Send>;

struct Pending<F, T> {
    change: F,
    answer: oneshot::Sender<Result<T, ApiError>>,
}

impl<F, T> Change for Pending<F, T>
where
    F: FnOnce(&Connection) -> Result<T> + Send,
    T: Send + 'static,
{
    fn run(self: Box<Self>, conn: &Connection) -> (Reply, bool) {
        let (outcome, healthy) = in_savepoint(conn, self.change);
        let answer = self.answer;
        let reply: Reply = Box::new(move |committed| {
            let answer_now = match (outcome, committed) {
                (Ok(value), Ok(())) => Ok(value),
                (Ok(_), Err(e)) => Err(ApiError::Internal(format!("database: {e}"))),
                // The job changed nothing; its own error is the answer either way.
                (Err(e), _) => Err(ApiError::from(e)),
            };
            let _ = answer.send(answer_now);
        });
        (reply, healthy)
    }

    fn refuse(self: Box<Self>, error: String) {
        let _ = self
            .answer
            .send(Err(ApiError::Internal(format!("database: {error}"))));
    }
}

impl Writer {
    /// Starts the writer thread with the (configured, migrated) writer connection.
    pub fn start(conn: Connection) -> std::io::Result<Writer> {
        let (jobs, queue) = mpsc::channel();
        let commits = Arc::new(AtomicU64::new(0));
        let counted = commits.clone();
        let thread = std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(conn, queue, &counted))?;
        Ok(Writer {
            jobs: Some(jobs),
            thread: Some(thread),
            commits,
        })
    }

    /// How many transactions of changes the writer has committed so far.
    pub fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }

    /// Queues `change`, to run in a write transaction (maybe with other changes, each in
    /// its own savepoint), and waits for its answer, which comes after the commit.
    pub async fn change<T: Send + 'static>(
        &self,
        change: impl FnOnce(&Connection) -> Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let (answer, answered) = oneshot::channel();
        self.send(Job::Change(Box::new(Pending { change, answer })))?;
        answered.await.map_err(stopped)?
    }

    /// Queues `job`, which gets the connection to itself, and waits for its answer.
    pub async fn whole<T: Send + 'static>(
        &self,
        job: impl FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let (answer, answered) = oneshot::channel();
        self.send(Job::Whole(Box::new(move |conn: &mut Connection| {
            let outcome = catch_unwind(AssertUnwindSafe(|| job(conn))).unwrap_or_else(panicked);
            let _ = answer.send(outcome.map_err(ApiError::from));
        })))?;
        answered.await.map_err(stopped)?
    }

    fn send(&self, job: Job) -> Result<(), ApiError> {
        self.jobs
            .as_ref()
            .and_then(|jobs| jobs.send(job).ok())
            .ok_or_else(|| ApiError::Internal("the database writer has stopped".into()))
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // Closing the queue ends the thread once the jobs already queued are done.
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn stopped(_: oneshot::error::RecvError) -> ApiError {
    ApiError::Internal("the database writer stopped before answering".into())
}

fn panicked<T>(_: Box<dyn std::any::Any + Send>) -> Result<T> {
    Err(Error::Api(ApiError::Internal(
        "a database job panicked".into(),
    )))
}

/// The writer thread: takes the next job, and with it every change already waiting.
fn run(mut conn: Connection, queue: mpsc::Receiver<Job>, commits: &AtomicU64) {
    let mut next = None;
    loop {
        let job = match next.take() {
            Some(job) => job,
            None => match queue.recv() {
                Ok(job) => job,
                Err(mpsc::RecvError) => return,
            },
        };
        match job {
            Job::Whole(job) => job(&mut conn),
            Job::Change(first) => {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match queue.try_recv() {
                        Ok(Job::Change(change)) => batch.push(change),
                        Ok(whole) => {
                            next = Some(whole);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                commit_together(&conn, batch, commits);
            }
        }
    }
}

/// Runs `batch` in one `BEGIN IMMEDIATE … COMMIT` (counted in `commits`), then answers
/// every job.
fn commit_together(conn: &Connection, batch: Vec<Box<dyn Change>>, commits: &AtomicU64) {
    if let Err(e) = conn.execute_batch("BEGIN IMMEDIATE") {
        let error = e.to_string();
        for change in batch {
            change.refuse(error.clone());
        }
        return;
    }
    let mut replies = Vec::with_capacity(batch.len());
    let mut healthy = true;
    for change in batch {
        let (reply, ok) = change.run(conn);
        replies.push(reply);
        healthy &= ok;
    }
    let committed = if healthy {
        conn.execute_batch("COMMIT").map_err(|e| e.to_string())
    } else {
        Err("a savepoint failed; the batch was rolled back".to_string())
    };
    if committed.is_err() && !conn.is_autocommit() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    if committed.is_ok() {
        commits.fetch_add(1, Ordering::Relaxed);
    }
    for reply in replies {
        reply(committed.clone());
    }
}

/// Runs `change` in a savepoint: released if it succeeds, rolled back to if it fails or
/// panics. The flag says whether the savepoint statements themselves worked.
fn in_savepoint<T>(
    conn: &Connection,
    change: impl FnOnce(&Connection) -> Result<T>,
) -> (Result<T>, bool) {
    if let Err(e) = conn.execute_batch("SAVEPOINT job") {
        return (Err(e.into()), false);
    }
    let outcome = catch_unwind(AssertUnwindSafe(|| change(conn))).unwrap_or_else(panicked);
    let end = match outcome {
        Ok(_) => "RELEASE job",
        Err(_) => "ROLLBACK TO job; RELEASE job",
    };
    match conn.execute_batch(end) {
        Ok(()) => (outcome, true),
        Err(e) => (Err(e.into()), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Changes queued while the writer is busy are committed together, each in its own
    /// savepoint: the one that fails and the one that panics change nothing, the others
    /// are all committed, and each gets its own answer.
    #[tokio::test]
    async fn one_failing_change_does_not_roll_back_its_batch() {
        let conn = Connection::open_in_memory().expect("a database");
        conn.execute_batch("CREATE TABLE t (n INTEGER NOT NULL)")
            .expect("a table");
        let writer = Writer::start(conn).expect("the writer starts");
        // Hold the writer in a whole job until the four changes are queued behind it.
        let (release, released) = std::sync::mpsc::channel::<()>();
        let busy = writer.whole(move |_| {
            released.recv().ok();
            Ok(())
        });
        let insert = |n: i64| {
            move |conn: &Connection| -> Result<i64> {
                conn.execute("INSERT INTO t (n) VALUES (?1)", [n])?;
                Ok(n)
            }
        };
        let fails = |conn: &Connection| -> Result<i64> {
            conn.execute("INSERT INTO t (n) VALUES (99)", [])?;
            Err(ApiError::NotFound("article").into())
        };
        let panics = |conn: &Connection| -> Result<i64> {
            conn.execute("INSERT INTO t (n) VALUES (98)", [])?;
            panic!("a bug in one change")
        };
        let all = async {
            tokio::join!(
                busy,
                writer.change(insert(1)),
                writer.change(fails),
                writer.change(panics),
                writer.change(insert(2)),
            )
        };
        let releaser = async {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            release.send(()).expect("the whole job waits");
        };
        let ((busy, one, failed, panicked, two), ()) = tokio::join!(all, releaser);
        busy.expect("the whole job");
        assert_eq!(
            writer.commits(),
            1,
            "the four changes share one transaction"
        );
        assert_eq!(one.expect("the first insert"), 1);
        assert!(matches!(failed, Err(ApiError::NotFound(_))), "{failed:?}");
        assert!(
            matches!(panicked, Err(ApiError::Internal(_))),
            "{panicked:?}"
        );
        assert_eq!(two.expect("the last insert"), 2);
        let stored = writer
            .whole(|conn| {
                let mut select = conn.prepare("SELECT n FROM t ORDER BY n")?;
                let rows = select.query_map([], |row| row.get::<_, i64>(0))?;
                Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
            })
            .await
            .expect("a read");
        assert_eq!(stored, [1, 2]);
    }
}
