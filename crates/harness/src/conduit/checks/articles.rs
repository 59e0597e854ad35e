//! Group `articles` (grade 2): create, read, list, update and delete articles.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::check::Failure;
use crate::conduit::{Def, Service};
use crate::http::Client;
use crate::http::client::Response;
use crate::http::conduit::{expect_error, new_article};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "create", create),
    Def::new(GROUP, "get_by_slug", get_by_slug),
    Def::new(GROUP, "unknown_slug_404", unknown_slug_404),
    Def::new(GROUP, "unique_slugs", unique_slugs),
    Def::new(GROUP, "list_newest_first", list_newest_first),
    Def::new(GROUP, "list_limit_offset", list_limit_offset),
    Def::new(GROUP, "list_by_tag", list_by_tag),
    Def::new(GROUP, "update", update),
    Def::new(GROUP, "delete", delete),
];

const GROUP: &str = "articles";

/// The fields of an article that a `GET` must answer exactly as they were stored (its
/// `tagList` aside: each check says which order it expects).
pub const STORED_FIELDS: [&str; 6] = [
    "slug",
    "title",
    "description",
    "body",
    "createdAt",
    "updatedAt",
];

fn create(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let fields = new_article(
        "How to Train Your Dragon",
        "Ever wonder how?",
        "You have to believe",
        &["dragons", "training"],
    );
    let response = client.create_article(&fields)?;
    response.expect_status(201)?;
    let article = response.envelope("article")?;
    crate::http::conduit::expect_article(&response, &article, true)?;
    expect_field(
        &response,
        &article,
        "slug",
        &json!("how-to-train-your-dragon"),
    )?;
    for field in ["title", "description", "body"] {
        expect_field(&response, &article, field, &fields[field])?;
    }
    expect_tags(&response, &article, &["dragons", "training"])?;
    // A formatter that drops trailing fraction zeros is wrong only when the milliseconds
    // end in 0 (one time in ten): look at enough timestamps that such a server is caught
    // every run, not now and then.
    for i in 0..TIMESTAMP_SAMPLES {
        let fields = new_article(&format!("Timestamp sample {i}"), "d", "b", &[]);
        let response = client.create_article(&fields)?;
        response.expect_status(201)?;
        crate::http::conduit::expect_article(&response, &response.envelope("article")?, true)?;
    }
    Ok(())
}

/// Extra creates whose timestamps `create` inspects: with 2 timestamps each, a formatter
/// that trims zeros (a 1-in-10 event per timestamp) escapes all of them with probability
/// 0.9^120, about 3 in a million.
const TIMESTAMP_SAMPLES: usize = 60;

fn get_by_slug(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    // Two articles, each fetched by its own slug: a lookup that ignores the slug and
    // answers the first (or the newest) article gets one of them wrong.
    let stored = [
        client.create_article_ok(&new_article(
            "Slow Cooking",
            "Low and slow",
            "Patience.",
            &["food"],
        ))?,
        client.create_article_ok(&new_article(
            "Fast Fermenting",
            "Quick pickles",
            "Vinegar.",
            &["food"],
        ))?,
    ];
    for created in &stored {
        let response = client.get_article(&slug_of(created))?;
        response.expect_status(200)?;
        let article = response.envelope("article")?;
        crate::http::conduit::expect_article(&response, &article, true)?;
        for field in STORED_FIELDS {
            expect_field(&response, &article, field, &created[field])?;
        }
        expect_tags(&response, &article, &["food"])?;
    }
    Ok(())
}

fn unknown_slug_404(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    client.create_article_ok(&new_article("A Real Article", "d", "b", &[]))?;
    expect_error(&client.get_article("no-such-article")?, 404)?;
    expect_error(
        &client.update_article("no-such-article", &json!({ "body": "new" }))?,
        404,
    )?;
    expect_error(&client.delete_article("no-such-article")?, 404)?;
    Ok(())
}

fn unique_slugs(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let first = client.create_article_ok(&new_article("Same Title", "first", "one", &[]))?;
    let response = client.create_article(&new_article("Same Title", "second", "two", &[]))?;
    response.expect_status(201)?;
    let second = response.envelope("article")?;
    let (a, b) = (slug_of(&first), slug_of(&second));
    if a == b {
        return Err(response.fail(format!(
            "a slug other than {a:?}, which the first article with this title already has"
        )));
    }
    for (slug, body) in [(a, "one"), (b, "two")] {
        let response = client.get_article(&slug)?;
        response.expect_status(200)?;
        expect_field(
            &response,
            &response.envelope("article")?,
            "body",
            &json!(body),
        )?;
    }
    Ok(())
}

fn list_newest_first(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let empty = client.list_articles_ok("")?;
    if empty.count != 0 || !empty.articles.is_empty() {
        return Err(empty
            .response
            .fail("{\"articles\": [], \"articlesCount\": 0} from a server with no data yet"));
    }
    let slugs = create_numbered(&client, "Story", 3)?;
    let page = client.list_articles_ok("")?;
    let newest_first: Vec<String> = slugs.iter().rev().cloned().collect();
    if page.slugs() != newest_first || page.count != 3 {
        return Err(page.response.fail(format!(
            "articles {newest_first:?} (newest first) and \"articlesCount\": 3"
        )));
    }
    Ok(())
}

