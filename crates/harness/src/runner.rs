//! The runner: turns a plan (checks with what each is expected to do) into libtest-mimic
//! trials, runs each in a process of its own (forked by a worker), prints cargo's usual output and then a summary that
//! says what to do next, and writes the machine-readable report for `cargo kit`.
//!
//! Three kinds of plan share this code:
//! - grade: every check must pass (the learner's crate, the reference);
//! - stub must fail: every non-trivial check must fail (the pristine templates);
//! - fixtures: a known-wrong variant must fail the checks that are there to catch it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use libtest_mimic::{Arguments, Failed, Trial};

use crate::check::{Check, Failure};
use crate::filters;
use crate::hints;
use crate::report::{self, CheckReport, REPORT_VAR, Report, Status};
use crate::seed;
use crate::steps::Step;
use crate::suite::Suite;
use crate::worker;

/// What a check must do for its trial to pass.
#[derive(Debug, Clone)]
pub enum Expect {
    /// The check passes (grading).
    Pass,
    /// The check fails, for any reason (a stub).
    Fail,
    /// The check fails with a message containing this text (a known-wrong fixture, caught
    /// for the right reason).
    FailWith(&'static str),
    /// As `FailWith`, for a message whose numbers depend on scheduling (see
    /// [`Rejection::racy`]).
    FailWithRacy(&'static str),
}

/// One trial: a check, its label (unique in the plan) and what it must do.
#[derive(Debug, Clone)]
pub struct Entry {
    pub label: String,
    pub check: Check,
    pub expect: Expect,
}

impl Entry {
    /// The seed this entry's check gets from the suite's seed: derived from the check's id,
    /// not the trial's label, so the check sees the same inputs whether it grades the
    /// learner, the stub or a fixture.
    pub fn seed(&self, suite_seed: u64) -> u64 {
        seed::check_seed(suite_seed, &self.check.id())
    }
}

/// What a test binary runs.
#[derive(Debug, Clone)]
pub struct Plan {
    pub step: &'static Step,
    /// What this run is, for the report: the step's title, or what a self-test proves.
    pub title: &'static str,
    pub crate_dir: String,
    pub entries: Vec<Entry>,
    /// Grading plans print "N/M checks pass — next: …"; self-test plans do not.
    pub is_grading: bool,
    /// Where the golden failure messages of a fixtures plan live (see [`crate::golden`]);
    /// `None` compares none.
    pub golden_dir: Option<std::path::PathBuf>,
    /// Compare every golden message by its shape (see [`Rejection::racy`]): for fixtures
    /// whose messages carry measured figures.
    pub golden_by_shape: bool,
}

/// One line of a fixtures table: the fixture, a check that must reject it, and text the
/// failure message must contain (the reason the check is there to catch).
#[derive(Debug, Clone, Copy)]
pub struct Rejection {
    pub fixture: &'static str,
    /// `group::name`.
    pub check: &'static str,
    pub because: &'static str,
    /// The message holds numbers that depend on scheduling (which of 100 concurrent writers
    /// lost): its golden file compares it with every number replaced.
    pub racy: bool,
}

impl Rejection {
    /// Marks the message as one whose numbers depend on scheduling.
    pub const fn racy(mut self) -> Rejection {
        self.racy = true;
        self
    }
}

/// A [`Rejection`], written as a table row: `rejects("lost_update", "concurrency::…", "lost")`.
pub const fn rejects(
    fixture: &'static str,
    check: &'static str,
    because: &'static str,
) -> Rejection {
    Rejection {
        fixture,
        check,
        because,
        racy: false,
    }
}

impl Plan {
    /// Every check of the suite must pass.
    pub fn grade(suite: Suite) -> Plan {
        let suite = suite.ordered();
        let entries = suite
            .checks
            .into_iter()
            .map(|check| Entry {
                label: check.id(),
                check,
                expect: Expect::Pass,
            })
            .collect();
        Plan {
            step: suite.step,
            title: suite.step.title,
            crate_dir: suite.crate_dir,
            entries,
            is_grading: true,
            golden_dir: None,
            golden_by_shape: false,
        }
    }

    /// Every non-trivial check of the suite must fail: the stub leaves the work to the
    /// learner. Trivial checks are left out.
    pub fn stub_must_fail(suite: Suite) -> Plan {
        let mut plan = Plan::grade(suite);
        plan.entries.retain(|entry| !entry.check.trivial);
        for entry in &mut plan.entries {
            entry.expect = Expect::Fail;
            entry.label = format!("stub_fails::{}", entry.label);
        }
        plan.is_grading = false;
        plan
    }

    /// An empty self-test plan, to which fixtures are added with [`Plan::reject`].
    pub fn fixtures(step: &'static Step, manifest_dir: &str) -> Plan {
        Plan {
            step,
            title: "known-wrong fixtures",
            crate_dir: crate::paths::relative_to_workspace(manifest_dir),
            entries: Vec::new(),
            is_grading: false,
            golden_dir: None,
            golden_by_shape: false,
        }
    }

    /// Like [`Plan::with_golden`], comparing every message by its shape (wording and layout;
    /// numbers and quoted values may differ): for gates whose messages carry counts and
    /// growth figures measured on the fixture.
    pub fn with_golden_shapes(mut self, dir: impl Into<std::path::PathBuf>) -> Plan {
        self.golden_dir = Some(dir.into());
        self.golden_by_shape = true;
        self
    }

    /// Compares every rejection's message with its golden file in `dir` (usually
    /// `tests/golden` of the fixtures' package).
    pub fn with_golden(mut self, dir: impl Into<std::path::PathBuf>) -> Plan {
        self.golden_dir = Some(dir.into());
        self
    }

    /// Adds a table of rejections. `make_suite(fixture)` builds the suite that runs against
    /// that fixture; it is called once per fixture, however many rows name it.
    pub fn rejections(mut self, make_suite: impl Fn(&str) -> Suite, rows: &[Rejection]) -> Plan {
        let mut suites: HashMap<&str, Vec<Check>> = HashMap::new();
        for row in rows {
            let checks = suites
                .entry(row.fixture)
                .or_insert_with(|| make_suite(row.fixture).checks);
            self = self.reject_from(row.fixture, checks, row.check, row.because);
            if row.racy
                && let Some(entry) = self.entries.last_mut()
            {
                entry.expect = Expect::FailWithRacy(row.because);
            }
        }
        self
    }

    /// The fixture `fixture` must *pass* every check of `suite` in `groups` (a group's name,
    /// or one check's id, `group::name`): a partial solution (e.g. a learner's first stage)
    /// that the step promises is enough for them, or a correct one written differently.
    pub fn accepts(mut self, fixture: &str, suite: Suite, groups: &[&str]) -> Plan {
        let before = self.entries.len();
        for check in suite.checks {
            if groups.contains(&check.group) || groups.contains(&check.id().as_str()) {
                self.entries.push(Entry {
                    label: format!("{fixture}::passes::{}", check.id()),
                    check,
                    expect: Expect::Pass,
                });
            }
        }
        assert!(
            self.entries.len() > before,
            "fixture {fixture}: the suite has no checks in {groups:?}"
        );
        self
    }

    /// The fixture `fixture` must fail the check `check_id` of `checks`, with a message
    /// containing `because`.
    pub fn reject(
        self,
        fixture: &str,
        checks: Vec<Check>,
        check_id: &str,
        because: &'static str,
    ) -> Plan {
        self.reject_from(fixture, &checks, check_id, because)
    }

    fn reject_from(
        mut self,
        fixture: &str,
        checks: &[Check],
        check_id: &str,
        because: &'static str,
    ) -> Plan {
        let check = checks
            .iter()
            .find(|check| check.id() == check_id)
            .cloned()
            .unwrap_or_else(|| panic!("fixture {fixture}: the suite has no check {check_id}"));
        self.entries.push(Entry {
            label: format!("{fixture}::rejected_by::{check_id}"),
            check,
            expect: Expect::FailWith(because),
        });
        self
    }
}

/// A trial's verdict and how long its check ran.
type Verdict = (Result<(), String>, u64);
type Verdicts = Arc<Mutex<HashMap<String, Verdict>>>;

impl Plan {
    /// Requires that every check of `suite` is rejecting at least one fixture of this plan:
    /// a check never seen failing on a wrong variant might be unable to fail. Panics with
    /// the list of checks that still need a fixture.
    pub fn covering(self, suite: &[Check]) -> Plan {
        let uncovered: Vec<String> = suite
            .iter()
            .map(Check::id)
            .filter(|id| {
                !self
                    .entries
                    .iter()
                    .any(|entry| entry.label.ends_with(&format!("::rejected_by::{id}")))
            })
            .collect();
        assert!(
            uncovered.is_empty(),
            "checks no known-wrong fixture fails yet (add one per check): {uncovered:?}"
        );
        self
    }
}

/// Runs a plan as this test binary's `main`. In a worker process, serves the checks the
/// parent asked for instead.
pub fn run_plan(plan: Plan) -> ExitCode {
    if std::env::var_os(worker::WORKER_VAR).is_some() {
        worker::serve(|label| {
            let entry = plan.entries.iter().find(|entry| entry.label == label)?;
            Some(entry.check.clone())
        });
    }
    let seed = match seed::suite_seed() {
        Ok(seed) => seed,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };

    let (options, filters) = filters::split(std::env::args());
    let args = Arguments::from_iter(options);
    let verdicts: Verdicts = Arc::default();
    let trials = plan
        .entries
        .iter()
        .filter(|entry| filters::selects(&filters, args.exact, &entry.label))
        .map(|entry| {
            trial(
                entry,
                &plan.crate_dir,
                plan.golden_dir.clone(),
                plan.golden_by_shape,
                seed,
                verdicts.clone(),
            )
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    worker::stop_all();
    if args.list {
        return ExitCode::SUCCESS;
    }

    let mut report = report(
        &plan,
        seed,
        &filters,
        &verdicts.lock().unwrap_or_else(|e| e.into_inner()),
    );
    if let Some(path) = report_destination(&plan) {
        if plan.is_grading
            && !report.is_complete()
            && let Ok(previous) = Report::read(&path)
        {
            report.keep_earlier_verdicts(&previous);
        }
        if let Err(e) = report.write(&path) {
            eprintln!(
                "error: could not write the report to {}: {e}",
                path.display()
            );
            return ExitCode::from(2);
        }
    }
    if plan.is_grading {
        println!("{}", crate::summary::summary(&report));
    }
    conclusion.exit_code()
}

/// One libtest-mimic trial: run the check in a process of its own, then hold the result against what the
/// plan expects.
fn trial(
    entry: &Entry,
    crate_dir: &str,
    golden_dir: Option<std::path::PathBuf>,
    golden_by_shape: bool,
    seed: u64,
    verdicts: Verdicts,
) -> Trial {
    let entry = entry.clone();
    let location = format!("{crate_dir}/{}", entry.check.file);
    let crate_dir = crate_dir.to_string();
    Trial::test(entry.label.clone(), move || {
        let check_seed = entry.seed(seed);
        let started = std::time::Instant::now();
        let result = worker::run(&entry.label, entry.check.timeout, check_seed);
        let millis = started.elapsed().as_millis() as u64;
        let verdict = match (&entry.expect, result) {
            (Expect::Pass, Ok(())) => Ok(()),
            (Expect::Pass, Err(failure)) => Err(failure.message),
            (Expect::Fail, Err(_)) => Ok(()),
            (Expect::Fail, Ok(())) => Err(format!(
                "the stub passes the non-trivial check `{}`: a stub must leave the work to \
                 the learner. Make the stub fail it (leave `todo!()` in {location}), or mark \
                 the check `.trivial()` if passing it untouched is right.",
                entry.check.id()
            )),
            (Expect::FailWith(because) | Expect::FailWithRacy(because), Err(failure))
                if failure.message.contains(because) =>
            {
                let racy = golden_by_shape || matches!(entry.expect, Expect::FailWithRacy(_));
                match &golden_dir {
                    Some(dir) => crate::golden::compare(dir, &entry.label, &failure.message, racy),
                    None => Ok(()),
                }
            }
            (Expect::FailWith(because) | Expect::FailWithRacy(because), Err(failure)) => {
                Err(format!(
                    "the wrong variant fails `{}`, but not for the reason the check is there to \
                 catch (expected a message containing {because:?}):\n{}",
                    entry.check.id(),
                    failure.message
                ))
            }
            (Expect::FailWith(_) | Expect::FailWithRacy(_), Ok(())) => Err(format!(
                "the known-wrong variant passes `{}`: the check is too weak to catch it. \
                 Strengthen the check until it fails this fixture.",
                entry.check.id()
            )),
        };
        // The report keeps the bare verdict; the terminal also gets the hint and the file.
        verdicts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(entry.label.clone(), (verdict.clone(), millis));
        verdict.map_err(|message| match entry.expect {
            Expect::Pass => Failed::from(format!(
                "{message}\n\nhint: {}\nfile: {}",
                first_rung(&entry.check),
                file_line(reached_location(&message, &crate_dir), &location)
            )),
            _ => Failed::from(message),
        })
    })
}

/// Where this run's report goes: [`REPORT_VAR`] when set; otherwise, for the grading of the
/// learner's own crate only, the step's fixed place under the target directory. Self-test
/// plans and the reference's grading never overwrite a learner's report unasked.
fn report_destination(plan: &Plan) -> Option<PathBuf> {
    if std::env::var_os(REPORT_VAR).is_some() {
        return report::path_for(plan.step.package);
    }
    let grades_the_learner = plan.is_grading && plan.crate_dir == plan.step.crate_dir;
    grades_the_learner
        .then(|| report::path_for(plan.step.package))
        .flatten()
}

fn report(
    plan: &Plan,
    seed: u64,
    filters: &[String],
    verdicts: &HashMap<String, Verdict>,
) -> Report {
    let checks = plan
        .entries
        .iter()
        .map(|entry| {
            let (status, message, millis) = match verdicts.get(&entry.label) {
                None => (Status::NotRun, None, None),
                Some((Ok(()), millis)) => (Status::Pass, None, Some(*millis)),
                Some((Err(message), millis)) => {
                    (Status::Fail, Some(message.clone()), Some(*millis))
                }
            };
            CheckReport {
                id: entry.label.clone(),
                group: entry.check.group.to_string(),
                grade: entry.check.grade,
                file: entry.check.file.to_string(),
                hint: entry.check.hint.to_string(),
                hints: hints::ladder(entry.check.hint),
                status,
                message,
                millis,
                earlier: None,
            }
        })
        .collect();
    Report {
        step: plan.step.package.to_string(),
        title: plan.title.to_string(),
        crate_dir: plan.crate_dir.clone(),
        seed,
        filters: filters.to_vec(),
        checks,
    }
}

/// The first rung of a check's hint ladder, and where the next rungs are, when there are
/// more: a failing test nudges, it does not give the whole approach away.
fn first_rung(check: &Check) -> String {
    let ladder = hints::ladder(check.hint);
    match ladder.as_slice() {
        [] => String::new(),
        [only] => only.clone(),
        [first, ..] => format!(
            "{first}\n      (more: `cargo kit hint {}`, {} hints in all)",
            check.group,
            ladder.len()
        ),
    }
}

/// The `file:` line: where the failure was reached when that is known and is not the
/// check's own file (say so, and name both), else the check's file.
fn file_line(reached: Option<String>, own: &str) -> String {
    match reached {
        Some(reached) if !reached.starts_with(own) => {
            format!("{reached} (the failure came from there; this check's own code is in {own})")
        }
        Some(reached) => reached,
        None => own.to_string(),
    }
}

/// Where the failing call or request really reached in the crate under test, which beats
/// the check's usual file: a panic there (`panicked at crates/step-2-json-api/src/store.rs:95:9`)
/// or a starting code's 501 (`todo at crates/step-2-json-api/src/handlers/articles.rs:46`,
/// from `ApiError::todo`), whichever the message shows first.
pub fn reached_location(message: &str, crate_dir: &str) -> Option<String> {
    let mut marks: Vec<(usize, &str)> = message
        .match_indices("panicked at ")
        .chain(message.match_indices("todo at "))
        .collect();
    marks.sort_unstable();
    marks.into_iter().find_map(|(at, marker)| {
        let rest = &message[at + marker.len()..];
        let path = rest.split(':').next()?;
        (path.starts_with(crate_dir) && path.ends_with(".rs")).then(|| {
            let line = rest[path.len() + 1..]
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .filter(|n| !n.is_empty());
            match line {
                Some(line) => format!("{path}:{line}"),
                None => path.to_string(),
            }
        })
    })
}

impl From<Failure> for String {
    fn from(failure: Failure) -> String {
        failure.message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_gets_the_same_seed_in_every_kind_of_plan() {
        let step = crate::steps::step(1);
        let suite = || {
            let group = crate::check::Group::new("kata", 1, "src/kata.rs");
            Suite::new(step, "crates/x").with([
                group.check("one", "hint", |_| Ok(())),
                group.check("two", "h", |_| Ok(())),
            ])
        };
        let graded = Plan::grade(suite());
        let stub = Plan::stub_must_fail(suite());
        let fixtures = Plan::fixtures(step, "crates/x").reject(
            "wrong",
            suite().checks,
            "kata::two",
            "because",
        );
        let seed_of = |plan: &Plan, id: &str| {
            plan.entries
                .iter()
                .find(|entry| entry.check.id() == id)
                .map(|entry| entry.seed(7))
                .unwrap()
        };
        assert_eq!(seed_of(&graded, "kata::two"), seed_of(&stub, "kata::two"));
        assert_eq!(
            seed_of(&graded, "kata::two"),
            seed_of(&fixtures, "kata::two")
        );
        assert_ne!(seed_of(&graded, "kata::one"), seed_of(&graded, "kata::two"));
        assert_ne!(graded.entries[1].seed(7), graded.entries[1].seed(8));
    }

    #[test]
    fn a_panic_in_the_crate_under_test_names_its_file() {
        let message = "got: no response\nserver stderr:\nthread 'tokio-runtime-worker' \
                       panicked at crates/step-2-json-api/src/store.rs:95:9:\nnot yet";
        assert_eq!(
            reached_location(message, "crates/step-2-json-api").as_deref(),
            Some("crates/step-2-json-api/src/store.rs:95")
        );
        let elsewhere = "panicked at /rustc/abc/library/core/src/option.rs:1:1:";
        assert_eq!(reached_location(elsewhere, "crates/step-2-json-api"), None);
    }

    #[test]
    fn a_501_of_the_starting_code_names_the_handler_it_came_from() {
        let message = "request:  curl -X POST \"$BASE\"'/api/articles'\nexpected: 201 Created\n\
                       got:      501 Not Implemented\nbody:     {\"errors\":{\"todo\":[\"POST \
                       /api/articles: validate (todo at \
                       crates/step-2-json-api/src/handlers/articles.rs:46)\"]}}\nserver stderr:\n\
                       panicked at crates/step-2-json-api/src/store.rs:95:9:";
        assert_eq!(
            reached_location(message, "crates/step-2-json-api").as_deref(),
            Some("crates/step-2-json-api/src/handlers/articles.rs:46")
        );
    }
}
