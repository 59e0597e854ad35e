//! Group `errors` (grade 4): every client mistake is a 4xx with Conduit's error body,
//! `{"errors": {"<field>": ["<message>"]}}`, never a 5xx and never axum's plain text.

use serde_json::json;

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::{Def, Service};
use crate::http::Request;
use crate::http::conduit::{expect_client_error, expect_error, new_article};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "missing_fields_422", missing_fields_422),
    Def::new(GROUP, "malformed_json_4xx", malformed_json_4xx),
    Def::new(GROUP, "wrong_types_4xx", wrong_types_4xx),
    Def::new(GROUP, "wrong_content_type_4xx", wrong_content_type_4xx),
    Def::new(GROUP, "body_over_limit_413", body_over_limit_413),
    Def::new(GROUP, "bad_query_and_path_4xx", bad_query_and_path_4xx),
    Def::new(GROUP, "title_too_long_422", title_too_long_422),
];

/// The longest title the contract accepts, in characters (the slug travels in URLs).
pub const TITLE_MAX_CHARS: usize = 256;

const GROUP: &str = "errors";

fn missing_fields_422(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let cases = [
        (json!({ "description": "d", "body": "b" }), vec!["title"]),
        (
            json!({ "title": "t", "description": "d", "body": "" }),
            vec!["body"],
        ),
        (
            json!({ "title": " ", "description": "", "body": "b" }),
            vec!["title", "description"],
        ),
        (json!({}), vec!["title", "description", "body"]),
    ];
    for (fields, named) in cases {
        let response = client.create_article(&fields)?;
        let errors = expect_error(&response, 422)?;
        for field in named {
            if errors.get(field).is_none() {
                return Err(response.fail(format!(
                    "422 with an error for the field \"{field}\", e.g. {{\"errors\": \
                     {{\"{field}\": [\"can't be blank\"]}}}}"
                )));
            }
        }
    }
    let slug = slug_of(&client.create_article_ok(&new_article("Valid", "d", "b", &[]))?);
    let response = client.update_article(&slug, &json!({ "title": "" }))?;
    if expect_error(&response, 422)?.get("title").is_none() {
        return Err(response.fail("422 with an error for the field \"title\""));
    }
    let response = client.add_comment(&slug, "  ")?;
    if expect_error(&response, 422)?.get("body").is_none() {
        return Err(response.fail("422 with an error for the field \"body\""));
    }
    let page = client.list_articles_ok("")?;
    if page.count != 1 {
        return Err(page
            .response
            .fail("\"articlesCount\": 1: a request answered 422 must not create anything"));
    }
    Ok(())
}

fn malformed_json_4xx(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    for body in [r#"{"article": {"title": "Half"#, "not json at all", ""] {
        let response =
            client.send(&Request::post("/api/articles").body("application/json", body))?;
        expect_client_error(&response)?;
    }
    let slug = slug_of(&client.create_article_ok(&new_article("Valid", "d", "b", &[]))?);
    let response = client.send(
        &Request::put(format!("/api/articles/{slug}")).body("application/json", "{\"article\":"),
    )?;
    expect_client_error(&response)?;
    let response = client.send(
        &Request::post(format!("/api/articles/{slug}/comments"))
            .body("application/json", "{comment: 'single quotes'}"),
    )?;
    expect_client_error(&response)?;
    let page = client.list_articles_ok("")?;
    if page.count != 1 {
        return Err(page
            .response
            .fail("\"articlesCount\": 1: a malformed request must not create anything"));
    }
    Ok(())
}

