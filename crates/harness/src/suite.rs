//! A suite: the ordered checks of one step, plus what the report needs to say about it.

use crate::check::Check;
use crate::steps::Step;

/// The checks of one step, in grade order.
#[derive(Debug, Clone)]
pub struct Suite {
    /// The step graded, from the registry ([`crate::steps`]).
    pub step: &'static Step,
    /// The crate under test, relative to the workspace root (e.g. `crates/step-1-dsa-kata`),
    /// so failures can name the file to open.
    pub crate_dir: String,
    pub checks: Vec<Check>,
}

impl Suite {
    /// A suite of `step` for the crate whose manifest directory is `manifest_dir` (pass
    /// `env!("CARGO_MANIFEST_DIR")` from the grade file): the learner's crate, the
    /// reference or the template.
    pub fn new(step: &'static Step, manifest_dir: &str) -> Self {
        Suite {
            step,
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
