//! Slugs: the URL-safe name of an article, derived from its title.
//!
//! `"How to Train Your Dragon"` becomes `how-to-train-your-dragon`: lower-case ASCII letters
//! and digits, every other run of characters one `-`, none at either end (a title with no
//! letters or digits at all could get `article`).
//!
//! Two articles may share a title, but never a slug: the second one gets `-2`, the third
//! `-3`, and so on. Checking "is this slug taken?" and inserting the article must happen in
//! the same writer's turn (see `store.rs`), or two concurrent requests could both find `-2`
//! free.

/// `"How to Train Your Dragon"` → `"how-to-train-your-dragon"`.
pub fn slugify(title: &str) -> String {
    let _ = title;
    todo!("lower-case letters and digits, one '-' for every run of anything else")
}

/// The first of `base`, `base-2`, `base-3`, … that `taken` says is free.
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let _ = (base, taken);
    todo!("try base, then base-2, base-3, … until one is not taken")
}