fn wrong_types_4xx(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    for body in [
        json!({ "article": { "title": 5, "description": "d", "body": "b" } }),
        json!({ "article": { "title": "t", "description": "d", "body": "b", "tagList": "not a list" } }),
        json!({ "article": "a string" }),
        json!([]),
        json!({ "post": { "title": "t", "description": "d", "body": "b" } }),
        // Arrays where the contract has objects: serde's derive reads a struct from an
        // array of its fields in order unless told not to.
        json!([{ "title": "t", "description": "d", "body": "b" }]),
        json!({ "article": ["t", "d", "b"] }),
    ] {
        let response = client.send(&Request::post("/api/articles").json(&body))?;
        expect_client_error(&response)?;
    }
    let article = client.create_article_ok(&new_article("Kept", "d", "b", &["kept"]))?;
    let slug = slug_of(&article);
    for changes in [json!([]), json!(["Renamed", "new description"])] {
        expect_client_error(&client.update_article(&slug, &changes)?)?;
    }
    for comment in [
        json!({ "comment": ["a comment"] }),
        json!([{ "body": "a comment" }]),
    ] {
        let path = format!("/api/articles/{slug}/comments");
        expect_client_error(&client.send(&Request::post(path).json(&comment))?)?;
    }
    let after = client.get_article_ok(&slug)?;
    if after["title"] != article["title"] || after["description"] != article["description"] {
        return Err(Failure::new(format!(
            "an update refused with a 4xx changed the article anyway: it was\n{article:#}\nand is now\n{after:#}"
        )));
    }
    expect_no_comments(&client, &slug)
}

/// After refused comments, the article has none.
fn expect_no_comments(client: &crate::http::Client, slug: &str) -> Result<(), Failure> {
    let comments = client.list_comments_ok(slug)?;
    if comments.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "comments refused with a 4xx were stored anyway: GET /api/articles/{slug}/comments lists {} of them",
            comments.len()
        )))
    }
}

fn wrong_content_type_4xx(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let body = json!({ "article": new_article("Plain", "d", "b", &[]) }).to_string();
    let response = client.send(&Request::post("/api/articles").body("text/plain", body.clone()))?;
    expect_client_error(&response)?;
    let mut no_type = Request::post("/api/articles");
    no_type.body = Some(body.into_bytes());
    expect_client_error(&client.send(&no_type)?)?;
    Ok(())
}

fn body_over_limit_413(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let response = client.send(&Request::post("/api/articles").json(&json!({
        "article": new_article("Long but fine", "d", &"a".repeat(512 * 1024), &[])
    })))?;
    response.expect_status(201)?;
    let envelope = r#"{"article":{"title":"Too long","description":"d","body":""}}"#;
    let padding = service.contract.body_limit + 1 - envelope.len();
    let body = envelope.replace(
        r#""body":"""#,
        &format!(r#""body":"{}""#, "a".repeat(padding)),
    );
    let response = client.send(&Request::post("/api/articles").body("application/json", body))?;
    expect_error(&response, 413)?;
    Ok(())
}

fn bad_query_and_path_4xx(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let slug = slug_of(&client.create_article_ok(&new_article("Valid", "d", "b", &[]))?);
    for query in ["limit=abc", "offset=-1", "limit=0"] {
        expect_client_error(&client.list_articles(query)?)?;
    }
    expect_client_error(&client.send(&Request::delete(format!(
        "/api/articles/{slug}/comments/abc"
    )))?)?;
    Ok(())
}

/// A title of [`TITLE_MAX_CHARS`] characters is fine and its article can be read back by its
/// slug; one character more is a 422 naming the title, on create and on update.
fn title_too_long_422(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let longest: String = "Long ".repeat(TITLE_MAX_CHARS / 5 + 1)[..TITLE_MAX_CHARS].to_string();
    let created = client.create_article_ok(&new_article(&longest, "d", "b", &[]))?;
    client.get_article(&slug_of(&created))?.expect_status(200)?;
    let too_long = format!("{longest}x");
    let expect_title_error = |response: &crate::http::Response| -> Result<(), Failure> {
        if expect_error(response, 422)?.get("title").is_none() {
            return Err(response.fail(format!(
                "422 with an error for the field \"title\": a title longer than \
                 {TITLE_MAX_CHARS} characters makes a slug too long for a URL"
            )));
        }
        Ok(())
    };
    expect_title_error(&client.create_article(&new_article(&too_long, "d", "b", &[]))?)?;
    let slug = slug_of(&client.create_article_ok(&new_article("Short", "d", "b", &[]))?);
    expect_title_error(&client.update_article(&slug, &json!({ "title": too_long }))?)?;
    client.get_article(&slug)?.expect_status(200)?;
    Ok(())
}
