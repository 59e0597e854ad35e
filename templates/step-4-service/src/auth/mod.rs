//! Stage 1, yours: who is asking. Passwords in [`password`], tokens in [`token`], and here
//! the extractors that turn `Authorization: Token <jwt>` into a [`CurrentUser`].
//!
//! A handler that needs a logged-in user takes a `CurrentUser` argument; without a valid
//! token axum never calls it, and the client gets the rejection, a 401
//! (`ApiError::Unauthorized("token", "is missing")`, `"is invalid"`, `"has expired"` …).
//! A handler where login is optional takes `Option<CurrentUser>`: `None` without a header,
//! but still a 401 for a header that is there and bad.
//!
//! A valid signature is not enough: check that the token's user still exists (one query
//! by id). A deleted user's token must be refused even before it expires.

pub mod password;
pub mod token;

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::routes::AppState;

/// The user a request's token speaks for, and the token itself (to echo back).
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: i64,
    pub token: String,
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(_parts: &mut Parts, _state: &AppState) -> Result<Self, ApiError> {
        Err(ApiError::todo(
            "auth: read `Authorization: Token <jwt>`, verify it with state.tokens, check the \
             user still exists; 401 otherwise",
        ))
    }
}

impl OptionalFromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &AppState,
    ) -> Result<Option<Self>, ApiError> {
        if parts.headers.contains_key(AUTHORIZATION) {
            return Err(ApiError::todo(
                "auth: an Authorization header that is there must be valid (401 when not)",
            ));
        }
        Ok(None)
    }
}

/// The viewer's id for queries: `None` when nobody is logged in.
pub fn viewer(user: &Option<CurrentUser>) -> Option<i64> {
    user.as_ref().map(|user| user.id)
}
