//! `cargo kit watch [step] [kata]`: rustlings' watch, for a graded path. On every save it
//! clears the screen, says which file changed, grades that file's kata (or area) first and
//! shows its result and hint on one screen, then one line with the step's standing.
//!
//! Keys: `q` quits, `n` shows the next failing check, `h` climbs the hint ladder, `r`
//! re-runs, `a` runs every check of the step. Where file events never come (some network
//! or container file systems), `r` grades by hand. Without a terminal, keys are read as
//! lines from stdin.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Sender};
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use console::{Key, Term, style};
use harness::report::{CheckReport, Report, Status};
use notify_debouncer_mini::{new_debouncer, notify::RecursiveMode};

use crate::grade::{self, Grading};
use crate::steps::{self, STEPS, Step};

/// The most lines of a failure message on the screen (the screen fits in 40 lines).
const MESSAGE_LINES: usize = 18;

/// What the watch loop reacts to.
#[derive(Debug)]
enum Event {
    /// Something under the step's `src/` was written (maybe only read: compare snapshots).
    Touched,
    Key(char),
    Quit,
}

/// What the screen shows.
struct View {
    step: Step,
    /// What happened last: "saved src/two_sum.rs", "re-ran", "all checks".
    cause: String,
    grading: Option<Grading>,
    /// The groups the last run graded (empty: all).
    focus: Vec<String>,
    /// The check on screen.
    current: Option<String>,
}

pub fn run(step: Option<&str>, name: Option<&str>) -> Result<ExitCode> {
    let step = match step {
        Some(name) => steps::find(name)?,
        None => first_unfinished(),
    };
    let pinned = match name {
        Some(name) => Some(crate::names::resolve(&grade::last_reports(), name, Some(step))?.group),
        None => None,
    };
    let src = steps::existing(step.crate_dir)?.join("src");
    let (sender, events) = mpsc::channel();
    let _debouncer = watch_files(&src, sender.clone())?;
    read_keys(sender);

    let mut view = View {
        step,
        cause: "started".into(),
        grading: None,
        focus: pinned.iter().cloned().collect(),
        current: None,
    };
    let mut graded = snapshot(&src);
    view.regrade()?;
    loop {
        view.show();
        match events.recv().context("the watcher stopped")? {
            Event::Quit | Event::Key('q') => {
                println!();
                return Ok(ExitCode::SUCCESS);
            }
            Event::Touched => {
                // Let a burst of writes (editors save in several steps) settle.
                std::thread::sleep(Duration::from_millis(300));
                let now = snapshot(&src);
                let changed: Vec<PathBuf> = now
                    .iter()
                    .filter(|(path, stamp)| graded.get(*path) != Some(stamp))
                    .map(|(path, _)| path.clone())
                    .collect();
                if changed.is_empty() {
                    continue;
                }
                graded = now;
                let crate_dir = src.parent().expect("src has a parent");
                let relative: Vec<String> = changed
                    .iter()
                    .filter_map(|p| p.strip_prefix(crate_dir).ok())
                    .map(|p| p.display().to_string())
                    .collect();
                view.cause = format!("saved {}", relative.join(", "));
                view.focus = match &pinned {
                    Some(group) => vec![group.clone()],
                    None => groups_of(step, &relative),
                };
                view.regrade()?;
            }
            Event::Key('r') => {
                view.cause = "re-ran".into();
                view.regrade()?;
            }
            Event::Key('a') => {
                view.cause = "every check".into();
                view.focus.clear();
                view.regrade()?;
            }
            Event::Key('n') => view.next_failing(),
            Event::Key('h') => {
                if let Some(check) = view.current_check() {
                    crate::hint::climb_past_screen(&check)?;
                }
            }
            Event::Key(_) => {}
        }
    }
}

impl View {
    fn report(&self) -> Option<&Report> {
        match &self.grading {
            Some(Grading::Graded(report)) => Some(report),
            _ => None,
        }
    }

    fn current_check(&self) -> Option<CheckReport> {
        let id = self.current.as_ref()?;
        self.report()?.checks.iter().find(|c| &c.id == id).cloned()
    }

