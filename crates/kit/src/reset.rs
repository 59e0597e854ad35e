//! `cargo kit reset <step> [kata|area] --yes`: puts a step's starting code back. Nothing is
//! lost: every file that would be overwritten or removed is first copied to a new folder
//! under `.backend-path/backups/` (git-ignored, outside `target/`, never reused). A kata or
//! area is found through the latest report (its checks name the file), so
//! `cargo kit reset step-2 articles` restores `src/handlers/articles.rs`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::steps::{self, Step};

/// What a reset would do to one file of the learner's crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The learner's file differs from the template's: restore it.
    Restore(PathBuf),
    /// The template has a file the learner's crate lacks: bring it back.
    Recreate(PathBuf),
    /// The learner added a file the template does not have: move it to the backup.
    Remove(PathBuf),
}

pub fn run(step: &str, name: Option<&str>, yes: bool) -> Result<ExitCode> {
    let step = steps::find(step)?;
    let learner = steps::existing(step.crate_dir)?;
    let template = steps::existing(step.template_dir)?;
    let changes = match name {
        None => plan(&template.join("src"), &learner.join("src"))?
            .into_iter()
            .map(|change| change.under("src"))
            .collect(),
        Some(name) => plan_one(step, &template, &learner, name)?,
    };
    if changes.is_empty() {
        println!(
            "{} already matches its starting code: nothing to reset.",
            step.package
        );
        return Ok(ExitCode::SUCCESS);
    }
    for change in &changes {
        let (verb, path) = match change {
            Change::Restore(p) => ("restore", p),
            Change::Recreate(p) => ("recreate", p),
            Change::Remove(p) => ("remove (it is not in the starting code)", p),
        };
        println!("  {verb:<8} {}/{}", step.crate_dir, path.display());
    }
    if !yes {
        println!(
            "Nothing changed yet. Run `cargo kit reset {} {}--yes` to do this; your current \
             files are backed up first.",
            step.package,
            name.map(|k| format!("{k} ")).unwrap_or_default()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let backup = crate::state::new_backup_dir()?.join(step.crate_dir);
    apply(&changes, &template, &learner, &backup)?;
    println!("Done. Your previous files are in {}", backup.display());
    Ok(ExitCode::SUCCESS)
}

impl Change {
    /// The same change for a path under `dir`.
    fn under(self, dir: &str) -> Change {
        match self {
            Change::Restore(p) => Change::Restore(Path::new(dir).join(p)),
            Change::Recreate(p) => Change::Recreate(Path::new(dir).join(p)),
            Change::Remove(p) => Change::Remove(Path::new(dir).join(p)),
        }
    }
}

/// The change that restores the one file of kata or area `name` (paths relative to the
/// crate).
fn plan_one(step: Step, template: &Path, learner: &Path, name: &str) -> Result<Vec<Change>> {
    let found = crate::names::resolve(&crate::grade::last_reports(), name, Some(step))?;
    let file = PathBuf::from(found.file());
    if !template.join(&file).is_file() {
        bail!(
            "{}'s starting code has no {} (the file of {}); nothing to restore",
            step.package,
            file.display(),
            found.group
        );
    }
    Ok(match std::fs::read(learner.join(&file)) {
        Err(_) => vec![Change::Recreate(file)],
        Ok(ours) if ours != std::fs::read(template.join(&file))? => vec![Change::Restore(file)],
        Ok(_) => Vec::new(),
    })
}

/// The changes that make `learner` equal `template` (paths relative to both).
pub fn plan(template: &Path, learner: &Path) -> Result<Vec<Change>> {
    let relative = |root: &Path| -> Result<Vec<PathBuf>> {
        if !root.exists() {
            return Ok(Vec::new());
        }
        crate::solution::files_under(root)?
            .into_iter()
            .map(|p| Ok(p.strip_prefix(root)?.to_path_buf()))
            .collect()
    };
    let theirs = relative(template)?;
    let ours = relative(learner)?;
    let mut changes = Vec::new();
    for file in &theirs {
        if !ours.contains(file) {
            changes.push(Change::Recreate(file.clone()));
        } else if std::fs::read(template.join(file))? != std::fs::read(learner.join(file))? {
            changes.push(Change::Restore(file.clone()));
        }
    }
    for file in ours.iter().filter(|f| !theirs.contains(f)) {
        changes.push(Change::Remove(file.clone()));
    }
    Ok(changes)
}

/// Backs up, then applies, every change.
pub fn apply(changes: &[Change], template: &Path, learner: &Path, backup: &Path) -> Result<()> {
    for change in changes {
        if let Change::Restore(file) | Change::Remove(file) = change {
            let saved = backup.join(file);
            std::fs::create_dir_all(saved.parent().expect("a file has a parent"))?;
            std::fs::copy(learner.join(file), &saved)
                .with_context(|| format!("backing up {}", learner.join(file).display()))?;
        }
    }
    for change in changes {
        match change {
            Change::Restore(file) | Change::Recreate(file) => {
                let target = learner.join(file);
                std::fs::create_dir_all(target.parent().expect("a file has a parent"))?;
                std::fs::copy(template.join(file), &target)
                    .with_context(|| format!("restoring {}", target.display()))?;
            }
            Change::Remove(file) => std::fs::remove_file(learner.join(file))?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn reset_restores_recreates_removes_and_backs_everything_up() {
        let dir = tempfile::tempdir().unwrap();
        let (template, learner, backup) = (
            dir.path().join("template"),
            dir.path().join("learner"),
            dir.path().join("backup"),
        );
        write(&template.join("lib.rs"), "pub mod a;");
        write(&template.join("a.rs"), "todo");
        write(&template.join("b.rs"), "todo");
        write(&learner.join("lib.rs"), "pub mod a;");
        write(&learner.join("a.rs"), "my work");
        write(&learner.join("extra.rs"), "my notes");

        let changes = plan(&template, &learner).unwrap();
        assert_eq!(
            changes,
            [
                Change::Restore("a.rs".into()),
                Change::Recreate("b.rs".into()),
                Change::Remove("extra.rs".into()),
            ]
        );
        apply(&changes, &template, &learner, &backup).unwrap();

        assert!(plan(&template, &learner).unwrap().is_empty());
        assert_eq!(
            std::fs::read_to_string(backup.join("a.rs")).unwrap(),
            "my work"
        );
        assert_eq!(
            std::fs::read_to_string(backup.join("extra.rs")).unwrap(),
            "my notes"
        );
    }
}
