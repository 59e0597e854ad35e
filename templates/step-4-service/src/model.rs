//! What a client sends and what it gets back, in Conduit's JSON shapes.
//!
//! - Requests: every field is `Option`, so a missing field becomes a 422 that names it
//!   (`{"errors": {"title": ["can't be blank"]}}`) instead of a serde message about the
//!   shape. `PUT /api/user` must tell a field that is absent (leave it) from one that is
//!   `null` (clear it): [`Patch`] does that.
//! - Responses: Conduit's camelCase names (`tagList`, `favoritesCount`) via `rename_all`.
//!   An article in a list has no `body` ([`ArticleSummary`]); a single one has
//!   ([`ArticleView`]).
//! - Passwords are a [`Password`], whose `Debug` prints nothing: a request logged by
//!   mistake leaks no password.

use serde::{Deserialize, Deserializer, Serialize};

use crate::object::object;

/// A password as received. Only [`Password::expose`] gives the text.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Password(String);

impl Password {
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(redacted)")
    }
}

/// A field of a partial update: absent (`None`), `null` (`Some(None)`), or a value.
pub type Patch<T> = Option<Option<T>>;

/// Turns a present field, `null` included, into `Some(…)`; with `#[serde(default)]` an
/// absent field stays `None`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Patch<T>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

// ---- users ----

/// `POST /api/users`: `{"user": {"username", "email", "password"}}`
#[derive(Debug, Deserialize)]
pub struct NewUserRequest {
    #[serde(deserialize_with = "object")]
    pub user: NewUser,
}

#[derive(Debug, Deserialize)]
pub struct NewUser {
    pub username: Option<String>,
    pub email: Option<String>,
    pub password: Option<Password>,
}

/// `POST /api/users/login`: `{"user": {"email", "password"}}`
#[derive(Debug, Deserialize)]
pub struct LoginRequest {
    #[serde(deserialize_with = "object")]
    pub user: LoginUser,
}

#[derive(Debug, Deserialize)]
pub struct LoginUser {
    pub email: Option<String>,
    pub password: Option<Password>,
}

/// `PUT /api/user`: any of the fields; `bio` and `image` may be `null` (or `""`) to clear.
#[derive(Debug, Deserialize)]
pub struct UpdateUserRequest {
    #[serde(deserialize_with = "object")]
    pub user: UserChanges,
}

#[derive(Debug, Default, Deserialize)]
pub struct UserChanges {
    #[serde(default, deserialize_with = "present")]
    pub email: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    pub username: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    pub password: Patch<Password>,
    #[serde(default, deserialize_with = "present")]
    pub bio: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    pub image: Patch<String>,
}

/// The logged-in user, with a token: `{"user": {…}}`.
#[derive(Debug, Serialize)]
pub struct UserEnvelope {
    pub user: UserView,
}

#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub email: String,
    pub token: String,
    pub username: String,
    pub bio: Option<String>,
    pub image: Option<String>,
}

/// Another user as the viewer sees them: `{"profile": {…}}`.
#[derive(Debug, Serialize)]
pub struct ProfileEnvelope {
    pub profile: Profile,
}

#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub username: String,
    pub bio: Option<String>,
    pub image: Option<String>,
    /// Whether the viewer follows this user; false for anonymous viewers.
    pub following: bool,
}

// ---- articles ----

/// `POST /api/articles`: `{"article": {"title", "description", "body", "tagList"}}`
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
    /// Absent is no tags; `null` is a mistake (422).
    #[serde(default, deserialize_with = "present")]
    pub tag_list: Patch<Vec<String>>,
}

/// The longest title accepted, in characters. The slug is made from the title and travels
/// in every URL of the article; an unbounded title makes URLs too long to serve (414), so
/// the article could be listed but never read, changed or deleted.
pub const TITLE_MAX_CHARS: usize = 256;

/// `PUT /api/articles/{slug}`: only the fields present change.
#[derive(Debug, Deserialize)]
pub struct UpdateArticleRequest {
    #[serde(deserialize_with = "object")]
    pub article: ArticleChanges,
}

/// Absent fields stay as they are; `null` is a mistake (422), not "leave it".
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleChanges {
    #[serde(default, deserialize_with = "present")]
    pub title: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    pub description: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    pub body: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    pub tag_list: Patch<Vec<String>>,
}

/// `GET /api/articles?tag=&author=&favorited=&limit=&offset=`
#[derive(Debug, Default, Deserialize)]
pub struct ListParams {
    pub tag: Option<String>,
    pub author: Option<String>,
    pub favorited: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// `GET /api/articles/feed?limit=&offset=`
#[derive(Debug, Default, Deserialize)]
pub struct PageParams {
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
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
    pub author: Profile,
}

/// An article in a list: everything but the body.
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
    pub author: Profile,
}

impl From<ArticleView> for ArticleSummary {
    fn from(article: ArticleView) -> Self {
        ArticleSummary {
            slug: article.slug,
            title: article.title,
            description: article.description,
            tag_list: article.tag_list,
            created_at: article.created_at,
            updated_at: article.updated_at,
            favorited: article.favorited,
            favorites_count: article.favorites_count,
            author: article.author,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ArticleEnvelope {
    pub article: ArticleView,
}

/// `articlesCount` counts every match, not only the page, so a client can paginate.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticlesEnvelope {
    pub articles: Vec<ArticleSummary>,
    pub articles_count: u64,
}

// ---- comments and tags ----

/// `POST /api/articles/{slug}/comments`: `{"comment": {"body"}}`
#[derive(Debug, Deserialize)]
pub struct NewCommentRequest {
    #[serde(deserialize_with = "object")]
    pub comment: NewComment,
}

#[derive(Debug, Deserialize)]
pub struct NewComment {
    pub body: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentView {
    pub id: i64,
    pub created_at: String,
    pub updated_at: String,
    pub body: String,
    pub author: Profile,
}

#[derive(Debug, Serialize)]
pub struct CommentEnvelope {
    pub comment: CommentView,
}

#[derive(Debug, Serialize)]
pub struct CommentsEnvelope {
    pub comments: Vec<CommentView>,
}

#[derive(Debug, Serialize)]
pub struct TagsEnvelope {
    pub tags: Vec<String>,
}

/// Now, as an RFC 3339 timestamp in UTC with exactly three decimals
/// (`2026-12-01T12:00:00.123Z`), the width Conduit's clients expect.
pub fn now() -> String {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'_>] = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    let now = time::OffsetDateTime::now_utc();
    now.format(FORMAT)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}
