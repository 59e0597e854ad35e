//! The step registry: every step of the path, named once.
//!
//! A step's package, title, directories and one-line summary are written here and nowhere
//! else. The suites take their identity from it ([`crate::Suite::new`]), the fixture plans
//! name their step through it, the kit lists and finds steps with it, and the CI scripts read
//! it from `cargo kit --json`.

/// One step of the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// 1, 2, 3 or 4.
    pub number: u8,
    /// The package the learner grades with `cargo test -p <package>`, e.g. `step-2`.
    pub package: &'static str,
    /// A short title for the board, e.g. `json-api`.
    pub title: &'static str,
    /// What the learner builds, in one line.
    pub summary: &'static str,
    /// The learner's crate, relative to the workspace root.
    pub crate_dir: &'static str,
    /// The pristine starting code (what `cargo kit reset` restores), relative to the root.
    pub template_dir: &'static str,
    /// The reference solution, relative to the root.
    pub solution_dir: &'static str,
    /// The package of the reference, e.g. `solution-step-2`.
    pub solution_package: &'static str,
    /// The package of the pristine starting code, e.g. `template-step-2`.
    pub template_package: &'static str,
}

/// Every step, in order.
pub const STEPS: [Step; 4] = [
    Step {
        number: 1,
        package: "step-1",
        title: "dsa-kata",
        summary: "data-structure and algorithm katas: search, sort, heaps, hash maps, caches, \
                  graphs, rate limiters",
        crate_dir: "crates/step-1-dsa-kata",
        template_dir: "templates/step-1-dsa-kata",
        solution_dir: "solutions/step-1-dsa-kata",
        solution_package: "solution-step-1",
        template_package: "template-step-1",
    },
    Step {
        number: 2,
        package: "step-2",
        title: "json-api",
        summary: "the Conduit articles, comments and tags API on axum, persisted to a JSON \
                  file written atomically and durably",
        crate_dir: "crates/step-2-json-api",
        template_dir: "templates/step-2-json-api",
        solution_dir: "solutions/step-2-json-api",
        solution_package: "solution-step-2",
        template_package: "template-step-2",
    },
    Step {
        number: 3,
        package: "step-3",
        title: "sqlite-api",
        summary: "the same API on SQLite: migrations, transactions, filters and pagination in \
                  SQL, an import of your step-2 data",
        crate_dir: "crates/step-3-sqlite-api",
        template_dir: "templates/step-3-sqlite-api",
        solution_dir: "solutions/step-3-sqlite-api",
        solution_package: "solution-step-3",
        template_package: "template-step-3",
    },
    Step {
        number: 4,
        package: "step-4",
        title: "service",
        summary: "the deployable service: the full Conduit API with users, JWT auth, profiles, \
                  favourites and feed, plus what production needs",
        crate_dir: "crates/step-4-service",
        template_dir: "templates/step-4-service",
        solution_dir: "solutions/step-4-service",
        solution_package: "solution-step-4",
        template_package: "template-step-4",
    },
];

/// Step `number` (1–4).
///
/// # Panics
/// When there is no such step: a programming error in a grade file, not a learner's.
pub fn step(number: u8) -> &'static Step {
    STEPS
        .iter()
        .find(|step| step.number == number)
        .unwrap_or_else(|| {
            panic!(
                "there is no step {number}; the steps are 1 to {}",
                STEPS.len()
            )
        })
}

/// Finds a step by `step-2`, `2` or its title (`json-api`), ignoring case.
pub fn find(name: &str) -> Option<&'static Step> {
    let wanted = name.trim().to_ascii_lowercase();
    STEPS.iter().find(|step| {
        step.package == wanted || step.title == wanted || step.number.to_string() == wanted
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbered_in_order_and_named_after_their_number() {
        for (index, step) in STEPS.iter().enumerate() {
            assert_eq!(usize::from(step.number), index + 1);
            assert_eq!(step.package, format!("step-{}", step.number));
            assert_eq!(step.solution_package, format!("solution-{}", step.package));
            assert_eq!(step.template_package, format!("template-{}", step.package));
        }
    }

    #[test]
    fn steps_are_found_by_package_number_or_title() {
        assert_eq!(find("step-2").unwrap().number, 2);
        assert_eq!(find("3").unwrap().number, 3);
        assert_eq!(find("Json-API").unwrap().number, 2);
        assert!(find("step-9").is_none());
    }

    #[test]
    fn every_directory_exists() {
        let root = crate::paths::workspace_root();
        for step in STEPS {
            for dir in [step.crate_dir, step.template_dir] {
                assert!(root.join(dir).is_dir(), "{dir} is missing");
            }
        }
    }
}
