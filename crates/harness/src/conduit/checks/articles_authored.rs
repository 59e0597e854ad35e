//! Group `articles_authored` (step 4): articles belong to the user who wrote them. Each
//! carries its author's profile, lists filter by author, and only the author may change or
//! delete an article (403 for anyone else, and nothing changes).

use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::{Def, Service};
use crate::http::conduit::{expect_authored_article, expect_error, new_article};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "with_author", with_author),
    Def::new(GROUP, "filter_by_author", filter_by_author),
    Def::new(GROUP, "others_403", others_403),
];

const GROUP: &str = "articles_authored";

fn with_author(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (_, jake) = client.sign_up("jake")?;
    let (_, jane) = client.sign_up("jane")?;
    jake.update_user(&json!({ "bio": "jake's bio" }))?
        .expect_status(200)?;
    let response = jake.create_article(&new_article("By Jake", "d", "b", &["x"]))?;
    response.expect_status(201)?;
    let article = response.envelope("article")?;
    expect_authored_article(&response, &article, true)?;
    let slug = slug_of(&article);
    let expect_author = |response: &crate::http::Response,
                         article: &serde_json::Value,
                         following: bool|
     -> Result<(), Failure> {
        let author = &article["author"];
        if author["username"] != json!("jake")
            || author["bio"] != json!("jake's bio")
            || author["following"] != json!(following)
        {
            return Err(response.fail(format!(
                "\"author\": {{\"username\": \"jake\", \"bio\": \"jake's bio\", …, \
                 \"following\": {following}}} (got {author})"
            )));
        }
        if article["favorited"] != json!(false) || article["favoritesCount"] != json!(0) {
            return Err(response.fail("\"favorited\": false and \"favoritesCount\": 0"));
        }
        Ok(())
    };
    expect_author(&response, &article, false)?;
    jane.follow("jake")?.expect_status(200)?;
    for (viewer, following) in [(&jane, true), (&client, false), (&jake, false)] {
        let response = viewer.get_article(&slug)?;
        response.expect_status(200)?;
        let article = response.envelope("article")?;
        expect_authored_article(&response, &article, true)?;
        expect_author(&response, &article, following)?;
        let page = viewer.list_articles_ok("")?;
        let Some(listed) = page.articles.first() else {
            return Err(page.response.fail("one article, jake's"));
        };
        expect_authored_article(&page.response, listed, false)?;
        expect_author(&page.response, listed, following)?;
    }
    Ok(())
}

fn filter_by_author(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (_, jake) = client.sign_up("jake")?;
    let (_, jane) = client.sign_up("jane")?;
    let a = slug_of(&jake.create_article_ok(&new_article("Jake One", "d", "b", &["t"]))?);
    jane.create_article_ok(&new_article("Jane One", "d", "b", &["t"]))?;
    let b = slug_of(&jake.create_article_ok(&new_article("Jake Two", "d", "b", &[]))?);
    for (query, expected) in [
        ("author=jake", vec![b.clone(), a.clone()]),
        ("author=jake&tag=t", vec![a.clone()]),
        ("author=jake&offset=1", vec![a.clone()]),
        ("author=nobody", vec![]),
    ] {
        let page = client.list_articles_ok(query)?;
        let total = match query {
            "author=jake" | "author=jake&offset=1" => 2,
            "author=jake&tag=t" => 1,
            _ => 0,
        };
        if page.slugs() != expected || page.count != total {
            return Err(page.response.fail(format!(
                "for ?{query}: {expected:?}, newest first, and \"articlesCount\": {total}"
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
    let created = jake.create_article_ok(&new_article("Jake's Own", "mine", "my body", &[]))?;
    let slug = slug_of(&created);
    expect_forbidden(&jane.update_article(&slug, &json!({ "body": "defaced" }))?)?;
    expect_forbidden(&jane.update_article(&slug, &json!({ "title": "Stolen" }))?)?;
    expect_forbidden(&jane.delete_article(&slug)?)?;
    let response = client.get_article(&slug)?;
    let now = client.get_article_ok(&slug)?;
    for field in ["title", "body", "description", "updatedAt"] {
        if now[field] != created[field] {
            return Err(response.fail(format!(
                "the article as jake wrote it (\"{field}\": {}): jane's requests were refused",
                created[field]
            )));
        }
    }
    // The author still may.
    jake.update_article(&slug, &json!({ "body": "edited by jake" }))?
        .expect_status(200)?;
    jake.delete_article(&slug)?.expect_status(204)?;
    Ok(())
}

/// 403 with Conduit's error body: jane's token, jake's article.
fn expect_forbidden(response: &crate::http::Response) -> Result<(), Failure> {
    if response.status == 403 && expect_error(response, 403).is_ok() {
        Ok(())
    } else {
        Err(response.fail(
            "403 Forbidden with {\"errors\": {\"article\": [\"forbidden\"]}}: this is jane's token, and \
             only the article's author, jake, may change it",
        ))
    }
}
