//! Grading one step for the board: build its grade test, run it with the harness's report
//! channel switched on, and read the report back.

use std::fs::File;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{Context, Result};
use harness::report::{REPORT_VAR, Report};

use crate::cargo::{self, Build};
use crate::steps::Step;

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

/// The report file and the log of the last grade run of `step`.
pub fn files(step: Step) -> Result<(PathBuf, PathBuf)> {
    let dir = cargo::target_dir()?.join("kit");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok((
        dir.join(format!("{}.json", step.package)),
        dir.join(format!("{}.log", step.package)),
    ))
}

/// Builds and grades `step`. `on_phase` is told "building" and then "grading".
pub fn grade(step: Step, on_phase: &dyn Fn(&str)) -> Result<Grading> {
    on_phase("building");
    if let Build::Failed { first_error } = cargo::build_grade(step.package)? {
        return Ok(Grading::DoesNotCompile(first_error));
    }
    on_phase("grading");
    let (report_path, log_path) = files(step)?;
    let _ = std::fs::remove_file(&report_path);
    let log =
        File::create(&log_path).with_context(|| format!("creating {}", log_path.display()))?;
    Command::new(cargo::cargo())
        .current_dir(crate::steps::root())
        .args(["test", "-q", "-p", step.package, "--test", "grade"])
        .env(REPORT_VAR, &report_path)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .status()
        .context("could not run cargo test")?;
    match Report::read(&report_path) {
        Ok(report) if report.checks.is_empty() => Ok(Grading::NotOpen),
        Ok(report) => Ok(Grading::Graded(report)),
        Err(_) => Ok(Grading::Crashed(format!(
            "grading stopped without a report; see {} or run `cargo test -p {}`",
            log_path.display(),
            step.package
        ))),
    }
}

/// The last report the kit saved for `step`, if any.
pub fn last_report(step: Step) -> Option<Report> {
    let (report_path, _) = files(step).ok()?;
    Report::read(&report_path).ok()
}
