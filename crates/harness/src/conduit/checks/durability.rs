//! Group `durability` (grade 5): the data file survives restarts and crashes.
//!
//! What is checked from the outside: the data is there after a restart; a corrupt file stops
//! the server instead of being overwritten; each save replaces the file by a rename (a new
//! inode every time) rather than rewriting it in place; and after a SIGKILL in the middle of
//! 200 concurrent writes the file still parses, every write that was answered 2xx is there,
//! and no temporary file is left behind. (Whether the server calls fsync cannot be seen
//! without pulling the power; `write_durably` in the reference shows where it goes.)

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

use nix::sys::signal::{Signal, kill};
use serde_json::{Value, json};

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::{Def, Service};
use crate::http::conduit::new_article;
use crate::http::{Launch, Request, Response};

/// Concurrent creates in the burst.
pub(crate) const BURST: usize = 200;

/// The server is killed when this many creates of the burst have been answered 201.
const KILL_AFTER_ACKS: usize = 40;

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "survives_restart", survives_restart),
    Def::new(
        GROUP,
        "corrupt_file_stops_startup",
        corrupt_file_stops_startup,
    ),
    Def::new(
        GROUP,
        "unwritable_dir_stops_startup",
        unwritable_dir_stops_startup,
    ),
    Def::new(GROUP, "replaced_by_rename", replaced_by_rename),
    Def::new(GROUP, "sigkill_during_burst", sigkill_during_burst).timeout_secs(60),
];

const GROUP: &str = "durability";

fn survives_restart(service: &Service) -> Result<(), Failure> {
    let (app, server) = service.fresh()?;
    let client = server.client();
    let page = client.list_articles_ok("")?;
    if page.count != 0 {
        return Err(page
            .response
            .fail("\"articlesCount\": 0: DATA_DIR is empty, so the store starts empty"));
    }
    let kept =
        slug_of(&client.create_article_ok(&new_article("Kept", "d", "original", &["kept"]))?);
    let gone = slug_of(&client.create_article_ok(&new_article("Deleted", "d", "b", &[]))?);
    client
        .update_article(&kept, &json!({ "body": "updated" }))?
        .expect_status(200)?;
    let comment = client.add_comment_ok(&kept, "still here")?;
    client.delete_article(&gone)?.expect_status(204)?;
    let before = snapshot(&client, &kept)?;
    stop(server)?;

    let server = app.start()?;
    let client = server.client();
    let after = snapshot(&client, &kept)?;
    if after != before {
        return Err(Failure::new(format!(
            "after a restart on the same DATA_DIR ({}) the data differs.\n\
             before: {before}\nafter:  {after}\n(the comment {} and the update must be there, \
             the deleted article gone)",
            app.data_dir().display(),
            comment["id"]
        )));
    }
    Ok(())
}

/// What a restart must keep: the list, one article and its comments.
fn snapshot(client: &crate::http::Client, slug: &str) -> Result<Value, Failure> {
    let list = client.list_articles_ok("")?;
    let article = client.get_article_ok(slug)?;
    let comments = client.list_comments_ok(slug)?;
    Ok(json!({
        "articles": list.articles,
        "articlesCount": list.count,
        "article": article,
        "comments": comments,
    }))
}

/// SIGTERM, and the server must exit (any status: the `shutdown` group grades that).
fn stop(server: crate::http::Server) -> Result<(), Failure> {
    server.terminate().map(|_| ())
}

fn corrupt_file_stops_startup(service: &Service) -> Result<(), Failure> {
    let app = service.app()?;
    let data_file = service.contract.data_file();
    let path = app.data_dir().join(data_file);
    let corrupt = br#"{"articles": [{"slug": "half-writ"#;
    std::fs::write(&path, corrupt)
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
                "started:  {}\nwith:     {shown} holding {:?}\nexpected: the server refuses \
                 to start (non-zero exit) and says what is wrong with the file\ngot:      it \
                 printed its listening line and serves requests{listing}",
                app.command_line(),
                String::from_utf8_lossy(corrupt)
            )))
        }
        Launch::Exited { status, stderr, .. } => {
            if status.success() {
                return Err(Failure::new(format!(
                    "started:  {}\nwith:     a corrupt {shown}\nexpected: a non-zero exit \
                     status\ngot:      {status}",
                    app.command_line()
                )));
            }
            if !stderr.contains(&shown) || !stderr.contains("line 1") {
                return Err(Failure::new(format!(
                    "started:  {}\nwith:     a corrupt {shown}\nexpected: stderr naming the \
                     file ({shown}) and the parse error (serde_json's says \"… at line 1 \
                     column …\")\ngot:      {status}, stderr:\n{stderr}",
                    app.command_line()
                )));
            }
            if after != corrupt {
                return Err(Failure::new(format!(
                    "the server exited as it should, but changed {shown}: leave a corrupt \
                     file untouched for a human to inspect"
                )));
            }
            Ok(())
        }
    }
}