    /// Grades the focus (every check when empty) and puts its first failure on screen.
    fn regrade(&mut self) -> Result<()> {
        let _ = Term::stdout().clear_screen();
        println!(
            "{} {} · {}\r",
            style("cargo kit watch").bold(),
            self.step.package,
            self.cause
        );
        let scope = if self.focus.is_empty() {
            "every check".to_string()
        } else {
            self.focus.join(", ")
        };
        println!("grading {scope}…\r");
        let filters: Vec<String> = self.focus.iter().map(|g| format!("{g}::")).collect();
        let quiet = |_: &str| {};
        let show = grade::Show {
            // A first, cold build takes minutes: let cargo show its progress meanwhile.
            build_progress: grade::last_report(self.step).is_none(),
            on_phase: &quiet,
        };
        self.grading = Some(grade::grade_filtered(self.step, &filters, show)?);
        self.current = self.report().and_then(|report| {
            report
                .checks
                .iter()
                .find(|c| c.status == Status::Fail)
                .map(|c| c.id.clone())
        });
        Ok(())
    }

    /// Moves to the next check (after the one on screen) that does not stand passed.
    fn next_failing(&mut self) {
        let Some(report) = self.report() else { return };
        let failing: Vec<&CheckReport> = report
            .checks
            .iter()
            .filter(|c| c.standing() != Status::Pass)
            .collect();
        let at = self
            .current
            .as_ref()
            .and_then(|id| failing.iter().position(|c| &c.id == id));
        let next = match at {
            Some(i) => failing.get(i + 1).or(failing.first()),
            None => failing.first(),
        };
        self.current = next.map(|c| c.id.clone());
        self.cause = "next failing check".into();
    }

    fn show(&self) {
        let text = self.screen();
        let _ = Term::stdout().clear_screen();
        let mut stdout = std::io::stdout().lock();
        // `\r\n`: the key reader may hold the terminal in raw mode while we print.
        let _ = write!(stdout, "{}", text.replace('\n', "\r\n"));
        let _ = stdout.flush();
    }

    /// The screen, at most 40 lines.
    fn screen(&self) -> String {
        let mut out = format!(
            "{} {} · {}\n\n",
            style("cargo kit watch").bold(),
            self.step.package,
            self.cause
        );
        match &self.grading {
            None => {}
            Some(Grading::NotOpen) => {
                out += &format!(
                    "{} is not open yet: its checks are still being written.\n",
                    self.step.package
                )
            }
            Some(Grading::Crashed(why)) => out += &format!("{}\n", style(why).red()),
            Some(Grading::DoesNotCompile(error)) => {
                out += &format!(
                    "{}\n",
                    style(format!("{} does not compile:", self.step.package))
                        .red()
                        .bold()
                );
                for line in error.lines().take(MESSAGE_LINES + 6) {
                    out += &format!("  {line}\n");
                }
            }
            Some(Grading::Graded(report)) => out += &self.graded(report),
        }
        out += &format!(
            "\n{}\n",
            style("[q] quit  [n] next failing  [h] hint  [r] re-run  [a] all checks").dim()
        );
        out
    }

