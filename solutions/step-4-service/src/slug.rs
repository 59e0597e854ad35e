//! Slugs: the URL-safe name of an article, derived from its title.
//!
//! `"How to Train Your Dragon"` becomes `how-to-train-your-dragon`. Two articles may share
//! a title, but never a slug: the second one gets `-2`, the third `-3`, and so on. Checking
//! "is this slug taken?" and inserting the article must happen under the same writer's turn
//! (see `store.rs`), or two concurrent requests could both find `-2` free.

/// Lower-case ASCII letters and digits; every other run of characters becomes one `-`.
/// A title with no letters or digits at all gets the slug `article`.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("article");
    }
    slug
}

/// The first of `base`, `base-2`, `base-3`, … that `taken` says is free.
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .expect("some suffix is free")
}
