//! Extractors whose rejections speak the API's error format.
//!
//! axum's own `Json`, `Query` and `Path` reject bad input with a plain-text body such as
//! `Failed to parse the request body as JSON`. The status is right, the body is not what a
//! Conduit client expects. Each wrapper here runs axum's extractor and turns its rejection
//! into an [`ApiError`] with the same status, so every client mistake gets the same
//! `{"errors": …}` body. Handlers use these instead of axum's (`use crate::extract::Json`).
//!
//! | rejection                               | status |
//! |-----------------------------------------|--------|
//! | body is not JSON                        | 400    |
//! | JSON of the wrong shape (`"title": 5`)  | 422    |
//! | `Content-Type` is not `application/json`| 415    |
//! | body over the limit (`DefaultBodyLimit`)| 413    |
//! | `?limit=abc`, `/comments/abc`           | 400    |

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::object::Object;

/// `axum::Json` with [`ApiError`] rejections. Also a response: `Json(value)` serialises
/// `value` with `Content-Type: application/json`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        // Read as an `Object`: a JSON array in place of the object is refused (422).
        let axum::Json(Object(value)) =
            axum::Json::<Object<T>>::from_request(request, state).await?;
        Ok(Json(value))
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        ApiError::BadRequest(rejection.status(), rejection.body_text())
    }
}

/// `axum::extract::Query` with [`ApiError`] rejections.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Query(value) =
            axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(Query(value))
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> ApiError {
        ApiError::BadRequest(rejection.status(), rejection.body_text())
    }
}

/// `axum::extract::Path` with [`ApiError`] rejections.
#[derive(Debug, Clone, Copy, Default)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(value) =
            axum::extract::Path::<T>::from_request_parts(parts, state).await?;
        Ok(Path(value))
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> ApiError {
        ApiError::BadRequest(rejection.status(), rejection.body_text())
    }
}
