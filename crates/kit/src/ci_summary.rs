//! `cargo kit ci-summary --previous old.json --current new.json`: the logic of a fork's CI
//! (see `.github/workflows/grade.yml`). It compares this run's board with the previous run's,
//! writes the board as a Markdown job summary (to `$GITHUB_STEP_SUMMARY` when set, else
//! stdout), and fails only on a regression: a check that passed before and does not now.
//! Work in progress (checks that never passed) never turns the fork's CI red.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use harness::report::Status;

use crate::board::Board;

/// The variable GitHub Actions sets to the file that becomes the job summary.
const SUMMARY_VAR: &str = "GITHUB_STEP_SUMMARY";

/// What changed between two boards, check by check (`step-1 two_sum::examples`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Passed on the previous run, not now: these fail the job.
    pub regressions: Vec<String>,
    /// Pass now, did not before (or there was no previous run).
    pub newly_passing: Vec<String>,
}

/// Compares the checks of `current` with those of `previous` (none: a first run).
pub fn compare(previous: Option<&Board>, current: &Board) -> Diff {
    let passing = |board: &Board| -> Vec<String> {
        board
            .steps
            .iter()
            .flat_map(|step| {
                step.checks
                    .iter()
                    .filter(|c| c.status == Status::Pass)
                    .map(move |c| format!("{} {}", step.package, c.id))
            })
            .collect()
    };
    let now = passing(current);
    let before = previous.map(passing).unwrap_or_default();
    Diff {
        regressions: before
            .iter()
            .filter(|c| !now.contains(c))
            .cloned()
            .collect(),
        newly_passing: now
            .iter()
            .filter(|c| !before.contains(c))
            .cloned()
            .collect(),
    }
}

/// The job summary: the board as a table, then the regressions, then what passes anew, then
/// the next thing to do.
pub fn markdown(previous: Option<&Board>, current: &Board, diff: &Diff) -> String {
    let mut out = String::from("## Backend Path — your progress\n\n");
    out += "| step | state | checks passing |\n|---|---|---|\n";
    for step in &current.steps {
        let before = previous
            .and_then(|b| b.steps.iter().find(|s| s.package == step.package))
            .filter(|s| s.state == "graded")
            .map(|s| format!(" (was {}/{})", s.passed, s.total))
            .unwrap_or_default();
        let count = match step.state.as_str() {
            "graded" => format!("{}/{}{before}", step.passed, step.total),
            _ => "—".to_string(),
        };
        out += &format!(
            "| `{}` {} | {} | {count} |\n",
            step.package,
            step.title,
            step.state.replace('_', " ")
        );
    }
    out += "\n";
    if diff.regressions.is_empty() {
        out += match previous {
            Some(_) => "No regression: every check that passed on the previous run still passes.\n",
            None => "First run: no previous board to compare with (the next run will).\n",
        };
    } else {
        out += &format!(
            "### :x: {} check{} that passed on the previous run fail{} now\n\n",
            diff.regressions.len(),
            if diff.regressions.len() == 1 { "" } else { "s" },
            if diff.regressions.len() == 1 { "s" } else { "" },
        );
        for check in &diff.regressions {
            let (package, id) = check.split_once(' ').unwrap_or(("", check));
            out += &format!("- `{id}` ({package}): run `cargo test -p {package} -- {id}`\n");
        }
    }
    if !diff.newly_passing.is_empty() {
        out += &format!(
            "\n### :white_check_mark: {} newly passing\n\n",
            diff.newly_passing.len()
        );
        for check in diff.newly_passing.iter().take(30) {
            out += &format!("- `{check}`\n");
        }
        if diff.newly_passing.len() > 30 {
            out += &format!("- … and {} more\n", diff.newly_passing.len() - 30);
        }
    }
    if let Some(next) = &current.next {
        out += &format!(
            "\n**Next:** `{}` in `{}`: {}\n",
            next.check.as_deref().unwrap_or(&next.package),
            next.file,
            next.hint
        );
    }
    out
}

