//! Profiles and follows.
//!
//! | method and path                          | auth     | success           | errors   |
//! |------------------------------------------|----------|-------------------|----------|
//! | `GET /api/profiles/{username}`           | optional | 200 `{"profile"}` | 401, 404 |
//! | `POST /api/profiles/{username}/follow`   | required | 200 `{"profile"}` | 401, 403, 404 |
//! | `DELETE /api/profiles/{username}/follow` | required | 200 `{"profile"}` | 401, 404 |
//!
//! Following is idempotent: following twice is following; unfollowing someone you do not
//! follow changes nothing. Nobody can follow themselves (403).

use axum::extract::State;

use crate::auth::{CurrentUser, viewer};
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::model::ProfileEnvelope;
use crate::queries::users;
use crate::routes::AppState;

/// `GET /api/profiles/{username}`
pub async fn get(
    State(state): State<AppState>,
    current: Option<CurrentUser>,
    Path(username): Path<String>,
) -> Result<Json<ProfileEnvelope>, ApiError> {
    let viewer = viewer(&current);
    let profile = state
        .db
        .lookup(|connection| Ok(users::profile(connection, viewer, &username)?))
        .await?
        .ok_or(ApiError::NotFound("profile"))?;
    Ok(Json(ProfileEnvelope { profile }))
}

/// `POST /api/profiles/{username}/follow`
pub async fn follow(
    state: State<AppState>,
    current: CurrentUser,
    username: Path<String>,
) -> Result<Json<ProfileEnvelope>, ApiError> {
    change(state, current, username, true).await
}

/// `DELETE /api/profiles/{username}/follow`
pub async fn unfollow(
    state: State<AppState>,
    current: CurrentUser,
    username: Path<String>,
) -> Result<Json<ProfileEnvelope>, ApiError> {
    change(state, current, username, false).await
}

async fn change(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(username): Path<String>,
    follow: bool,
) -> Result<Json<ProfileEnvelope>, ApiError> {
    let me = current.id();
    let profile = state
        .db
        .write(move |tx| {
            let other =
                users::id_by_username(tx, &username)?.ok_or(ApiError::NotFound("profile"))?;
            if other == me && follow {
                return Err(ApiError::Forbidden("profile"));
            }
            if follow {
                users::follow(tx, me, other)?;
            } else {
                users::unfollow(tx, me, other)?;
            }
            users::profile(tx, Some(me), &username)?.ok_or(ApiError::NotFound("profile"))
        })
        .await?;
    Ok(Json(ProfileEnvelope { profile }))
}
