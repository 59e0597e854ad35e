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

/// A user a check registered: what it signed up with and the token it got back.
#[derive(Debug, Clone)]
pub struct Account {
    pub username: String,
    pub email: String,
    pub password: String,
    pub token: String,
}

impl Account {
    /// The credentials of a new user named `username`, with an email and a password of its
    /// own (distinctive, so that a check can search the server's logs for it).
    pub fn named(username: &str) -> Account {
        Account {
            username: username.to_string(),
            email: format!("{username}@example.com"),
            password: format!("pw-{username}-Correct-Horse-9"),
            token: String::new(),
        }
    }

    /// The `Authorization` header value of this user.
    pub fn authorization(&self) -> String {
        format!("Token {}", self.token)
    }
}

/// Registers users, signs requests: the auth helpers of step 4.
impl Client {
    /// `POST /api/users` with `{"user": {username, email, password}}`.
    pub fn register(
        &self,
        username: &str,
        email: &str,
        password: &str,
    ) -> Result<Response, Failure> {
        self.send(&Request::post("/api/users").json(
            &json!({ "user": { "username": username, "email": email, "password": password } }),
        ))
    }

    /// `POST /api/users/login` with `{"user": {email, password}}`.
    pub fn login(&self, email: &str, password: &str) -> Result<Response, Failure> {
        self.send(
            &Request::post("/api/users/login")
                .json(&json!({ "user": { "email": email, "password": password } })),
        )
    }

    /// `GET /api/user`: the user of the token sent.
    pub fn current_user(&self) -> Result<Response, Failure> {
        self.send(&Request::get("/api/user"))
    }

    /// `PUT /api/user` with `{"user": changes}`.
    pub fn update_user(&self, changes: &Value) -> Result<Response, Failure> {
        self.send(&Request::put("/api/user").json(&json!({ "user": changes })))
    }

    pub fn get_profile(&self, username: &str) -> Result<Response, Failure> {
        self.send(&Request::get(format!("/api/profiles/{username}")))
    }

    pub fn follow(&self, username: &str) -> Result<Response, Failure> {
        self.send(&Request::post(format!("/api/profiles/{username}/follow")))
    }

    pub fn unfollow(&self, username: &str) -> Result<Response, Failure> {
        self.send(&Request::delete(format!("/api/profiles/{username}/follow")))
    }

    pub fn favorite(&self, slug: &str) -> Result<Response, Failure> {
        self.send(&Request::post(format!("/api/articles/{slug}/favorite")))
    }

    pub fn unfavorite(&self, slug: &str) -> Result<Response, Failure> {
        self.send(&Request::delete(format!("/api/articles/{slug}/favorite")))
    }

    /// `GET /api/articles/feed?{query}`; `query` may be empty.
    pub fn feed(&self, query: &str) -> Result<Response, Failure> {
        if query.is_empty() {
            self.send(&Request::get("/api/articles/feed"))
        } else {
            self.send(&Request::get(format!("/api/articles/feed?{query}")))
        }
    }

    /// The same client signed in with `token` (`Authorization: Token <token>`).
    pub fn with_token(&self, token: &str) -> Client {
        self.with_header_replaced("Authorization", &format!("Token {token}"))
    }

    /// The same client as `account`.
    pub fn as_account(&self, account: &Account) -> Client {
        self.with_token(&account.token)
    }

    /// The same client with no `Authorization` header.
    pub fn signed_out(&self) -> Client {
        self.without_header("Authorization")
    }

    /// Registers `account`: 201 and a complete user without the password; returns the
    /// account with its token.
    pub fn register_ok(&self, account: &Account) -> Result<Account, Failure> {
        let response = self.register(&account.username, &account.email, &account.password)?;
        response.expect_status(201)?;
        let user = response.envelope("user")?;
        expect_user(&response, &user, &account.password)?;
        for field in ["username", "email"] {
            let sent = if field == "username" {
                &account.username
            } else {
                &account.email
            };
            if user[field] != json!(sent) {
                return Err(response.fail(format!("the user's \"{field}\" to be {sent:?}")));
            }
        }
        Ok(Account {
            token: user["token"].as_str().unwrap_or_default().to_string(),
            ..account.clone()
        })
    }

    /// Registers a user named `username` and returns it with a client signed in as it.
    pub fn sign_up(&self, username: &str) -> Result<(Account, Client), Failure> {
        let account = self.signed_out().register_ok(&Account::named(username))?;
        let client = self.as_account(&account);
        Ok((account, client))
    }

