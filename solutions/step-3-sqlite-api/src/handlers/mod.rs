//! Handlers: one module per API area, each endpoint as an `async fn` that hands its SQL to
//! the database (`state.db.read` / `state.db.write`) and shapes the answer. The SQL itself
//! is in plain functions taking a `&Connection`, so it can be read (and tested) apart from
//! HTTP.
//!
//! The request validation is step 2's, unchanged.

pub mod articles;
pub mod comments;
pub mod tags;

pub use solution_step_2::handlers::{FieldErrors, clean_tags, health};