pub fn run(previous: &Path, current: &Path) -> Result<ExitCode> {
    let read = |path: &Path| -> Result<Board> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_str(&text)
            .with_context(|| format!("{} is not a board from `cargo kit --json`", path.display()))
    };
    let previous = match previous.exists() {
        true => Some(read(previous)?),
        false => None,
    };
    let current = read(current)?;
    let diff = compare(previous.as_ref(), &current);
    let summary = markdown(previous.as_ref(), &current, &diff);
    match std::env::var_os(SUMMARY_VAR) {
        Some(path) => {
            use std::io::Write;
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .with_context(|| format!("opening ${SUMMARY_VAR}"))?;
            file.write_all(summary.as_bytes())?;
        }
        None => print!("{summary}"),
    }
    Ok(if diff.regressions.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::{CheckState, GroupRow, Next, StepRow};

    fn step(package: &str, checks: &[(&str, Status)]) -> StepRow {
        let passed = checks.iter().filter(|(_, s)| *s == Status::Pass).count();
        StepRow {
            number: 1,
            package: package.into(),
            title: "dsa-kata".into(),
            crate_dir: "crates/step-1-dsa-kata".into(),
            template_dir: "templates/step-1-dsa-kata".into(),
            solution_dir: "solutions/step-1-dsa-kata".into(),
            solution_package: "solution-step-1".into(),
            state: "graded".into(),
            passed,
            total: checks.len(),
            groups: Vec::<GroupRow>::new(),
            checks: checks
                .iter()
                .map(|(id, status)| CheckState {
                    id: id.to_string(),
                    status: *status,
                })
                .collect(),
            error: None,
        }
    }

    fn board(checks: &[(&str, Status)]) -> Board {
        Board {
            steps: vec![step("step-1", checks)],
            next: Some(Next {
                package: "step-1".into(),
                check: Some("two_sum::examples".into()),
                file: "crates/step-1-dsa-kata/src/two_sum.rs".into(),
                hint: "walk the slice once".into(),
                command: "cargo test -p step-1 -- two_sum".into(),
            }),
        }
    }

    #[test]
    fn a_check_that_passed_and_fails_now_is_a_regression() {
        let previous = board(&[
            ("two_sum::examples", Status::Pass),
            ("lru_cache::examples", Status::Fail),
        ]);
        let current = board(&[
            ("two_sum::examples", Status::Fail),
            ("lru_cache::examples", Status::Pass),
        ]);
        let diff = compare(Some(&previous), &current);
        assert_eq!(diff.regressions, ["step-1 two_sum::examples"]);
        assert_eq!(diff.newly_passing, ["step-1 lru_cache::examples"]);
        let text = markdown(Some(&previous), &current, &diff);
        assert!(
            text.contains("1 check that passed on the previous run fails now"),
            "{text}"
        );
        assert!(
            text.contains("| `step-1` dsa-kata | graded | 1/2 (was 1/2) |"),
            "{text}"
        );
    }

    #[test]
    fn work_in_progress_and_a_first_run_are_not_regressions() {
        let current = board(&[("two_sum::examples", Status::Fail)]);
        assert!(compare(None, &current).regressions.is_empty());
        assert!(compare(Some(&current), &current).regressions.is_empty());
        let text = markdown(None, &current, &compare(None, &current));
        assert!(text.contains("First run"), "{text}");
    }

    #[test]
    fn a_step_that_stops_compiling_regresses_every_check_it_passed() {
        let previous = board(&[("two_sum::examples", Status::Pass)]);
        let mut current = board(&[]);
        current.steps[0].state = "does_not_compile".into();
        let diff = compare(Some(&previous), &current);
        assert_eq!(diff.regressions, ["step-1 two_sum::examples"]);
    }

    #[test]
    fn the_exit_code_fails_only_on_a_regression() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, board: &Board| {
            let path = dir.path().join(name);
            std::fs::write(&path, serde_json::to_string(board).unwrap()).unwrap();
            path
        };
        let good = write("good.json", &board(&[("two_sum::examples", Status::Pass)]));
        let bad = write("bad.json", &board(&[("two_sum::examples", Status::Fail)]));
        let missing = dir.path().join("none.json");
        assert_eq!(run(&good, &bad).unwrap(), ExitCode::FAILURE);
        assert_eq!(run(&bad, &good).unwrap(), ExitCode::SUCCESS);
        assert_eq!(run(&missing, &bad).unwrap(), ExitCode::SUCCESS);
    }
}
