//! The machine-readable channel between the harness and `cargo kit`: a JSON file with one
//! entry per check, read by the board, `hint`, `solution` and `watch`. The kit never scrapes
//! the human-readable output.
//!
//! Every grade run writes it, filtered or not, to one fixed place under the target directory
//! ([`path_in`]: `<target>/backend-path/reports/step-N.json`); [`REPORT_VAR`] overrides the
//! place. A filtered run merges: a check it did not run is `not_run` in this run and keeps
//! its last known verdict in [`CheckReport::earlier`], so nothing is ever shown as passing
//! in a run that did not run it, and the step's real standing is still known.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// When set, the runner writes its [`Report`] as JSON to this path instead of the fixed one.
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
    /// The name filters of this run (`cargo test -p step-1 -- two_sum lru`); empty when
    /// nothing was filtered.
    #[serde(default)]
    pub filters: Vec<String>,
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
    /// The whole hint, as the suite writes it.
    pub hint: String,
    /// The hint as a ladder, gentlest first (see [`crate::hints`]); the board shows only
    /// the first rung.
    #[serde(default)]
    pub hints: Vec<String>,
    /// The verdict of this run.
    pub status: Status,
    /// Why it failed, when it failed.
    pub message: Option<String>,
    /// Wall time of the check's process, in milliseconds (absent when not run).
    #[serde(default)]
    pub millis: Option<u64>,
    /// For a check this run did not run: its verdict in the last run that ran it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier: Option<Earlier>,
}

/// A verdict from an earlier run, kept by a filtered run for a check it did not run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Earlier {
    /// `pass` or `fail`.
    pub status: Status,
    pub message: Option<String>,
    /// The suite seed of that run.
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    /// Filtered out of this run.
    NotRun,
}

impl CheckReport {
    /// Whether this run ran the check.
    pub fn ran(&self) -> bool {
        self.status != Status::NotRun
    }

    /// The latest verdict known: this run's, else the last run's that ran it (`NotRun` when
    /// no run has ever run it).
    pub fn standing(&self) -> Status {
        match (&self.status, &self.earlier) {
            (Status::NotRun, Some(earlier)) => earlier.status,
            (status, _) => *status,
        }
    }

    /// The message of the latest known failure.
    pub fn last_message(&self) -> Option<&str> {
        self.message
            .as_deref()
            .or_else(|| self.earlier.as_ref()?.message.as_deref())
    }
}

impl Report {
    /// How many checks stand passed (this run's verdict, else the last known one), out of
    /// how many in the suite: the step's real standing.
    pub fn tally(&self) -> (usize, usize) {
        let passed = self
            .checks
            .iter()
            .filter(|c| c.standing() == Status::Pass)
            .count();
        (passed, self.checks.len())
    }

    /// How many checks passed in this run, out of how many it ran.
    pub fn tally_of_run(&self) -> (usize, usize) {
        let ran = self.checks.iter().filter(|c| c.ran());
        let passed = ran.clone().filter(|c| c.status == Status::Pass).count();
        (passed, ran.count())
    }

    /// Whether this run ran every check.
    pub fn is_complete(&self) -> bool {
        self.checks.iter().all(CheckReport::ran)
    }

    /// The next check to work on: the first, in grade order, that failed in this run; else
    /// the first that does not stand passed (failed when it last ran, or never ran).
    pub fn next_to_do(&self) -> Option<&CheckReport> {
        self.checks
            .iter()
            .find(|c| c.status == Status::Fail)
            .or_else(|| self.checks.iter().find(|c| c.standing() != Status::Pass))
    }

    /// Keeps, for every check this run did not run, its verdict from `previous` (the last
    /// report of the same step), so the report still tells the step's standing.
    pub fn keep_earlier_verdicts(&mut self, previous: &Report) {
        if previous.step != self.step || previous.crate_dir != self.crate_dir {
            return;
        }
        for check in self.checks.iter_mut().filter(|c| !c.ran()) {
            let Some(before) = previous.checks.iter().find(|p| p.id == check.id) else {
                continue;
            };
            check.earlier = match before.status {
                Status::NotRun => before.earlier.clone(),
                status => Some(Earlier {
                    status,
                    message: before.message.clone(),
                    seed: previous.seed,
                }),
            };
        }
    }

    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        write_whole(path, &json)
    }

    pub fn read(path: &Path) -> std::io::Result<Report> {
        let text = std::fs::read_to_string(path)?;
        serde_json::from_str(&text).map_err(std::io::Error::other)
    }
}

/// Writes `contents` to `path` (making its directory) through a neighbour renamed over it:
/// a reader never sees half a file, even while several checks write the same one.
pub fn write_whole(path: &Path, contents: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let partial = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    std::fs::write(&partial, contents)?;
    std::fs::rename(&partial, path)
}