fn list_limit_offset(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let slugs = create_numbered(&client, "Page", 25)?;
    let newest_first: Vec<String> = slugs.iter().rev().cloned().collect();
    for (query, range) in [
        ("", 0..20),
        ("limit=5&offset=3", 3..8),
        ("offset=22", 22..25),
        ("limit=3", 0..3),
    ] {
        let page = client.list_articles_ok(query)?;
        let expected = &newest_first[range];
        if page.slugs() != expected || page.count != 25 {
            return Err(page.response.fail(format!(
                "articles {expected:?} and \"articlesCount\": 25 (every article, not only the \
                 page)"
            )));
        }
    }
    let page = client.list_articles_ok("offset=30")?;
    if !page.articles.is_empty() || page.count != 25 {
        return Err(page
            .response
            .fail("no articles (the offset is past the end) and \"articlesCount\": 25"));
    }
    Ok(())
}

fn list_by_tag(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let a = slug_of(&client.create_article_ok(&new_article(
        "Tagged Rust And Web",
        "d",
        "b",
        &["rust", "web"],
    ))?);
    let b = slug_of(&client.create_article_ok(&new_article("Tagged Web", "d", "b", &["web"]))?);
    client.create_article_ok(&new_article("Not Tagged", "d", "b", &[]))?;
    for (tag, expected) in [
        ("rust", vec![a.clone()]),
        ("web", vec![b, a]),
        ("nothing-has-this", vec![]),
    ] {
        let page = client.list_articles_ok(&format!("tag={tag}"))?;
        if page.slugs() != expected || page.count != expected.len() as u64 {
            return Err(page.response.fail(format!(
                "the articles tagged {tag:?}, newest first: {expected:?}, and \
                 \"articlesCount\": {}",
                expected.len()
            )));
        }
    }
    Ok(())
}

fn update(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let created = client.create_article_ok(&new_article(
        "Original Title",
        "old description",
        "old body",
        &["a"],
    ))?;
    let slug = slug_of(&created);

    let response = client.update_article(&slug, &json!({ "description": "new description" }))?;
    response.expect_status(200)?;
    let article = response.envelope("article")?;
    expect_field(
        &response,
        &article,
        "description",
        &json!("new description"),
    )?;
    for field in ["slug", "title", "body"] {
        expect_field(&response, &article, field, &created[field])?;
    }
    let response = client.get_article(&slug)?;
    response.expect_status(200)?;
    expect_field(
        &response,
        &response.envelope("article")?,
        "description",
        &json!("new description"),
    )?;

    let response = client.update_article(&slug, &json!({ "title": "A Brand New Title" }))?;
    response.expect_status(200)?;
    let article = response.envelope("article")?;
    expect_field(&response, &article, "title", &json!("A Brand New Title"))?;
    expect_field(&response, &article, "slug", &json!("a-brand-new-title"))?;
    expect_field(&response, &article, "body", &json!("old body"))?;
    client.get_article_ok("a-brand-new-title")?;
    expect_error(&client.get_article(&slug)?, 404)?;
    Ok(())
}

fn delete(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let keep = slug_of(&client.create_article_ok(&new_article("Keep Me", "d", "b", &[]))?);
    let gone = slug_of(&client.create_article_ok(&new_article("Delete Me", "d", "b", &[]))?);
    let response = client.delete_article(&gone)?;
    response.expect_status(204)?;
    if !response.text.is_empty() {
        return Err(response.fail("204 No Content with an empty body"));
    }
    expect_error(&client.get_article(&gone)?, 404)?;
    let page = client.list_articles_ok("")?;
    if page.slugs() != [keep.clone()] || page.count != 1 {
        return Err(page
            .response
            .fail(format!("only {keep:?} left, and \"articlesCount\": 1")));
    }
    expect_error(&client.delete_article(&gone)?, 404)?;
    Ok(())
}

/// Creates `count` articles titled `{prefix} 1`, `{prefix} 2`, … one after the other, and
/// returns their slugs in creation order.
pub fn create_numbered(
    client: &Client,
    prefix: &str,
    count: usize,
) -> Result<Vec<String>, Failure> {
    (1..=count)
        .map(|i| {
            let title = format!("{prefix} {i}");
            client
                .create_article_ok(&new_article(&title, "numbered", "body", &[]))
                .map(|article| slug_of(&article))
        })
        .collect()
}

pub fn slug_of(article: &Value) -> String {
    article["slug"].as_str().unwrap_or_default().to_string()
}

/// `article[field]` is `expected`.
pub fn expect_field(
    response: &Response,
    article: &Value,
    field: &str,
    expected: &Value,
) -> Result<(), Failure> {
    if &article[field] == expected {
        Ok(())
    } else {
        Err(response.fail(format!("\"{field}\": {expected} (got {})", article[field])))
    }
}

/// `article.tagList` holds exactly `tags` (in any order).
fn expect_tags(response: &Response, article: &Value, tags: &[&str]) -> Result<(), Failure> {
    let got: BTreeSet<&str> = article["tagList"]
        .as_array()
        .map(|tags| tags.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let expected: BTreeSet<&str> = tags.iter().copied().collect();
    if got == expected {
        Ok(())
    } else {
        Err(response.fail(format!("\"tagList\" with the tags {tags:?}")))
    }
}
