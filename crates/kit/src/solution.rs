//! `cargo kit solution <kata|step>`: shows the reference. Reading it after your own attempt
//! is part of the loop; reading it before is a spoiler, so the kit says so.

use std::process::ExitCode;

use anyhow::{Result, bail};
use console::style;

use crate::steps::{self, STEPS};

pub fn run(name: &str) -> Result<ExitCode> {
    if let Ok(step) = steps::find(name) {
        if !steps::root().join(step.solution_dir).exists() {
            bail!(
                "{} is not open yet, so it has no reference solution; run `cargo kit` to see \
                 which steps are open",
                step.package
            );
        }
        let dir = steps::existing(step.solution_dir)?;
        println!(
            "The reference for {} is in {}:",
            step.package, step.solution_dir
        );
        for entry in files_under(&dir.join("src"))? {
            println!("  {}", entry.strip_prefix(steps::root())?.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let kata_file = format!("src/{name}.rs");
    for step in STEPS {
        let path = steps::root().join(step.solution_dir).join(&kata_file);
        if path.is_file() {
            println!(
                "{}",
                style(format!(
                    "Reference for {name} ({}/{kata_file}). Tried it yourself first? `cargo kit hint {name}` helps too.",
                    step.solution_dir
                ))
                .dim()
            );
            println!("{}", std::fs::read_to_string(&path)?);
            return Ok(ExitCode::SUCCESS);
        }
    }
    bail!(
        "no kata or step named {name:?}: try a kata such as `binary_search`, or a step such as `step-2`"
    )
}

/// Every file under `dir`, sorted.
pub fn files_under(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(files_under(&path)?);
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
