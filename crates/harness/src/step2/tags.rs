//! Group `tags` (grade 3): the tags in use.

use std::collections::BTreeSet;

use crate::check::{Check, Failure, Group};
use crate::http::conduit::new_article;
use crate::step2::articles::slug_of;
use crate::step2::{Binary, fresh, with_binary};

pub const GROUP: Group = Group::new("tags", 3, "src/handlers/tags.rs");

pub fn checks(binary: &Binary) -> Vec<Check> {
    vec![GROUP.check(
        "distinct_tags",
        "GET /api/tags answers {\"tags\": [ … ]}: every tag of the stored articles, each once; \
         derive them from the articles, so a deleted article's tags go with it",
        with_binary(binary, distinct_tags),
    )]
}

fn distinct_tags(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
    let client = server.client();
    let response = client.tags()?;
    if !client.tags_ok()?.is_empty() {
        return Err(response.fail("{\"tags\": []} from a server with no articles"));
    }
    let first =
        slug_of(&client.create_article_ok(&new_article("First", "d", "b", &["rust", "web"]))?);
    client.create_article_ok(&new_article("Second", "d", "b", &["web", "dragons"]))?;
    expect_tags(&client, &["dragons", "rust", "web"])?;
    client.delete_article(&first)?.expect_status(204)?;
    expect_tags(&client, &["dragons", "web"])
}

fn expect_tags(client: &crate::http::Client, expected: &[&str]) -> Result<(), Failure> {
    let response = client.tags()?;
    let tags = client.tags_ok()?;
    let distinct: BTreeSet<&str> = tags.iter().map(String::as_str).collect();
    let wanted: BTreeSet<&str> = expected.iter().copied().collect();
    if distinct != wanted || distinct.len() != tags.len() {
        return Err(response.fail(format!("the tags {expected:?}, each once, in any order")));
    }
    Ok(())
}
