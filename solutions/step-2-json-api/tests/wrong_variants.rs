//! Known-wrong variants of the step-2 reference, kept as fixtures (`fixtures/*.rs`, built as
//! extra binaries of this package): each must be rejected by the check that is there to
//! catch it, for the right reason. This is how the kit proves its HTTP checks can fail.

use harness::Plan;
use harness::step2::suite;

fn main() -> std::process::ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    let plan = Plan::fixtures("step-2", dir)
        .reject(
            "truncate_write",
            suite(env!("CARGO_BIN_EXE_fixture-truncate-write"), dir).checks,
            "durability::replaced_by_rename",
            "kept the same inode",
        )
        .reject(
            "bad_json_500",
            suite(env!("CARGO_BIN_EXE_fixture-bad-json-500"), dir).checks,
            "errors::malformed_json_4xx",
            "500 Internal Server Error",
        )
        .reject(
            "lost_update",
            suite(env!("CARGO_BIN_EXE_fixture-lost-update"), dir).checks,
            "concurrency::concurrent_creates",
            "lost update",
        )
        // The checks a pristine stub passes by design (`.trivial()`) are proven here.
        .reject(
            "wrong_listening_line",
            suite(env!("CARGO_BIN_EXE_fixture-wrong-listening-line"), dir).checks,
            "server::prints_listening_line",
            "exactly",
        )
        .reject(
            "no_healthz",
            suite(env!("CARGO_BIN_EXE_fixture-no-healthz"), dir).checks,
            "server::healthz",
            "404 Not Found",
        )
        .reject(
            "no_graceful_shutdown",
            suite(env!("CARGO_BIN_EXE_fixture-no-graceful-shutdown"), dir).checks,
            "shutdown::sigterm_exits_0",
            "SIGTERM",
        )
        .reject(
            "no_graceful_shutdown",
            suite(env!("CARGO_BIN_EXE_fixture-no-graceful-shutdown"), dir).checks,
            "shutdown::sigterm_finishes_in_flight",
            "expected: 201 Created: a request in flight",
        );
    harness::run_plan(plan)
}
