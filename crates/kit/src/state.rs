//! The kit's own files in the learner's clone: `.backend-path/` at the workspace root, which
//! ignores itself in git (it holds a `.gitignore` of `*`) and survives `cargo clean`. The
//! hint ladder's rungs reached and the backups of `cargo kit reset` live there.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result};

/// `.backend-path/` under the workspace root, created (and git-ignored) on first use.
pub fn dir() -> Result<PathBuf> {
    let dir = crate::steps::root().join(".backend-path");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(
            &ignore,
            "# cargo kit's state: hint rungs reached, reset backups\n*\n",
        )?;
    }
    Ok(dir)
}

/// The rung of the hint ladder reached per check id (1 = the first rung has been shown).
pub type Rungs = BTreeMap<String, usize>;

fn rungs_file() -> Result<PathBuf> {
    Ok(dir()?.join("hints.json"))
}

/// The rungs reached so far (none when the file is missing or unreadable).
pub fn rungs() -> Rungs {
    rungs_file()
        .ok()
        .and_then(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn save_rungs(rungs: &Rungs) -> Result<()> {
    let path = rungs_file()?;
    std::fs::write(&path, serde_json::to_string_pretty(rungs)?)
        .with_context(|| format!("writing {}", path.display()))
}

/// A new, empty backup folder: `.backend-path/backups/<unix seconds>-<n>`, never one that
/// exists already, so two resets in the same second keep both backups.
pub fn new_backup_dir() -> Result<PathBuf> {
    let backups = dir()?.join("backups");
    std::fs::create_dir_all(&backups)?;
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs();
    for n in 1.. {
        let candidate = backups.join(format!("{seconds}-{n}"));
        match std::fs::create_dir(&candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e).with_context(|| format!("creating {}", candidate.display())),
        }
    }
    unreachable!("some backup number is free")
}
