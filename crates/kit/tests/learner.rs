//! The kit as a learner uses it, on a copy of the workspace: the first board's first line, a
//! filtered run of the stubs, a misspelled kata stopping `bench` at once, a solved kata, the
//! spoiler gate of `solution`, a hint ladder climbed to its last rung, a misspelled name, two
//! resets in the same second that both keep their backup, and a reset of a step-2 area found
//! through that step's report (`reset step-2 articles`).
//!
//! The copy lives at a fixed place under cargo's test scratch directory and is synced, not
//! recreated, so unchanged files keep their times and the copy's own target directory stays
//! warm: after the first run only step 1's crate is rebuilt. (It cannot share the
//! workspace's target directory: the `cargo test` running this test holds its lock.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What the copy needs: the workspace manifest and lock, the cargo alias, every member.
const COPIED: [&str; 6] = [
    "Cargo.toml",
    "Cargo.lock",
    ".cargo",
    "crates",
    "solutions",
    "templates",
];

struct Workspace {
    root: PathBuf,
    target: PathBuf,
}

impl Workspace {
    /// The synced copy, with no reports and no kit state from an earlier run.
    fn fresh() -> Workspace {
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let workspace = Workspace {
            root: scratch.join("kit-learner-workspace"),
            target: scratch.join("kit-learner-target"),
        };
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        std::fs::create_dir_all(&workspace.root).unwrap();
        for name in COPIED {
            sync(&source.join(name), &workspace.root.join(name));
        }
        let _ = std::fs::remove_dir_all(workspace.root.join(".backend-path"));
        let _ = std::fs::remove_dir_all(workspace.target.join("backend-path"));
        workspace
    }

    fn cargo(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO"))
            .current_dir(&self.root)
            .args(args)
            .env("CARGO_TARGET_DIR", &self.target)
            .env_remove("BACKEND_PATH_REPORT")
            .env_remove("BACKEND_PATH_SEED")
            .output()
            .expect("cargo runs")
    }

    fn kit(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kit"))
            .current_dir(&self.root)
            .args(args)
            .env("BACKEND_PATH_ROOT", &self.root)
            .env("CARGO_TARGET_DIR", &self.target)
            .env_remove("BACKEND_PATH_REPORT")
            .output()
            .expect("the kit runs")
    }

