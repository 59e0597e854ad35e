//! The runner's own promises, proven on checks that misbehave on purpose: a panic is shown,
//! an endless loop times out, a stack overflow or an abort fails only its own check, a wrong
//! answer shows called/expected/got, a `todo!()` is named, a process a check leaves
//! behind is killed when the check ends, and the fork that runs a check gets the seed the
//! parent derived for it, unchanged.
//!
//! Each misbehaving check must fail *with the right message* (`Expect::FailWith`); the
//! well-behaved one must pass. After the run, `main` verifies that the orphan is gone.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use harness::runner::Entry;
use harness::{Expect, Group, Plan, expect_eq};

const GROUP: Group = Group::new("isolation", 1, "tests/isolation.rs");

/// Where a check records the pid of the process it leaves behind: named after the parent
/// test process, which both sides know.
fn orphan_pid_file(parent: u32) -> PathBuf {
    std::env::temp_dir().join(format!("backend-path-orphan-{parent}"))
}

/// Recursion with no base case; the frame holds a buffer so the stack fills up quickly.
#[allow(unconditional_recursion)]
fn recurse_forever(frame: [u8; 1024]) -> u8 {
    let next = std::hint::black_box(frame);
    recurse_forever(next).wrapping_add(next[0])
}

fn entry(check: harness::Check, expect: Expect) -> Entry {
    Entry {
        label: check.id(),
        check,
        expect,
    }
}

fn main() -> ExitCode {
    let entries = vec![
        entry(GROUP.check("passes", "-", |_| Ok(())), Expect::Pass),
        entry(
            GROUP.check("wrong_answer", "-", |_| expect_eq("add(1, 1)", 2, 3)),
            Expect::FailWith("called:   add(1, 1)\nexpected: 2\ngot:      3"),
        ),
        entry(
            GROUP.check("panics", "-", |_| {
                panic!("the index is 7 but the length is 3")
            }),
            Expect::FailWith("the index is 7 but the length is 3"),
        ),
        entry(
            GROUP.check("todo", "-", |_| todo!()),
            Expect::FailWith("not implemented yet: the `todo!()` at"),
        ),
        entry(
            GROUP
                .check("loops_forever", "-", |_| {
                    loop {
                        std::hint::spin_loop();
                    }
                })
                .timeout(Duration::from_millis(500)),
            Expect::FailWith("timed out after 0.5 s"),
        ),
        entry(
            GROUP.check("overflows_its_stack", "-", |_| {
                recurse_forever([0; 1024]);
                Ok(())
            }),
            Expect::FailWith("stack overflow"),
        ),
        entry(
            GROUP
                .check("loops_forever_in_a_named_call", "-", |_| {
                    harness::child::calling("spin(7)");
                    loop {
                        std::hint::spin_loop();
                    }
                })
                .timeout(Duration::from_millis(500)),
            Expect::FailWith(
                "timed out after 0.5 s: an endless loop, or far slower than required?\nwhile calling: spin(7)",
            ),
        ),
        entry(
            GROUP.check("overflows_its_stack_in_a_named_call", "-", |_| {
                harness::child::calling("parse(\"((((…\")");
                recurse_forever([0; 1024]);
                Ok(())
            }),
            Expect::FailWith(
                "stack overflow: unbounded recursion, or recursion as deep as the input?\nwhile calling: parse(\"((((…\")",
            ),
        ),
        entry(
            GROUP.check("aborts", "-", |_| std::process::abort()),
            Expect::FailWith("SIGABRT"),
        ),
        entry(
            GROUP.check("exits", "-", |_| std::process::exit(3)),
            Expect::FailWith("exited with exit status: 3 before reporting"),
        ),
        entry(
            GROUP.check("gets_its_own_seed", "-", |ctx| {
                let suite = harness::seed::suite_seed()?;
                let expected = harness::seed::check_seed(suite, "isolation::gets_its_own_seed");
                expect_eq("ctx.seed (in the fork)", expected, ctx.seed)
            }),
            Expect::Pass,
        ),
        entry(
            GROUP.check("leaves_a_process_behind", "-", |_| {
                let child = std::process::Command::new("sleep")
                    .arg("300")
                    .spawn()
                    .map_err(|e| format!("cannot start sleep: {e}"))?;
                let parent = std::env::var(harness::worker::PARENT_VAR)
                    .map_err(|_| "the check does not know the test process")?;
                let parent: u32 = parent.parse().map_err(|_| "a bad parent pid")?;
                std::fs::write(orphan_pid_file(parent), child.id().to_string())
                    .map_err(|e| format!("cannot record the pid: {e}"))?;
                std::mem::forget(child);
                Ok(())
            }),
            Expect::Pass,
        ),
    ];
    let plan = Plan {
        step: harness::steps::step(1),
        title: "isolation self-test",
        crate_dir: "crates/harness".into(),
        entries,
        is_grading: false,
        golden_dir: None,
        golden_by_shape: false,
    };
    let code = harness::run_plan(plan);

    // Only the parent gets here (a child exits inside run_plan): the orphan must be gone.
    let pid_file = orphan_pid_file(std::process::id());
    let filtered_out = std::env::args().skip(1).any(|arg| !arg.starts_with('-'));
    if let Ok(pid) = std::fs::read_to_string(&pid_file) {
        let _ = std::fs::remove_file(&pid_file);
        // SIGKILL is sent when the check ends, but the kernel needs the process scheduled
        // once to finish it: on a loaded machine that takes a moment. Allow a few seconds.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while is_running(pid.trim()) && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        if is_running(pid.trim()) {
            eprintln!("FAILED: process {pid} started by a check outlived it by 5 s");
            return ExitCode::FAILURE;
        }
        println!("the process a check left behind was killed with its check: ok");
    } else if !filtered_out {
        eprintln!("FAILED: the check leaves_a_process_behind recorded no pid in {pid_file:?}");
        return ExitCode::FAILURE;
    }
    code
}

/// Whether `pid` is a live process: gone, a zombie (`Z`) or dead (`X`) all count as ended.
fn is_running(pid: &str) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    // The state follows the command name, which is in parentheses and may hold spaces.
    let state = stat.rsplit_once(") ").map(|(_, rest)| rest.chars().next());
    !matches!(state, Some(Some('Z' | 'X')))
}
