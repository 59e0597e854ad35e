//! Routing: which handler answers which method and path, what every handler shares, and
//! the layers every request passes through.
//!
//! The route table is given and complete: every handler exists and answers 501 with a hint
//! until you write it. The table makes both the router and [`ROUTES`] (every method and
//! path), so a route cannot be added to the router and forgotten in `openapi.yml`.
//!
//! Stage 4, yours: the layers. `Router::layer` wraps everything added before it, so the
//! last one added is the outermost. From the outside in:
//!
//! 1. request id: `tower_http::request_id::SetRequestIdLayer` (`x-request-id`, made up with
//!    `MakeRequestUuid` when the client sent none) and `PropagateRequestIdLayer` (sent back);
//! 2. `tower_http::trace::TraceLayer` with a span holding the request id, method and matched
//!    route (see `telemetry.rs`);
//! 3. `tower_http::cors::CorsLayer`: a browser front-end on another origin must be allowed
//!    `GET POST PUT DELETE` with the `Authorization` and `Content-Type` headers;
//! 4. `tower_http::compression::CompressionLayer`: gzip when the client accepts it;
//! 5. the metrics middleware (`axum::middleware::from_fn`, see `telemetry.rs`);
//! 6. a request timeout (`tokio::time::timeout` around `next.run(request)`, 503 with a JSON
//!    error when it fires).
//!
//! The body limit (1 MiB, answered 413) is given, as you wrote it in step 2.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Method, StatusCode, Uri};
use axum::routing::MethodRouter;

use crate::auth::token::Tokens;
use crate::db::Db;
use crate::error::ApiError;
use crate::handlers::{articles, comments, favorites, health, meta, profiles, tags, users};
use crate::rate_limit::RateLimiter;

/// Bodies larger than this are refused with 413 before they are read into memory.
pub const BODY_LIMIT_BYTES: usize = 1024 * 1024;

/// What every handler can reach. Cloned for each request, so the parts are shared.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub tokens: Tokens,
    pub limiter: Arc<RateLimiter>,
}

macro_rules! api {
    ($($path:literal => { $($method:ident: $handler:expr),+ $(,)? }),+ $(,)?) => {
        /// Every `(method, path)` the service answers, in axum's path syntax.
        pub const ROUTES: &[(&str, &str)] = &[$($((stringify!($method), $path)),+),+];

        fn api() -> Router<AppState> {
            Router::new()$(.route($path, MethodRouter::new()$(.$method($handler))+))+
        }
    };
}

api! {
    "/" => { get: meta::page },
    "/healthz" => { get: health::healthz },
    "/readyz" => { get: health::readyz },
    "/metrics" => { get: meta::metrics },
    "/openapi.json" => { get: meta::openapi },
    "/api/users" => { post: users::register },
    "/api/users/login" => { post: users::login },
    "/api/user" => { get: users::current, put: users::update },
    "/api/profiles/{username}" => { get: profiles::get },
    "/api/profiles/{username}/follow" => { post: profiles::follow, delete: profiles::unfollow },
    "/api/articles" => { get: articles::list, post: articles::create },
    "/api/articles/feed" => { get: articles::feed },
    "/api/articles/{slug}" => {
        get: articles::get,
        put: articles::update,
        delete: articles::delete,
    },
    "/api/articles/{slug}/favorite" => {
        post: favorites::favorite,
        delete: favorites::unfavorite,
    },
    "/api/articles/{slug}/comments" => { get: comments::list, post: comments::create },
    "/api/articles/{slug}/comments/{id}" => { delete: comments::delete },
    "/api/tags" => { get: tags::list },
}

pub fn router(state: AppState) -> Router {
    api()
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
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
