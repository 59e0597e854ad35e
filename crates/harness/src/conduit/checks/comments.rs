//! Group `comments` (grade 3): comments on an article.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::{Def, Service};
use crate::http::conduit::{expect_error, new_article};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "add_and_list", add_and_list),
    Def::new(GROUP, "delete", delete),
    Def::new(GROUP, "unknown_article_404", unknown_article_404),
];

const GROUP: &str = "comments";

fn add_and_list(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let slug = slug_of(&client.create_article_ok(&new_article("Commented", "d", "b", &[]))?);
    let response = client.list_comments(&slug)?;
    let none = client.list_comments_ok(&slug)?;
    if !none.is_empty() {
        return Err(response.fail("{\"comments\": []} for an article without comments"));
    }
    let first = client.add_comment_ok(&slug, "First!")?;
    let second = client.add_comment_ok(&slug, "Second.")?;
    if first["id"] == second["id"] {
        return Err(Failure::new(format!(
            "two comments got the same id {}: every comment needs its own",
            first["id"]
        )));
    }
    let response = client.list_comments(&slug)?;
    let listed = client.list_comments_ok(&slug)?;
    let expected = id_bodies(&[first, second]);
    if id_bodies(&listed) != expected {
        return Err(response.fail(format!("the two comments added, {expected:?} (id, body)")));
    }
    Ok(())
}

fn delete(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let slug = slug_of(&client.create_article_ok(&new_article("Commented", "d", "b", &[]))?);
    let other = slug_of(&client.create_article_ok(&new_article("Other", "d", "b", &[]))?);
    let first = client.add_comment_ok(&slug, "to delete")?;
    let second = client.add_comment_ok(&slug, "to keep")?;
    let first_id = first["id"].as_u64().unwrap_or_default();
    let second_id = second["id"].as_u64().unwrap_or_default();

    let response = client.delete_comment(&slug, first_id)?;
    response.expect_status(204)?;
    if !response.text.is_empty() {
        return Err(response.fail("204 No Content with an empty body"));
    }
    let response = client.list_comments(&slug)?;
    let listed = client.list_comments_ok(&slug)?;
    if id_bodies(&listed) != id_bodies(std::slice::from_ref(&second)) {
        return Err(response.fail(format!("only comment {second_id} left")));
    }
    expect_error(&client.delete_comment(&slug, first_id)?, 404)?;
    expect_error(&client.delete_comment(&other, second_id)?, 404)?;
    Ok(())
}

fn unknown_article_404(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let slug = slug_of(&client.create_article_ok(&new_article("Exists", "d", "b", &[]))?);
    let comment = client.add_comment_ok(&slug, "hello")?;
    let id = comment["id"].as_u64().unwrap_or_default();
    expect_error(&client.list_comments("no-such-article")?, 404)?;
    expect_error(&client.add_comment("no-such-article", "hello?")?, 404)?;
    expect_error(&client.delete_comment("no-such-article", id)?, 404)?;
    Ok(())
}

fn id_bodies(comments: &[Value]) -> BTreeSet<(u64, String)> {
    comments
        .iter()
        .map(|c| {
            (
                c["id"].as_u64().unwrap_or_default(),
                c["body"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}
