//! Routing: step 2's table of methods and paths, with the database as the shared state.
//!
//! axum 0.8 writes path parameters as `{slug}`. The state ([`AppState`]) is given once,
//! with `with_state`, and each handler that needs it asks for it with
//! `State(state): State<AppState>`; `state.db` is the database (`db.rs`).

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Method, StatusCode, Uri};
use axum::routing::{delete, get};
use tower_http::trace::TraceLayer;

use crate::db::Db;
use crate::error::ApiError;
use crate::handlers::{articles, comments, health, tags};

/// Bodies larger than this are refused with 413 before they are read into memory.
pub const BODY_LIMIT_BYTES: usize = 1024 * 1024;

/// What every handler can reach. Cloned for each request, so it holds an `Arc`.
#[derive(Clone)]
pub struct AppState {
    pub db: Arc<Db>,
}

impl AppState {
    pub fn new(db: Db) -> AppState {
        AppState { db: Arc::new(db) }
    }
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/api/tags", get(tags::list))
        .route("/api/articles", get(articles::list).post(articles::create))
        .route(
            "/api/articles/{slug}",
            get(articles::get)
                .put(articles::update)
                .delete(articles::delete),
        )
        .route(
            "/api/articles/{slug}/comments",
            get(comments::list).post(comments::create),
        )
        .route(
            "/api/articles/{slug}/comments/{id}",
            delete(comments::delete),
        )
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        // `RUST_LOG=tower_http=debug` logs every request and response.
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Unknown paths get a JSON 404 like every other error, not an empty body.
async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::BadRequest(
        StatusCode::NOT_FOUND,
        format!("no route for {method} {}", uri.path()),
    )
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::BadRequest(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} is not allowed on {}", uri.path()),
    )
}
