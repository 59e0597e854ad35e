//! Stage 3, yours: favourites.
//!
//! | method and path                        | auth     | success           | errors   |
//! |----------------------------------------|----------|-------------------|----------|
//! | `POST /api/articles/{slug}/favorite`   | required | 200 `{"article"}` | 401, 404 |
//! | `DELETE /api/articles/{slug}/favorite` | required | 200 `{"article"}` | 401, 404 |
//!
//! Idempotent both ways: a second favourite by the same user does not count twice (a
//! primary key on `(user_id, article_id)` and `INSERT OR IGNORE`).

use axum::extract::State;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::model::ArticleEnvelope;
use crate::routes::AppState;

/// `POST /api/articles/{slug}/favorite`
pub async fn favorite(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Path(_slug): Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    Err(ApiError::todo(
        "POST /api/articles/{slug}/favorite: record it once; the article, favorited: true",
    ))
}

/// `DELETE /api/articles/{slug}/favorite`
pub async fn unfavorite(
    State(_state): State<AppState>,
    _current: CurrentUser,
    Path(_slug): Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    Err(ApiError::todo(
        "DELETE /api/articles/{slug}/favorite: remove it; the article, favorited: false",
    ))
}
