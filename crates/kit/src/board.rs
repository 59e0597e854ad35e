//! The progress board: every step, its groups (katas or API areas) with checks passed, and
//! the one next thing to do. As text (in colour on a terminal) or as JSON.

use std::process::ExitCode;

use anyhow::Result;
use console::style;
use harness::report::{Report, Status};
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};

use crate::grade::{self, Grading};
use crate::steps::{STEPS, Step};

/// The board as data: what the text and the JSON both show.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Board {
    pub steps: Vec<StepRow>,
    /// The first thing to do, in step order.
    pub next: Option<Next>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StepRow {
    /// 1, 2, 3 or 4 (from the step registry, as the paths below are).
    #[serde(default)]
    pub number: u8,
    pub package: String,
    pub title: String,
    /// The learner's crate, its starting code and the reference, relative to the workspace
    /// root (from the step registry, for scripts that need them).
    #[serde(default)]
    pub crate_dir: String,
    #[serde(default)]
    pub template_dir: String,
    #[serde(default)]
    pub solution_dir: String,
    /// The reference's package, e.g. `solution-step-2` (what a script builds and runs).
    #[serde(default)]
    pub solution_package: String,
    /// `graded`, `not_open`, `does_not_compile` or `crashed`.
    pub state: String,
    pub passed: usize,
    pub total: usize,
    pub groups: Vec<GroupRow>,
    /// Every check with its latest verdict (what a fork's CI compares between runs).
    #[serde(default)]
    pub checks: Vec<CheckState>,
    /// The compile error or crash, when there is one.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GroupRow {
    pub name: String,
    pub grade: u8,
    pub file: String,
    pub passed: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckState {
    pub id: String,
    pub status: Status,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Next {
    pub package: String,
    /// The check to make pass (absent when the crate does not compile).
    pub check: Option<String>,
    pub file: String,
    /// The first rung of the hint ladder (`cargo kit hint` climbs the rest).
    pub hint: String,
    pub command: String,
}

/// `cargo kit` and `cargo kit --json`.
///
/// The board's first line comes before any building, and cargo's own build progress shows
/// on stderr, so a cold first build (a few minutes) is never silent; without a terminal,
/// each phase is a line on stderr.
pub fn run(json: bool) -> Result<ExitCode> {
    let terminal = console::Term::stderr().is_term();
    if !json {
        print!("{}", title());
    }
    let first_build = grade::last_reports().is_empty();
    if first_build {
        eprintln!(
            "{}",
            style("First run: building the grader and your crates takes a few minutes; later runs take seconds.")
                .dim()
        );
    }
    let spinner = if terminal && !json {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::hidden()
    };
    spinner.set_style(ProgressStyle::with_template("{spinner} {msg} {elapsed}")?);
    let mut gradings = Vec::new();
    for step in STEPS {
        let phase = |phase: &str| {
            let message = format!("{phase} {}…", step.package);
            if phase == "building" {
                // cargo draws its own progress while it builds.
                spinner.disable_steady_tick();
                spinner.set_message("");
                if !terminal {
                    eprintln!("{message}");
                }
            } else {
                if !terminal {
                    eprintln!("{message}");
                }
                spinner.set_message(message);
                spinner.enable_steady_tick(std::time::Duration::from_millis(120));
            }
        };
        let show = grade::Show {
            build_progress: first_build,
            on_phase: &phase,
        };
        gradings.push((step, grade::grade(step, show)?));
        spinner.set_message("");
    }
    spinner.finish_and_clear();
    let board = build(&gradings);
    if json {
        println!("{}", serde_json::to_string_pretty(&board)?);
    } else {
        print!("{}", render_body(&board));
    }
    Ok(ExitCode::SUCCESS)
}

/// Turns each step's grading into the board.
pub fn build(gradings: &[(Step, Grading)]) -> Board {
    let steps: Vec<StepRow> = gradings.iter().map(|(step, g)| row(*step, g)).collect();
    let next = gradings.iter().find_map(|(step, g)| next(*step, g));
    Board { steps, next }
}

fn row(step: Step, grading: &Grading) -> StepRow {
    let mut row = StepRow {
        number: step.number,
        package: step.package.to_string(),
        title: step.title.to_string(),
        crate_dir: step.crate_dir.to_string(),
        template_dir: step.template_dir.to_string(),
        solution_dir: step.solution_dir.to_string(),
        solution_package: step.solution_package.to_string(),
        state: "graded".into(),
        passed: 0,
        total: 0,
        groups: Vec::new(),
        checks: Vec::new(),
        error: None,
    };
    match grading {
        Grading::NotOpen => row.state = "not_open".into(),
        Grading::DoesNotCompile(error) => {
            row.state = "does_not_compile".into();
            row.error = Some(error.clone());
        }
        Grading::Crashed(error) => {
            row.state = "crashed".into();
            row.error = Some(error.clone());
        }
        Grading::Graded(report) => {
            (row.passed, row.total) = report.tally();
            row.groups = groups(report);
            row.checks = report
                .checks
                .iter()
                .map(|c| CheckState {
                    id: c.id.clone(),
                    status: c.standing(),
                })
                .collect();
        }
    }
    row
}

/// Checks per group, in the report's (grade) order.
fn groups(report: &Report) -> Vec<GroupRow> {
    let mut groups: Vec<GroupRow> = Vec::new();
    for check in &report.checks {
        let passed = usize::from(check.standing() == Status::Pass);
        match groups.iter_mut().find(|g| g.name == check.group) {
            Some(group) => {
                group.passed += passed;
                group.total += 1;
            }
            None => groups.push(GroupRow {
                name: check.group.clone(),
                grade: check.grade,
                file: check.file.clone(),
                passed,
                total: 1,
            }),
        }
    }
    groups
}

fn next(step: Step, grading: &Grading) -> Option<Next> {
    match grading {
        Grading::NotOpen | Grading::Crashed(_) => None,
        Grading::DoesNotCompile(error) => Some(Next {
            package: step.package.to_string(),
            check: None,
            file: step.crate_dir.to_string(),
            hint: format!(
                "{} does not compile; fix the first error: {}",
                step.package,
                error.lines().next().unwrap_or_default()
            ),
            command: format!("cargo test -p {}", step.package),
        }),
        Grading::Graded(report) => report.next_to_do().map(|check| Next {
            package: step.package.to_string(),
            check: Some(check.id.clone()),
            file: format!("{}/{}", report.crate_dir, check.file),
            hint: check.hints.first().unwrap_or(&check.hint).clone(),
            command: format!("cargo test -p {} -- {}", step.package, check.group),
        }),
    }
}

/// The board as text. `console` drops the colours when stdout is not a terminal.
#[cfg(test)]
pub fn render(board: &Board) -> String {
    title() + &render_body(board)
}

fn title() -> String {
    format!("{}\n\n", style("Backend Path — your progress").bold())
}

/// The board below its title.
fn render_body(board: &Board) -> String {
    let mut out = String::new();
    for step in &board.steps {
        let head = format!("{:<7} {:<11}", step.package, step.title);
        match step.state.as_str() {
            "not_open" => {
                let coming = crate::steps::find(&step.package)
                    .map(|s| s.summary)
                    .unwrap_or_default();
                out += &format!(
                    "{head} {}\n{}\n",
                    style("not open yet: its checks are being written. It will be:").dim(),
                    style(indent(&wrap(coming, 64), 12, 3)).dim()
                )
            }
            "does_not_compile" => {
                let first = step.error.as_deref().unwrap_or_default();
                out += &format!(
                    "{head} {}\n{}\n",
                    style(format!("{} does not compile:", step.package))
                        .red()
                        .bold(),
                    indent(first, 16, 12)
                );
            }
            "crashed" => {
                out += &format!(
                    "{head} {}\n",
                    style(step.error.as_deref().unwrap_or("crashed")).red()
                )
            }
            _ => {
                out += &format!(
                    "{head} {} {}\n",
                    bar(step.passed, step.total),
                    tally(step.passed, step.total)
                );
                out += &render_groups(&step.groups);
            }
        }
    }
    match &board.next {
        Some(next) => {
            out += &format!("\n{} ", style("next:").bold().cyan());
            out += &match &next.check {
                Some(check) => format!("{check}\n"),
                None => format!("make {} compile\n", next.package),
            };
            out += &format!("  open  {}\n  hint  {}\n", next.file, next.hint);
            if let Some(check) = &next.check {
                let group = check.split("::").next().unwrap_or(check);
                out += &format!("  more  cargo kit hint {group}   (a stronger hint each time)\n");
            }
            out += &format!("  run   {}   (or: cargo kit watch)\n", next.command);
        }
        None => {
            out += &format!(
                "\n{}\n",
                style("Every open step passes. Well done!").green().bold()
            )
        }
    }
    out
}

/// Groups grade by grade, several to a line.
fn render_groups(groups: &[GroupRow]) -> String {
    let mut out = String::new();
    let mut grades: Vec<u8> = groups.iter().map(|g| g.grade).collect();
    grades.dedup();
    for grade in grades {
        let cells: Vec<String> = groups
            .iter()
            .filter(|g| g.grade == grade)
            .map(|g| format!("{} {}", g.name, tally(g.passed, g.total)))
            .collect();
        for (i, chunk) in cells.chunks(4).enumerate() {
            let label = if i == 0 {
                format!("grade {grade}")
            } else {
                String::new()
            };
            out += &format!("    {label:<8} {}\n", chunk.join("  "));
        }
    }
    out
}

fn tally(passed: usize, total: usize) -> String {
    let text = format!("{passed}/{total}");
    if total > 0 && passed == total {
        format!("{}", style(format!("{text} ✓")).green())
    } else if passed == 0 {
        format!("{}", style(text).red())
    } else {
        format!("{}", style(text).yellow())
    }
}

fn bar(passed: usize, total: usize) -> String {
    const WIDTH: usize = 20;
    let filled = (passed * WIDTH).checked_div(total).unwrap_or(0);
    format!(
        "{}{}",
        style("█".repeat(filled)).green(),
        style("░".repeat(WIDTH - filled)).dim()
    )
}

/// `text` broken into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join("\n")
}

fn indent(text: &str, width: usize, max_lines: usize) -> String {
    text.lines()
        .take(max_lines)
        .map(|line| format!("{:width$}{line}", ""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use harness::report::CheckReport;

    fn check(id: &str, group: &str, grade: u8, status: Status) -> CheckReport {
        CheckReport {
            id: id.into(),
            group: group.into(),
            grade,
            file: format!("src/{group}.rs"),
            hint: format!("nudge for {id}; approach for {id}"),
            hints: vec![format!("nudge for {id}"), format!("approach for {id}")],
            status,
            message: None,
            millis: None,
            earlier: None,
        }
    }

    fn step1_report() -> Report {
        Report {
            step: "step-1".into(),
            title: "dsa-kata".into(),
            crate_dir: "crates/step-1-dsa-kata".into(),
            seed: 1,
            filters: Vec::new(),
            checks: vec![
                check("two_sum::examples", "two_sum", 1, Status::Pass),
                check("two_sum::gate", "two_sum", 1, Status::Pass),
                check("binary_search::examples", "binary_search", 2, Status::Fail),
                check("binary_search::gate", "binary_search", 2, Status::Fail),
            ],
        }
    }

    fn board() -> Board {
        build(&[
            (STEPS[0], Grading::Graded(step1_report())),
            (
                STEPS[1],
                Grading::DoesNotCompile(
                    "error[E0425]: cannot find value `x`\n --> src/main.rs:3:5".into(),
                ),
            ),
            (STEPS[2], Grading::NotOpen),
            (STEPS[3], Grading::NotOpen),
        ])
    }

    #[test]
    fn the_board_counts_checks_per_step_and_group() {
        let board = board();
        assert_eq!((board.steps[0].passed, board.steps[0].total), (2, 4));
        let groups: Vec<(&str, usize, usize)> = board.steps[0]
            .groups
            .iter()
            .map(|g| (g.name.as_str(), g.passed, g.total))
            .collect();
        assert_eq!(groups, [("two_sum", 2, 2), ("binary_search", 0, 2)]);
    }

    #[test]
    fn next_is_the_first_failing_check_in_step_order() {
        let next = board().next.expect("something to do");
        assert_eq!(next.check.as_deref(), Some("binary_search::examples"));
        assert_eq!(next.file, "crates/step-1-dsa-kata/src/binary_search.rs");
        assert_eq!(next.command, "cargo test -p step-1 -- binary_search");
        assert_eq!(
            next.hint, "nudge for binary_search::examples",
            "only the first rung"
        );
    }

    #[test]
    fn the_text_names_every_step_and_the_compile_error() {
        let text = console::strip_ansi_codes(&render(&board())).to_string();
        assert!(text.contains("step-1  dsa-kata    "), "{text}");
        assert!(text.contains("2/4"), "{text}");
        assert!(text.contains("step-2 does not compile:"), "{text}");
        assert!(
            text.contains("error[E0425]: cannot find value `x`"),
            "{text}"
        );
        assert!(text.contains("step-3  sqlite-api  not open yet"), "{text}");
        assert!(text.contains("step-4  service     not open yet"), "{text}");
        assert!(
            text.contains("the same API on SQLite"),
            "what step 3 will be: {text}"
        );
        assert!(!text.contains("finish the earlier steps"), "{text}");
        assert!(text.contains("next: binary_search::examples"), "{text}");
    }

    #[test]
    fn the_json_has_the_same_content() {
        let json = serde_json::to_value(board()).unwrap();
        assert_eq!(json["steps"][0]["passed"], 2);
        assert_eq!(json["steps"][1]["state"], "does_not_compile");
        assert_eq!(json["next"]["check"], "binary_search::examples");
    }

    #[test]
    fn a_step_that_does_not_compile_comes_next_when_earlier_steps_pass() {
        let mut report = step1_report();
        for check in &mut report.checks {
            check.status = Status::Pass;
        }
        let board = build(&[
            (STEPS[0], Grading::Graded(report)),
            (
                STEPS[1],
                Grading::DoesNotCompile("error: expected `;`".into()),
            ),
        ]);
        let next = board.next.expect("something to do");
        assert_eq!(next.check, None);
        assert!(
            next.hint.contains("step-2 does not compile"),
            "{}",
            next.hint
        );
    }
}
