//! A suite: the ordered checks of one step, plus what the report needs to say about it.

use crate::check::Check;

/// The checks of one step, in grade order.
#[derive(Debug, Clone)]
pub struct Suite {
    /// The package name, e.g. `step-1`.
    pub step: &'static str,
    /// A short title for the board, e.g. `dsa-kata`.
    pub title: &'static str,
    /// The crate under test, relative to the workspace root (e.g. `crates/step-1-dsa-kata`),
    /// so failures can name the file to open.
    pub crate_dir: String,
    pub checks: Vec<Check>,
}

impl Suite {
    /// A suite for the crate whose manifest directory is `manifest_dir`
    /// (pass `env!("CARGO_MANIFEST_DIR")` from the grade file).
    pub fn new(step: &'static str, title: &'static str, manifest_dir: &str) -> Self {
        Suite {
            step,
            title,
            crate_dir: crate::paths::relative_to_workspace(manifest_dir),
            checks: Vec::new(),
        }
    }

    /// Adds checks; the order within a grade is the order of addition.
    pub fn with(mut self, checks: impl IntoIterator<Item = Check>) -> Self {
        self.checks.extend(checks);
        self
    }

    /// The checks sorted by grade (stable, so declaration order is kept within a grade).
    pub fn ordered(mut self) -> Self {
        self.checks.sort_by_key(|check| check.grade);
        self
    }
}
