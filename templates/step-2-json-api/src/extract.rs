//! Extractors whose rejections speak the API's error format.
//!
//! An extractor is a handler argument that axum fills from the request: `State`, `Path`,
//! `Query`, `Json`. When it cannot (the body is not JSON, `?limit=abc`), axum answers for you
//! with its *rejection*: the right status, but a plain-text body such as `Failed to parse the
//! request body as JSON`. A Conduit client expects `{"errors": …}` instead.
//!
//! The fix is a wrapper: run axum's extractor, and turn its rejection into an [`ApiError`]
//! that keeps the status. The wrappers are written; what is left is the conversion from each
//! rejection (the three `From` impls at the end). Every rejection has `.status()` and
//! `.body_text()`. Then make the handlers use these (`use crate::extract::Json`), not axum's.
//!
//! | rejection                                | status |
//! |------------------------------------------|--------|
//! | body is not JSON                         | 400    |
//! | JSON of the wrong shape (`"title": 5`)   | 422    |
//! | `Content-Type` is not `application/json` | 415    |
//! | body over the limit (`DefaultBodyLimit`) | 413    |
//! | `?limit=abc`, `/comments/abc`            | 400    |

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
        // `?` converts axum's rejection with the `From` impl below.
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

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        let _ = rejection;
        todo!("an ApiError with the rejection's status and text (see the table above)")
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> ApiError {
        let _ = rejection;
        todo!("an ApiError with the rejection's status and text")
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> ApiError {
        let _ = rejection;
        todo!("an ApiError with the rejection's status and text")
    }
}
