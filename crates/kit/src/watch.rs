//! `cargo kit watch [step]`: re-grades a step every time a file in it is saved, so the
//! feedback comes without leaving the editor.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use console::{Term, style};
use harness::report::Status;
use notify_debouncer_mini::{new_debouncer, notify::RecursiveMode};

use crate::steps::{self, STEPS, Step};

pub fn run(step: Option<&str>) -> Result<ExitCode> {
    let step = match step {
        Some(name) => steps::find(name)?,
        None => first_unfinished(),
    };
    let dir = steps::existing(step.crate_dir)?;
    let (sender, changes) = mpsc::channel();
    let mut debouncer = new_debouncer(Duration::from_millis(300), sender)
        .context("could not start watching files")?;
    debouncer
        .watcher()
        .watch(&dir.join("src"), RecursiveMode::Recursive)
        .with_context(|| format!("could not watch {}/src", step.crate_dir))?;
    loop {
        let _ = Term::stdout().clear_screen();
        Command::new(crate::cargo::cargo())
            .current_dir(steps::root())
            .args(["test", "-q", "-p", step.package])
            .status()
            .context("could not run cargo test")?;
        println!(
            "\n{}",
            style(format!(
                "watching {}/src: save a file to re-grade (Ctrl-C to stop)",
                step.crate_dir
            ))
            .dim()
        );
        let graded = snapshot(&dir.join("src"));
        loop {
            // Wait for a change, then let a burst of saves (an editor writes a file in
            // several steps) settle. Re-grade only if a file really changed: the watcher
            // also reports files the compiler merely read.
            changes.recv().context("the file watcher stopped")?.ok();
            std::thread::sleep(Duration::from_millis(500));
            while changes.try_recv().is_ok() {}
            if snapshot(&dir.join("src")) != graded {
                break;
            }
        }
    }
}

/// Every file under `dir` with its modification time and size.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Option<SystemTime>, u64)> {
    crate::solution::files_under(dir)
        .unwrap_or_default()
        .into_iter()
        .map(|path| {
            let meta = std::fs::metadata(&path).ok();
            let stamp = (
                meta.as_ref().and_then(|m| m.modified().ok()),
                meta.map(|m| m.len()).unwrap_or_default(),
            );
            (path, stamp)
        })
        .collect()
}

/// The first step whose last report has a failing check (step 1 if none was graded).
fn first_unfinished() -> Step {
    STEPS
        .iter()
        .copied()
        .find(|step| {
            crate::grade::last_report(*step)
                .is_some_and(|r| r.checks.iter().any(|c| c.status == Status::Fail))
        })
        .unwrap_or(STEPS[0])
}
