//! Articles: list, feed, create, read, update, delete.
//!
//! | method and path               | auth     | success                             | errors |
//! |-------------------------------|----------|-------------------------------------|--------|
//! | `GET /api/articles`           | optional | 200 `{"articles", "articlesCount"}` | 400, 401, 422 |
//! | `GET /api/articles/feed`      | required | 200 `{"articles", "articlesCount"}` | 401, 422 |
//! | `POST /api/articles`          | required | 201 `{"article"}`                   | 401, 422 |
//! | `GET /api/articles/{slug}`    | optional | 200 `{"article"}`                   | 401, 404 |
//! | `PUT /api/articles/{slug}`    | author   | 200 `{"article"}`                   | 401, 403, 404, 422 |
//! | `DELETE /api/articles/{slug}` | author   | 204                                 | 401, 403, 404 |
//!
//! Only an article's author may change or delete it: anyone else gets 403 and nothing
//! changes. The ownership check and the change run in one transaction.

use axum::extract::State;
use axum::http::StatusCode;

use crate::auth::{CurrentUser, viewer};
use crate::error::ApiError;
use crate::extract::{Json, Path, Query};
use crate::handlers::{FieldErrors, clean_tags, page};
use crate::model::{
    ArticleEnvelope, ArticleSummary, ArticlesEnvelope, ListParams, NewArticleRequest, PageParams,
    TITLE_MAX_CHARS, UpdateArticleRequest, now,
};
use crate::queries::articles::{self, Fields, Filter};
use crate::routes::AppState;
use crate::slug;

/// `GET /api/articles?tag=&author=&favorited=&limit=&offset=`: newest first.
pub async fn list(
    State(state): State<AppState>,
    current: Option<CurrentUser>,
    Query(params): Query<ListParams>,
) -> Result<Json<ArticlesEnvelope>, ApiError> {
    let (limit, offset) = page(params.limit, params.offset)?;
    let filter = Filter {
        tag: params.tag,
        author: params.author,
        favorited: params.favorited,
        followed_by: None,
    };
    list_page(&state, viewer(&current), filter, limit, offset).await
}

/// `GET /api/articles/feed?limit=&offset=`: articles by the users the caller follows,
/// newest first.
pub async fn feed(
    State(state): State<AppState>,
    current: CurrentUser,
    Query(params): Query<PageParams>,
) -> Result<Json<ArticlesEnvelope>, ApiError> {
    let (limit, offset) = page(params.limit, params.offset)?;
    let filter = Filter {
        followed_by: Some(current.id()),
        ..Filter::default()
    };
    list_page(&state, Some(current.id()), filter, limit, offset).await
}

async fn list_page(
    state: &AppState,
    viewer: Option<i64>,
    filter: Filter,
    limit: u32,
    offset: u32,
) -> Result<Json<ArticlesEnvelope>, ApiError> {
    let (found, count) = state
        .db
        .read(move |connection| Ok(articles::list(connection, viewer, &filter, limit, offset)?))
        .await?;
    Ok(Json(ArticlesEnvelope {
        articles: found.into_iter().map(ArticleSummary::from).collect(),
        articles_count: count,
    }))
}

/// `POST /api/articles`: 201 with the new article. The slug comes from the title and is
/// made unique inside the transaction that inserts it.
pub async fn create(
    State(state): State<AppState>,
    current: CurrentUser,
    Json(request): Json<NewArticleRequest>,
) -> Result<(StatusCode, Json<ArticleEnvelope>), ApiError> {
    let input = request.article;
    let mut errors = FieldErrors::default();
    let title = errors.required("title", input.title);
    errors.at_most("title", Some(&title), TITLE_MAX_CHARS);
    let description = errors.required("description", input.description);
    let body = errors.required("body", input.body);
    let tags = errors.not_null("tagList", input.tag_list);
    errors.finish()?;
    let tags = clean_tags(tags);

    let me = current.id();
    let article = state
        .db
        .write(move |tx| {
            let base = slug::slugify(&title);
            let taken = articles::slugs_like(tx, &base, 0)?;
            let slug = slug::unique(&base, |s| taken.contains(s));
            let fields = Fields {
                slug: &slug,
                title: &title,
                description: &description,
                body: &body,
            };
            let id = articles::insert(tx, me, &fields, &now())?;
            articles::set_tags(tx, id, &tags)?;
            articles::by_slug(tx, Some(me), &slug)?.ok_or(ApiError::NotFound("article"))
        })
        .await?;
    Ok((StatusCode::CREATED, Json(ArticleEnvelope { article })))
}

/// `GET /api/articles/{slug}`
pub async fn get(
    State(state): State<AppState>,
    current: Option<CurrentUser>,
    Path(slug): Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    let viewer = viewer(&current);
    let article = state
        .db
        .lookup(|connection| Ok(articles::by_slug(connection, viewer, &slug)?))
        .await?
        .ok_or(ApiError::NotFound("article"))?;
    Ok(Json(ArticleEnvelope { article }))
}

/// `PUT /api/articles/{slug}`: changes the fields present. A new title brings a new slug.
pub async fn update(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
    Json(request): Json<UpdateArticleRequest>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    let changes = request.article;
    let mut errors = FieldErrors::default();
    let title = errors.not_null("title", changes.title);
    let title = errors.not_blank("title", title);
    errors.at_most("title", title.as_ref(), TITLE_MAX_CHARS);
    let description = errors.not_null("description", changes.description);
    let description = errors.not_blank("description", description);
    let body = errors.not_null("body", changes.body);
    let body = errors.not_blank("body", body);
    let tags = errors.not_null("tagList", changes.tag_list);
    errors.finish()?;
    let tags = tags.map(|tags| clean_tags(Some(tags)));

    let me = current.id();
    let article = state
        .db
        .write(move |tx| {
            let (id, author) = articles::owner(tx, &slug)?.ok_or(ApiError::NotFound("article"))?;
            if author != me {
                return Err(ApiError::Forbidden("article"));
            }
            let (old_slug, old_title, old_description, old_body) = articles::fields(tx, id)?;
            let new_slug = match &title {
                Some(title) if *title != old_title => {
                    let base = slug::slugify(title);
                    let taken = articles::slugs_like(tx, &base, id)?;
                    slug::unique(&base, |s| taken.contains(s))
                }
                _ => old_slug,
            };
            let fields = Fields {
                slug: &new_slug,
                title: title.as_deref().unwrap_or(&old_title),
                description: description.as_deref().unwrap_or(&old_description),
                body: body.as_deref().unwrap_or(&old_body),
            };
            articles::update(tx, id, &fields, &now())?;
            if let Some(tags) = &tags {
                articles::set_tags(tx, id, tags)?;
            }
            articles::by_slug(tx, Some(me), &new_slug)?.ok_or(ApiError::NotFound("article"))
        })
        .await?;
    Ok(Json(ArticleEnvelope { article }))
}

/// `DELETE /api/articles/{slug}`: 204; its comments, tags and favourites go with it.
pub async fn delete(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(slug): Path<String>,
) -> Result<StatusCode, ApiError> {
    let me = current.id();
    state
        .db
        .write(move |tx| {
            let (id, author) = articles::owner(tx, &slug)?.ok_or(ApiError::NotFound("article"))?;
            if author != me {
                return Err(ApiError::Forbidden("article"));
            }
            Ok(articles::delete(tx, id)?)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
