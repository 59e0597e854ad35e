//! Who is asking: passwords ([`password`]), tokens ([`token`]) and the extractors that turn
//! an `Authorization: Token <jwt>` header into a [`CurrentUser`].
//!
//! A handler that needs a logged-in user takes a `CurrentUser` argument: without a valid
//! token axum never calls it, and the client gets a 401. A handler where login is optional
//! (reading articles, profiles) takes `Option<CurrentUser>`: `None` without a header, but
//! still a 401 for a header that is there and bad (a client should learn that its token
//! is no good rather than silently see the anonymous view).
//!
//! A valid signature is not enough: the token's user must still exist. A deleted user's
//! token is refused even before it expires.

pub mod password;
pub mod token;

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::queries::users::{self, User};
use crate::routes::AppState;

/// The user a request's token speaks for, and the token itself (to echo back).
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: User,
    pub token: String,
}

impl CurrentUser {
    pub fn id(&self) -> i64 {
        self.user.id
    }
}

/// The token in `Authorization: Token <jwt>`; `None` when there is no such header.
fn token_in(parts: &Parts) -> Result<Option<String>, ApiError> {
    let Some(value) = parts.headers.get(AUTHORIZATION) else {
        return Ok(None);
    };
    let malformed = || ApiError::Unauthorized("token", "is malformed; send `Token <jwt>`");
    let value = value.to_str().map_err(|_| malformed())?;
    match value.split_once(' ') {
        Some(("Token", token)) if !token.trim().is_empty() => Ok(Some(token.trim().to_string())),
        _ => Err(malformed()),
    }
}

async fn authenticate(state: &AppState, token: String) -> Result<CurrentUser, ApiError> {
    let id = state.tokens.verify(&token)?;
    let user = state
        .db
        .lookup(|connection| Ok(users::by_id(connection, id)?))
        .await?
        .ok_or(ApiError::Unauthorized("token", "belongs to no user"))?;
    Ok(CurrentUser { user, token })
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = token_in(parts)?.ok_or(ApiError::Unauthorized("token", "is missing"))?;
        authenticate(state, token).await
    }
}

impl OptionalFromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, ApiError> {
        match token_in(parts)? {
            None => Ok(None),
            Some(token) => authenticate(state, token).await.map(Some),
        }
    }
}

/// The viewer's id for queries: `None` when nobody is logged in.
pub fn viewer(user: &Option<CurrentUser>) -> Option<i64> {
    user.as_ref().map(CurrentUser::id)
}
