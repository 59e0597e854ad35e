//! Group `feed` (step 4): `GET /api/articles/feed`, the articles of the users one follows,
//! newest first, with `limit` and `offset`; it needs a token.

use crate::check::Failure;
use crate::conduit::checks::articles::create_numbered;
use crate::conduit::{Def, Service};
use crate::http::conduit::expect_error;

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[Def::new(GROUP, "followed_only", followed_only)];

const GROUP: &str = "feed";

fn followed_only(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (_, jake) = client.sign_up("jake")?;
    let (_, jane) = client.sign_up("jane")?;
    let (_, carl) = client.sign_up("carl")?;
    // Interleaved, so that a feed sorted by anything but time gets the order wrong.
    let mut jakes = Vec::new();
    for round in 1..=3 {
        jakes.extend(create_numbered(&jake, &format!("Jake {round}"), 1)?);
        create_numbered(&jane, &format!("Jane {round}"), 1)?;
    }
    let newest_first: Vec<String> = jakes.iter().rev().cloned().collect();

    let empty = carl.feed_ok("")?;
    if empty.count != 0 || !empty.articles.is_empty() {
        return Err(empty
            .response
            .fail("{\"articles\": [], \"articlesCount\": 0}: carl follows nobody yet"));
    }
    carl.follow("jake")?.expect_status(200)?;
    for (query, range) in [("", 0..3), ("limit=2", 0..2), ("limit=2&offset=1", 1..3)] {
        let page = carl.feed_ok(query)?;
        let expected = &newest_first[range];
        if page.slugs() != expected || page.count != 3 {
            return Err(page.response.fail(format!(
                "jake's articles only (carl follows jake, not jane), newest first: {expected:?}, \
                 and \"articlesCount\": 3"
            )));
        }
        if page
            .articles
            .iter()
            .any(|a| a["author"]["following"] != serde_json::json!(true))
        {
            return Err(page
                .response
                .fail("\"author\": {…, \"following\": true} on every article of carl's feed"));
        }
    }
    carl.unfollow("jake")?.expect_status(200)?;
    let page = carl.feed_ok("")?;
    if page.count != 0 {
        return Err(page.response.fail("an empty feed: carl unfollowed jake"));
    }
    expect_error(&client.feed("")?, 401)?;
    Ok(())
}
