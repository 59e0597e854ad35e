//! Group `users` (step 4): register, log in, read and update the current user.
//!
//! The rules come from the RealWorld spec: registering answers 201 with the user and a token;
//! a wrong password is refused (401, or 422 as older Conduit servers do); an existing email
//! or username is a 409 (or 422) that overwrites nothing; in an update, an empty or null
//! `bio`/`image` clears it (to null), an empty or null `email`/`username` is a 422. No
//! response ever carries a password or its hash.

use serde_json::{Value, json};

use crate::check::Failure;
use crate::conduit::{Def, Service};
use crate::http::Response;
use crate::http::conduit::{Account, expect_error, expect_user};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "register_201", register_201),
    Def::new(GROUP, "register_validation_422", register_validation_422),
    Def::new(GROUP, "duplicate_refused", duplicate_refused),
    Def::new(GROUP, "login", login),
    Def::new(GROUP, "current_user", current_user),
    Def::new(GROUP, "update", update),
    Def::new(GROUP, "update_empty_and_null", update_empty_and_null),
];

const GROUP: &str = "users";

fn register_201(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let account = client.register_ok(&Account::named("jake"))?;
    let me = client.as_account(&account).current_user_ok()?;
    if me["username"] != json!("jake") || me["email"] != json!("jake@example.com") {
        return Err(Failure::new(format!(
            "GET /api/user with the token that POST /api/users returned answered the user {me}; \
             expected jake (jake@example.com)"
        )));
    }
    Ok(())
}

fn register_validation_422(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    for (username, email, password, field) in [
        ("", "a@example.com", "secret-password", "username"),
        ("amy", "", "secret-password", "email"),
        ("amy", "a@example.com", "", "password"),
    ] {
        let response = client.register(username, email, password)?;
        let errors = expect_error(&response, 422)?;
        expect_error_for(&response, &errors, field)?;
    }
    let response = client
        .send(&crate::http::Request::post("/api/users").json(
            &json!({ "user": { "email": "a@example.com", "password": "secret-password" } }),
        ))?;
    let errors = expect_error(&response, 422)?;
    expect_error_for(&response, &errors, "username")?;
    // Nothing was created: the first valid registration with that email succeeds.
    client.register_ok(&Account {
        email: "a@example.com".to_string(),
        ..Account::named("amy")
    })?;
    Ok(())
}

fn duplicate_refused(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let first = client.register_ok(&Account::named("jake"))?;
    let cases = [
        ("email", "someone-else", "jake@example.com"),
        ("username", "jake", "other@example.com"),
    ];
    for (field, username, email) in cases {
        let response = client.register(username, email, "another-password-123")?;
        let errors = expect_conflict(&response)?;
        expect_error_for(&response, &errors, field)?;
        // The refused registration overwrote nothing: the first user still logs in with its
        // own password, and the new password opens nothing.
        let response = client.login(&first.email, &first.password)?;
        response.expect_status(200).map_err(|_| {
            response.fail(format!(
                "200 OK: the refused registration of {username:?} ({email}) must leave the \
                 first user and its password as they were"
            ))
        })?;
        let user = response.envelope("user")?;
        if user["username"] != json!("jake") || user["email"] != json!("jake@example.com") {
            return Err(response.fail("the first user, jake (jake@example.com), unchanged"));
        }
        expect_refused_login(&client.login(email, "another-password-123")?)?;
    }
    Ok(())
}

fn login(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let account = client.register_ok(&Account::named("jake"))?;
    client.register_ok(&Account::named("jane"))?;
    let response = client.login(&account.email, &account.password)?;
    response.expect_status(200)?;
    let user = response.envelope("user")?;
    expect_user(&response, &user, &account.password)?;
    if user["username"] != json!("jake") {
        return Err(response.fail("the user jake, whose email and password were sent"));
    }
    let token = user["token"].as_str().unwrap_or_default();
    let me = client.with_token(token).current_user_ok()?;
    if me["username"] != json!("jake") {
        return Err(Failure::new(format!(
            "GET /api/user with the token of jake's login answered {me}; expected jake"
        )));
    }
    expect_refused_login(&client.login(&account.email, "not-the-password")?)?;
    expect_refused_login(&client.login("nobody@example.com", &account.password)?)?;
    // Jane's password does not open jake's account.
    expect_refused_login(&client.login(&account.email, &Account::named("jane").password)?)?;
    let response = client.login("", "")?;
    expect_error(&response, 422)?;
    Ok(())
}

fn current_user(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (jake, as_jake) = client.sign_up("jake")?;
    let (jane, as_jane) = client.sign_up("jane")?;
    for (account, signed_in) in [(&jake, &as_jake), (&jane, &as_jane)] {
        let response = signed_in.current_user()?;
        response.expect_status(200)?;
        let user = response.envelope("user")?;
        expect_user(&response, &user, &account.password)?;
        if user["username"] != json!(account.username) || user["email"] != json!(account.email) {
            return Err(response.fail(format!(
                "the user of the token sent: {} ({})",
                account.username, account.email
            )));
        }
    }
    expect_error(&client.current_user()?, 401)?;
    Ok(())
}

