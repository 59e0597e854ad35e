//! Group `favorites` (step 4): favouriting articles, per user, with a count for everyone.
//!
//! `favorited` says whether the user *asking* favourited the article; `favoritesCount` is
//! the same for everyone. Favouriting twice counts once.

use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::{Def, Service};
use crate::http::conduit::{expect_authored_article, expect_error, new_article};
use crate::http::{Client, Response};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "favorite_and_count", favorite_and_count),
    Def::new(GROUP, "list_favorited_by", list_favorited_by),
];

const GROUP: &str = "favorites";

fn favorite_and_count(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (_, jake) = client.sign_up("jake")?;
    let (_, jane) = client.sign_up("jane")?;
    let (_, carl) = client.sign_up("carl")?;
    let slug = slug_of(&jake.create_article_ok(&new_article("Loved", "d", "b", &[]))?);
    jake.create_article_ok(&new_article("Ignored", "d", "b", &[]))?;
    // Favouriting needs a token: the count stays 0.
    expect_error(&client.favorite(&slug)?, 401)?;
    expect_error(&client.unfavorite(&slug)?, 401)?;
    expect_favorite(&client.get_article(&slug)?, false, 0)?;

    expect_favorite(&jane.favorite(&slug)?, true, 1)?;
    expect_favorite(&jane.favorite(&slug)?, true, 1)?;
    expect_favorite(&carl.favorite(&slug)?, true, 2)?;
    for (viewer, favorited) in [
        (&jane, true),
        (&carl, true),
        (&jake, false),
        (&client, false),
    ] {
        expect_favorite(&viewer.get_article(&slug)?, favorited, 2)?;
        expect_listed(viewer, &slug, favorited, 2)?;
    }
    expect_favorite(&jane.unfavorite(&slug)?, false, 1)?;
    expect_favorite(&jane.get_article(&slug)?, false, 1)?;
    expect_favorite(&carl.get_article(&slug)?, true, 1)?;
    expect_error(&jane.favorite("no-such-article")?, 404)?;
    expect_error(&jane.unfavorite("no-such-article")?, 404)?;
    Ok(())
}

fn list_favorited_by(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (_, jake) = client.sign_up("jake")?;
    let (_, jane) = client.sign_up("jane")?;
    let first = slug_of(&jake.create_article_ok(&new_article("First", "d", "b", &[]))?);
    jake.create_article_ok(&new_article("Second", "d", "b", &[]))?;
    let third = slug_of(&jake.create_article_ok(&new_article("Third", "d", "b", &[]))?);
    jane.favorite(&first)?.expect_status(200)?;
    jane.favorite(&third)?.expect_status(200)?;
    for (query, expected) in [
        ("favorited=jane", vec![third.clone(), first.clone()]),
        ("favorited=jane&limit=1", vec![third.clone()]),
        ("favorited=jake", vec![]),
        ("favorited=nobody", vec![]),
    ] {
        let page = client.list_articles_ok(query)?;
        let total = if query.starts_with("favorited=jane") {
            2
        } else {
            0
        };
        if page.slugs() != expected || page.count != total {
            return Err(page.response.fail(format!(
                "the articles jane favourited, newest first: {expected:?}, and \
                 \"articlesCount\": {total}"
            )));
        }
    }
    Ok(())
}

/// 200 and an article with `favorited` and `favoritesCount` as given.
fn expect_favorite(response: &Response, favorited: bool, count: u64) -> Result<(), Failure> {
    response.expect_status(200)?;
    let article = response.envelope("article")?;
    expect_authored_article(response, &article, true)?;
    if article["favorited"] != json!(favorited) || article["favoritesCount"] != json!(count) {
        return Err(response.fail(format!(
            "\"favorited\": {favorited} (for the user of the token) and \"favoritesCount\": \
             {count} (got {} and {})",
            article["favorited"], article["favoritesCount"]
        )));
    }
    Ok(())
}

/// The list of articles shows the same `favorited` and `favoritesCount` for `slug`.
fn expect_listed(viewer: &Client, slug: &str, favorited: bool, count: u64) -> Result<(), Failure> {
    let page = viewer.list_articles_ok("")?;
    let listed = page.articles.iter().find(|a| a["slug"] == json!(slug));
    match listed {
        Some(article)
            if article["favorited"] == json!(favorited)
                && article["favoritesCount"] == json!(count) =>
        {
            Ok(())
        }
        _ => Err(page.response.fail(format!(
            "{slug:?} listed with \"favorited\": {favorited} and \"favoritesCount\": {count}"
        ))),
    }
}
