//! Group `tags` (grade 3): the tags in use.

use std::collections::BTreeSet;

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::{Def, Service};
use crate::http::conduit::new_article;

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[Def::new(GROUP, "distinct_tags", distinct_tags)];

const GROUP: &str = "tags";

fn distinct_tags(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
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
