//! `cargo kit solution <kata|area|step> [--force]`: shows the reference. Reading it after
//! your own attempt passes is part of the loop; before, it is a spoiler, so the kit shows it
//! only with `--force`.

use std::process::ExitCode;

use anyhow::{Result, bail};
use console::style;

use crate::grade::last_reports;
use crate::names;
use crate::steps;

pub fn run(name: &str, force: bool) -> Result<ExitCode> {
    if let Ok(step) = steps::find(name) {
        return whole_step(step, force);
    }
    let found = names::resolve(&last_reports(), name, None)?;
    let file = found.file();
    let path = steps::root().join(found.step.solution_dir).join(&file);
    if !path.is_file() {
        bail!(
            "{} has no reference file {}/{file}",
            found.step.package,
            found.step.solution_dir
        );
    }
    if !found.group_passes() {
        let checks = found.checks();
        let passed = checks
            .iter()
            .filter(|c| c.standing() == harness::report::Status::Pass)
            .count();
        if !force {
            bail!(
                "{} does not pass yet ({passed}/{} checks), so the reference would be a \
                 spoiler. Try `cargo kit hint {}` first; to read it anyway: \
                 `cargo kit solution {} --force`",
                found.group,
                checks.len(),
                found.group,
                found.group
            );
        }
        println!(
            "{}",
            style(format!(
                "Spoiler: {} does not pass yet ({passed}/{}); this is the reference.",
                found.group,
                checks.len()
            ))
            .yellow()
            .bold()
        );
    }
    println!(
        "{}",
        style(format!(
            "Reference for {} ({}/{file}):",
            found.group, found.step.solution_dir
        ))
        .dim()
    );
    println!("{}", std::fs::read_to_string(&path)?);
    Ok(ExitCode::SUCCESS)
}

fn whole_step(step: steps::Step, force: bool) -> Result<ExitCode> {
    if !steps::root().join(step.solution_dir).exists() {
        bail!(
            "{} is not open yet, so it has no reference solution; run `cargo kit` to see \
             which steps are open",
            step.package
        );
    }
    let done = crate::grade::last_report(step).is_some_and(|report| {
        let (passed, total) = report.tally();
        total > 0 && passed == total
    });
    if !done && !force {
        bail!(
            "{} does not pass yet, so its reference would be a spoiler; to list it anyway: \
             `cargo kit solution {} --force`",
            step.package,
            step.package
        );
    }
    let dir = steps::existing(step.solution_dir)?;
    println!(
        "The reference for {} is in {}:",
        step.package, step.solution_dir
    );
    for entry in files_under(&dir.join("src"))? {
        println!("  {}", entry.strip_prefix(steps::root())?.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Every file under `dir`, sorted.
pub fn files_under(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(files_under(&path)?);
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
