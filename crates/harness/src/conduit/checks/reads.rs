//! Group `reads` (step 3): the read endpoints on rows the grader stored itself, so that
//! they are graded before the learner has written any write path.
//!
//! How a check gets its data: it starts the server once (so its migrations create the
//! tables), stops it, inserts the rows below with rusqlite, through the columns the
//! contract names (see the step's `schema.rs`), and starts the server again on that file.
//! Then it only reads: `GET /api/articles/{slug}`, the list with its pages and tag filter,
//! the comments of an article and `GET /api/tags`.
//!
//! The rows are chosen to catch the usual read mistakes: ids that are not in insert order
//! for tags (a tag list read back `ORDER BY tag_id` instead of `position` comes out in the
//! wrong order), comment ids with gaps, a tag no article uses (it is not listed).

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::Connection;
use serde_json::{Value, json};

use crate::check::Failure;
use crate::conduit::checks::articles::{STORED_FIELDS, expect_field};
use crate::conduit::checks::database::database_file;
use crate::conduit::{Def, Service};
use crate::http::conduit::expect_error;
use crate::http::{App, Server};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "article_by_slug", article_by_slug),
    Def::new(GROUP, "list_pages_and_tag", list_pages_and_tag),
    Def::new(GROUP, "comments_and_tags", comments_and_tags),
];

const GROUP: &str = "reads";

/// Articles the grader stores: ids 1 to 25, in that order.
pub const ARTICLES: i64 = 25;

/// The tags, by id: alphabetical, so that an article's `position` order is not the order
/// of tag ids. `orphan` is linked to no article.
const TAGS: &[(i64, &str)] = &[
    (1, "alpha"),
    (2, "orphan"),
    (3, "rust"),
    (4, "seeded"),
    (5, "zeta"),
];

/// The article whose tags are in neither alphabetical nor id order.
const MIXED: i64 = 7;

/// Comments: (id, article id, body). Ids with gaps, as after deletes.
const COMMENTS: &[(i64, i64, &str)] = &[
    (3, MIXED, "First, by id"),
    (5, 8, "On another article"),
    (9, MIXED, "Second, by id"),
];

/// The article with id `id` as the grader stores it: what its `GET` must answer.
pub fn seeded(id: i64) -> Value {
    json!({
        "slug": format!("seeded-{id}"),
        "title": format!("Seeded {id}"),
        "description": format!("About seeded article {id}"),
        "body": format!("The body of seeded article {id}."),
        "tagList": tags_of(id),
        "createdAt": format!("2026-11-01T10:00:{id:02}.000Z"),
        "updatedAt": format!("2026-11-02T11:00:{id:02}.000Z"),
    })
}

/// The tags of article `id`, in its `tagList` order.
fn tags_of(id: i64) -> Vec<&'static str> {
    if id == MIXED {
        vec!["zeta", "seeded", "alpha"]
    } else if id % 3 == 0 {
        vec!["seeded", "rust"]
    } else {
        vec!["seeded"]
    }
}

/// The columns the grader writes, as the contract names them.
const COLUMNS: &str = "articles (id, slug, title, description, body, created_at, updated_at), \
    tags (id, name), article_tags (article_id, tag_id, position), comments (id, article_id, \
    body, created_at, updated_at)";

/// A server on a database the grader filled: started once to migrate, stopped, filled,
/// started again.
pub fn seeded_server(service: &Service) -> Result<(App, Server), Failure> {
    let (app, server) = service.fresh()?;
    server.terminate()?;
    let path = database_file(service, &app);
    fill(&path).map_err(|e| {
        Failure::new(format!(
            "started:  {}, stopped it, then stored rows in {} myself\nexpected: the tables \
             of the contract, with their columns: {COLUMNS}\ngot:      {e}",
            app.command_line(),
            path.display()
        ))
    })?;
    let server = app.start()?;
    Ok((app, server))
}