fn update(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (jake, as_jake) = client.sign_up("jake")?;
    let changes = json!({ "bio": "I like to skateboard", "image": "https://example.com/jake.png" });
    let response = as_jake.update_user(&changes)?;
    let user = expect_user_ok(&response, "")?;
    expect_fields(&response, &user, &changes)?;
    expect_fields(
        &response,
        &user,
        &json!({ "username": "jake", "email": jake.email }),
    )?;
    let after = as_jake.current_user()?;
    expect_fields(&after, &expect_user_ok(&after, "")?, &changes)?;

    // A new email and password: the login takes the new ones and refuses the old.
    let new_password = "a-brand-new-password-42";
    let response = as_jake
        .update_user(&json!({ "email": "jake@conduit.example", "password": new_password }))?;
    let user = expect_user_ok(&response, new_password)?;
    expect_fields(
        &response,
        &user,
        &json!({ "email": "jake@conduit.example" }),
    )?;
    let response = client.login("jake@conduit.example", new_password)?;
    response.expect_status(200).map_err(|_| {
        response.fail("200 OK: the email and password that PUT /api/user just set log in")
    })?;
    expect_refused_login(&client.login("jake@conduit.example", &jake.password)?)?;
    expect_refused_login(&client.login(&jake.email, new_password)?)?;
    expect_error(&client.update_user(&json!({ "bio": "anonymous" }))?, 401)?;
    Ok(())
}

fn update_empty_and_null(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (jake, as_jake) = client.sign_up("jake")?;
    client.sign_up("jane")?;
    let set = json!({ "bio": "a bio", "image": "https://example.com/a.png" });
    expect_user_ok(&as_jake.update_user(&set)?, "")?;

    // An empty bio or image clears it: it reads back as null.
    for field in ["bio", "image"] {
        for cleared in [json!(""), Value::Null] {
            expect_user_ok(&as_jake.update_user(&set)?, "")?;
            let response = as_jake.update_user(&json!({ field: cleared }))?;
            let user = expect_user_ok(&response, "")?;
            if !user[field].is_null() {
                return Err(response.fail(format!(
                    "\"{field}\": null: the spec clears a bio or image sent as {cleared} \
                     (got {})",
                    user[field]
                )));
            }
            let after = as_jake.current_user()?;
            if !expect_user_ok(&after, "")?[field].is_null() {
                return Err(after.fail(format!("\"{field}\": null, as the update left it")));
            }
        }
    }

    // An empty or null email or username is refused, and changes nothing.
    for field in ["email", "username"] {
        for bad in [json!(""), Value::Null] {
            let response = as_jake.update_user(&json!({ field: bad }))?;
            let errors = expect_error(&response, 422)?;
            expect_error_for(&response, &errors, field)?;
        }
    }
    // Taking another user's username or email is refused too.
    for (field, taken) in [("username", "jane"), ("email", "jane@example.com")] {
        let response = as_jake.update_user(&json!({ field: taken }))?;
        let errors = expect_conflict(&response)?;
        expect_error_for(&response, &errors, field)?;
    }
    let after = as_jake.current_user()?;
    let user = expect_user_ok(&after, "")?;
    expect_fields(
        &after,
        &user,
        &json!({ "username": "jake", "email": jake.email }),
    )
}

/// 200 with a complete user, which is returned.
fn expect_user_ok(response: &Response, password: &str) -> Result<Value, Failure> {
    response.expect_status(200)?;
    let user = response.envelope("user")?;
    expect_user(response, &user, password)?;
    Ok(user)
}

/// Every field of `expected` (an object) has its value in `user`.
fn expect_fields(response: &Response, user: &Value, expected: &Value) -> Result<(), Failure> {
    for (field, value) in expected.as_object().into_iter().flatten() {
        if &user[field] != value {
            return Err(response.fail(format!("\"{field}\": {value} (got {})", user[field])));
        }
    }
    Ok(())
}

/// A login refused: 401 (the spec) or 422 (older Conduit servers), with an error body.
pub fn expect_refused_login(response: &Response) -> Result<(), Failure> {
    match response.status {
        401 => expect_error(response, 401).map(drop),
        422 => expect_error(response, 422).map(drop),
        _ => Err(response.fail(
            "401 Unauthorized (or 422) with {\"errors\": {\"credentials\": [\"invalid\"]}}: \
             a wrong email or password logs nobody in",
        )),
    }
}

/// A conflict: 409 (the spec) or 422 (older Conduit servers), with an error body.
fn expect_conflict(response: &Response) -> Result<Value, Failure> {
    match response.status {
        409 => expect_error(response, 409),
        422 => expect_error(response, 422),
        _ => Err(response.fail(
            "409 Conflict (or 422) with {\"errors\": {\"<field>\": [\"has already been taken\"]}}",
        )),
    }
}

/// The error body names `field`.
fn expect_error_for(response: &Response, errors: &Value, field: &str) -> Result<(), Failure> {
    if errors.get(field).is_some() {
        Ok(())
    } else {
        Err(response.fail(format!(
            "an error for the field \"{field}\", e.g. {{\"errors\": {{\"{field}\": [\"…\"]}}}}"
        )))
    }
}
