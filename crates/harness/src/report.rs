//! The machine-readable channel between the harness and `cargo kit`: a JSON file with one
//! entry per check. The kit sets [`REPORT_VAR`] to a path and reads the file after the run;
//! it never scrapes the human-readable output.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// When set, the runner writes its [`Report`] as JSON to this path.
pub const REPORT_VAR: &str = "BACKEND_PATH_REPORT";

/// The outcome of one run of a suite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The package graded, e.g. `step-1`.
    pub step: String,
    pub title: String,
    /// The crate under test, relative to the workspace root.
    pub crate_dir: String,
    pub seed: u64,
    /// Every check of the suite, in grade order, run or not.
    pub checks: Vec<CheckReport>,
}

/// One check's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    /// `group::name`.
    pub id: String,
    pub group: String,
    pub grade: u8,
    /// The file to edit, relative to the crate under test.
    pub file: String,
    pub hint: String,
    pub status: Status,
    /// Why it failed, when it failed.
    pub message: Option<String>,
    /// Wall time of the check's child process, in milliseconds (absent when not run).
    #[serde(default)]
    pub millis: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    /// Filtered out of this run.
    NotRun,
}

impl Report {
    /// How many checks passed, out of how many.
    pub fn tally(&self) -> (usize, usize) {
        let passed = self
            .checks
            .iter()
            .filter(|c| c.status == Status::Pass)
            .count();
        (passed, self.checks.len())
    }

    /// The first check, in grade order, that ran and failed.
    pub fn next_to_do(&self) -> Option<&CheckReport> {
        self.checks.iter().find(|c| c.status == Status::Fail)
    }

    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(path, json)
    }

    pub fn read(path: &Path) -> std::io::Result<Report> {
        let text = std::fs::read_to_string(path)?;
        serde_json::from_str(&text).map_err(std::io::Error::other)
    }
}
