//! Stage 2, yours: profiles and follows.
//!
//! | method and path                          | auth     | success           | errors   |
//! |------------------------------------------|----------|-------------------|----------|
//! | `GET /api/profiles/{username}`           | optional | 200 `{"profile"}` | 401, 404 |
//! | `POST /api/profiles/{username}/follow`   | required | 200 `{"profile"}` | 401, 403, 404 |
//! | `DELETE /api/profiles/{username}/follow` | required | 200 `{"profile"}` | 401, 404 |
//!
//! `following` says whether the viewer follows them (false when nobody is logged in). Both
//! are idempotent: following twice is following once. A profile never shows an email.

use axum::extract::State;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::model::ProfileEnvelope;
use crate::routes::AppState;

/// `GET /api/profiles/{username}`
pub async fn get(
    State(_state): State<AppState>,
    _current: Option<CurrentUser>,
    Path(_username): Path<String>,
) -> Result<Json<ProfileEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/profiles/{username}: the profile with `following` for the viewer, or 404",
    ))
}

/// `POST /api/profiles/{username}/follow`
pub async fn follow(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Path(_username): Path<String>,
) -> Result<Json<ProfileEnvelope>, ApiError> {
    Err(ApiError::todo(
        "POST /api/profiles/{username}/follow: insert into follows (once); the profile",
    ))
}

/// `DELETE /api/profiles/{username}/follow`
pub async fn unfollow(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Path(_username): Path<String>,
) -> Result<Json<ProfileEnvelope>, ApiError> {
    Err(ApiError::todo(
        "DELETE /api/profiles/{username}/follow: delete from follows; the profile",
    ))
}
