//! Finding what a learner names: `two_sum`, `articles`, `two_sum::hash_gate`. Names are
//! resolved through the latest reports (each check's group and file), so the kit knows the
//! katas of step 1 and the API areas of steps 2–4 without a list of its own. A misspelled
//! name gets "did you mean".

use anyhow::{Result, bail};
use harness::report::{CheckReport, Report, Status};

use crate::steps::Step;

/// A group (kata or API area) or one check of it, in the latest report of its step.
#[derive(Debug, Clone)]
pub struct Found {
    pub step: Step,
    pub report: Report,
    pub group: String,
    /// Set when the name was a whole check id.
    pub check: Option<String>,
}

impl Found {
    /// The checks named: the one check, or every check of the group.
    pub fn checks(&self) -> Vec<&CheckReport> {
        self.report
            .checks
            .iter()
            .filter(|c| match &self.check {
                Some(id) => &c.id == id,
                None => c.group == self.group,
            })
            .collect()
    }

    /// The file the learner edits for this group, relative to the step's crate.
    pub fn file(&self) -> String {
        group_file(&self.report, &self.group)
    }

    /// Whether every check of the group stands passed (its latest verdicts).
    pub fn group_passes(&self) -> bool {
        self.report
            .checks
            .iter()
            .filter(|c| c.group == self.group)
            .all(|c| c.standing() == Status::Pass)
    }
}

/// The file most of the group's checks name (the area's own file; a check whose requests
/// reach another file names that one, but resetting the group restores the area's file).
pub fn group_file(report: &Report, group: &str) -> String {
    let files: Vec<&str> = report
        .checks
        .iter()
        .filter(|c| c.group == group)
        .map(|c| c.file.as_str())
        .collect();
    files
        .iter()
        .max_by_key(|file| {
            let count = files.iter().filter(|f| f == file).count();
            // The first file wins a tie: max_by_key keeps the last maximum, so rank earlier higher.
            let position = files.iter().position(|f| f == *file).unwrap_or(0);
            (count, usize::MAX - position)
        })
        .map(|file| file.to_string())
        .unwrap_or_default()
}

/// Finds `name` among the reports (only in `within` when given).
pub fn resolve(reports: &[(Step, Report)], name: &str, within: Option<Step>) -> Result<Found> {
    let reports: Vec<&(Step, Report)> = reports
        .iter()
        .filter(|(step, _)| within.is_none_or(|w| w.package == step.package))
        .collect();
    if reports.is_empty() {
        let step = within.map(|s| s.package).unwrap_or("step-1");
        bail!(
            "{step} has not been graded yet, so the kit does not know its names: run \
             `cargo test -p {step}` (or `cargo kit`) first"
        );
    }
    for (step, report) in &reports {
        for check in &report.checks {
            if check.id == name || check.group == name {
                return Ok(Found {
                    step: *step,
                    report: report.clone(),
                    group: check.group.clone(),
                    check: (check.id == name).then(|| name.to_string()),
                });
            }
        }
    }
    let mut groups: Vec<&str> = Vec::new();
    for (_, report) in &reports {
        for check in &report.checks {
            if !groups.contains(&check.group.as_str()) {
                groups.push(&check.group);
            }
        }
    }
    let wanted = name.split("::").next().unwrap_or(name);
    let mut close: Vec<(usize, &str)> = groups
        .iter()
        .map(|group| (distance(wanted, group), *group))
        .filter(|(d, group)| *d <= (group.len() / 3).max(2) || group.contains(wanted))
        .collect();
    close.sort();
    let scope = within
        .map(|s| format!("{} has", s.package))
        .unwrap_or_else(|| "the graded steps have".to_string());
    match close.first() {
        Some((_, best)) => {
            bail!("{scope} no kata, area or check named {name:?}; did you mean `{best}`?")
        }
        None => bail!(
            "{scope} no kata, area or check named {name:?}; the names are: {}",
            groups.join(", ")
        ),
    }
}

/// Levenshtein distance between two names.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::steps::STEPS;

    fn check(id: &str, file: &str, status: Status) -> CheckReport {
        CheckReport {
            id: id.into(),
            group: id.split("::").next().unwrap().into(),
            grade: 1,
            file: file.into(),
            hint: "h".into(),
            hints: vec!["h".into()],
            status,
            message: None,
            millis: None,
            earlier: None,
        }
    }

    fn reports() -> Vec<(Step, Report)> {
        let report = |step: &str, checks| Report {
            step: step.into(),
            title: "t".into(),
            crate_dir: "c".into(),
            seed: 1,
            filters: Vec::new(),
            checks,
        };
        vec![
            (
                STEPS[0],
                report(
                    "step-1",
                    vec![
                        check("two_sum::examples", "src/two_sum.rs", Status::Pass),
                        check("two_sum::gate", "src/two_sum.rs", Status::Fail),
                    ],
                ),
            ),
            (
                STEPS[1],
                report(
                    "step-2",
                    vec![
                        check("articles::create", "src/handlers/articles.rs", Status::Fail),
                        check("articles::list", "src/store.rs", Status::Fail),
                        check("articles::delete", "src/handlers/articles.rs", Status::Fail),
                    ],
                ),
            ),
        ]
    }

    #[test]
    fn groups_and_checks_resolve_to_their_step_and_file() {
        let found = resolve(&reports(), "articles", None).unwrap();
        assert_eq!(found.step.package, "step-2");
        assert_eq!(found.file(), "src/handlers/articles.rs");
        assert_eq!(found.checks().len(), 3);
        let found = resolve(&reports(), "two_sum::gate", Some(STEPS[0])).unwrap();
        assert_eq!(found.checks().len(), 1);
        assert!(!found.group_passes());
    }

    #[test]
    fn a_misspelled_name_gets_did_you_mean() {
        let error = resolve(&reports(), "two_summ", None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("did you mean `two_sum`?"), "{error}");
        let error = resolve(&reports(), "articels", Some(STEPS[1]))
            .unwrap_err()
            .to_string();
        assert!(error.contains("did you mean `articles`?"), "{error}");
        let error = resolve(&reports(), "zzzzzzzz", None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("two_sum, articles"), "{error}");
    }

    #[test]
    fn an_ungraded_step_says_how_to_grade_it() {
        let error = resolve(&[], "articles", Some(STEPS[1]))
            .unwrap_err()
            .to_string();
        assert!(error.contains("cargo test -p step-2"), "{error}");
    }
}
