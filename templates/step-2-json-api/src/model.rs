//! The data: what is stored in the file, what a client sends, and what it gets back.
//!
//! Three kinds of type, kept apart on purpose:
//! - stored ([`Data`], [`Article`], [`Comment`]): the file's format;
//! - requests ([`NewArticle`], [`ArticleChanges`], [`NewComment`]): every field optional, so
//!   a missing field becomes a 422 that names it instead of a serde error about the shape;
//! - responses ([`ArticleView`], [`ArticleSummary`], [`CommentView`]): what the API shows,
//!   with Conduit's camelCase names (`tagList`, `createdAt`) via `rename_all`.
//!
//! The envelopes (`{"article": …}`, `{"articles": […], "articlesCount": n}`, …) are the
//! `*Envelope` structs at the end.

use serde::{Deserialize, Serialize};

use crate::object::object;

/// Everything the server knows: the whole content of the data file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Data {
    /// Oldest first: a new article is pushed at the end, so "newest first" is the reverse.
    pub articles: Vec<Article>,
    /// The id the next comment gets. Ids are never reused, even after a delete.
    pub next_comment_id: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub body: String,
    pub tag_list: Vec<String>,
    /// RFC 3339 timestamps, e.g. `2026-11-21T12:00:00.123Z`.
    pub created_at: String,
    pub updated_at: String,
    /// Oldest first.
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub id: u64,
    pub body: String,
    pub created_at: String,
    pub updated_at: String,
}

/// `POST /api/articles` body: `{"article": {"title": …, "description": …, "body": …,
/// "tagList": […]}}`.
#[derive(Debug, Deserialize)]
pub struct NewArticleRequest {
    #[serde(deserialize_with = "object")]
    pub article: NewArticle,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewArticle {
    pub title: Option<String>,
    pub description: Option<String>,
    pub body: Option<String>,
    /// May be left out; `null` is refused (the contract's array is not nullable).
    #[serde(default, deserialize_with = "not_null")]
    pub tag_list: Option<Vec<String>>,
}

/// The longest title accepted, in characters. The slug is made from the title and travels
/// in every URL of the article; an unbounded title makes URLs too long to serve (414), so
/// the article could be listed but never read, changed or deleted.
pub const TITLE_MAX_CHARS: usize = 256;

/// `PUT /api/articles/{slug}` body: only the fields present change.
#[derive(Debug, Deserialize)]
pub struct UpdateArticleRequest {
    #[serde(deserialize_with = "object")]
    pub article: ArticleChanges,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleChanges {
    #[serde(default, deserialize_with = "not_null")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "not_null")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "not_null")]
    pub body: Option<String>,
    #[serde(default, deserialize_with = "not_null")]
    pub tag_list: Option<Vec<String>>,
}

/// An optional field that, when present, must not be `null`: `"tagList": null` is a client
/// mistake (answered 422 like any wrong type), while leaving the field out is fine. Plain
/// `Option` would read both the same way.
fn not_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// `POST /api/articles/{slug}/comments` body: `{"comment": {"body": …}}`.
#[derive(Debug, Deserialize)]
pub struct NewCommentRequest {
    #[serde(deserialize_with = "object")]
    pub comment: NewComment,
}

#[derive(Debug, Deserialize)]
pub struct NewComment {
    pub body: Option<String>,
}

/// `GET /api/articles` query: `?tag=rust&limit=20&offset=0`.
#[derive(Debug, Deserialize)]
pub struct ListParams {
    pub tag: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

/// An article as the API shows it. No author yet: users come in step 4; `favorited` and
/// `favoritesCount` keep Conduit's shape until then.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleView {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub body: String,
    pub tag_list: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    pub favorited: bool,
    pub favorites_count: u64,
}

impl From<&Article> for ArticleView {
    fn from(article: &Article) -> Self {
        ArticleView {
            slug: article.slug.clone(),
            title: article.title.clone(),
            description: article.description.clone(),
            body: article.body.clone(),
            tag_list: article.tag_list.clone(),
            created_at: article.created_at.clone(),
            updated_at: article.updated_at.clone(),
            favorited: false,
            favorites_count: 0,
        }
    }
}

/// An article in a list: everything but the body, as in Conduit's spec.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub tag_list: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    pub favorited: bool,
    pub favorites_count: u64,
}

impl From<&Article> for ArticleSummary {
    fn from(article: &Article) -> Self {
        ArticleSummary {
            slug: article.slug.clone(),
            title: article.title.clone(),
            description: article.description.clone(),
            tag_list: article.tag_list.clone(),
            created_at: article.created_at.clone(),
            updated_at: article.updated_at.clone(),
            favorited: false,
            favorites_count: 0,
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentView {
    pub id: u64,
    pub body: String,
    pub created_at: String,
    pub updated_at: String,
}

impl From<&Comment> for CommentView {
    fn from(comment: &Comment) -> Self {
        CommentView {
            id: comment.id,
            body: comment.body.clone(),
            created_at: comment.created_at.clone(),
            updated_at: comment.updated_at.clone(),
        }
    }
}

/// `{"article": {…}}`
#[derive(Debug, Serialize)]
pub struct ArticleEnvelope {
    pub article: ArticleView,
}

/// `{"articles": […], "articlesCount": n}`: `articlesCount` counts every match, not only
/// the page, so a client can draw its pagination.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticlesEnvelope {
    pub articles: Vec<ArticleSummary>,
    pub articles_count: usize,
}

/// `{"comment": {…}}`
#[derive(Debug, Serialize)]
pub struct CommentEnvelope {
    pub comment: CommentView,
}

/// `{"comments": […]}`
#[derive(Debug, Serialize)]
pub struct CommentsEnvelope {
    pub comments: Vec<CommentView>,
}

/// `{"tags": […]}`
#[derive(Debug, Serialize)]
pub struct TagsEnvelope {
    pub tags: Vec<String>,
}

/// Now, in UTC, as Conduit shows it: RFC 3339 with exactly three fraction digits
/// (`2026-12-01T22:26:11.530Z`). A fixed width matters: clients sort these as strings, and
/// `…11.53Z` would sort after `…11.530Z`.
pub fn now() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
        now.millisecond()
    )
}
