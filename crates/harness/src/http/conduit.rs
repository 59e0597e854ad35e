//! Typed helpers for the Conduit endpoints, and the shape checks every step shares:
//! article and comment objects, list envelopes, and the `{"errors": {…}}` body.
//!
//! Each helper sends one request and returns the [`Response`] (any status); the `*_ok`
//! helpers also check the success status and envelope, and return what is inside.

use serde_json::{Value, json};

use crate::check::Failure;
use crate::http::client::{Client, Request, Response};

/// The fields of a new article, as a JSON object (the helpers add the envelope).
pub fn new_article(title: &str, description: &str, body: &str, tags: &[&str]) -> Value {
    json!({ "title": title, "description": description, "body": body, "tagList": tags })
}

/// A page of `GET /api/articles`.
#[derive(Debug, Clone)]
pub struct ArticleList {
    pub articles: Vec<Value>,
    /// `articlesCount`: every match, not only this page.
    pub count: u64,
    pub response: Response,
}

impl ArticleList {
    pub fn slugs(&self) -> Vec<String> {
        self.articles
            .iter()
            .map(|a| a["slug"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

impl Client {
    pub fn healthz(&self) -> Result<Response, Failure> {
        self.send(&Request::get("/healthz"))
    }

    /// `GET /api/articles?{query}`; `query` may be empty.
    pub fn list_articles(&self, query: &str) -> Result<Response, Failure> {
        if query.is_empty() {
            self.send(&Request::get("/api/articles"))
        } else {
            self.send(&Request::get(format!("/api/articles?{query}")))
        }
    }

    /// `POST /api/articles` with `{"article": fields}`.
    pub fn create_article(&self, fields: &Value) -> Result<Response, Failure> {
        self.send(&Request::post("/api/articles").json(&json!({ "article": fields })))
    }

    pub fn get_article(&self, slug: &str) -> Result<Response, Failure> {
        self.send(&Request::get(format!("/api/articles/{slug}")))
    }

    /// `PUT /api/articles/{slug}` with `{"article": changes}`.
    pub fn update_article(&self, slug: &str, changes: &Value) -> Result<Response, Failure> {
        self.send(
            &Request::put(format!("/api/articles/{slug}")).json(&json!({ "article": changes })),
        )
    }

    pub fn delete_article(&self, slug: &str) -> Result<Response, Failure> {
        self.send(&Request::delete(format!("/api/articles/{slug}")))
    }

    pub fn list_comments(&self, slug: &str) -> Result<Response, Failure> {
        self.send(&Request::get(format!("/api/articles/{slug}/comments")))
    }

    /// `POST /api/articles/{slug}/comments` with `{"comment": {"body": body}}`.
    pub fn add_comment(&self, slug: &str, body: &str) -> Result<Response, Failure> {
        self.send(
            &Request::post(format!("/api/articles/{slug}/comments"))
                .json(&json!({ "comment": { "body": body } })),
        )
    }

    pub fn delete_comment(&self, slug: &str, id: u64) -> Result<Response, Failure> {
        self.send(&Request::delete(format!(
            "/api/articles/{slug}/comments/{id}"
        )))
    }

    pub fn tags(&self) -> Result<Response, Failure> {
        self.send(&Request::get("/api/tags"))
    }

    /// Creates an article: 201 and a complete article, which is returned.
    pub fn create_article_ok(&self, fields: &Value) -> Result<Value, Failure> {
        let response = self.create_article(fields)?;
        response.expect_status(201)?;
        let article = response.envelope("article")?;
        expect_article(&response, &article, true)?;
        Ok(article)
    }

    /// Reads an article: 200 and a complete article.
    pub fn get_article_ok(&self, slug: &str) -> Result<Value, Failure> {
        let response = self.get_article(slug)?;
        response.expect_status(200)?;
        let article = response.envelope("article")?;
        expect_article(&response, &article, true)?;
        Ok(article)
    }

    /// Lists articles: 200 and a valid `{"articles": […], "articlesCount": n}`.
    pub fn list_articles_ok(&self, query: &str) -> Result<ArticleList, Failure> {
        let response = self.list_articles(query)?;
        response.expect_status(200)?;
        let body = response.json()?;
        let (Some(articles), Some(count)) =
            (body["articles"].as_array(), body["articlesCount"].as_u64())
        else {
            return Err(response
                .fail("200 OK with {\"articles\": [ … ], \"articlesCount\": <whole number>}"));
        };
        for article in articles {
            expect_article(&response, article, false)?;
        }
        Ok(ArticleList {
            articles: articles.clone(),
            count,
            response,
        })
    }

    /// Adds a comment: 201 and a complete comment, which is returned.
    pub fn add_comment_ok(&self, slug: &str, body: &str) -> Result<Value, Failure> {
        let response = self.add_comment(slug, body)?;
        response.expect_status(201)?;
        let comment = response.envelope("comment")?;
        expect_comment(&response, &comment)?;
        if comment["body"] != json!(body) {
            return Err(response.fail(format!("the comment's \"body\" to be {}", json!(body))));
        }
        Ok(comment)
    }

    /// Lists comments: 200 and `{"comments": [ … ]}`, which are returned.
    pub fn list_comments_ok(&self, slug: &str) -> Result<Vec<Value>, Failure> {
        let response = self.list_comments(slug)?;
        response.expect_status(200)?;
        let body = response.json()?;
        let Some(comments) = body["comments"].as_array() else {
            return Err(response.fail("200 OK with {\"comments\": [ … ]}"));
        };
        for comment in comments {
            expect_comment(&response, comment)?;
        }
        Ok(comments.clone())
    }

    /// Reads the tags: 200 and `{"tags": ["…", …]}`.
    pub fn tags_ok(&self) -> Result<Vec<String>, Failure> {
        let response = self.tags()?;
        response.expect_status(200)?;
        let body = response.json()?;
        body["tags"]
            .as_array()
            .and_then(|tags| {
                tags.iter()
                    .map(|t| t.as_str().map(str::to_string))
                    .collect()
            })
            .ok_or_else(|| response.fail("200 OK with {\"tags\": [\"…\", …]}"))
    }
}

/// An article object has Conduit's camelCase fields with the right types; `with_body` for a
/// single article (lists leave the body out).
pub fn expect_article(
    response: &Response,
    article: &Value,
    with_body: bool,
) -> Result<(), Failure> {
    let mut text_fields = vec!["slug", "title", "description", "createdAt", "updatedAt"];
    if with_body {
        text_fields.push("body");
    }
    for field in text_fields {
        if !article[field].is_string() {
            return Err(response.fail(format!(
                "every article to have a string field \"{field}\" (Conduit's names are \
                 camelCase: tagList, createdAt, updatedAt; use #[serde(rename_all = \"camelCase\")])"
            )));
        }
    }
    for field in ["createdAt", "updatedAt"] {
        expect_timestamp(response, "article", field, &article[field])?;
    }
    let tags_ok = article["tagList"]
        .as_array()
        .is_some_and(|tags| tags.iter().all(Value::is_string));
    if !tags_ok {
        return Err(response.fail("every article to have \"tagList\": an array of strings"));
    }
    Ok(())
}

/// A comment object: a whole-number `id`, and string `body`, `createdAt`, `updatedAt`.
pub fn expect_comment(response: &Response, comment: &Value) -> Result<(), Failure> {
    if !comment["id"].is_u64() {
        return Err(response.fail("every comment to have a whole-number \"id\""));
    }
    for field in ["body", "createdAt", "updatedAt"] {
        if !comment[field].is_string() {
            return Err(response.fail(format!("every comment to have a string field \"{field}\"")));
        }
    }
    for field in ["createdAt", "updatedAt"] {
        expect_timestamp(response, "comment", field, &comment[field])?;
    }
    Ok(())
}

/// `value` is a timestamp as Conduit shows it: RFC 3339 in UTC with exactly three fraction
/// digits. A fixed width matters because clients sort timestamps as strings.
fn expect_timestamp(
    response: &Response,
    what: &str,
    field: &str,
    value: &Value,
) -> Result<(), Failure> {
    if value.as_str().is_some_and(is_timestamp) {
        return Ok(());
    }
    Err(response.fail(format!(
        "every {what}'s \"{field}\" in UTC with exactly three fraction digits, e.g. \
         \"2026-12-01T22:26:11.530Z\" (got {value}): clients sort timestamps as strings, so \
         \"…11.53Z\" must not lose its trailing zero"
    )))
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn is_timestamp(text: &str) -> bool {
    let shape = "dddd-dd-ddTdd:dd:dd.dddZ";
    text.len() == shape.len()
        && text.bytes().zip(shape.bytes()).all(|(c, s)| match s {
            b'd' => c.is_ascii_digit(),
            _ => c == s,
        })
}

/// The status is `status` and the body is Conduit's error body, `{"errors": {"field":
/// ["message", …]}}` with at least one message.
pub fn expect_error(response: &Response, status: u16) -> Result<Value, Failure> {
    let expected = format!(
        "{} with a JSON body {{\"errors\": {{\"<field>\": [\"<message>\"]}}}}",
        crate::http::client::status_line(status)
    );
    if response.status != status {
        return Err(response.fail(expected));
    }
    error_fields(response).ok_or_else(|| response.fail(expected))
}

/// A 4xx (any) with Conduit's error body: the answer to every client mistake.
pub fn expect_client_error(response: &Response) -> Result<Value, Failure> {
    let expected = "a 4xx status (the client's mistake, not the server's) with a JSON body \
                    {\"errors\": {\"<field>\": [\"<message>\"]}}";
    if !(400..500).contains(&response.status) {
        return Err(response.fail(expected));
    }
    error_fields(response).ok_or_else(|| response.fail(expected))
}

/// `errors` of an error body, if the body is one.
fn error_fields(response: &Response) -> Option<Value> {
    let body: Value = serde_json::from_str(&response.text).ok()?;
    let errors = body.get("errors")?.as_object()?;
    let well_formed = !errors.is_empty()
        && errors.values().all(|messages| {
            messages
                .as_array()
                .is_some_and(|m| !m.is_empty() && m.iter().all(Value::is_string))
        });
    well_formed.then(|| Value::Object(errors.clone()))
}
