//! The steps of the path: where each one's crate, starting code and reference live.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// One step of the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The package the learner grades with `cargo test -p <package>`.
    pub package: &'static str,
    pub title: &'static str,
    /// The learner's crate, relative to the workspace root.
    pub dir: &'static str,
    /// The pristine starting code (`cargo kit reset` copies its `src/`).
    pub template: &'static str,
    /// The reference solution.
    pub solution: &'static str,
}

pub const STEPS: [Step; 4] = [
    Step {
        package: "step-1",
        title: "dsa-kata",
        dir: "crates/step-1-dsa-kata",
        template: "templates/step-1-dsa-kata",
        solution: "solutions/step-1-dsa-kata",
    },
    Step {
        package: "step-2",
        title: "json-api",
        dir: "crates/step-2-json-api",
        template: "templates/step-2-json-api",
        solution: "solutions/step-2-json-api",
    },
    Step {
        package: "step-3",
        title: "sqlite-api",
        dir: "crates/step-3-sqlite-api",
        template: "templates/step-3-sqlite-api",
        solution: "solutions/step-3-sqlite-api",
    },
    Step {
        package: "step-4",
        title: "service",
        dir: "crates/step-4-service",
        template: "templates/step-4-service",
        solution: "solutions/step-4-service",
    },
];

/// Finds a step by `step-2`, `2` or its title (`json-api`). The error lists what exists.
pub fn find(name: &str) -> Result<Step> {
    let wanted = name.trim().to_ascii_lowercase();
    STEPS
        .iter()
        .copied()
        .find(|step| {
            step.package == wanted
                || step.title == wanted
                || step.package.strip_prefix("step-") == Some(wanted.as_str())
        })
        .with_context(|| {
            let known: Vec<&str> = STEPS.iter().map(|s| s.package).collect();
            format!(
                "there is no step {name:?}; the steps are {}",
                known.join(", ")
            )
        })
}

/// The workspace root: where this kit was built from.
pub fn root() -> PathBuf {
    harness::paths::workspace_root()
}

/// `relative` under the workspace root, which must exist.
pub fn existing(relative: &str) -> Result<PathBuf> {
    let path = root().join(relative);
    if !Path::new(&path).exists() {
        bail!(
            "{} does not exist (is this a full clone of Backend Path?)",
            path.display()
        );
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_found_by_package_number_or_title() {
        assert_eq!(find("step-2").unwrap().package, "step-2");
        assert_eq!(find("3").unwrap().package, "step-3");
        assert_eq!(find("Json-API").unwrap().package, "step-2");
    }

    #[test]
    fn an_unknown_step_lists_the_known_ones() {
        let error = find("step-9").unwrap_err().to_string();
        assert!(error.contains("step-1, step-2, step-3, step-4"), "{error}");
    }

    #[test]
    fn every_step_crate_and_template_exists() {
        for step in STEPS {
            existing(step.dir).unwrap();
            existing(step.template).unwrap();
        }
    }
}