fn fill(path: &Path) -> Result<(), String> {
    if !path.exists() {
        return Err(format!(
            "no database file at {}: the server must create it at startup, and migrate it \
             (stage 1: make database::honours_database_path pass first)",
            path.display()
        ));
    }
    let mut conn = Connection::open(path).map_err(|e| format!("cannot open it: {e}"))?;
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    for (what, statement) in seed_statements() {
        tx.execute_batch(&statement)
            .map_err(|e| format!("{what} failed: {e}"))?;
    }
    tx.commit().map_err(|e| e.to_string())
}

/// The rows the grader stores, one SQL statement each, with what it inserts into (for the
/// failure message when the learner's tables lack a column). The same statements make the
/// script kept for replaying a failure by hand ([`kept_seed_script`]).
fn seed_statements() -> Vec<(&'static str, String)> {
    let text = |value: &Value| {
        format!(
            "'{}'",
            value.as_str().unwrap_or_default().replace('\'', "''")
        )
    };
    let mut statements = Vec::new();
    for (id, name) in TAGS {
        statements.push((
            "INSERT INTO tags (id, name)",
            format!("INSERT INTO tags (id, name) VALUES ({id}, '{name}');"),
        ));
    }
    for id in 1..=ARTICLES {
        let article = seeded(id);
        statements.push((
            "INSERT INTO articles (id, slug, …)",
            format!(
                "INSERT INTO articles (id, slug, title, description, body, created_at, \
                 updated_at) VALUES ({id}, {}, {}, {}, {}, {}, {});",
                text(&article["slug"]),
                text(&article["title"]),
                text(&article["description"]),
                text(&article["body"]),
                text(&article["createdAt"]),
                text(&article["updatedAt"]),
            ),
        ));
        for (position, tag) in tags_of(id).into_iter().enumerate() {
            let tag_id = TAGS
                .iter()
                .find(|(_, name)| *name == tag)
                .map_or(0, |(id, _)| *id);
            statements.push((
                "INSERT INTO article_tags (article_id, tag_id, position)",
                format!(
                    "INSERT INTO article_tags (article_id, tag_id, position) VALUES \
                     ({id}, {tag_id}, {position});"
                ),
            ));
        }
    }
    for (id, article, body) in COMMENTS {
        let at = format!("2026-11-03T12:00:{id:02}.000Z");
        statements.push((
            "INSERT INTO comments (id, article_id, body, …)",
            format!(
                "INSERT INTO comments (id, article_id, body, created_at, updated_at) VALUES \
                 ({id}, {article}, '{body}', '{at}', '{at}');"
            ),
        ));
    }
    statements
}

/// Writes the grader's rows as one SQL script under the target directory, for a learner
/// who wants to replay a failed read by hand, and says how. Empty when it cannot be kept.
fn kept_seed_script() -> String {
    let Some(path) = crate::report::kept_file("reads-seed.sql") else {
        return String::new();
    };
    let mut script = String::from("-- The rows the grader's reads::* checks store.\nBEGIN;\n");
    for (_, statement) in seed_statements() {
        script.push_str(&statement);
        script.push('\n');
    }
    script.push_str("COMMIT;\n");
    if crate::report::write_whole(&path, &script).is_err() {
        return String::new();
    }
    let shown = crate::paths::relative_to_workspace(&path.display().to_string());
    format!(
        "\nto replay it by hand: start your server once (it creates the tables), stop it, run \
         `sqlite3 $DATA_DIR/conduit.db < {shown}` (the rows this check stored), start it again \
         and send the request above"
    )
}

/// Runs the body of a check of this group and adds the replay line to its failure.
fn replayable(result: Result<(), Failure>) -> Result<(), Failure> {
    result.map_err(|failure| Failure::new(format!("{}{}", failure.message, kept_seed_script())))
}

/// The `slug` of seeded article `id`.
fn slug(id: i64) -> String {
    format!("seeded-{id}")
}

fn article_by_slug(service: &Service) -> Result<(), Failure> {
    let (_app, server) = seeded_server(service)?;
    replayable(article_by_slug_on(&server))
}

