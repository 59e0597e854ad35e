//! `cargo kit bench [kata] [--quick]`: runs step 1's criterion benches (your code, the
//! reference and std side by side), then reads criterion's `estimates.json` files and
//! prints one table of times and ratios: only what this run benched, lower is better.
//!
//! Benches cover step 1's katas only; steps 2–4 are measured with the scripts in `ci/`
//! (e.g. `ci/bench-step2.sh`).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};
use console::style;
use serde::Deserialize;

/// The three contestants of every kata's criterion group.
const SIDES: [&str; 3] = ["learner", "reference", "std"];

/// The step whose katas have benches.
const BENCHED_STEP: usize = 0;

pub fn run(kata: Option<&str>, quick: bool) -> Result<ExitCode> {
    let step = crate::steps::STEPS[BENCHED_STEP];
    if let Some(kata) = kata {
        // Fail fast on a name that is not a kata, before minutes of benching. The katas are
        // known from the step's latest report; grade the step once if it has none.
        let mut reports = crate::grade::last_reports();
        if !reports.iter().any(|(s, _)| s.package == step.package) {
            eprintln!("grading {} once to learn its katas…", step.package);
            let quiet = |_: &str| {};
            let show = crate::grade::Show {
                build_progress: true,
                on_phase: &quiet,
            };
            crate::grade::grade(step, show)?;
            reports = crate::grade::last_reports();
        }
        crate::names::resolve(&reports, kata, Some(step))?;
    }
    let started = std::time::SystemTime::now();
    let mut command = Command::new(crate::cargo::cargo());
    command.current_dir(crate::steps::root()).args([
        "bench",
        "-p",
        step.package,
        "--bench",
        "katas",
        "--",
    ]);
    if let Some(kata) = kata {
        command.arg(format!("^{kata}/"));
    }
    if quick {
        command.args(["--quick", "--noplot"]);
    }
    let status = command.status().context("could not run cargo bench")?;
    if !status.success() {
        bail!(
            "`cargo bench -p {}` failed ({status}); its output above says why",
            step.package
        );
    }
    let criterion = crate::cargo::target_dir()?.join("criterion");
    let rows = read_estimates(&criterion, kata, Some(started))?;
    if rows.is_empty() {
        bail!(
            "criterion wrote no results{}; is the kata name right? (e.g. `cargo kit bench merge_sort`)",
            kata.map(|k| format!(" for {k:?}")).unwrap_or_default()
        );
    }
    print!("{}", table(&rows));
    println!(
        "\ncharts: {}",
        criterion.join("report").join("index.html").display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Mean times in nanoseconds, by (kata, input size), then by side.
pub type Rows = BTreeMap<(String, u64), BTreeMap<String, f64>>;

#[derive(Debug, Deserialize)]
struct Estimates {
    mean: Estimate,
}

#[derive(Debug, Deserialize)]
struct Estimate {
    point_estimate: f64,
}

/// Reads `<criterion>/<kata>/<side>/<n>/new/estimates.json` for every kata (or just `only`),
/// keeping only files written since `since` (what this run benched).
pub fn read_estimates(
    criterion: &Path,
    only: Option<&str>,
    since: Option<std::time::SystemTime>,
) -> Result<Rows> {
    let mut rows = Rows::new();
    let Ok(groups) = std::fs::read_dir(criterion) else {
        return Ok(rows);
    };
    for group in groups.flatten() {
        let kata = group.file_name().to_string_lossy().into_owned();
        if kata == "report" || only.is_some_and(|only| only != kata) {
            continue;
        }
        for side in SIDES {
            let Ok(sizes) = std::fs::read_dir(group.path().join(side)) else {
                continue;
            };
            for size in sizes.flatten() {
                let Ok(n) = size.file_name().to_string_lossy().parse::<u64>() else {
                    continue;
                };
                let file = size.path().join("new").join("estimates.json");
                let written = std::fs::metadata(&file).and_then(|m| m.modified()).ok();
                if since.is_some_and(|since| written.is_none_or(|w| w < since)) {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&file) else {
                    continue;
                };
                let estimates: Estimates = serde_json::from_str(&text)
                    .with_context(|| format!("reading {}", file.display()))?;
                rows.entry((kata.clone(), n))
                    .or_default()
                    .insert(side.to_string(), estimates.mean.point_estimate);
            }
        }
    }
    Ok(rows)
}

/// The ratio table: times per side, then you ÷ reference and reference ÷ std.
pub fn table(rows: &Rows) -> String {
    let mut out = format!(
        "\n{}\n{}\n",
        style(
            "mean time per call; lower is better. you/ref above 1.00× means your code is slower \
             than the reference"
        )
        .dim(),
        style(format!(
            "{:<16} {:>8} {:>11} {:>11} {:>11} {:>9} {:>9}",
            "kata", "n", "you", "reference", "std", "you/ref", "ref/std"
        ))
        .bold()
    );
    for ((kata, n), times) in rows {
        let time = |side: &str| times.get(side).copied();
        let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
            _ => "—".to_string(),
        };
        let cell = |side: &str| time(side).map(human).unwrap_or_else(|| "—".into());
        out += &format!(
            "{kata:<16} {n:>8} {:>11} {:>11} {:>11} {:>9} {:>9}\n",
            cell("learner"),
            cell("reference"),
            cell("std"),
            ratio(time("learner"), time("reference")),
            ratio(time("reference"), time("std")),
        );
    }
    out
}

/// A duration in nanoseconds, in the unit that reads best.
fn human(ns: f64) -> String {
    match ns {
        ns if ns < 1e3 => format!("{ns:.0} ns"),
        ns if ns < 1e6 => format!("{:.1} µs", ns / 1e3),
        ns if ns < 1e9 => format!("{:.1} ms", ns / 1e6),
        ns => format!("{:.2} s", ns / 1e9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn estimate(dir: &Path, kata: &str, side: &str, n: u64, mean: f64) {
        let path = dir.join(kata).join(side).join(n.to_string()).join("new");
        std::fs::create_dir_all(&path).unwrap();
        let json = format!(
            r#"{{"mean":{{"confidence_interval":{{"confidence_level":0.95,"lower_bound":{mean},"upper_bound":{mean}}},"point_estimate":{mean},"standard_error":1.0}}}}"#
        );
        std::fs::write(path.join("estimates.json"), json).unwrap();
    }

    #[test]
    fn estimates_become_a_ratio_table() {
        let dir = tempfile::tempdir().unwrap();
        estimate(dir.path(), "merge_sort", "learner", 1000, 3000.0);
        estimate(dir.path(), "merge_sort", "reference", 1000, 1500.0);
        estimate(dir.path(), "merge_sort", "std", 1000, 1000.0);
        estimate(dir.path(), "binary_search", "reference", 1000, 2_500_000.0);
        std::fs::create_dir_all(dir.path().join("report")).unwrap();

        let rows = read_estimates(dir.path(), None, None).unwrap();
        assert_eq!(rows.len(), 2);
        let text = console::strip_ansi_codes(&table(&rows)).to_string();
        let line = text.lines().find(|l| l.starts_with("merge_sort")).unwrap();
        assert!(line.contains("2.00×") && line.contains("1.50×"), "{line}");
        let line = text
            .lines()
            .find(|l| l.starts_with("binary_search"))
            .unwrap();
        assert!(line.contains("2.5 ms") && line.contains('—'), "{line}");

        let only = read_estimates(dir.path(), Some("binary_search"), None).unwrap();
        assert_eq!(only.len(), 1);
        assert!(text.contains("lower is better"), "{text}");
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
        assert!(
            read_estimates(dir.path(), None, Some(later))
                .unwrap()
                .is_empty(),
            "results older than the run are not listed"
        );
    }
}
