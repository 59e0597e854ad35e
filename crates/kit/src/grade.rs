//! Grading one step for the board: build its grade test, run it with the harness's report
//! channel pointed at the step's fixed report file, and read the report back.
//!
//! The report file is the one every grade run writes (`harness::report::path_in`), so a
//! plain `cargo test -p step-1`, `cargo kit` and `cargo kit watch` all leave the same file
//! behind, and `hint`, `solution`, `reset` and `watch` read the latest run, whoever ran it.

use std::fs::File;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::SystemTime;

use anyhow::{Context, Result};
use harness::report::{REPORT_VAR, Report};

use crate::cargo::{self, Build};
use crate::steps::{STEPS, Step};

/// Where a step stands.
#[derive(Debug, Clone)]
pub enum Grading {
    /// Graded: the report says which checks pass.
    Graded(Report),
    /// The step's suite has no checks yet.
    NotOpen,
    /// The learner's crate does not compile; the first error.
    DoesNotCompile(String),
    /// The grade run ended without a report (see the log).
    Crashed(String),
}

/// The report file of `step` (written by every grade run) and the log of the kit's last
/// grade run of it.
pub fn files(step: Step) -> Result<(PathBuf, PathBuf)> {
    let report = harness::report::path_in(&cargo::target_dir()?, step.package);
    let log = report.with_extension("log");
    Ok((report, log))
}

/// How a grade run shows itself.
#[derive(Clone, Copy)]
pub struct Show<'a> {
    /// Let cargo's build progress through to stderr (a first, cold build).
    pub build_progress: bool,
    /// Told "building" and then "grading".
    pub on_phase: &'a dyn Fn(&str),
}

/// Builds and grades `step`.
pub fn grade(step: Step, show: Show) -> Result<Grading> {
    grade_filtered(step, &[], show)
}

/// Builds and grades the checks of `step` whose names contain one of `filters` (every
/// check when empty); the report keeps the last known verdicts of the others.
pub fn grade_filtered(step: Step, filters: &[String], show: Show) -> Result<Grading> {
    let on_phase = show.on_phase;
    on_phase("building");
    if let Build::Failed { first_error } = cargo::build_grade(step.package, show.build_progress)? {
        return Ok(Grading::DoesNotCompile(first_error));
    }
    on_phase("grading");
    let (report_path, log_path) = files(step)?;
    std::fs::create_dir_all(report_path.parent().expect("a report has a folder"))?;
    let started = SystemTime::now();
    let log =
        File::create(&log_path).with_context(|| format!("creating {}", log_path.display()))?;
    Command::new(cargo::cargo())
        .current_dir(crate::steps::root())
        .args(["test", "-q", "-p", step.package, "--test", "grade", "--"])
        .args(filters)
        .env(REPORT_VAR, &report_path)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .status()
        .context("could not run cargo test")?;
    let fresh = std::fs::metadata(&report_path)
        .and_then(|m| m.modified())
        .is_ok_and(|modified| modified >= started);
    match Report::read(&report_path) {
        Ok(report) if fresh && report.checks.is_empty() => Ok(Grading::NotOpen),
        Ok(report) if fresh => Ok(Grading::Graded(report)),
        _ => Ok(Grading::Crashed(format!(
            "grading stopped without a report; see {} or run `cargo test -p {}`",
            log_path.display(),
            step.package
        ))),
    }
}

/// The latest report of `step`, whoever ran it, if any.
pub fn last_report(step: Step) -> Option<Report> {
    let (report_path, _) = files(step).ok()?;
    Report::read(&report_path).ok()
}

/// The latest report of every step that has one with checks, in step order.
pub fn last_reports() -> Vec<(Step, Report)> {
    let Ok(target) = cargo::target_dir() else {
        return Vec::new();
    };
    STEPS
        .iter()
        .filter_map(|step| {
            let report = Report::read(&harness::report::path_in(&target, step.package)).ok()?;
            (!report.checks.is_empty()).then_some((*step, report))
        })
        .collect()
}