fn article_by_slug_on(server: &Server) -> Result<(), Failure> {
    let client = server.client();
    // Two articles: a lookup that ignores the slug answers one of them wrong.
    for id in [MIXED, 8] {
        let expected = seeded(id);
        let response = client.get_article(&slug(id))?;
        response.expect_status(200)?;
        let article = response.envelope("article")?;
        for field in STORED_FIELDS.into_iter().chain(["tagList"]) {
            expect_field(&response, &article, field, &expected[field])?;
        }
    }
    let response = client.get_article("not-seeded")?;
    expect_error(&response, 404)?;
    Ok(())
}

fn list_pages_and_tag(service: &Service) -> Result<(), Failure> {
    let (_app, server) = seeded_server(service)?;
    replayable(list_pages_and_tag_on(&server))
}

fn list_pages_and_tag_on(server: &Server) -> Result<(), Failure> {
    let client = server.client();
    let newest_first =
        |ids: &mut dyn Iterator<Item = i64>| -> Vec<String> { ids.map(slug).collect() };
    let tagged: Vec<i64> = (1..=ARTICLES).rev().filter(|id| id % 3 == 0).collect();
    let cases: [(&str, Vec<String>, usize); 5] = [
        ("", newest_first(&mut (6..=ARTICLES).rev()), 25),
        ("limit=5&offset=3", newest_first(&mut (18..=22).rev()), 25),
        ("offset=24", vec![slug(1)], 25),
        (
            "tag=rust",
            newest_first(&mut tagged.iter().copied()),
            tagged.len(),
        ),
        (
            "tag=rust&limit=2&offset=1",
            newest_first(&mut tagged[1..3].iter().copied()),
            tagged.len(),
        ),
    ];
    for (query, slugs, count) in cases {
        let list = client.list_articles_ok(query)?;
        if list.slugs() != slugs {
            return Err(list.response.fail(format!(
                "articles {slugs:?} (newest first: ORDER BY id DESC{})",
                if query.is_empty() {
                    ", 20 by default"
                } else {
                    ""
                }
            )));
        }
        if list.count != count as u64 {
            return Err(list.response.fail(format!(
                "\"articlesCount\": {count} (every match, not only this page)"
            )));
        }
        if let Some(with_body) = list.articles.iter().find(|a| a.get("body").is_some()) {
            return Err(list.response.fail(format!(
                "list items without \"body\" (got one in {})",
                with_body["slug"]
            )));
        }
        for (article, slug) in list.articles.iter().zip(&slugs) {
            let id: i64 = slug["seeded-".len()..].parse().unwrap_or_default();
            expect_field(&list.response, article, "tagList", &seeded(id)["tagList"])?;
        }
    }
    Ok(())
}

fn comments_and_tags(service: &Service) -> Result<(), Failure> {
    let (_app, server) = seeded_server(service)?;
    replayable(comments_and_tags_on(&server))
}

fn comments_and_tags_on(server: &Server) -> Result<(), Failure> {
    let client = server.client();
    for article in [MIXED, 8] {
        let expected: Vec<(i64, &str)> = COMMENTS
            .iter()
            .filter(|(_, on, _)| *on == article)
            .map(|(id, _, body)| (*id, *body))
            .collect();
        let comments = client.list_comments_ok(&slug(article))?;
        let got: Vec<(i64, &str)> = comments
            .iter()
            .map(|c| {
                (
                    c["id"].as_i64().unwrap_or(-1),
                    c["body"].as_str().unwrap_or(""),
                )
            })
            .collect();
        if got != expected {
            let response = client.list_comments(&slug(article))?;
            return Err(response.fail(format!(
                "the comments (id, body) {expected:?}: this article's only, ORDER BY id"
            )));
        }
    }
    expect_error(&client.list_comments("not-seeded")?, 404)?;
    let tags = client.tags_ok()?;
    let expected: BTreeSet<&str> = ["alpha", "rust", "seeded", "zeta"].into();
    let got: BTreeSet<&str> = tags.iter().map(String::as_str).collect();
    if got != expected || tags.len() != expected.len() {
        let response = client.tags()?;
        return Err(response.fail(format!(
            "the tags {expected:?}, each once (DISTINCT), and only those an article uses \
             (\"orphan\" is in the tags table but linked to no article)"
        )));
    }
    Ok(())
}
