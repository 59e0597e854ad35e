//! Users and authentication: register, log in, read and update the current user.
//!
//! | method and path         | auth     | success          | errors             |
//! |-------------------------|----------|------------------|--------------------|
//! | `POST /api/users`       | none     | 201 `{"user"}`   | 409, 422, 429      |
//! | `POST /api/users/login` | none     | 200 `{"user"}`   | 401, 422, 429      |
//! | `GET /api/user`         | required | 200 `{"user"}`   | 401                |
//! | `PUT /api/user`         | required | 200 `{"user"}`   | 401, 409, 422      |
//!
//! The password is hashed before the transaction starts (it is slow, and the single writer
//! should not wait for it), and the check "is this email or username taken?" runs inside
//! the transaction that inserts, so two registrations of one name cannot both succeed.

use axum::extract::State;
use axum::http::StatusCode;

use crate::auth::{CurrentUser, password};
use crate::error::ApiError;
use crate::extract::Json;
use crate::handlers::FieldErrors;
use crate::model::{LoginRequest, NewUserRequest, UpdateUserRequest, UserEnvelope, UserView, now};
use crate::queries::users::{self, User};
use crate::rate_limit::{Action, ClientIp};
use crate::routes::AppState;

/// The user as the API shows it to themselves, with a new token.
fn view(state: &AppState, user: User) -> Result<Json<UserEnvelope>, ApiError> {
    let token = state.tokens.issue(user.id)?;
    Ok(envelope(user, token))
}

/// The user with the token they are using: reading or changing the user does not make the
/// token live longer.
fn envelope(user: User, token: String) -> Json<UserEnvelope> {
    Json(UserEnvelope {
        user: UserView {
            email: user.email,
            token,
            username: user.username,
            bio: user.bio,
            image: user.image,
        },
    })
}

/// A plausible email: something, `@`, something with a dot-free or dotted domain.
fn check_email(errors: &mut FieldErrors, email: &str) {
    match email.split_once('@') {
        Some((local, domain))
            if !local.is_empty() && !domain.is_empty() && !email.contains(' ') => {}
        _ => errors.add("email", "is invalid"),
    }
}

/// `POST /api/users`: 201 with the new user and a token.
pub async fn register(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Json(request): Json<NewUserRequest>,
) -> Result<(StatusCode, Json<UserEnvelope>), ApiError> {
    state.limiter.check(client, Action::Register)?;
    let input = request.user;
    let mut errors = FieldErrors::default();
    let username = errors
        .required("username", input.username)
        .trim()
        .to_string();
    let email = errors.required("email", input.email).trim().to_string();
    let password = errors.password("password", input.password.map(|p| p.into_inner()));
    if !email.is_empty() {
        check_email(&mut errors, &email);
    }
    errors.finish()?;

    let hash = password::hash(password).await?;
    let user = state
        .db
        .write(move |tx| {
            if users::email_taken(tx, &email, 0)? {
                return Err(ApiError::Taken("email"));
            }
            if users::username_taken(tx, &username, 0)? {
                return Err(ApiError::Taken("username"));
            }
            let id = users::insert(tx, &email, &username, &hash, &now())?;
            Ok(User {
                id,
                email,
                username,
                bio: None,
                image: None,
            })
        })
        .await?;
    Ok((StatusCode::CREATED, view(&state, user)?))
}

/// `POST /api/users/login`: 200 with the user and a new token; 401 for a wrong email or
/// password, with the same answer (and about the same delay) for both.
pub async fn login(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Json(request): Json<LoginRequest>,
) -> Result<Json<UserEnvelope>, ApiError> {
    state.limiter.check(client, Action::Login)?;
    let input = request.user;
    let mut errors = FieldErrors::default();
    let email = errors.required("email", input.email).trim().to_string();
    let password = errors.password("password", input.password.map(|p| p.into_inner()));
    errors.finish()?;

    let found = state
        .db
        .read(move |connection| Ok(users::by_email_with_hash(connection, &email)?))
        .await?;
    let (user, stored) = match found {
        Some((user, hash)) => (Some(user), Some(hash)),
        None => (None, None),
    };
    let matches = password::verify(password, stored).await?;
    match user {
        Some(user) if matches => view(&state, user),
        _ => Err(ApiError::Unauthorized("email or password", "is invalid")),
    }
}

/// `GET /api/user`
pub async fn current(current: CurrentUser) -> Json<UserEnvelope> {
    envelope(current.user, current.token)
}

/// `PUT /api/user`: changes the fields present. `email`, `username` and `password` may
/// not be `null` or blank; `bio` and `image` may be `null` or `""`, which both clear them.
/// An empty object is a 422: at least one field must be given.
pub async fn update(
    State(state): State<AppState>,
    current: CurrentUser,
    Json(request): Json<UpdateUserRequest>,
) -> Result<Json<UserEnvelope>, ApiError> {
    let changes = request.user;
    let mut errors = FieldErrors::default();
    let mut required = |field: &str, value: Option<Option<String>>| match value {
        None => None,
        Some(value) => {
            let text = errors.required(field, value);
            (!text.is_empty()).then(|| text.trim().to_string())
        }
    };
    let email = required("email", changes.email);
    let username = required("username", changes.username);
    let password = changes
        .password
        .map(|p| errors.password("password", p.map(|p| p.into_inner())));
    let nothing = email.is_none()
        && username.is_none()
        && password.is_none()
        && changes.bio.is_none()
        && changes.image.is_none();
    if nothing {
        errors.add("user", "give at least one field to change");
    }
    if let Some(email) = &email {
        check_email(&mut errors, email);
    }
    errors.finish()?;

    let hash = match password.filter(|p| !p.is_empty()) {
        Some(password) => Some(password::hash(password).await?),
        None => None,
    };
    // "" and null both mean "no bio": one way to say it in the database.
    let cleared = |value: Option<String>| value.filter(|text| !text.trim().is_empty());
    let CurrentUser { mut user, token } = current;
    let id = user.id;
    let user = state
        .db
        .write(move |tx| {
            if let Some(email) = email {
                if users::email_taken(tx, &email, id)? {
                    return Err(ApiError::Taken("email"));
                }
                user.email = email;
            }
            if let Some(username) = username {
                if users::username_taken(tx, &username, id)? {
                    return Err(ApiError::Taken("username"));
                }
                user.username = username;
            }
            if let Some(bio) = changes.bio {
                user.bio = cleared(bio);
            }
            if let Some(image) = changes.image {
                user.image = cleared(image);
            }
            users::update(tx, &user)?;
            if let Some(hash) = hash {
                users::set_password_hash(tx, id, &hash)?;
            }
            Ok(user)
        })
        .await?;
    Ok(envelope(user, token))
}
