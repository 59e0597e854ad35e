//! `cargo kit hint [name]`: a hint ladder for a kata, an API area or one check, from the
//! latest grade run (every run writes its report, so the hints are never stale).
//!
//! Each call climbs one rung: first a nudge, then a stronger hint, the approach last. The
//! rung reached per check is kept in `.backend-path/hints.json`, so it survives restarts.
//! The rungs themselves come from the suite's hint (see `harness::hints`).

use std::process::ExitCode;

use anyhow::{Result, bail};
use console::style;
use harness::report::{CheckReport, Status};

use crate::grade::last_reports;
use crate::names;
use crate::state;

pub fn run(name: Option<&str>) -> Result<ExitCode> {
    let reports = last_reports();
    if reports.is_empty() {
        bail!("no step has been graded yet: run `cargo kit` (or `cargo test -p step-1`) first");
    }
    let (crate_dir, check) = match name {
        None => {
            let next = reports.iter().find_map(|(_, report)| {
                report
                    .next_to_do()
                    .map(|check| (report.crate_dir.clone(), check.clone()))
            });
            match next {
                Some(next) => next,
                None => {
                    println!(
                        "Every graded check passes. Run `cargo kit` to grade every step again."
                    );
                    return Ok(ExitCode::SUCCESS);
                }
            }
        }
        Some(name) => {
            let found = names::resolve(&reports, name, None)?;
            let checks = found.checks();
            let chosen = checks
                .iter()
                .find(|c| c.standing() != Status::Pass)
                .or(checks.first())
                .copied()
                .cloned()
                .expect("a resolved name has a check");
            (found.report.crate_dir.clone(), chosen)
        }
    };
    print!("{}", climb(&crate_dir, &check)?);
    Ok(ExitCode::SUCCESS)
}

/// The rungs of `check`'s hint ladder (from the report).
pub fn ladder(check: &CheckReport) -> Vec<String> {
    if check.hints.is_empty() {
        vec![check.hint.clone()]
    } else {
        check.hints.clone()
    }
}

/// How many rungs of `check`'s ladder have been shown so far (at least the first).
pub fn reached(check: &CheckReport) -> usize {
    state::rungs().get(&check.id).copied().unwrap_or(1).max(1)
}

/// Climbs one rung of `check`'s ladder (not past the last) and returns the rungs now shown:
/// the first call shows the first rung (the nudge the board shows too).
fn climb_one(check: &CheckReport) -> Result<usize> {
    let climbed = state::rungs().get(&check.id).copied().unwrap_or(0);
    climb_from(check, climbed)
}

/// Climbs one rung above what a screen that shows `reached` rungs already shows (watch's
/// `h`: its screen shows the first rung from the start, so the first press shows the second).
pub fn climb_past_screen(check: &CheckReport) -> Result<usize> {
    climb_from(check, reached(check))
}

fn climb_from(check: &CheckReport, reached: usize) -> Result<usize> {
    let ladder = ladder(check);
    let mut rungs = state::rungs();
    let shown = (reached + 1).min(ladder.len());
    if rungs.get(&check.id) != Some(&shown) {
        rungs.insert(check.id.clone(), shown);
        state::save_rungs(&rungs)?;
    }
    Ok(shown)
}

/// Shows the rungs reached for `check`, one more than last time unless it passes.
fn climb(crate_dir: &str, check: &CheckReport) -> Result<String> {
    let ladder = ladder(check);
    let shown = if check.standing() == Status::Pass {
        reached(check)
    } else {
        climb_one(check)?
    };
    Ok(render(crate_dir, check, &ladder, shown))
}

fn render(crate_dir: &str, check: &CheckReport, ladder: &[String], shown: usize) -> String {
    let verdict = match (check.ran(), check.standing()) {
        (true, Status::Pass) => style("passes").green(),
        (true, _) => style("fails").red(),
        (false, Status::Pass) => style("passed when it last ran").green(),
        (false, Status::Fail) => style("failed when it last ran").red(),
        (false, Status::NotRun) => style("not run yet").dim(),
    };
    let mut out = format!("{} {verdict}\n", style(&check.id).bold());
    out += &format!("  open    {crate_dir}/{}\n", check.file);
    for (i, rung) in ladder.iter().take(shown).enumerate() {
        out += &format!("  hint {}/{}  {rung}\n", i + 1, ladder.len());
    }
    if shown < ladder.len() {
        out += &format!(
            "  {}\n",
            style(format!(
                "stuck? `cargo kit hint {}` again for hint {}/{}",
                check.group,
                shown + 1,
                ladder.len()
            ))
            .dim()
        );
    } else {
        out += &format!(
            "  {}\n",
            style(format!(
                "that is the last hint; once {} passes, `cargo kit solution {}` shows the reference",
                check.group, check.group
            ))
            .dim()
        );
    }
    if let Some(message) = check.last_message() {
        let first_lines: Vec<&str> = message.lines().take(8).collect();
        let when = if check.ran() {
            "last failure"
        } else {
            "failure when it last ran"
        };
        out += &format!("  {when}:\n    {}\n", first_lines.join("\n    "));
    }
    out
}
