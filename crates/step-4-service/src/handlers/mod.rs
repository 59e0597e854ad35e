//! Handlers: one module per API area. Each is a plain `async fn` whose arguments are
//! extractors (what it needs from the request: `CurrentUser`, `Json<…>`, `Path<…>`) and
//! whose return type implements `IntoResponse`.
//!
//! The pattern of every handler: check the input (a 422 lists every bad field), then one
//! `db.read`, `db.lookup` or `db.write` closure that does all its SQL, then the response.

pub mod articles;
pub mod comments;
pub mod favorites;
pub mod health;
pub mod meta;
pub mod profiles;
pub mod tags;
pub mod users;

use std::collections::BTreeMap;

use crate::error::ApiError;

/// Collects field errors, so one 422 reports every problem at once.
#[derive(Debug, Default)]
pub struct FieldErrors(BTreeMap<String, Vec<String>>);

impl FieldErrors {
    /// A required text field: present and not blank.
    pub fn required(&mut self, field: &str, value: Option<String>) -> String {
        match value {
            Some(text) if !text.trim().is_empty() => text,
            _ => {
                self.add(field, "can't be blank");
                String::new()
            }
        }
    }

    /// A required password: present and not empty. Spaces count: a password may be anything.
    pub fn password(&mut self, field: &str, value: Option<String>) -> String {
        match value {
            Some(text) if !text.is_empty() => text,
            _ => {
                self.add(field, "can't be blank");
                String::new()
            }
        }
    }

    /// An optional text field: absent is fine, present must not be blank.
    pub fn not_blank(&mut self, field: &str, value: Option<String>) -> Option<String> {
        match value {
            Some(text) if text.trim().is_empty() => {
                self.add(field, "can't be blank");
                None
            }
            other => other,
        }
    }

    /// A field that may be absent but, when present, must not be `null`.
    pub fn not_null<T>(&mut self, field: &str, value: Option<Option<T>>) -> Option<T> {
        match value {
            Some(None) => {
                self.add(field, "can't be null");
                None
            }
            Some(Some(value)) => Some(value),
            None => None,
        }
    }

    /// A text field of at most `max` characters (when present).
    pub fn at_most(&mut self, field: &str, value: Option<&String>, max: usize) {
        if value.is_some_and(|text| text.chars().count() > max) {
            self.add(field, &format!("is too long (at most {max} characters)"));
        }
    }

    pub fn add(&mut self, field: &str, message: &str) {
        self.0
            .entry(field.to_string())
            .or_default()
            .push(message.to_string());
    }

    /// `Ok(())` when there were no errors, a 422 listing them otherwise.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.0))
        }
    }
}

/// Tags as stored: trimmed, no blanks, no duplicates, in the order given.
pub fn clean_tags(tags: Option<Vec<String>>) -> Vec<String> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags.unwrap_or_default() {
        let tag = tag.trim().to_string();
        if !tag.is_empty() && !clean.contains(&tag) {
            clean.push(tag);
        }
    }
    clean
}

/// Used when the query has no `limit`.
pub const DEFAULT_LIMIT: u32 = 20;
/// A page never holds more than this, whatever `limit` asks for.
pub const MAX_LIMIT: u32 = 1000;

/// `limit` and `offset` from a query: `limit` from 1 to [`MAX_LIMIT`], default 20.
pub fn page(limit: Option<u32>, offset: Option<u32>) -> Result<(u32, u32), ApiError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 {
        return Err(ApiError::invalid("limit", "must be at least 1"));
    }
    Ok((limit.min(MAX_LIMIT), offset.unwrap_or(0)))
}