    /// Reads a profile: 200 and a complete profile, which is returned.
    pub fn get_profile_ok(&self, username: &str) -> Result<Value, Failure> {
        let response = self.get_profile(username)?;
        response.expect_status(200)?;
        let profile = response.envelope("profile")?;
        expect_profile(&response, &profile)?;
        Ok(profile)
    }

    /// Reads the current user: 200 and a complete user, which is returned.
    pub fn current_user_ok(&self) -> Result<Value, Failure> {
        let response = self.current_user()?;
        response.expect_status(200)?;
        let user = response.envelope("user")?;
        expect_user(&response, &user, "")?;
        Ok(user)
    }

    /// Reads the feed: 200 and a valid `{"articles": […], "articlesCount": n}`.
    pub fn feed_ok(&self, query: &str) -> Result<ArticleList, Failure> {
        let response = self.feed(query)?;
        article_list(response)
    }
}

/// A 200 list of articles as an [`ArticleList`], each article complete with its author.
pub fn article_list(response: Response) -> Result<ArticleList, Failure> {
    response.expect_status(200)?;
    let body = response.json()?;
    let (Some(articles), Some(count)) =
        (body["articles"].as_array(), body["articlesCount"].as_u64())
    else {
        return Err(
            response.fail("200 OK with {\"articles\": [ … ], \"articlesCount\": <whole number>}")
        );
    };
    for article in articles {
        expect_authored_article(&response, article, false)?;
    }
    Ok(ArticleList {
        articles: articles.clone(),
        count,
        response,
    })
}

/// A user object: string `email`, `token`, `username`; `bio` and `image` a string or null;
/// and no password, neither as a field nor anywhere in the body (`password`, when not empty).
pub fn expect_user(response: &Response, user: &Value, password: &str) -> Result<(), Failure> {
    for field in ["email", "token", "username"] {
        if user[field].as_str().is_none_or(str::is_empty) {
            return Err(response.fail(format!(
                "a user object with a non-empty string field \"{field}\""
            )));
        }
    }
    for field in ["bio", "image"] {
        if !(user[field].is_string() || user[field].is_null()) || user.get(field).is_none() {
            return Err(response.fail(format!(
                "a user object with \"{field}\": a string or null (present either way)"
            )));
        }
    }
    let leaked = user.get("password").is_some()
        || user.get("passwordHash").is_some()
        || user.get("password_hash").is_some()
        || (!password.is_empty() && response.text.contains(password));
    if leaked {
        return Err(response.fail(
            "a user object without the password or its hash: a response never carries them",
        ));
    }
    Ok(())
}

/// A profile object: string `username`, `bio` and `image` a string or null, boolean
/// `following`.
pub fn expect_profile(response: &Response, profile: &Value) -> Result<(), Failure> {
    if !profile["username"].is_string() {
        return Err(response.fail("a profile with a string field \"username\""));
    }
    for field in ["bio", "image"] {
        if profile.get(field).is_none() || !(profile[field].is_string() || profile[field].is_null())
        {
            return Err(response.fail(format!(
                "a profile with \"{field}\": a string or null (present either way)"
            )));
        }
    }
    if !profile["following"].is_boolean() {
        return Err(response.fail("a profile with a boolean field \"following\""));
    }
    for secret in ["email", "token", "password"] {
        if profile.get(secret).is_some() {
            return Err(response.fail(format!(
                "a profile without \"{secret}\": a profile is public, it shows only username, \
                 bio, image and following"
            )));
        }
    }
    Ok(())
}

/// A step-4 article: the step-2 fields, plus boolean `favorited`, whole-number
/// `favoritesCount` and the `author`'s profile.
pub fn expect_authored_article(
    response: &Response,
    article: &Value,
    with_body: bool,
) -> Result<(), Failure> {
    expect_article(response, article, with_body)?;
    if !article["favorited"].is_boolean() {
        return Err(response.fail("every article to have a boolean field \"favorited\""));
    }
    if !article["favoritesCount"].is_u64() {
        return Err(response.fail("every article to have a whole-number field \"favoritesCount\""));
    }
    if !article["author"].is_object() {
        return Err(response.fail(
            "every article to have \"author\": the profile {username, bio, image, following}",
        ));
    }
    expect_profile(response, &article["author"])
}

/// A step-4 comment: the step-2 fields and the `author`'s profile.
pub fn expect_authored_comment(response: &Response, comment: &Value) -> Result<(), Failure> {
    expect_comment(response, comment)?;
    if !comment["author"].is_object() {
        return Err(response.fail(
            "every comment to have \"author\": the profile {username, bio, image, following}",
        ));
    }
    expect_profile(response, &comment["author"])
}