/// Where a file the grader keeps for the learner (beside the reports) goes: `name` in
/// `backend-path/` under the target directory this binary was built in.
pub fn kept_file(name: &str) -> Option<PathBuf> {
    Some(target_dir_of_this_binary()?.join("backend-path").join(name))
}

/// Where the report of `package` lives under the target directory `target_dir`.
pub fn path_in(target_dir: &Path, package: &str) -> PathBuf {
    target_dir
        .join("backend-path")
        .join("reports")
        .join(format!("{package}.json"))
}

/// Where this test binary writes the report of `package`: [`REPORT_VAR`] when set, else
/// [`path_in`] the target directory the binary was built in.
pub fn path_for(package: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(REPORT_VAR) {
        return Some(PathBuf::from(path));
    }
    Some(path_in(&target_dir_of_this_binary()?, package))
}

/// The target directory holding the running executable: the nearest ancestor that cargo
/// marked as one (so `--target <triple>` and custom profiles are found too), else
/// `CARGO_TARGET_DIR`.
fn target_dir_of_this_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    exe.ancestors()
        .skip(1)
        .find(|dir| is_target_dir(dir))
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from))
}

/// Whether cargo uses `dir` as a target directory. `.rustc_info.json` is written there by
/// every build; `CACHEDIR.TAG` only when cargo created the directory itself, so it is
/// missing when something else made `target/` first (`mkdir -p target/…` in a script).
fn is_target_dir(dir: &Path) -> bool {
    dir.join(".rustc_info.json").is_file() || dir.join("CACHEDIR.TAG").is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_dir_made_by_a_script_first_is_still_found() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!is_target_dir(dir.path()));
        // No CACHEDIR.TAG (cargo found the directory already there), but cargo's own cache.
        std::fs::write(dir.path().join(".rustc_info.json"), "{}").unwrap();
        assert!(is_target_dir(dir.path()));
    }

    fn check(id: &str, status: Status) -> CheckReport {
        CheckReport {
            id: id.into(),
            group: id.split("::").next().unwrap().into(),
            grade: 1,
            file: "src/x.rs".into(),
            hint: "h".into(),
            hints: vec!["h".into()],
            status,
            message: (status == Status::Fail).then(|| format!("{id} failed")),
            millis: None,
            earlier: None,
        }
    }

    fn report(seed: u64, checks: Vec<CheckReport>) -> Report {
        Report {
            step: "step-1".into(),
            title: "dsa-kata".into(),
            crate_dir: "crates/step-1-dsa-kata".into(),
            seed,
            filters: Vec::new(),
            checks,
        }
    }

    #[test]
    fn a_filtered_run_keeps_the_last_known_verdicts_of_the_checks_it_did_not_run() {
        let full = report(
            1,
            vec![
                check("a::x", Status::Pass),
                check("b::x", Status::Fail),
                check("c::x", Status::Fail),
            ],
        );
        let mut filtered = report(
            2,
            vec![
                check("a::x", Status::NotRun),
                check("b::x", Status::NotRun),
                check("c::x", Status::Pass),
            ],
        );
        filtered.keep_earlier_verdicts(&full);
        assert_eq!(filtered.tally_of_run(), (1, 1));
        assert_eq!(filtered.tally(), (2, 3));
        // Not run is never passed in this run, but the standing remembers.
        assert_eq!(filtered.checks[0].status, Status::NotRun);
        assert_eq!(filtered.checks[0].standing(), Status::Pass);
        assert_eq!(filtered.checks[1].last_message(), Some("b::x failed"));
        assert_eq!(filtered.next_to_do().unwrap().id, "b::x");

        // A second filtered run carries the verdicts over again.
        let mut again = report(
            3,
            vec![
                check("a::x", Status::NotRun),
                check("b::x", Status::NotRun),
                check("c::x", Status::NotRun),
            ],
        );
        again.keep_earlier_verdicts(&filtered);
        assert_eq!(again.tally(), (2, 3));
        assert_eq!(again.checks[0].earlier.as_ref().unwrap().seed, 1);
        assert_eq!(again.checks[2].earlier.as_ref().unwrap().seed, 2);
    }

    #[test]
    fn another_steps_report_is_not_merged() {
        let mut other = report(1, vec![check("a::x", Status::Pass)]);
        other.step = "step-2".into();
        let mut filtered = report(2, vec![check("a::x", Status::NotRun)]);
        filtered.keep_earlier_verdicts(&other);
        assert_eq!(filtered.tally(), (0, 1));
        assert_eq!(filtered.checks[0].standing(), Status::NotRun);
    }

    #[test]
    fn reports_live_under_the_target_dir_and_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_in(dir.path(), "step-2");
        assert!(path.ends_with("backend-path/reports/step-2.json"));
        let written = report(7, vec![check("a::x", Status::Fail)]);
        written.write(&path).unwrap();
        assert_eq!(Report::read(&path).unwrap(), written);
    }
}
