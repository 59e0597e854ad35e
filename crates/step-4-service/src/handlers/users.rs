//! Stage 1, yours: users and authentication.
//!
//! | method and path         | auth     | success          | errors             |
//! |-------------------------|----------|------------------|--------------------|
//! | `POST /api/users`       | none     | 201 `{"user"}`   | 409, 422, 429      |
//! | `POST /api/users/login` | none     | 200 `{"user"}`   | 401, 422, 429      |
//! | `GET /api/user`         | required | 200 `{"user"}`   | 401                |
//! | `PUT /api/user`         | required | 200 `{"user"}`   | 401, 409, 422      |
//!
//! Hash the password before the write transaction (it is slow; the one writer should not
//! wait for it), and check "is this email or username taken?" inside the transaction that
//! inserts (`db.write`), so two registrations of one name cannot both succeed. A taken
//! email or username is `ApiError::Taken("email")` (409), and nothing is overwritten.
//! The answer never contains the password or its hash.

use axum::extract::State;
use axum::http::StatusCode;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::extract::Json;
use crate::model::{LoginRequest, NewUserRequest, UpdateUserRequest, UserEnvelope};
use crate::routes::AppState;

/// `POST /api/users`: 201 with the new user and a token.
pub async fn register(
    State(_state): State<AppState>,
    Json(_request): Json<NewUserRequest>,
) -> Result<(StatusCode, Json<UserEnvelope>), ApiError> {
    Err(ApiError::todo(
        "POST /api/users: validate, hash the password, insert (409 when taken); 201 with a token",
    ))
}

/// `POST /api/users/login`: 200 with the user and a token; 401 for a wrong email or
/// password, the same answer (and about the same delay) for both.
pub async fn login(
    State(_state): State<AppState>,
    Json(_request): Json<LoginRequest>,
) -> Result<Json<UserEnvelope>, ApiError> {
    Err(ApiError::todo(
        "POST /api/users/login: find by email (case-insensitive), verify the hash; 200 or 401",
    ))
}

/// `GET /api/user`: the logged-in user, with the token they sent.
pub async fn current(_current: CurrentUser) -> Result<Json<UserEnvelope>, ApiError> {
    Err(ApiError::todo(
        "GET /api/user: the CurrentUser's row, with their token",
    ))
}

/// `PUT /api/user`: changes the fields present. `email`, `username`, `password` may not
/// be `null` or blank (422); `bio` and `image` may be `null` or `""`, which both clear them
/// (stored and shown as `null`). An empty object is a 422. `model::UserChanges` tells an
/// absent field (`None`) from a `null` one (`Some(None)`).
pub async fn update(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Json(_request): Json<UpdateUserRequest>,
) -> Result<Json<UserEnvelope>, ApiError> {
    Err(ApiError::todo(
        "PUT /api/user: apply the present fields (null/\"\" rules), 409 when taken",
    ))
}
