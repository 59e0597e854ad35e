//! Handlers: one module per API area. Each handler is a plain `async fn` whose arguments are
//! extractors (what it needs from the request) and whose return type implements
//! `IntoResponse` (usually `Result<(StatusCode, Json<…>), ApiError>`).

pub mod articles;
pub mod comments;
pub mod health;
pub mod tags;

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

    /// A text field of at most `max` characters (when present).
    pub fn at_most(&mut self, field: &str, value: Option<&str>, max: usize) {
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