    /// Starts the kit with `args`, reads stderr up to its first line, and stops it there,
    /// with the cargo it may have started (its own process group is killed).
    fn kit_first_stderr_line(&self, args: &[&str]) -> String {
        use std::io::BufRead;
        use std::os::unix::process::CommandExt;
        let mut child = Command::new(env!("CARGO_BIN_EXE_kit"))
            .process_group(0)
            .current_dir(&self.root)
            .args(args)
            .env("BACKEND_PATH_ROOT", &self.root)
            .env("CARGO_TARGET_DIR", &self.target)
            .env_remove("BACKEND_PATH_REPORT")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the kit runs");
        let mut line = String::new();
        let stderr = child.stderr.take().expect("piped");
        let _ = std::io::BufReader::new(stderr).read_line(&mut line);
        let group = format!("-{}", child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = child.wait();
        line
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    fn report(&self) -> serde_json::Value {
        let path = self.target.join("backend-path/reports/step-1.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("no report at {}: {e}", path.display()));
        serde_json::from_str(&text).expect("the report is JSON")
    }
}

/// Makes `to` hold what `from` holds: files whose bytes differ are rewritten (so cargo sees
/// them change), files that match are left alone, files `from` lacks are removed.
fn sync(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        let names: Vec<_> = std::fs::read_dir(from)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|name| name != "target")
            .collect();
        for name in &names {
            sync(&from.join(name), &to.join(name));
        }
        for entry in std::fs::read_dir(to).unwrap() {
            let entry = entry.unwrap();
            if !names.contains(&entry.file_name()) {
                let path = entry.path();
                if path.is_dir() {
                    std::fs::remove_dir_all(path).unwrap();
                } else {
                    std::fs::remove_file(path).unwrap();
                }
            }
        }
    } else {
        let bytes = std::fs::read(from).unwrap();
        if std::fs::read(to).ok().as_ref() != Some(&bytes) {
            std::fs::write(to, bytes).unwrap();
        }
    }
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Asserts that the command failed and said `expected`; returns what it printed.
fn fails_saying(output: Output, expected: &str) -> String {
    let printed = text(&output);
    assert!(
        !output.status.success(),
        "it should have failed:\n{printed}"
    );
    assert!(printed.contains(expected), "{printed}");
    printed
}

fn status_of(report: &serde_json::Value, id: &str) -> (String, Option<String>) {
    let check = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id}"));
    (
        check["status"].as_str().unwrap().to_string(),
        check["earlier"]["status"].as_str().map(String::from),
    )
}

#[test]
fn a_learner_filters_solves_asks_for_hints_and_resets() {
    let ws = Workspace::fresh();
    let kata = "crates/step-1-dsa-kata/src/two_sum.rs";

    // The very first board says, before it builds anything, that the first build is slow.
    // (It is stopped there: building every step of the copy would take minutes.)
    let first_line = ws.kit_first_stderr_line(&[]);
    assert!(
        first_line.starts_with("First run: building the grader"),
        "{first_line}"
    );

    // Several filters, on the stubs: an honest summary, and the report is written.
    let run = ws.cargo(&[
        "test",
        "-q",
        "-p",
        "step-1",
        "--test",
        "grade",
        "--",
        "two_sum",
        "lru_cache",
    ]);
    let out = text(&run);
    assert!(!run.status.success(), "{out}");
    let ran = ["two_sum::", "lru_cache::"]
        .iter()
        .map(|group| {
            out.lines()
                .filter(|l| l.starts_with(&format!("test {group}")))
                .count()
        })
        .sum::<usize>();
    assert!(ran >= 6, "{out}");
    assert!(
        out.contains(&format!(
            "0/{ran} checks pass in this run (filter: two_sum, lru_cache)"
        )),
        "{out}"
    );
    assert!(out.contains("step-1 stands at 0/"), "{out}");
    assert!(!out.contains("done"), "{out}");
    assert_eq!(status_of(&ws.report(), "lru_cache::examples").0, "fail");

    // A misspelled kata stops `bench` at once, with a suggestion, before any benching.
    let started = std::time::Instant::now();
    let bench = fails_saying(ws.kit(&["bench", "lru_cahce"]), "did you mean `lru_cache`?");
    assert!(!bench.contains("Benchmarking"), "{bench}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));

    // A solved kata, graded on its own: the run passes, the step is not called done, and
    // the checks not run keep their last verdict, marked as such.
    std::fs::copy(
        ws.path("solutions/step-1-dsa-kata/src/two_sum.rs"),
        ws.path(kata),
    )
    .unwrap();
    let run = ws.cargo(&[
        "test", "-q", "-p", "step-1", "--test", "grade", "--", "two_sum",
    ]);
    let out = text(&run);
    assert!(run.status.success(), "{out}");
    assert!(
        out.contains("3/3 checks pass in this run (filter: two_sum)"),
        "{out}"
    );
    assert!(out.contains("step-1 stands at 3/"), "{out}");
    assert!(!out.contains("step-1 done"), "{out}");
    assert!(out.contains("next: "), "{out}");
    let report = ws.report();
    assert_eq!(status_of(&report, "two_sum::examples").0, "pass");
    assert_eq!(
        status_of(&report, "lru_cache::examples"),
        ("not_run".to_string(), Some("fail".to_string()))
    );

    // The reference: shown for a kata that passes, a spoiler gate for one that does not.
    let shown = ws.kit(&["solution", "two_sum"]);
    assert!(shown.status.success(), "{}", text(&shown));
    assert!(text(&shown).contains("pub fn two_sum"), "{}", text(&shown));
    fails_saying(ws.kit(&["solution", "lru_cache"]), "would be a spoiler");
    let forced = ws.kit(&["solution", "lru_cache", "--force"]);
    assert!(text(&forced).contains("Spoiler"), "{}", text(&forced));

    // The hint ladder: one more rung per call, up to the last, which stays.
    let rungs = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "lru_cache::examples")
        .unwrap()["hints"]
        .as_array()
        .unwrap()
        .len();
    for rung in 1..=rungs {
        let hint = text(&ws.kit(&["hint", "lru_cache"]));
        assert!(hint.contains(&format!("  hint {rung}/{rungs}  ")), "{hint}");
        let next = format!("  hint {}/{rungs}  ", rung + 1);
        assert!(!hint.contains(&next), "one rung per call: {hint}");
    }
    let last = text(&ws.kit(&["hint", "lru_cache"]));
    assert!(last.contains("that is the last hint"), "{last}");
    fails_saying(ws.kit(&["hint", "lru_cahce"]), "did you mean `lru_cache`?");

    // Reset: a dry run first, then two real ones in the same second, each backed up.
    let dry = text(&ws.kit(&["reset", "step-1", "two_sum"]));
    assert!(
        dry.contains("restore") && dry.contains("Nothing changed yet"),
        "{dry}"
    );
    let solved = std::fs::read_to_string(ws.path(kata)).unwrap();
    assert!(
        ws.kit(&["reset", "step-1", "two_sum", "--yes"])
            .status
            .success()
    );
    let template =
        std::fs::read_to_string(ws.path("templates/step-1-dsa-kata/src/two_sum.rs")).unwrap();
    assert_eq!(std::fs::read_to_string(ws.path(kata)).unwrap(), template);
    std::fs::write(ws.path(kata), "// second attempt\n").unwrap();
    assert!(
        ws.kit(&["reset", "step-1", "two_sum", "--yes"])
            .status
            .success()
    );
    let backups: Vec<String> = std::fs::read_dir(ws.path(".backend-path/backups"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path().join(kata)).unwrap())
        .collect();
    assert_eq!(backups.len(), 2, "one backup per reset");
    assert!(backups.contains(&solved) && backups.contains(&"// second attempt\n".to_string()));
    let ignore = std::fs::read_to_string(ws.path(".backend-path/.gitignore")).unwrap();
    assert!(
        ignore.lines().any(|l| l == "*"),
        "the kit's state is git-ignored"
    );

    // Step 2: an area's file comes from the step's report (its checks name their file), so
    // `reset step-2 articles` restores src/handlers/articles.rs, even one that no longer
    // compiles, and keeps the broken attempt.
    let graded = ws.cargo(&["test", "-q", "-p", "step-2", "--test", "grade"]);
    assert!(!graded.status.success(), "{}", text(&graded));
    let articles = "crates/step-2-json-api/src/handlers/articles.rs";
    std::fs::write(ws.path(articles), "fn half_written(\n").unwrap();
    let reset = ws.kit(&["reset", "step-2", "articles", "--yes"]);
    assert!(reset.status.success(), "{}", text(&reset));
    assert!(text(&reset).contains(articles), "{}", text(&reset));
    let template =
        std::fs::read_to_string(ws.path("templates/step-2-json-api/src/handlers/articles.rs"))
            .unwrap();
    assert_eq!(
        std::fs::read_to_string(ws.path(articles)).unwrap(),
        template
    );
    let kept = std::fs::read_dir(ws.path(".backend-path/backups"))
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path().join(articles)).ok())
        .collect::<Vec<_>>();
    assert_eq!(
        kept,
        ["fn half_written(\n"],
        "the broken attempt is backed up"
    );
    fails_saying(
        ws.kit(&["reset", "step-2", "articels", "--yes"]),
        "did you mean `articles`?",
    );
}
