//! Group `auth` (step 4): `Authorization: Token <jwt>`, and every way a request without a
//! good token must fail: no token, a malformed header, a forged signature, `alg: none`, an
//! expired token, a token whose user does not exist. Each is a 401 with Conduit's error
//! body, and nothing changes.
//!
//! The forged tokens are made here with the secret the check gives the server in
//! `JWT_SECRET`, as the HMAC key of the algorithm the server's own tokens name (HS256,
//! HS384 or HS512).

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::check::Failure;
use crate::conduit::{Def, Service};
use crate::http::conduit::{Account, expect_error, new_article};
use crate::http::jwt::Token;
use crate::http::{Client, Request, Response};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "token_required_401", token_required_401),
    Def::new(GROUP, "malformed_header_401", malformed_header_401),
    Def::new(GROUP, "forged_signature_401", forged_signature_401),
    Def::new(GROUP, "expired_token_401", expired_token_401),
    Def::new(GROUP, "deleted_user_401", deleted_user_401),
];

const GROUP: &str = "auth";

/// The variable that holds the server's signing secret (part of step 4's protocol).
pub const JWT_SECRET: &str = "JWT_SECRET";

fn token_required_401(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let (_, jake) = server.client().sign_up("jake")?;
    let anonymous = server.client();
    let before = World::of(&jake)?;
    for response in writes(&anonymous, &before)? {
        expect_refused(&response, "no Authorization header")?;
    }
    expect_refused(&anonymous.current_user()?, "no Authorization header")?;
    before.unchanged(&jake)
}

fn malformed_header_401(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let (account, jake) = server.client().sign_up("jake")?;
    let before = World::of(&jake)?;
    let token = &account.token;
    for value in [
        "Token".to_string(),
        "Token ".to_string(),
        "Token not-a-jwt".to_string(),
        "Token a.b.c".to_string(),
        format!("Token {token}x"),
        format!("Token {}", &token[..token.len() / 2]),
        "Basic amFrZTpwYXNzd29yZA==".to_string(),
    ] {
        let client = server
            .client()
            .with_header_replaced("Authorization", &value);
        expect_error(&client.current_user()?, 401)?;
        for response in writes(&client, &before)? {
            expect_error(&response, 401)?;
        }
    }
    before.unchanged(&jake)
}

fn forged_signature_401(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let (account, jake) = server.client().sign_up("jake")?;
    let token = parse_token(&account)?;
    let secret = secret_of(service)?;
    let before = World::of(&jake)?;
    // Control: the same claims signed with the right secret are accepted, so a refusal below
    // is the signature's doing.
    expect_accepted(
        &server.client().with_token(&token.sign(secret.as_bytes())),
        &account,
    )?;
    for (what, forged) in [
        (
            "signed with another secret",
            token.sign(b"not-the-server-secret-not-the-server-secret"),
        ),
        ("with \"alg\": \"none\" and no signature", token.unsigned()),
    ] {
        let client = server.client().with_token(&forged);
        let response = client.current_user()?;
        if response.status != 401 {
            return Err(response.fail(format!(
                "401 Unauthorized for a token {what}: verify the signature with your secret \
                 and the one algorithm you sign with, never the one the token names"
            )));
        }
        expect_error(&response, 401)?;
        for response in writes(&client, &before)? {
            expect_refused(&response, &format!("a token {what}"))?;
        }
    }
    before.unchanged(&jake)
}

fn expired_token_401(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let (account, jake) = server.client().sign_up("jake")?;
    let token = parse_token(&account)?;
    let secret = secret_of(service)?;
    let Some(exp) = token.claims["exp"].as_i64() else {
        return Err(Failure::new(format!(
            "the token of POST /api/users has the claims {}: no \"exp\" (expiry, in seconds \
             since 1970), so it is good forever. Give tokens an expiry.",
            token.claims
        )));
    };
    let now = unix_now();
    if exp <= now {
        return Err(Failure::new(format!(
            "the token POST /api/users just issued has \"exp\": {exp}, which is not in the future \
             (now: {now})"
        )));
    }
    let before = World::of(&jake)?;
    let resigned = |exp: i64| {
        let mut claims = token.claims.clone();
        claims["exp"] = json!(exp);
        for past in ["iat", "nbf"] {
            if claims.get(past).is_some() {
                claims[past] = json!(exp - 7200);
            }
        }
        Token {
            header: token.header.clone(),
            claims,
        }
        .sign(secret.as_bytes())
    };
    // Control: a later expiry is accepted (the token's form is understood here).
    expect_accepted(&server.client().with_token(&resigned(now + 3600)), &account)?;
    let expired = server.client().with_token(&resigned(now - 3600));
    let response = expired.current_user()?;
    if response.status != 401 {
        return Err(response.fail(
            "401 Unauthorized for a token whose \"exp\" passed an hour ago: check the expiry \
             when you verify a token",
        ));
    }
    expect_error(&response, 401)?;
    for response in writes(&expired, &before)? {
        expect_refused(&response, "a token whose \"exp\" passed an hour ago")?;
    }
    before.unchanged(&jake)
}

