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
// Unix only. On Windows, use WSL (see the README's "On Windows").
#[cfg(not(unix))]
compile_error!(
    "Backend Path runs on Linux or macOS. On Windows, install WSL (`wsl --install` in \
     PowerShell), clone the repository inside WSL's Linux file system and run cargo there: \
     see README.md, \"On Windows\"."
);

pub mod bench;
pub mod check;
pub mod child;
#[cfg(feature = "conduit")]
pub mod conduit;
pub mod counting;
pub mod filters;
pub mod gate;
pub mod golden;
pub mod hints;
#[cfg(feature = "conduit")]
pub mod http;
pub mod paths;
pub mod property;
pub mod report;
pub mod runner;
pub mod seed;
pub mod step1;
pub mod steps;
pub mod suite;
pub mod summary;
pub mod worker;

pub use check::{Check, Context, Failure, Group, expect_eq, show};
pub use criterion;
pub use runner::{Expect, Plan, Rejection, rejects, run_plan};
pub use suite::Suite;

/// Grades a suite: every check must pass. The `main` of a step's `tests/grade.rs`.
pub fn grade(suite: Suite) -> std::process::ExitCode {
    run_plan(Plan::grade(suite))
}

/// Self-test of a pristine stub: every non-trivial check must fail.
pub fn expect_stub_fails(suite: Suite) -> std::process::ExitCode {
    run_plan(Plan::stub_must_fail(suite))
}
