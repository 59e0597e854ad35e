//! Group `articles` (grade 2): create, read, list, update and delete articles.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::check::{Check, Failure, Group};
use crate::http::Client;
use crate::http::client::Response;
use crate::http::conduit::{expect_error, new_article};
use crate::step2::{Binary, fresh, with_binary};

pub const GROUP: Group = Group::new("articles", 2, "src/handlers/articles.rs");

pub fn checks(binary: &Binary) -> Vec<Check> {
    vec![
        GROUP.check(
            "create",
            "POST /api/articles {\"article\": {title, description, body, tagList}} answers 201 \
             with {\"article\": {slug, title, description, body, tagList, createdAt, \
             updatedAt}}; the slug is the title in lower case with dashes",
            with_binary(binary, create),
        ),
        GROUP.check(
            "get_by_slug",
            "GET /api/articles/{slug} answers 200 with the article as it was created",
            with_binary(binary, get_by_slug),
        ),
        GROUP.check(
            "unknown_slug_404",
            "GET, PUT and DELETE on a slug that no article has answer 404 with \
             {\"errors\": {\"article\": [\"not found\"]}}",
            with_binary(binary, unknown_slug_404),
        ),
        GROUP.check(
            "unique_slugs",
            "two articles with the same title get different slugs (add -2, -3, …): check \
             whether a slug is taken before using it",
            with_binary(binary, unique_slugs),
        ),
        GROUP.check(
            "list_newest_first",
            "GET /api/articles answers {\"articles\": [newest first], \"articlesCount\": n}; \
             list items have every field but the body",
            with_binary(binary, list_newest_first),
        ),
        GROUP.check(
            "list_limit_offset",
            "limit defaults to 20; skip `offset` articles, then take `limit`; articlesCount \
             counts every match, not only the page",
            with_binary(binary, list_limit_offset),
        ),
        GROUP.check(
            "list_by_tag",
            "?tag=rust keeps the articles whose tagList contains \"rust\"; articlesCount \
             counts them",
            with_binary(binary, list_by_tag),
        ),
        GROUP.check(
            "update",
            "PUT /api/articles/{slug} {\"article\": {…}} changes only the fields present and \
             answers 200 with the article; a new title brings a new slug",
            with_binary(binary, update),
        ),
        GROUP.check(
            "delete",
            "DELETE /api/articles/{slug} answers 204 with no body; the article is gone \
             (404) and out of the list",
            with_binary(binary, delete),
        ),
    ]
}

fn create(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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
    expect_tags(&response, &article, &["dragons", "training"])
}

fn get_by_slug(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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
        for field in [
            "slug",
            "title",
            "description",
            "body",
            "createdAt",
            "updatedAt",
        ] {
            expect_field(&response, &article, field, &created[field])?;
        }
        expect_tags(&response, &article, &["food"])?;
    }
    Ok(())
}

fn unknown_slug_404(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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

fn unique_slugs(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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

fn list_newest_first(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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

fn list_limit_offset(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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

fn list_by_tag(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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

fn update(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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

fn delete(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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
