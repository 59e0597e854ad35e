//! Group `import` (steps 3–4): `<server> import FILE` brings a step-2 `conduit.json` over.
//!
//! What is checked: every article, tag and comment of the file is there afterwards, with its
//! slug, timestamps and comment ids; importing the same file twice is the same as once; and
//! a file that does not parse, or parses to the wrong shape halfway through, is refused
//! with a message naming it, leaving the database exactly as it was.
//!
//! The sample file is written here in step 2's format (the step-3 reference's tests check
//! that step 2's own types read and write it unchanged).

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

use crate::check::Failure;
use crate::conduit::{Def, Service};
use crate::http::{App, Client};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "round_trip", round_trip).timeout_secs(30),
    Def::new(GROUP, "twice_is_once", twice_is_once).timeout_secs(30),
    Def::new(GROUP, "bad_file_changes_nothing", bad_file_changes_nothing).timeout_secs(30),
];

const GROUP: &str = "import";

/// A data file as the step-2 reference writes it: articles oldest first, each with its
/// comments, and the counter of comment ids.
pub fn step2_file() -> Value {
    json!({
        "articles": [
            {
                "slug": "first-steps",
                "title": "First Steps",
                "description": "where it began",
                "body": "It began with a JSON file.",
                "tagList": ["history", "json"],
                "createdAt": "2026-01-02T03:04:05.678Z",
                "updatedAt": "2026-01-03T00:00:00.001Z",
                "comments": [
                    {
                        "id": 1,
                        "body": "Nice start",
                        "createdAt": "2026-01-02T04:00:00.000Z",
                        "updatedAt": "2026-01-02T04:00:00.000Z"
                    },
                    {
                        "id": 5,
                        "body": "Second thoughts",
                        "createdAt": "2026-01-02T05:00:00.000Z",
                        "updatedAt": "2026-01-02T06:00:00.000Z"
                    }
                ]
            },
            {
                "slug": "first-steps-2",
                "title": "First Steps",
                "description": "same title, another slug",
                "body": "Slugs are kept as they were.",
                "tagList": ["json", "alpha"],
                "createdAt": "2026-02-01T00:00:00.000Z",
                "updatedAt": "2026-02-01T00:00:00.000Z",
                "comments": []
            },
            {
                "slug": "moving-on",
                "title": "Moving On",
                "description": "to SQLite",
                "body": "Quotes ' and \" survive too.",
                "tagList": [],
                "createdAt": "2026-03-01T12:00:00.000Z",
                "updatedAt": "2026-03-01T12:00:00.000Z",
                "comments": [
                    {
                        "id": 3,
                        "body": "Finally",
                        "createdAt": "2026-03-01T13:00:00.000Z",
                        "updatedAt": "2026-03-01T13:00:00.000Z"
                    }
                ]
            }
        ],
        "nextCommentId": 5
    })
}

/// Runs `<server> import <file>` on `app`'s `DATA_DIR`, with the target's environment.
pub fn run_import(app: &App, file: &Path) -> Result<(String, Output), Failure> {
    let target = app.target();
    let shown = format!("{} import {}", app.command_line(), file.display());
    let output = Command::new(&target.binary)
        .arg("import")
        .arg(file)
        .env("DATA_DIR", app.data_dir())
        .env("RUST_BACKTRACE", "0")
        .envs(target.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Failure::new(format!("cannot run `{shown}`: {e}")))?;
    Ok((shown, output))
}

/// Imports `file`, which must succeed (exit 0).
fn import_ok(app: &App, file: &Path) -> Result<(), Failure> {
    let (shown, output) = run_import(app, file)?;
    if output.status.success() {
        return Ok(());
    }
    Err(Failure::new(format!(
        "ran:      {shown}\nexpected: exit 0, the file imported\ngot:      {}\nstdout:   {}\n\
         stderr:   {}",
        output.status,
        String::from_utf8_lossy(&output.stdout).trim(),
        String::from_utf8_lossy(&output.stderr).trim()
    )))
}

/// Writes `content` to the file `name` in `dir`.
fn write_file(dir: &Path, name: &str, content: &[u8]) -> Result<std::path::PathBuf, Failure> {
    let path = dir.join(name);
    std::fs::write(&path, content)
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", path.display())))?;
    Ok(path)
}

/// A directory for the files to import, inside `app`'s `DATA_DIR` (removed with it).
fn files_dir(app: &App) -> Result<std::path::PathBuf, Failure> {
    let dir = app.data_dir().join("files-to-import");
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", dir.display())))?;
    Ok(dir)
}

/// Everything the API shows of the data: the list, each article and its comments.
fn snapshot(client: &Client) -> Result<Value, Failure> {
    let list = client.list_articles_ok("limit=100")?;
    let mut articles = Vec::new();
    for slug in list.slugs() {
        let article = client.get_article_ok(&slug)?;
        let comments = client.list_comments_ok(&slug)?;
        articles.push(json!({ "article": article, "comments": comments }));
    }
    Ok(json!({ "articlesCount": list.count, "articles": articles, "tags": client.tags_ok()? }))
}