fn replaced_by_rename(service: &Service) -> Result<(), Failure> {
    let (app, server) = service.fresh()?;
    let client = server.client();
    let data_file = service.contract.data_file();
    let path = app.data_dir().join(data_file);
    let mut inodes = Vec::new();
    for title in ["First Save", "Second Save", "Third Save"] {
        client.create_article_ok(&new_article(title, "d", "b", &[]))?;
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Failure::new(format!(
                "after POST /api/articles answered 201, {} cannot be read: {e}. Save every \
                 change to DATA_DIR/{data_file} before answering.",
                path.display()
            ))
        })?;
        if let Err(e) = serde_json::from_str::<Value>(&text) {
            return Err(Failure::new(format!(
                "after a 201, {} is not valid JSON: {e}",
                path.display()
            )));
        }
        if !text.contains(title) {
            return Err(Failure::new(format!(
                "after POST /api/articles answered 201 for {title:?}, {} does not contain \
                 it: save before answering",
                path.display()
            )));
        }
        let inode = std::fs::metadata(&path)
            .map(|m| m.ino())
            .unwrap_or_default();
        inodes.push(inode);
    }
    if inodes.windows(2).any(|pair| pair[0] == pair[1]) {
        return Err(Failure::new(format!(
            "three saves kept the same inode for {} ({inodes:?}): the file is rewritten in \
             place (truncate, then write). A crash in the middle leaves a half-written file. \
             Write a temporary file in the same directory and rename it over the data file.",
            path.display()
        )));
    }
    expect_no_leftovers(app.data_dir(), data_file)
}

fn sigkill_during_burst(service: &Service) -> Result<(), Failure> {
    let (app, server) = service.fresh()?;
    let client = server
        .client()
        .with_timeout(crate::conduit::checks::concurrency::BURST_REQUEST_TIMEOUT);
    let warm_up = client.create_article_ok(&new_article("Before The Burst", "d", "b", &[]))?;
    let acked = burst_then_sigkill(server, &client, &[])?;

    let data_file = service.contract.data_file();
    let path = app.data_dir().join(data_file);
    let bytes = std::fs::read(&path).map_err(|e| {
        Failure::new(format!(
            "after a SIGKILL during {BURST} concurrent creates ({} answered 201), {} cannot be \
             read: {e}",
            acked.len(),
            path.display()
        ))
    })?;
    if let Err(e) = serde_json::from_slice::<Value>(&bytes) {
        let start: String = String::from_utf8_lossy(&bytes).chars().take(160).collect();
        return Err(Failure::new(format!(
            "after a SIGKILL during {BURST} concurrent creates, {} is not valid JSON: {e}\n\
             it starts: {start:?} ({} bytes)\nThe process died mid-write and left half a \
             file: write a temporary file and rename it over the data file instead.",
            path.display(),
            bytes.len()
        )));
    }

    let server = app.start().map_err(|failure| {
        Failure::new(format!(
            "after a SIGKILL during {BURST} concurrent creates, the server no longer starts \
             on its own data:\n{failure}"
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
             articles answered 201 are missing: answer only once the change is on disk. \
             The first:\n{}",
            lost.len(),
            acked.len() + 1,
            first.fail("200 OK with the article created before the crash")
        )));
    }
    expect_no_leftovers(app.data_dir(), data_file)
}

/// Sends [`BURST`] concurrent creates (tagged `tags`) and SIGKILLs the server once
/// [`KILL_AFTER_ACKS`] of them were answered 201, as a crash would. Returns the articles
/// answered 201 (slug → title); a create answered anything else before the kill, or a burst
/// that never reached the kill, is a failure.
pub(crate) fn burst_then_sigkill(
    server: crate::http::Server,
    client: &crate::http::Client,
    tags: &'static [&'static str],
) -> Result<BTreeMap<String, String>, Failure> {
    let pid = server.pid();

    let acked: Arc<Mutex<BTreeMap<String, String>>> = Arc::default();
    let killed = Arc::new(AtomicBool::new(false));
    let unexpected: Arc<Mutex<Option<Response>>> = Arc::default();
    let barrier = Arc::new(Barrier::new(BURST));
    let workers: Vec<_> = (0..BURST)
        .map(|i| {
            let (client, acked, killed, unexpected, barrier) = (
                client.clone(),
                acked.clone(),
                killed.clone(),
                unexpected.clone(),
                barrier.clone(),
            );
            thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    let title = format!("Burst {i}");
                    let request = Request::post("/api/articles")
                        .json(&json!({ "article": new_article(&title, "burst", "b", tags) }));
                    barrier.wait();
                    match client.try_send(&request) {
                        Ok(response) if response.status == 201 => {
                            let slug = response
                                .envelope("article")
                                .map(|a| slug_of(&a))
                                .unwrap_or_default();
                            let mut acked = acked.lock().unwrap_or_else(|e| e.into_inner());
                            acked.insert(slug, title);
                            if acked.len() == KILL_AFTER_ACKS
                                && !killed.swap(true, Ordering::SeqCst)
                            {
                                let _ = kill(pid, Signal::SIGKILL);
                            }
                        }
                        Ok(response) => {
                            let mut slot = unexpected.lock().unwrap_or_else(|e| e.into_inner());
                            if slot.is_none() && !killed.load(Ordering::SeqCst) {
                                *slot = Some(response);
                            }
                        }
                        // After the SIGKILL, requests fail without an answer: expected.
                        Err(_) => {}
                    }
                })
                .expect("a worker thread starts")
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    if let Some(response) = unexpected.lock().unwrap_or_else(|e| e.into_inner()).take() {
        return Err(response.fail("201 Created for each of 200 concurrent creates"));
    }
    let acked = acked.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if !killed.load(Ordering::SeqCst) {
        return Err(Failure::new(format!(
            "only {} of {BURST} concurrent creates were answered 201 (the server was to be \
             killed after {KILL_AFTER_ACKS})\n{}",
            acked.len(),
            server.stderr_tail(12)
        )));
    }
    server.kill();
    Ok(acked)
}

