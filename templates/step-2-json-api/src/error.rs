//! One error type for the whole API, and the one JSON body every error is answered with.
//!
//! Conduit answers every error as `{"errors": {"<field>": ["<message>", …]}}`. Handlers
//! return `Result<_, ApiError>`; because `ApiError` implements [`IntoResponse`], axum turns
//! an `Err` into the right status and body, and a handler can use `?` on anything that
//! converts into an `ApiError` (a `From` impl, like the ones `extract.rs` needs).
//!
//! The rule: a client's mistake is a 4xx that says what was wrong; a 500 is only for the
//! server's own failures (the disk), and never leaks internal details.

use std::collections::BTreeMap;
use std::panic::Location;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Debug)]
pub enum ApiError {
    /// 422: the request was well-formed JSON but some fields are missing or invalid.
    /// Field name → messages, e.g. `title` → `["can't be blank"]`.
    Validation(BTreeMap<String, Vec<String>>),
    /// 404: no such article or comment. The string names what was looked for.
    NotFound(&'static str),
    /// Any other client mistake, with its status (400 malformed JSON, 413 too large,
    /// 415 wrong content type …) and what was wrong with the request.
    BadRequest(StatusCode, String),
    /// 500: the server's fault (the disk failed). The details go to the log only.
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
        let (status, errors) = match self {
            ApiError::Validation(fields) => (StatusCode::UNPROCESSABLE_ENTITY, json!(fields)),
            ApiError::NotFound(what) => (StatusCode::NOT_FOUND, json!({ what: ["not found"] })),
            ApiError::BadRequest(status, message) => (status, json!({ "request": [message] })),
            ApiError::Internal(details) => {
                tracing::error!("internal error: {details}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    json!({ "server": ["internal error; see the server's log"] }),
                )
            }
            ApiError::NotImplemented(hint, at) => {
                let todo = format!("{hint} (todo at {}:{})", at.file(), at.line());
                (StatusCode::NOT_IMPLEMENTED, json!({ "todo": [todo] }))
            }
        };
        (status, Json(json!({ "errors": errors }))).into_response()
    }
}
