//! Routing: which handler answers which method and path, what every handler shares, and
//! the layers every request passes through.
//!
//! The API's routes are written once, in the `api!` table below, which makes both the
//! router and [`ROUTES`], the list the OpenAPI test compares with `openapi.yml`: a route
//! cannot be added to one and forgotten in the other.
//!
//! The layers, outermost first (a request goes down this list, its response back up):
//!
//! 1. request id: takes the client's `x-request-id` or makes one up (a UUID), and sends it
//!    back on the response, so a client's bug report can name the log line;
//! 2. observe: one access-log line per request (its id, method, matched route, status and
//!    latency; never the headers: they hold tokens), and a counter and a latency histogram
//!    per method, route and status (see `telemetry.rs`);
//! 3. CORS: lets a browser front-end on another origin call the API;
//! 4. compression: gzip when the client accepts it and the body is big enough to gain;
//! 5. timeout: a handler that runs longer than `REQUEST_TIMEOUT_SECONDS` is answered 503;
//! 6. body limit: a body over 1 MiB is refused with 413 before it is read.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderName, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::MethodRouter;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::cors::{Any, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

use crate::auth::token::Tokens;
use crate::db::Db;
use crate::error::ApiError;
use crate::handlers::{articles, comments, favorites, health, meta, profiles, tags, users};
use crate::rate_limit::RateLimiter;
use crate::telemetry;

/// Bodies larger than this are refused with 413 before they are read into memory.
pub const BODY_LIMIT_BYTES: usize = 1024 * 1024;

/// Bodies this size or smaller are sent uncompressed.
pub const COMPRESS_ABOVE_BYTES: u16 = 1400;

/// What every handler can reach. Cloned for each request, so the parts are shared.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub tokens: Arc<Tokens>,
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

/// The whole application: routes, fallbacks and layers.
pub fn router(state: AppState, request_timeout: Duration) -> Router {
    // Install the metrics recorder now: counts recorded before it exists are lost.
    telemetry::metrics_handle();
    let x_request_id = HeaderName::from_static("x-request-id");
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([x_request_id.clone(), header::RETRY_AFTER])
        .max_age(Duration::from_secs(3600));
    // Below about one TCP segment, gzip saves next to nothing and still costs CPU on both
    // ends; the content types are the default predicate's (already compressed, or streamed).
    let compress_when = SizeAbove::new(COMPRESS_ABOVE_BYTES)
        .and(NotForContentType::GRPC)
        .and(NotForContentType::IMAGES)
        .and(NotForContentType::SSE);

    // One `ServiceBuilder`, added with one `layer` call: `Router::layer` wraps every route
    // in a boxed service of its own, so six calls would make each request pass through six
    // boxes (an allocation and a clone each) where one does. The first layer listed is the
    // outermost.
    let layers = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(
            x_request_id.clone(),
            MakeRequestUuid,
        ))
        .layer(PropagateRequestIdLayer::new(x_request_id))
        .layer(middleware::from_fn(telemetry::observe))
        .layer(cors)
        .layer(CompressionLayer::new().compress_when(compress_when))
        .layer(middleware::from_fn_with_state(request_timeout, time_limit))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES));
    api()
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(layers)
        .with_state(state)
}

/// Answers 503 when the handler has not finished within `limit`. The handler's future is
/// dropped, which cancels it; a database write already handed to the blocking pool still
/// completes or rolls back as a whole.
async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => axum::response::IntoResponse::into_response(ApiError::Unavailable(
            "request",
            format!("took longer than {} s", limit.as_secs()),
        )),
    }
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
