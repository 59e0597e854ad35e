//! The closing lines of a graded run (`cargo test -p step-N`): what passed in this run,
//! where the step really stands, and the one next thing to do. A filtered run counts the
//! checks it did not run by their last known verdicts and never calls them passed, nor the
//! step done.

use crate::report::{CheckReport, Report, Status};
use crate::seed;

/// The closing lines of a graded run: what passed in this run, where the step really stands
/// (a filtered run counts the checks it did not run by their last known verdicts, never as
/// passed in this run), and the one next thing to do.
pub fn summary(report: &Report) -> String {
    let total = report.checks.len();
    if total == 0 {
        return format!("\n{}: no checks yet.", report.step);
    }
    let (passed_now, ran) = report.tally_of_run();
    let (standing, _) = report.tally();
    let mut out = if report.is_complete() {
        format!("\n{passed_now}/{total} checks pass")
    } else {
        let not_run: Vec<&CheckReport> = report.checks.iter().filter(|c| !c.ran()).collect();
        let count = |status| not_run.iter().filter(|c| c.standing() == status).count();
        let before: Vec<String> = [
            (count(Status::Pass), "passed"),
            (count(Status::Fail), "failed"),
            (count(Status::NotRun), "never ran"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        let this_run = if ran == 0 {
            format!(
                "no check matches this run's {}: check names are `group::name`, e.g. `{}`",
                filter_words(report),
                report.checks[0].id
            )
        } else {
            format!(
                "{passed_now}/{ran} checks pass in this run ({})",
                filter_words(report)
            )
        };
        format!(
            "\n{this_run}.\n{} stands at {standing}/{total} \
             by each check's latest verdict ({} not run this time; when they last ran: {})",
            report.step,
            not_run.len(),
            before.join(", "),
        )
    };
    let seed_line = format!(
        "seed {} (set {} to try other random inputs)",
        report.seed,
        seed::SEED_VAR
    );
    match report.next_to_do() {
        Some(next) => {
            let when = match (next.ran(), next.standing()) {
                (true, _) => "",
                (false, Status::Fail) => " (it failed when it last ran)",
                (false, _) => " (not run yet)",
            };
            let nudge = next.hints.first().unwrap_or(&next.hint);
            out += &format!(
                ".\nnext: {}{when} in {}/{}: {nudge}\n  \
                 more hints: `cargo kit hint {}`   run it: `cargo test -p {} -- {}`",
                next.id, report.crate_dir, next.file, next.group, report.step, next.group
            );
        }
        None if report.is_complete() => {
            out += &format!(
                " — {} done. Run `cargo kit` for the next step.",
                report.step
            )
        }
        None => {
            out += &format!(
                ".\nEvery check stands passed; run `cargo test -p {}` to see them all pass in \
                 one run.",
                report.step
            )
        }
    }
    format!("{out}\n{seed_line}")
}

/// `filter: two_sum, lru` (or `--skip` and `--exact` runs: `some checks skipped`).
fn filter_words(report: &Report) -> String {
    if report.filters.is_empty() {
        "some checks skipped".to_string()
    } else {
        format!("filter: {}", report.filters.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Earlier;

    fn check(id: &str, status: Status, earlier: Option<Status>) -> CheckReport {
        CheckReport {
            id: id.into(),
            group: id.split("::").next().unwrap().into(),
            grade: 1,
            file: "src/two_sum.rs".into(),
            hint: "walk the slice once; remember what you saw".into(),
            hints: vec!["walk the slice once".into(), "remember what you saw".into()],
            status,
            message: None,
            millis: None,
            earlier: earlier.map(|status| Earlier {
                status,
                message: None,
                seed: 1,
            }),
        }
    }

    fn report(filters: &[&str], checks: Vec<CheckReport>) -> Report {
        Report {
            step: "step-1".into(),
            title: "dsa-kata".into(),
            crate_dir: "crates/step-1-dsa-kata".into(),
            seed: 1,
            filters: filters.iter().map(|f| f.to_string()).collect(),
            checks,
        }
    }

    #[test]
    fn a_filtered_run_that_passes_does_not_call_the_step_done() {
        let text = summary(&report(
            &["two_sum"],
            vec![
                check("two_sum::examples", Status::Pass, None),
                check("lru::examples", Status::NotRun, Some(Status::Pass)),
                check("trie::examples", Status::NotRun, Some(Status::Fail)),
                check("bfs::examples", Status::NotRun, None),
            ],
        ));
        assert!(
            text.contains("1/1 checks pass in this run (filter: two_sum)"),
            "{text}"
        );
        assert!(text.contains("step-1 stands at 2/4"), "{text}");
        assert!(text.contains("1 passed, 1 failed, 1 never ran"), "{text}");
        assert!(
            text.contains("next: trie::examples (it failed when it last ran)"),
            "{text}"
        );
        assert!(!text.contains("done"), "{text}");
    }

    #[test]
    fn the_next_check_shows_only_the_first_rung() {
        let text = summary(&report(
            &[],
            vec![check("two_sum::examples", Status::Fail, None)],
        ));
        assert!(text.contains("0/1 checks pass.\n"), "{text}");
        assert!(text.contains(": walk the slice once\n"), "{text}");
        assert!(!text.contains("remember what you saw"), "{text}");
        assert!(text.contains("cargo kit hint two_sum"), "{text}");
    }

    #[test]
    fn only_a_complete_passing_run_is_done() {
        let done = summary(&report(
            &[],
            vec![check("two_sum::examples", Status::Pass, None)],
        ));
        assert!(done.contains("1/1 checks pass — step-1 done."), "{done}");
        let all_known = summary(&report(
            &["two"],
            vec![
                check("two_sum::examples", Status::Pass, None),
                check("lru::examples", Status::NotRun, Some(Status::Pass)),
            ],
        ));
        assert!(
            all_known.contains("Every check stands passed"),
            "{all_known}"
        );
        assert!(!all_known.contains("done"), "{all_known}");
    }

    #[test]
    fn a_filter_that_matches_nothing_says_how_names_look() {
        let text = summary(&report(
            &["nosuch"],
            vec![check("two_sum::examples", Status::NotRun, None)],
        ));
        assert!(
            text.contains("no check matches this run's filter: nosuch"),
            "{text}"
        );
        assert!(text.contains("e.g. `two_sum::examples`"), "{text}");
    }
}