    fn graded(&self, report: &Report) -> String {
        let mut out = String::new();
        // This run's groups, each with its verdicts.
        let mut groups: Vec<&str> = Vec::new();
        for check in report.checks.iter().filter(|c| c.ran()) {
            if !groups.contains(&check.group.as_str()) {
                groups.push(&check.group);
            }
        }
        for group in groups.iter().take(6) {
            let checks: Vec<&CheckReport> =
                report.checks.iter().filter(|c| c.group == *group).collect();
            let passed = checks.iter().filter(|c| c.status == Status::Pass).count();
            let marks: Vec<String> = checks
                .iter()
                .map(|c| {
                    let name = c.id.split("::").nth(1).unwrap_or(&c.id);
                    match c.status {
                        Status::Pass => format!("{}", style(format!("✓ {name}")).green()),
                        Status::Fail => format!("{}", style(format!("✗ {name}")).red()),
                        Status::NotRun => format!("{}", style(format!("· {name}")).dim()),
                    }
                })
                .collect();
            out += &format!(
                "{} {passed}/{} pass   {}\n",
                style(group).bold(),
                checks.len(),
                marks.join("  ")
            );
        }
        if groups.len() > 6 {
            out += &format!("… and {} more groups\n", groups.len() - 6);
        }
        out += "\n";
        match self.current_check() {
            Some(check) => {
                let mark = if check.ran() {
                    style("✗").red()
                } else {
                    style("·").dim()
                };
                let when = if check.ran() {
                    ""
                } else {
                    " (not in this run; its last failure:)"
                };
                out += &format!("{mark} {}{when}\n", style(&check.id).bold());
                let message = check.last_message().unwrap_or("(not run yet: press r)");
                let lines: Vec<&str> = message.lines().collect();
                for line in lines.iter().take(MESSAGE_LINES) {
                    out += &format!("  {line}\n");
                }
                if lines.len() > MESSAGE_LINES {
                    out += &format!(
                        "  … {} more lines: cargo test -p {} -- {}\n",
                        lines.len() - MESSAGE_LINES,
                        self.step.package,
                        check.id
                    );
                }
                out += &format!("  open  {}/{}\n", report.crate_dir, check.file);
                let ladder = crate::hint::ladder(&check);
                let reached = crate::hint::reached(&check).min(ladder.len());
                for (i, rung) in ladder.iter().take(reached).enumerate() {
                    out += &format!("  hint {}/{}  {rung}\n", i + 1, ladder.len());
                }
            }
            None => {
                let scope = if self.focus.is_empty() {
                    "every check".to_string()
                } else {
                    self.focus.join(", ")
                };
                out += &format!("{}\n", style(format!("✓ {scope}: all pass")).green().bold());
            }
        }
        let (passed, total) = report.tally();
        let next = report
            .next_to_do()
            .map(|c| format!(" · next: {} ({})", c.id, c.file))
            .unwrap_or_else(|| " · every check passes: run `cargo kit` for the next step".into());
        out += &format!(
            "\n{}\n",
            style(format!(
                "{}: {passed}/{total} checks stand passed{next}",
                self.step.package
            ))
            .cyan()
        );
        out
    }
}

/// The groups whose checks name one of `files` (paths relative to the crate), from the
/// latest report; none (grade everything) when a file belongs to no group.
fn groups_of(step: Step, files: &[String]) -> Vec<String> {
    let Some(report) = grade::last_report(step) else {
        return Vec::new();
    };
    let mut groups = Vec::new();
    for file in files {
        let owners: Vec<&str> = report
            .checks
            .iter()
            .filter(|c| &c.file == file)
            .map(|c| c.group.as_str())
            .collect();
        if owners.is_empty() {
            return Vec::new();
        }
        for owner in owners {
            if !groups.iter().any(|g| g == owner) {
                groups.push(owner.to_string());
            }
        }
    }
    groups
}

/// Starts the file watcher; every event becomes [`Event::Touched`]. The returned value must
/// be kept alive.
fn watch_files(
    src: &Path,
    events: Sender<Event>,
) -> Result<notify_debouncer_mini::Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>> {
    let mut debouncer = new_debouncer(Duration::from_millis(200), move |result| {
        if let Ok(_events) = result {
            let _ = events.send(Event::Touched);
        }
    })
    .context("could not start watching files (press r to grade by hand)")?;
    debouncer
        .watcher()
        .watch(src, RecursiveMode::Recursive)
        .with_context(|| format!("could not watch {}", src.display()))?;
    Ok(debouncer)
}

/// Reads keys on a thread of their own: single keys on a terminal, else lines of stdin.
fn read_keys(events: Sender<Event>) {
    std::thread::spawn(move || {
        let term = Term::stdout();
        if term.is_term() {
            loop {
                let event = match term.read_key() {
                    Ok(Key::Char(c)) => Event::Key(c.to_ascii_lowercase()),
                    Ok(Key::CtrlC) | Ok(Key::Escape) => Event::Quit,
                    Ok(_) => continue,
                    Err(_) => return,
                };
                if events.send(event).is_err() {
                    return;
                }
            }
        } else {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { return };
                for c in line.trim().chars() {
                    if events.send(Event::Key(c.to_ascii_lowercase())).is_err() {
                        return;
                    }
                }
            }
        }
    });
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

/// The first step whose latest report has a check that does not pass (step 1 if none).
fn first_unfinished() -> Step {
    STEPS
        .iter()
        .copied()
        .find(|step| grade::last_report(*step).is_some_and(|r| r.next_to_do().is_some()))
        .unwrap_or(STEPS[0])
}
