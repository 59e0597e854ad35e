//! The grading engine of Backend Path.
//!
//! A *suite* is the list of graded *checks* for one step. Each check has a name, a group
//! (a kata or an API area), a grade, a hint and a timeout. The runner hands the checks to
//! `libtest-mimic`, so `cargo test -p step-N` looks and filters like any cargo test, and it
//! runs every check in a process of its own, forked from a warm copy of the test binary
//! ([`worker`]): a check that loops forever, overflows its stack or aborts fails on its own
//! and the other verdicts survive.
//!
//! A suite is written once and used three ways:
//! - `cargo test -p step-N` grades the learner's crate (every check must pass);
//! - the reference in `solutions/` is graded by the same suite in the kit's own `cargo test`;
//! - the pristine stub in `templates/` must fail every non-trivial check.
//!
//! Start reading at [`check`] (what a check is), then [`runner`] (how checks are run).

// The grader isolates each check in a forked process group and stops servers with signals:
// Unix only. On Windows, use WSL (see the README's "On Windows"). Every item below is
// `cfg(unix)`, so that on Windows this message is the one error a learner sees.
#[cfg(not(unix))]
compile_error!(
    "Backend Path runs on Linux or macOS. On Windows, install WSL (`wsl --install` in \
     PowerShell), clone the repository inside WSL's Linux file system and run cargo there: \
     see README.md, \"On Windows\"."
);

#[cfg(unix)]
pub mod bench;
#[cfg(unix)]
pub mod check;
#[cfg(unix)]
pub mod child;
#[cfg(all(unix, feature = "conduit"))]
pub mod conduit;
#[cfg(unix)]
pub mod counting;
#[cfg(unix)]
pub mod filters;
#[cfg(unix)]
pub mod gate;
#[cfg(unix)]
pub mod golden;
#[cfg(unix)]
pub mod hints;
#[cfg(all(unix, feature = "conduit"))]
pub mod http;
#[cfg(unix)]
pub mod paths;
#[cfg(unix)]
pub mod property;
#[cfg(unix)]
pub mod report;
#[cfg(unix)]
pub mod runner;
#[cfg(unix)]
pub mod seed;
#[cfg(unix)]
pub mod step1;
#[cfg(unix)]
pub mod steps;
#[cfg(unix)]
pub mod suite;
#[cfg(unix)]
pub mod summary;
#[cfg(unix)]
pub mod worker;

#[cfg(unix)]
pub use check::{Check, Context, Failure, Group, expect_eq, show};
#[cfg(unix)]
pub use criterion;
#[cfg(unix)]
pub use runner::{Expect, Plan, Rejection, rejects, run_plan};
#[cfg(unix)]
pub use suite::Suite;

/// Grades a suite: every check must pass. The `main` of a step's `tests/grade.rs`.
#[cfg(unix)]
pub fn grade(suite: Suite) -> std::process::ExitCode {
    run_plan(Plan::grade(suite))
}

/// Self-test of a pristine stub: every non-trivial check must fail.
#[cfg(unix)]
pub fn expect_stub_fails(suite: Suite) -> std::process::ExitCode {
    run_plan(Plan::stub_must_fail(suite))
}

#[cfg(all(test, unix))]
mod tests {
    /// On Windows the `compile_error!` above must be the only error: every item of this file
    /// is `cfg(unix)` (ci/check-windows-message.sh shows it on a real cross-check).
    #[test]
    fn every_item_of_the_crate_root_is_unix_only() {
        let source = include_str!("lib.rs");
        let lines: Vec<&str> = source.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.starts_with("pub ") {
                let attribute = lines[..i].iter().rev().find(|l| !l.starts_with("///"));
                assert!(
                    attribute.is_some_and(|a| a.starts_with("#[cfg(") && a.contains("unix")),
                    "lib.rs line {}: `{line}` is not cfg(unix)",
                    i + 1
                );
            }
        }
    }
}