fn round_trip(service: &Service) -> Result<(), Failure> {
    let app = service.app()?;
    let files = files_dir(&app)?;
    let file = step2_file();
    let path = write_file(&files, "conduit.json", file.to_string().as_bytes())?;
    import_ok(&app, &path)?;
    let server = app.start()?;
    let client = server.client();
    let list = client.list_articles_ok("")?;
    let expected_order = ["moving-on", "first-steps-2", "first-steps"];
    if list.slugs() != expected_order {
        return Err(list.response.fail(format!(
            "after importing {}: the file's 3 articles, newest first: {expected_order:?}",
            path.display()
        )));
    }
    for stored in file["articles"].as_array().into_iter().flatten() {
        let slug = stored["slug"].as_str().unwrap_or_default();
        let response = client.get_article(slug)?;
        response.expect_status(200)?;
        let article = response.envelope("article")?;
        for field in [
            "title",
            "description",
            "body",
            "tagList",
            "createdAt",
            "updatedAt",
        ] {
            if article[field] != stored[field] {
                return Err(response.fail(format!(
                    "\"{field}\": {} as in the imported file (keep every field as it was, \
                     timestamps and tag order too)",
                    stored[field]
                )));
            }
        }
        let response = client.list_comments(slug)?;
        let comments = client.list_comments_ok(slug)?;
        if comments != stored["comments"].as_array().cloned().unwrap_or_default() {
            return Err(response.fail(format!(
                "the comments of the file, ids and timestamps as they were: {}",
                stored["comments"]
            )));
        }
    }
    let response = client.add_comment("moving-on", "after the import")?;
    let comment = response.envelope("comment")?;
    if response.status != 201 || [1, 3, 5].contains(&comment["id"].as_u64().unwrap_or(1)) {
        return Err(response.fail(
            "201 Created with a new id: the imported comments have ids 1, 3 and 5, and an id \
             is never given twice",
        ));
    }
    Ok(())
}

fn twice_is_once(service: &Service) -> Result<(), Failure> {
    let app = service.app()?;
    let files = files_dir(&app)?;
    let path = write_file(&files, "conduit.json", step2_file().to_string().as_bytes())?;
    import_ok(&app, &path)?;
    let once = {
        let server = app.start()?;
        let snapshot = snapshot(&server.client())?;
        server.terminate()?;
        snapshot
    };
    import_ok(&app, &path)?;
    let server = app.start()?;
    let twice = snapshot(&server.client())?;
    if twice != once {
        return Err(Failure::new(format!(
            "importing {} twice must leave the same data as importing it once (skip \
             articles and comments that are already there).\nafter one import:  {once}\n\
             after two imports: {twice}",
            path.display()
        )));
    }
    Ok(())
}

fn bad_file_changes_nothing(service: &Service) -> Result<(), Failure> {
    let app = service.app()?;
    let files = files_dir(&app)?;
    let good = write_file(&files, "conduit.json", step2_file().to_string().as_bytes())?;
    import_ok(&app, &good)?;
    let before = {
        let server = app.start()?;
        let snapshot = snapshot(&server.client())?;
        server.terminate()?;
        snapshot
    };
    let mut wrong_shape = step2_file();
    wrong_shape["articles"] = json!([
        {
            "slug": "valid-newcomer",
            "title": "Valid Newcomer",
            "description": "d",
            "body": "b",
            "tagList": ["new"],
            "createdAt": "2026-04-01T00:00:00.000Z",
            "updatedAt": "2026-04-01T00:00:00.000Z",
            "comments": []
        },
        { "slug": "no-title-and-more", "tagList": "not a list" }
    ]);
    let text = step2_file().to_string();
    let bad_files = [
        ("half.json", text.as_bytes()[..text.len() / 2].to_vec()),
        ("wrong-shape.json", wrong_shape.to_string().into_bytes()),
        ("array.json", b"[1, 2, 3]".to_vec()),
    ];
    for (name, content) in bad_files {
        let path = write_file(&files, name, &content)?;
        let (shown, output) = run_import(&app, &path)?;
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if output.status.success() || !stderr.contains(&path.display().to_string()) {
            return Err(Failure::new(format!(
                "ran:      {shown}\nwith:     {name}, {}\nexpected: a non-zero exit and a \
                 message on stderr naming {}\ngot:      {}, stderr:\n{}",
                describe(name),
                path.display(),
                output.status,
                stderr.trim()
            )));
        }
        let server = app.start()?;
        let after = snapshot(&server.client())?;
        server.terminate()?;
        if after != before {
            return Err(Failure::new(format!(
                "ran:      {shown}\nwith:     {name}, {}\nexpected: the import refused, and \
                 the database exactly as it was (check the whole file before writing, and \
                 write it in one transaction)\nbefore: {before}\nafter:  {after}",
                describe(name)
            )));
        }
    }
    Ok(())
}

fn describe(name: &str) -> &'static str {
    match name {
        "half.json" => "the first half of a valid file",
        "wrong-shape.json" => "a valid first article, then one without title or body",
        _ => "a JSON array, not a step-2 data file",
    }
}
