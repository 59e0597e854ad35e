//! Favourites: a user marks an article, and its `favoritesCount` counts the users who did.
//!
//! | method and path                       | auth     | success           | errors   |
//! |---------------------------------------|----------|-------------------|----------|
//! | `POST /api/articles/{slug}/favorite`  | required | 200 `{"article"}` | 401, 404 |
//! | `DELETE /api/articles/{slug}/favorite`| required | 200 `{"article"}` | 401, 404 |
//!
//! Idempotent both ways: a second favourite by the same user does not count twice.

use axum::extract::State;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::model::ArticleEnvelope;
use crate::queries::articles;
use crate::routes::AppState;

/// `POST /api/articles/{slug}/favorite`
pub async fn favorite(
    state: State<AppState>,
    current: CurrentUser,
    slug: Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    change(state, current, slug, true).await
}

/// `DELETE /api/articles/{slug}/favorite`
pub async fn unfavorite(
    state: State<AppState>,
    current: CurrentUser,
    slug: Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    change(state, current, slug, false).await
}

async fn change(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    favorite: bool,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    let me = current.id();
    let article = state
        .db
        .write(move |tx| {
            let (id, _) = articles::owner(tx, &slug)?.ok_or(ApiError::NotFound("article"))?;
            if favorite {
                articles::favorite(tx, me, id)?;
            } else {
                articles::unfavorite(tx, me, id)?;
            }
            articles::by_slug(tx, Some(me), &slug)?.ok_or(ApiError::NotFound("article"))
        })
        .await?;
    Ok(Json(ArticleEnvelope { article }))
}