/// `DATA_DIR` exists but cannot be written in: the server must refuse to start, naming it
/// (its path, or a path inside it, or the setting `DATA_DIR` or `DATABASE_PATH`), rather
/// than start healthy and answer every write with a 500.
fn unwritable_dir_stops_startup(service: &Service) -> Result<(), Failure> {
    let app = service.app()?;
    let _read_only = ReadOnlyDir::make(app.data_dir())?;
    let shown = app.data_dir().display().to_string();
    match app.launch()? {
        Launch::Listening(server) => {
            let write = server
                .client()
                .create_article(&new_article("Where Does This Go", "d", "b", &[]))
                .map(|r| {
                    format!(
                        "\nPOST /api/articles then answered {}",
                        crate::http::client::status_line(r.status)
                    )
                })
                .unwrap_or_default();
            Err(Failure::new(format!(
                "started:  {}\nwith:     {shown} read-only\nexpected: the server refuses to \
                 start (non-zero exit) and names the directory it cannot write in\ngot:      \
                 it started listening anyway{write}",
                app.command_line()
            )))
        }
        Launch::Exited { status, stderr, .. } => {
            let named = [shown.as_str(), "DATA_DIR", "DATABASE_PATH"]
                .iter()
                .any(|name| stderr.contains(name));
            if status.success() || !named {
                return Err(Failure::new(format!(
                    "started:  {}\nwith:     {shown} read-only\nexpected: a non-zero exit and \
                     stderr naming {shown} (or the setting DATA_DIR), so whoever starts it knows \
                     what to fix\ngot:      {status}, stderr:\n{stderr}",
                    app.command_line()
                )));
            }
            Ok(())
        }
    }
}

/// A directory made read-only for the length of a check: `chmod 555`, and where that is
/// not enough (root ignores permissions) the immutable attribute (`chattr +i`).
struct ReadOnlyDir {
    path: std::path::PathBuf,
    immutable: bool,
}

impl ReadOnlyDir {
    fn make(path: &Path) -> Result<ReadOnlyDir, Failure> {
        use std::os::unix::fs::PermissionsExt;
        let cannot = |e: &dyn std::fmt::Display| {
            Failure::new(format!(
                "the grader cannot make {} read-only here: {e}",
                path.display()
            ))
        };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555))
            .map_err(|e| cannot(&e))?;
        let mut guard = ReadOnlyDir {
            path: path.to_path_buf(),
            immutable: false,
        };
        if guard.writable() {
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status()
                .map_err(|e| cannot(&format!("chattr: {e}")))?;
            guard.immutable = status.success();
            if guard.writable() {
                return Err(cannot(&"it stays writable (root, and no chattr +i)"));
            }
        }
        Ok(guard)
    }

    fn writable(&self) -> bool {
        let probe = self.path.join(".grader-probe");
        let created = std::fs::File::create(&probe).is_ok();
        let _ = std::fs::remove_file(&probe);
        created
    }
}

impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.path)
                .status();
        }
        let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o755));
    }
}

/// DATA_DIR holds the data file and nothing else.
fn expect_no_leftovers(dir: &Path, data_file: &str) -> Result<(), Failure> {
    let leftovers: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| Failure::new(format!("cannot list {}: {e}", dir.display())))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != data_file)
        .collect();
    if leftovers.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "{} holds {leftovers:?} besides {data_file}: a temporary file must be renamed \
             over the data file (or removed at startup, if a crash left it behind)",
            dir.display()
        )))
    }
}
