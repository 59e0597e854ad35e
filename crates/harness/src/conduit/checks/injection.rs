//! Group `injection` (steps 3–4): text that looks like SQL is only text.
//!
//! Every field and query parameter below is full of quotes, semicolons and comments. A
//! server that binds values as parameters (`?1`) stores and returns them byte for byte; one
//! that pastes them into its SQL (`format!("… '{title}' …")`) fails on the first quote, or
//! worse, runs them.

use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::{Def, Service};
use crate::http::conduit::new_article;

/// Strings that break SQL built by pasting text.
pub const HOSTILE: &[&str] = &[
    "Robert'); DROP TABLE articles; --",
    "' OR '1'='1",
    "\"; DELETE FROM comments; --",
    "50% off_ \\ back\\slash 'quoted' \"double\" `tick`",
    "x' UNION SELECT name, sql FROM sqlite_master --",
];

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[Def::new(GROUP, "stored_verbatim", stored_verbatim)];

const GROUP: &str = "injection";

fn stored_verbatim(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let plain = slug_of(&client.create_article_ok(&new_article("Plain", "d", "b", &["plain"]))?);
    for (i, text) in HOSTILE.iter().enumerate() {
        let tag = format!("{text} {i}");
        let fields = new_article(text, text, text, &[&tag]);
        let response = client.create_article(&fields)?;
        if response.status != 201 {
            return Err(response.fail(format!(
                "201 Created, with every field stored and returned verbatim: {text:?} is a \
                 title like any other (bind values as parameters, never paste them into SQL)"
            )));
        }
        let slug = slug_of(&response.envelope("article")?);
        let response = client.get_article(&slug)?;
        response.expect_status(200)?;
        let article = response.envelope("article")?;
        for field in ["title", "description", "body"] {
            if article[field] != json!(text) {
                return Err(response.fail(format!("\"{field}\": {} (verbatim)", json!(text))));
            }
        }
        if article["tagList"] != json!([tag]) {
            return Err(response.fail(format!("\"tagList\": {} (verbatim)", json!([tag]))));
        }
        let tagged = client.list_articles_ok(&format!("tag={}", encode(&tag)))?;
        if tagged.slugs() != [slug.clone()] {
            return Err(tagged.response.fail(format!(
                "only the article tagged {tag:?} ([{slug:?}]): the tag is a value, not SQL"
            )));
        }
        let comment = client.add_comment(&slug, text)?;
        if comment.status != 201 || comment.envelope("comment")?["body"] != json!(text) {
            return Err(comment.fail(format!("201 Created with \"body\": {}", json!(text))));
        }
        let changes = json!({ "description": format!("{text} (edited)") });
        let response = client.update_article(&slug, &changes)?;
        if response.status != 200
            || response.envelope("article")?["description"] != changes["description"]
        {
            return Err(response.fail(format!(
                "200 OK with \"description\": {}",
                changes["description"]
            )));
        }
    }
    for text in HOSTILE {
        let page = client.list_articles_ok(&format!("tag={}", encode(text)))?;
        if page.count != 0 {
            return Err(page.response.fail(format!(
                "no article: none is tagged {text:?} exactly (a filter pasted into SQL \
                 matches rows it should not)"
            )));
        }
    }
    let page = client.list_articles_ok("limit=100")?;
    if page.count != HOSTILE.len() as u64 + 1 || !page.slugs().contains(&plain) {
        return Err(page.response.fail(format!(
            "all {} articles still there, the first one ({plain:?}) too",
            HOSTILE.len() + 1
        )));
    }
    Ok(())
}

/// `text` percent-encoded for a query string.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
