//! Handlers: one module per API area.
//!
//! A handler is a plain `async fn`. Its arguments are extractors, what it needs from the
//! request (`State`, `Path`, `Query`, `Json`; the body extractor `Json` comes last); its
//! return type is anything that implements `IntoResponse`. The usual shape here:
//!
//! ```ignore
//! pub async fn create(
//!     State(state): State<AppState>,
//!     Json(request): Json<NewArticleRequest>,
//! ) -> Result<(StatusCode, Json<ArticleEnvelope>), ApiError> {
//!     // validate → state.store.write(|data| …).await? → (StatusCode::CREATED, Json(…))
//! }
//! ```
//!
//! Every handler below answers 501 with a hint until you write it.

pub mod articles;
pub mod comments;
pub mod health;
pub mod tags;
