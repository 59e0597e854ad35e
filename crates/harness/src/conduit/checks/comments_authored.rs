//! Group `comments_authored` (step 4): comments belong to the user who wrote them. Each
//! carries its author's profile, and only its author may delete it (403 for anyone else).

use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::{Def, Service};
use crate::http::conduit::{expect_authored_comment, expect_error, new_article};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "with_author", with_author),
    Def::new(GROUP, "others_403", others_403),
];

const GROUP: &str = "comments_authored";

fn with_author(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (_, jake) = client.sign_up("jake")?;
    let (_, jane) = client.sign_up("jane")?;
    let slug = slug_of(&jake.create_article_ok(&new_article("Discussed", "d", "b", &[]))?);
    let response = jane.add_comment(&slug, "Nice one, jake")?;
    response.expect_status(201)?;
    let comment = response.envelope("comment")?;
    expect_authored_comment(&response, &comment)?;
    if comment["author"]["username"] != json!("jane") {
        return Err(response.fail("\"author\": {\"username\": \"jane\", …}: jane wrote it"));
    }
    jake.add_comment_ok(&slug, "Thanks")?;
    jake.follow("jane")?.expect_status(200)?;
    for (viewer, follows_jane) in [(&jake, true), (&client, false)] {
        let response = viewer.list_comments(&slug)?;
        let comments = viewer.list_comments_ok(&slug)?;
        let mut authors = Vec::new();
        for comment in &comments {
            expect_authored_comment(&response, comment)?;
            authors.push((
                comment["body"].as_str().unwrap_or_default().to_string(),
                comment["author"]["username"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                comment["author"]["following"].to_string(),
            ));
        }
        authors.sort();
        let expected = vec![
            (
                "Nice one, jake".to_string(),
                "jane".to_string(),
                follows_jane.to_string(),
            ),
            ("Thanks".to_string(), "jake".to_string(), false.to_string()),
        ];
        if authors != expected {
            return Err(response.fail(format!(
                "the two comments with their authors and \"following\" as this viewer sees \
                 them: {expected:?}"
            )));
        }
    }
    Ok(())
}

fn others_403(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (_, jake) = client.sign_up("jake")?;
    let (_, jane) = client.sign_up("jane")?;
    let slug = slug_of(&jake.create_article_ok(&new_article("Discussed", "d", "b", &[]))?);
    let comment = jake.add_comment_ok(&slug, "jake's comment")?;
    let id = comment["id"].as_u64().unwrap_or_default();
    expect_forbidden(&jane.delete_comment(&slug, id)?)?;
    let response = client.list_comments(&slug)?;
    if client.list_comments_ok(&slug)?.len() != 1 {
        return Err(response.fail("jake's comment still there: jane's delete was refused"));
    }
    // Jane may delete her own comment on jake's article; jake may delete his.
    let hers = jane.add_comment_ok(&slug, "jane's comment")?;
    jane.delete_comment(&slug, hers["id"].as_u64().unwrap_or_default())?
        .expect_status(204)?;
    jake.delete_comment(&slug, id)?.expect_status(204)?;
    Ok(())
}

/// 403 with Conduit's error body: jane's token, jake's comment.
fn expect_forbidden(response: &crate::http::Response) -> Result<(), Failure> {
    if response.status == 403 && expect_error(response, 403).is_ok() {
        Ok(())
    } else {
        Err(response.fail(
            "403 Forbidden with {\"errors\": {\"comment\": [\"forbidden\"]}}: this is jane's token, and \
             only the comment's author, jake, may change it",
        ))
    }
}
