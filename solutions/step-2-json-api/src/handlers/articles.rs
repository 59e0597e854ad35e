//! Articles: list, create, read, update, delete.
//!
//! | method and path             | success                        | errors        |
//! |-----------------------------|--------------------------------|---------------|
//! | `GET /api/articles`         | 200 `{"articles", "articlesCount"}` | 400, 422 |
//! | `POST /api/articles`        | 201 `{"article"}`              | 400, 413, 415, 422 |
//! | `GET /api/articles/{slug}`  | 200 `{"article"}`              | 404           |
//! | `PUT /api/articles/{slug}`  | 200 `{"article"}`              | 404, 422, …   |
//! | `DELETE /api/articles/{slug}` | 204, no body                 | 404           |
//!
//! Reads use a snapshot of the store; writes go through `store.write`, whose closure sees
//! the data as it is now and may still refuse (`Err`), in which case nothing is saved.

use axum::extract::State;
use axum::http::StatusCode;

use crate::error::ApiError;
use crate::extract::{Json, Path, Query};
use crate::handlers::{FieldErrors, clean_tags};
use crate::model::{
    Article, ArticleEnvelope, ArticleSummary, ArticleView, ArticlesEnvelope, ListParams,
    NewArticleRequest, TITLE_MAX_CHARS, UpdateArticleRequest, now,
};
use crate::routes::AppState;
use crate::slug;

/// Used when the query has no `limit`.
pub const DEFAULT_LIMIT: usize = 20;

/// `GET /api/articles?tag=&limit=&offset=`: newest first. `articlesCount` counts every
/// article that matches the filter, before `limit` and `offset` cut the page.
pub async fn list(
    State(state): State<AppState>,
    Query(params): Query<ListParams>,
) -> Result<Json<ArticlesEnvelope>, ApiError> {
    let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 {
        return Err(ApiError::invalid("limit", "must be at least 1"));
    }
    let offset = params.offset.unwrap_or(0);
    let data = state.store.snapshot();
    let matching: Vec<&Article> = data
        .articles
        .iter()
        .rev()
        .filter(|a| match &params.tag {
            Some(tag) => a.tag_list.contains(tag),
            None => true,
        })
        .collect();
    Ok(Json(ArticlesEnvelope {
        articles_count: matching.len(),
        articles: matching
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(ArticleSummary::from)
            .collect(),
    }))
}

/// `POST /api/articles`: 201 with the new article. The slug comes from the title and is
/// made unique while holding the writers' turn.
pub async fn create(
    State(state): State<AppState>,
    Json(request): Json<NewArticleRequest>,
) -> Result<(StatusCode, Json<ArticleEnvelope>), ApiError> {
    let input = request.article;
    let mut errors = FieldErrors::default();
    let title = errors.required("title", input.title);
    errors.at_most("title", Some(&title), TITLE_MAX_CHARS);
    let description = errors.required("description", input.description);
    let body = errors.required("body", input.body);
    errors.finish()?;

    let tag_list = clean_tags(input.tag_list);
    let article = state
        .store
        .write(move |data| {
            let base = slug::slugify(&title);
            let taken = slugs_like(data, &base, None);
            let slug = slug::unique(&base, |s| taken.contains(s));
            let created_at = now();
            let article = Article {
                slug,
                title,
                description,
                body,
                tag_list,
                updated_at: created_at.clone(),
                created_at,
                comments: Vec::new(),
            };
            let view = ArticleView::from(&article);
            data.articles.push(article);
            Ok(view)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(ArticleEnvelope { article })))
}

/// `GET /api/articles/{slug}`
pub async fn get(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    let data = state.store.snapshot();
    let article = data
        .articles
        .iter()
        .find(|a| a.slug == slug)
        .ok_or(ApiError::NotFound("article"))?;
    Ok(Json(ArticleEnvelope {
        article: ArticleView::from(article),
    }))
}

/// `PUT /api/articles/{slug}`: changes the fields present. A new title brings a new slug.
pub async fn update(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Json(request): Json<UpdateArticleRequest>,
) -> Result<Json<ArticleEnvelope>, ApiError> {
    let changes = request.article;
    let mut errors = FieldErrors::default();
    let title = errors.not_blank("title", changes.title);
    errors.at_most("title", title.as_deref(), TITLE_MAX_CHARS);
    let description = errors.not_blank("description", changes.description);
    let body = errors.not_blank("body", changes.body);
    errors.finish()?;
    let tag_list = changes.tag_list.map(|tags| clean_tags(Some(tags)));

    let article = state
        .store
        .write(move |data| {
            let index = data
                .articles
                .iter()
                .position(|a| a.slug == slug)
                .ok_or(ApiError::NotFound("article"))?;
            if let Some(title) = title {
                let base = slug::slugify(&title);
                let taken = slugs_like(data, &base, Some(index));
                let new_slug = slug::unique(&base, |s| taken.contains(s));
                data.articles[index].slug = new_slug;
                data.articles[index].title = title;
            }
            let article = &mut data.articles[index];
            if let Some(description) = description {
                article.description = description;
            }
            if let Some(body) = body {
                article.body = body;
            }
            if let Some(tag_list) = tag_list {
                article.tag_list = tag_list;
            }
            article.updated_at = now();
            Ok(ArticleView::from(&*article))
        })
        .await?;
    Ok(Json(ArticleEnvelope { article }))
}

/// `DELETE /api/articles/{slug}`: 204, and the article's comments go with it.
pub async fn delete(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<StatusCode, ApiError> {
    state
        .store
        .write(|data| {
            let index = data
                .articles
                .iter()
                .position(|a| a.slug == slug)
                .ok_or(ApiError::NotFound("article"))?;
            data.articles.remove(index);
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The slugs that `base` or one of its numbered forms (`base-2`, …) could collide with,
/// leaving out the article at `except` (an update may keep its own slug). One pass over the
/// articles, then each candidate is a set lookup: asking "is it taken?" with a scan per
/// candidate costs articles × candidates, which adds up fast with many equal titles.
fn slugs_like<'a>(
    data: &'a crate::model::Data,
    base: &str,
    except: Option<usize>,
) -> std::collections::HashSet<&'a str> {
    data.articles
        .iter()
        .enumerate()
        .filter(|(i, a)| Some(*i) != except && a.slug.starts_with(base))
        .map(|(_, a)| a.slug.as_str())
        .collect()
}
