//! One error type for the whole API, and the one JSON body every error is answered with.
//!
//! Conduit answers every error as `{"errors": {"<field>": ["<message>", …]}}`. Handlers
//! return `Result<_, ApiError>`; because `ApiError` implements [`IntoResponse`], axum turns
//! an `Err` into the right status and body, and `?` works on anything that converts into
//! an `ApiError` (the database's errors here, the extractors' rejections in `extract.rs`).
//!
//! | variant           | status | body key               |
//! |-------------------|--------|------------------------|
//! | `Validation`      | 422    | the field: `title`, …  |
//! | `Unauthorized`    | 401    | `token` or `email or password` |
//! | `Forbidden`       | 403    | the resource: `article`, `comment` |
//! | `NotFound`        | 404    | the resource: `article`, `profile`, `comment` |
//! | `Taken`           | 409    | the field: `email` or `username` |
//! | `TooManyRequests` | 429    | `rate`, plus a `Retry-After` header |
//! | `BadRequest`      | 4xx    | `request`              |
//! | `Unavailable`     | 503    | what is unavailable    |
//! | `Internal`        | 500    | `server` (details go to the log only) |
//! | `NotImplemented`  | 501    | `todo`: what is yours to write, with a hint |

use std::collections::BTreeMap;
use std::panic::Location;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Debug)]
pub enum ApiError {
    /// 422: well-formed JSON, but fields missing or invalid. Field → messages.
    Validation(BTreeMap<String, Vec<String>>),
    /// 401: no token, a bad one, an expired one, or wrong credentials. `(key, message)`.
    Unauthorized(&'static str, &'static str),
    /// 403: the resource exists but belongs to someone else.
    Forbidden(&'static str),
    /// 404: no such resource.
    NotFound(&'static str),
    /// 409: a unique field (`email`, `username`) already belongs to another user.
    Taken(&'static str),
    /// 429: over the rate limit; retry after this many seconds.
    TooManyRequests(u64),
    /// Any other client mistake, with its status (400 malformed JSON, 413 too large …).
    BadRequest(StatusCode, String),
    /// 503: a dependency (the database) is not there, or the request took too long.
    Unavailable(&'static str, String),
    /// 500: our fault. The details go to the log, not to the client.
    Internal(String),
    /// 501: the starting code's answer for what is yours to write: a hint, and where the
    /// code to write goes (build it with [`ApiError::todo`]).
    NotImplemented(&'static str, &'static Location<'static>),
}

impl ApiError {
    /// The starting code's 501 for what is yours to write, with a hint. It records the line
    /// that calls it, so the answer, and the grader's `file:` line, name the file to open.
    #[track_caller]
    pub fn todo(hint: &'static str) -> ApiError {
        ApiError::NotImplemented(hint, Location::caller())
    }

    /// A 422 for one field.
    pub fn invalid(field: &str, message: &str) -> ApiError {
        ApiError::Validation(BTreeMap::from([(
            field.to_string(),
            vec![message.to_string()],
        )]))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut retry_after = None;
        let (status, errors) = match self {
            ApiError::Validation(fields) => (StatusCode::UNPROCESSABLE_ENTITY, json!(fields)),
            ApiError::Unauthorized(key, message) => {
                (StatusCode::UNAUTHORIZED, json!({ key: [message] }))
            }
            ApiError::Forbidden(what) => (StatusCode::FORBIDDEN, json!({ what: ["forbidden"] })),
            ApiError::NotFound(what) => (StatusCode::NOT_FOUND, json!({ what: ["not found"] })),
            ApiError::Taken(field) => (
                StatusCode::CONFLICT,
                json!({ field: ["has already been taken"] }),
            ),
            ApiError::TooManyRequests(seconds) => {
                retry_after = Some(seconds);
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    json!({ "rate": [format!("too many attempts; retry after {seconds} s")] }),
                )
            }
            ApiError::BadRequest(status, message) => (status, json!({ "request": [message] })),
            ApiError::Unavailable(what, message) => {
                (StatusCode::SERVICE_UNAVAILABLE, json!({ what: [message] }))
            }
            ApiError::NotImplemented(hint, at) => {
                let todo = format!("{hint} (todo at {}:{})", at.file(), at.line());
                (StatusCode::NOT_IMPLEMENTED, json!({ "todo": [todo] }))
            }
            ApiError::Internal(details) => {
                tracing::error!("internal error: {details}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    json!({ "server": ["internal error; see the server's log"] }),
                )
            }
        };
        let mut response = (status, Json(json!({ "errors": errors }))).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> ApiError {
        ApiError::Internal(format!("database: {error}"))
    }
}
