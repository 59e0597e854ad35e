//! `GET /api/tags`: every tag used by at least one article, sorted, without duplicates.

use std::collections::BTreeSet;

use axum::extract::State;

use crate::extract::Json;
use crate::model::TagsEnvelope;
use crate::routes::AppState;

pub async fn list(State(state): State<AppState>) -> Json<TagsEnvelope> {
    let data = state.store.snapshot();
    let tags: BTreeSet<&String> = data.articles.iter().flat_map(|a| &a.tag_list).collect();
    Json(TagsEnvelope {
        tags: tags.into_iter().cloned().collect(),
    })
}