fn deleted_user_401(service: &Service) -> Result<(), Failure> {
    // A token signed by the same secret for a user this database does not hold: as if the
    // user had been deleted. (The API has no endpoint that deletes users.) The token is the
    // third user's of another database, and this one has a single user, so that ids counted
    // from 1 do not land on a user here by chance.
    let token = {
        let (_app, elsewhere) = service.fresh_signed_out()?;
        let client = elsewhere.client();
        client.sign_up("ghost1")?;
        client.sign_up("ghost2")?;
        client.sign_up("ghost3")?.0.token
    };
    let (_app, server) = service.fresh_signed_out()?;
    let (_, jake) = server.client().sign_up("jake")?;
    let before = World::of(&jake)?;
    let ghost = server.client().with_token(&token);
    let response = ghost.current_user()?;
    if !matches!(response.status, 401 | 403) {
        return Err(response.fail(
            "401 Unauthorized: the token is well signed, but its user is not in this database \
             (deleted); look the user up on every request",
        ));
    }
    for response in writes(&ghost, &before)? {
        if !matches!(response.status, 401 | 403) {
            return Err(response.fail(
                "401 Unauthorized (or 403) for a token whose user does not exist, and nothing \
                 written",
            ));
        }
        expect_error(&response, response.status)?;
    }
    before.unchanged(&jake)
}

/// What a signed-in user built, to see that refused requests changed none of it.
struct World {
    slug: String,
    article: Value,
    comments: Vec<Value>,
    count: u64,
    user: Value,
}

impl World {
    /// An article and a comment written by `owner`, and the state of it all.
    fn of(owner: &Client) -> Result<World, Failure> {
        let article =
            owner.create_article_ok(&new_article("Owned", "by jake", "jake's body", &["mine"]))?;
        let slug = article["slug"].as_str().unwrap_or_default().to_string();
        owner.add_comment_ok(&slug, "jake's comment")?;
        World::snapshot(owner, &slug)
    }

    fn snapshot(owner: &Client, slug: &str) -> Result<World, Failure> {
        Ok(World {
            slug: slug.to_string(),
            article: owner.get_article_ok(slug)?,
            comments: owner.list_comments_ok(slug)?,
            count: owner.list_articles_ok("")?.count,
            // A server may hand out a fresh token on every read: compare the rest.
            user: without_token(owner.current_user_ok()?),
        })
    }

    /// The owner sees everything as it was.
    fn unchanged(&self, owner: &Client) -> Result<(), Failure> {
        let now = World::snapshot(owner, &self.slug)?;
        let same = now.article == self.article
            && now.comments == self.comments
            && now.count == self.count
            && now.user == self.user;
        if same {
            Ok(())
        } else {
            Err(Failure::new(format!(
                "a request answered 401 changed data: before, {}; after, {}",
                self.describe(),
                now.describe()
            )))
        }
    }

    fn describe(&self) -> String {
        format!(
            "article {}, comments {}, {} articles, user {}",
            self.article,
            json!(self.comments),
            self.count,
            self.user
        )
    }
}

/// Every kind of write of the stage this area belongs to (users and the articles API),
/// sent by `client` against `world`: each must be refused. (Follows and favourites come in
/// later stages; their areas check their own 401s.)
fn writes(client: &Client, world: &World) -> Result<Vec<Response>, Failure> {
    let slug = &world.slug;
    let comment_id = world.comments.first().and_then(|c| c["id"].as_u64());
    let mut responses = vec![
        client.create_article(&new_article("Intruder", "d", "b", &[]))?,
        client.update_article(slug, &json!({ "body": "defaced" }))?,
        client.add_comment(slug, "intruding")?,
        client.update_user(&json!({ "bio": "hacked" }))?,
    ];
    if let Some(id) = comment_id {
        responses.push(client.delete_comment(slug, id)?);
    }
    responses.push(client.delete_article(slug)?);
    Ok(responses)
}

/// 401 with Conduit's error body, the request being refused because of `why`.
fn expect_refused(response: &Response, why: &str) -> Result<(), Failure> {
    if response.status == 401 && expect_error(response, 401).is_ok() {
        Ok(())
    } else {
        Err(response.fail(format!(
            "401 Unauthorized with {{\"errors\": {{\"token\": [\"…\"]}}}}, for {why}: check \
             the token before anything else, and change nothing"
        )))
    }
}

fn without_token(mut user: Value) -> Value {
    if let Some(user) = user.as_object_mut() {
        user.remove("token");
    }
    user
}

fn parse_token(account: &Account) -> Result<Token, Failure> {
    Token::parse(&account.token).ok_or_else(|| {
        Failure::new(format!(
            "the token of POST /api/users, {:?}, is not a JWT (header.claims.signature, each \
             part base64url)",
            account.token
        ))
    })
}

fn secret_of(service: &Service) -> Result<String, Failure> {
    service
        .env(JWT_SECRET)
        .map(str::to_string)
        .ok_or_else(|| Failure::new("the suite sets no JWT_SECRET for the server: a kit bug"))
}

/// The token is accepted: `GET /api/user` answers the account's user.
fn expect_accepted(client: &Client, account: &Account) -> Result<(), Failure> {
    let response = client.send(&Request::get("/api/user"))?;
    if response.status == 200
        && response
            .envelope("user")
            .is_ok_and(|u| u["username"] == json!(account.username))
    {
        Ok(())
    } else {
        Err(response.fail(format!(
            "200 OK with the user {}: this token has the claims of the server's own, signed \
             with JWT_SECRET as the HMAC key of the algorithm its header names",
            account.username
        )))
    }
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}
