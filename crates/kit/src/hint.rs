//! `cargo kit hint [name]`: the hints for a check or a kata, from the last grade run, with
//! the message of the check's last failure.

use std::process::ExitCode;

use anyhow::{Result, bail};
use console::style;
use harness::report::{CheckReport, Status};

use crate::grade::last_report;
use crate::steps::STEPS;

pub fn run(name: Option<&str>) -> Result<ExitCode> {
    let reports: Vec<_> = STEPS.iter().filter_map(|s| last_report(*s)).collect();
    if reports.is_empty() {
        bail!("no step has been graded yet: run `cargo kit` (or `cargo test -p step-1`) first");
    }
    let checks: Vec<(&str, &CheckReport)> = reports
        .iter()
        .flat_map(|r| r.checks.iter().map(move |c| (r.crate_dir.as_str(), c)))
        .collect();
    let chosen: Vec<&(&str, &CheckReport)> = match name {
        None => checks
            .iter()
            .find(|(_, c)| c.status == Status::Fail)
            .into_iter()
            .collect(),
        Some(name) => checks
            .iter()
            .filter(|(_, c)| c.id == name || c.group == name)
            .collect(),
    };
    if chosen.is_empty() {
        match name {
            None => println!("Nothing failed in the last grade run. Run `cargo kit` to re-grade."),
            Some(name) => {
                let mut groups: Vec<&str> = checks.iter().map(|(_, c)| c.group.as_str()).collect();
                groups.dedup();
                bail!(
                    "no check or kata named {name:?}; try one of: {}",
                    groups.join(", ")
                );
            }
        }
    }
    for (crate_dir, check) in chosen {
        let mark = match check.status {
            Status::Pass => style("pass").green(),
            Status::Fail => style("fail").red(),
            Status::NotRun => style("not run").dim(),
        };
        println!("{} [{mark}]", style(&check.id).bold());
        println!("  open  {crate_dir}/{}", check.file);
        println!("  hint  {}", check.hint);
        if let Some(message) = &check.message {
            let first_lines: Vec<&str> = message.lines().take(8).collect();
            println!("  last failure:\n    {}", first_lines.join("\n    "));
        }
        println!();
    }
    Ok(ExitCode::SUCCESS)
}
