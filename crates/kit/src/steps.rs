//! The steps of the path, as the harness's registry names them, and where they live on disk.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

pub use harness::steps::{STEPS, Step};

/// Finds a step by `step-2`, `2` or its title (`json-api`). The error lists what exists.
pub fn find(name: &str) -> Result<Step> {
    harness::steps::find(name).copied().with_context(|| {
        let known: Vec<&str> = STEPS.iter().map(|s| s.package).collect();
        format!(
            "there is no step {name:?}; the steps are {}",
            known.join(", ")
        )
    })
}

/// Points the kit at another copy of the workspace (the kit's own tests use it).
pub const ROOT_VAR: &str = "BACKEND_PATH_ROOT";

/// The workspace root: where this kit was built from, unless [`ROOT_VAR`] says otherwise.
pub fn root() -> PathBuf {
    std::env::var_os(ROOT_VAR)
        .map(PathBuf::from)
        .unwrap_or_else(harness::paths::workspace_root)
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
            existing(step.crate_dir).unwrap();
            existing(step.template_dir).unwrap();
        }
    }
}
