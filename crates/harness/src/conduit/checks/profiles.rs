//! Group `profiles` (step 4): public profiles, and following and unfollowing users.
//!
//! A profile is `{username, bio, image, following}`; `following` says whether the user
//! *asking* follows this one, so the same profile reads differently per token (and is
//! `false` without one).

use serde_json::{Value, json};

use crate::check::Failure;
use crate::conduit::{Def, Service};
use crate::http::conduit::{expect_error, expect_profile};
use crate::http::{Client, Response};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(GROUP, "get_profile", get_profile),
    Def::new(GROUP, "follow_unfollow", follow_unfollow),
];

const GROUP: &str = "profiles";

fn get_profile(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let (_, jake) = client.sign_up("jake")?;
    client.sign_up("jane")?;
    jake.update_user(
        &json!({ "bio": "I work at statefarm", "image": "https://example.com/j.jpg" }),
    )?
    .expect_status(200)?;
    let expected = json!({
        "username": "jake",
        "bio": "I work at statefarm",
        "image": "https://example.com/j.jpg",
        "following": false,
    });
    for viewer in [client.clone(), jake.clone()] {
        let (response, profile) = profile_of(&viewer, "jake")?;
        let shown: Value = ["username", "bio", "image", "following"]
            .iter()
            .map(|field| (field.to_string(), profile[field].clone()))
            .collect::<serde_json::Map<_, _>>()
            .into();
        if shown != expected {
            return Err(response.fail(format!("the profile {expected}")));
        }
    }
    let (response, profile) = profile_of(&client, "jane")?;
    if profile["username"] != json!("jane") || !profile["bio"].is_null() {
        return Err(response.fail("jane's profile, with \"bio\": null (she never set one)"));
    }
    expect_error(&client.get_profile("nobody")?, 404)?;
    Ok(())
}

fn follow_unfollow(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    client.sign_up("jake")?;
    let (_, jane) = client.sign_up("jane")?;
    let (_, carl) = client.sign_up("carl")?;
    // Following needs a token: nobody follows anybody after these.
    expect_error(&client.follow("jake")?, 401)?;
    expect_error(&client.unfollow("jake")?, 401)?;
    expect_seen(&jane, "jake", false)?;

    for _ in 0..2 {
        // Following twice is still following, once.
        let response = jane.follow("jake")?;
        expect_following(&response, "jake", true)?;
    }
    expect_seen(&jane, "jake", true)?;
    expect_seen(&carl, "jake", false)?;
    expect_seen(&client, "jake", false)?;
    expect_seen(&logged_in(&server.client(), "jake")?, "jane", false)?;

    let response = jane.unfollow("jake")?;
    expect_following(&response, "jake", false)?;
    expect_seen(&jane, "jake", false)?;

    expect_error(&jane.follow("nobody")?, 404)?;
    expect_error(&jane.unfollow("nobody")?, 404)?;
    Ok(())
}

/// A client signed in as `username` (registered with [`Account::named`]) by logging in.
///
/// [`Account::named`]: crate::http::conduit::Account::named
fn logged_in(client: &Client, username: &str) -> Result<Client, Failure> {
    let account = crate::http::conduit::Account::named(username);
    let response = client.login(&account.email, &account.password)?;
    response.expect_status(200)?;
    let token = response.envelope("user")?["token"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    Ok(client.with_token(&token))
}

fn profile_of(viewer: &Client, username: &str) -> Result<(Response, Value), Failure> {
    let response = viewer.get_profile(username)?;
    response.expect_status(200)?;
    let profile = response.envelope("profile")?;
    expect_profile(&response, &profile)?;
    Ok((response, profile))
}

/// The answer to a follow or unfollow: 200 and the profile with `following`.
fn expect_following(response: &Response, username: &str, following: bool) -> Result<(), Failure> {
    response.expect_status(200)?;
    let profile = response.envelope("profile")?;
    expect_profile(response, &profile)?;
    if profile["username"] != json!(username) || profile["following"] != json!(following) {
        return Err(response.fail(format!(
            "the profile of {username} with \"following\": {following}"
        )));
    }
    Ok(())
}

/// `viewer` reads `username`'s profile with `following` as given.
fn expect_seen(viewer: &Client, username: &str, following: bool) -> Result<(), Failure> {
    let (response, profile) = profile_of(viewer, username)?;
    if profile["following"] != json!(following) {
        return Err(response.fail(format!(
            "\"following\": {following}: it says whether the user of the token (if any) follows \
             {username}"
        )));
    }
    Ok(())
}
