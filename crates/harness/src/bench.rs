//! Helpers for the criterion benches that put the learner's code beside the reference and
//! std. The one thing benches need beyond criterion: skip the learner's side while it still
//! panics (`todo!()`), instead of aborting the whole bench run.

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
