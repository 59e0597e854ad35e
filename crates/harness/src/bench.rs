//! Helpers for the benches: the criterion benches that put the learner's code beside the
//! reference and std (skip the learner's side while it still panics, `todo!()`, instead of
//! aborting the whole bench run), and the throughput benches of steps 2–3 (their sizes and
//! counts from the environment).

use std::panic::{AssertUnwindSafe, catch_unwind};

/// The input sizes every kata is benched at (each kata may pick its own).
pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// Whether `probe` runs without panicking. Quiet: the panic message is not printed.
pub fn runs(probe: impl FnOnce()) -> bool {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let ok = catch_unwind(AssertUnwindSafe(probe)).is_ok();
    std::panic::set_hook(previous);
    ok
}

/// Says why the learner's side of a group is skipped.
pub fn skip_learner(group: &str) {
    eprintln!("{group}: your code still panics (todo!()?); benching the reference and std only");
}

/// The whole number in the environment variable `name`, or `default` when it is unset or
/// not a number.
pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// The comma-separated whole numbers in `name` (`SIZES=100,1000`), or `default` when it is
/// unset or holds none.
pub fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(name)
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| default.to_vec())
}
