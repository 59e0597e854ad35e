//! Group `comments` (grade 3): comments on an article.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::check::{Check, Failure, Group};
use crate::http::conduit::{expect_error, new_article};
use crate::step2::articles::slug_of;
use crate::step2::{Binary, fresh, with_binary};

pub const GROUP: Group = Group::new("comments", 3, "src/handlers/comments.rs");

pub fn checks(binary: &Binary) -> Vec<Check> {
    vec![
        GROUP.check(
            "add_and_list",
            "POST /api/articles/{slug}/comments {\"comment\": {\"body\": …}} answers 201 with \
             {\"comment\": {id, body, createdAt, updatedAt}} (id: a whole number, unique); GET \
             on the same path answers {\"comments\": [ … ]}",
            with_binary(binary, add_and_list),
        ),
        GROUP.check(
            "delete",
            "DELETE /api/articles/{slug}/comments/{id} answers 204; a comment that is not on \
             that article (deleted already, or another article's) is a 404",
            with_binary(binary, delete),
        ),
        GROUP.check(
            "unknown_article_404",
            "listing, adding or deleting comments of an article that does not exist answers \
             404 with {\"errors\": {\"article\": [\"not found\"]}}",
            with_binary(binary, unknown_article_404),
        ),
    ]
}

fn add_and_list(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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

fn delete(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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

fn unknown_article_404(binary: &str) -> Result<(), Failure> {
    let (_app, server) = fresh(binary)?;
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
