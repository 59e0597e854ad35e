//! Performance gates that never flake: count operations at two input sizes and check both
//! the bound (count ≤ c·f(n)) and the growth between the sizes.
//!
//! The growth test is what tells complexity classes apart. Going from `n` to `16n`, an
//! O(log n) search grows its count by about 1.4×, a linear scan by 16×. The threshold sits at
//! the geometric mean of the expected class's growth and the next worse class's, as far
//! from both as it can be.
//!
//! Counting is the rule. The one exception, [`Gate::check_time_growth`], is for costs that
//! nothing can count (memory moved by `swap` or `rotate`): it judges only how the time grows,
//! with the same far-from-both threshold, and `ci/gate-flips.sh` shows it does not flip.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind, panic_any, resume_unwind};

use std::time::Duration;

use crate::check::Failure;

/// A stopwatch of the CPU time of the calling thread: unlike wall time, it does not count
/// the time the thread waits while other processes run, so a loaded machine does not
/// stretch the longer of two runs more than the shorter one.
#[derive(Debug, Clone, Copy)]
pub struct CpuClock(Duration);

impl CpuClock {
    fn now() -> Duration {
        let spec = nix::time::clock_gettime(nix::time::ClockId::CLOCK_THREAD_CPUTIME_ID)
            .expect("Linux has a per-thread CPU clock");
        Duration::new(spec.tv_sec() as u64, spec.tv_nsec() as u32)
    }

    pub fn start() -> Self {
        CpuClock(Self::now())
    }

    /// The CPU time this thread used since [`CpuClock::start`].
    pub fn elapsed(&self) -> Duration {
        Self::now().saturating_sub(self.0)
    }
}

/// How many times [`Gate::check_time_growth`] runs each size (it keeps the fastest run).
const TIMED_ROUNDS: usize = 7;

/// A complexity class, as a function of the input size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Constant,
    Log,
    Linear,
    NLogN,
    Quadratic,
}

impl Class {
    /// f(n), with log taken as log2(n + 1) + 1 so that f is never 0.
    pub fn of(self, n: usize) -> f64 {
        let n = n as f64;
        let log = (n + 1.0).log2() + 1.0;
        match self {
            Class::Constant => 1.0,
            Class::Log => log,
            Class::Linear => n,
            Class::NLogN => n * log,
            Class::Quadratic => n * n,
        }
    }

    /// How f grows from `small` to `large`.
    pub fn growth(self, small: usize, large: usize) -> f64 {
        self.of(large) / self.of(small)
    }

    pub fn name(self) -> &'static str {
        match self {
            Class::Constant => "O(1)",
            Class::Log => "O(log n)",
            Class::Linear => "O(n)",
            Class::NLogN => "O(n log n)",
            Class::Quadratic => "O(n²)",
        }
    }
}

/// A gate: `what` is counted at `small` and `large`; the code must be `expected`, and
/// `next_worse` is the class the gate must reject.
#[derive(Debug, Clone, Copy)]
pub struct Gate {
    /// What is counted, for the message: "comparisons", "hashes", "allocations", …
    pub what: &'static str,
    pub expected: Class,
    pub next_worse: Class,
    /// The constant c in count ≤ c·f(n).
    pub constant: f64,
    pub small: usize,
    pub large: usize,
}

impl Gate {
    /// The growth threshold: the geometric mean of the two classes' growths.
    pub fn growth_threshold(&self) -> f64 {
        (self.expected.growth(self.small, self.large)
            * self.next_worse.growth(self.small, self.large))
        .sqrt()
    }

    /// Runs `count(n)` at both sizes and judges the counts.
    pub fn check(&self, count: impl Fn(usize) -> u64) -> Result<(), Failure> {
        assert!(
            self.large >= 16 * self.small,
            "gate sizes must be at least 16× apart"
        );
        let at = |n: usize| {
            crate::child::calling(format_args!("the gate on {} at n = {n}", self.what));
            count(n)
        };
        let small = at(self.small);
        let bound = self.constant * self.expected.of(self.small);
        if small as f64 > bound {
            // Failed already: spare the learner the (much slower) larger size.
            return Err(Failure::new(format!(
                "too many {} for {}:\n  n = {:>8}: {:>12} {} (allowed ≤ {bound:.0})\n  \
                 (n = {} not run: the count at the smaller size is over its bound already)",
                self.what,
                self.expected.name(),
                self.small,
                small,
                self.what,
                self.large,
            )));
        }
        let large = at(self.large);
        self.judge(small, large)
    }

    /// [`Gate::check`] for code that may be hopelessly slow. `run(n, limit)` runs the code
    /// under test on an input of size `n` whose instrumentation spends on a [`Meter`] with
    /// that `limit` (100× the allowed count), and returns the count. A run that passes the
    /// limit is stopped there instead of running into its timeout, and the failure gives the
    /// count and the limit (a growth figure from a stopped run would mean nothing).
    pub fn check_metered(
        &self,
        why_stopped: &str,
        run: impl Fn(usize, u64) -> u64,
    ) -> Result<(), Failure> {
        assert!(
            self.large >= 16 * self.small,
            "gate sizes must be at least 16× apart"
        );
        let mut counts = [0u64; 2];
        for (count, n) in counts.iter_mut().zip([self.small, self.large]) {
            let allowed = self.constant * self.expected.of(n);
            let limit = (100.0 * allowed) as u64;
            crate::child::calling(format_args!("the gate on {} at n = {n}", self.what));
            match catch_unwind(AssertUnwindSafe(|| run(n, limit))) {
                Ok(spent) => *count = spent,
                Err(payload) => match payload.downcast::<OverBudget>() {
                    Ok(over) => {
                        return Err(Failure::new(format!(
                            "too many {} for {}: at n = {n} the code was stopped after {} \
                             (the limit is {limit}, 100× the {allowed:.0} allowed): \
                             {why_stopped}",
                            self.what,
                            self.expected.name(),
                            over.spent,
                        )));
                    }
                    Err(payload) => resume_unwind(payload),
                },
            }
        }
        self.judge(counts[0], counts[1])
    }

    /// A gate on time, for a cost no count can see (elements moved by `swap` or `rotate`,
    /// which no comparison or clone reveals). Only the growth is judged, never a time: the
    /// runs at the two sizes alternate, each size keeps its fastest of `TIMED_ROUNDS` runs
    /// (load only ever makes a run slower), and the threshold is the geometric mean of the
    /// two classes' growths, far from both. `run(n)` returns the time of the work alone,
    /// measured with a [`CpuClock`].
    pub fn check_time_growth(&self, run: impl Fn(usize) -> Duration) -> Result<(), Failure> {
        assert!(
            self.large >= 16 * self.small,
            "gate sizes must be at least 16× apart"
        );
        let (mut small, mut large) = (Duration::MAX, Duration::MAX);
        let started = CpuClock::start();
        let mut rounds = 0;
        for round in 0..TIMED_ROUNDS {
            rounds = round + 1;
            crate::child::calling(format_args!(
                "the gate on {} at n = {}",
                self.what, self.small
            ));
            small = small.min(run(self.small));
            crate::child::calling(format_args!(
                "the gate on {} at n = {}",
                self.what, self.large
            ));
            large = large.min(run(self.large));
            // Hopelessly slow code has shown enough: after one round, when even its fastest
            // larger run grew 2× past the limit; after three, when the runs took a second.
            let growth = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
            if growth > 2.0 * self.growth_threshold()
                || (round >= 2 && started.elapsed() > Duration::from_secs(1))
            {
                break;
            }
        }
        let growth = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
        let threshold = self.growth_threshold();
        if growth < threshold {
            return Ok(());
        }
        Err(Failure::new(format!(
            "{} grows too fast for {}:\n  n = {:>8}: {:>10.3} ms of CPU (fastest of {rounds} runs)\n  \
             n = {:>8}: {:>10.3} ms of CPU\n  growth ×{:.1} (an {} solution grows about ×{:.1}, {} \
             about ×{:.1}; limit ×{:.1})",
            self.what,
            self.expected.name(),
            self.small,
            small.as_secs_f64() * 1e3,
            self.large,
            large.as_secs_f64() * 1e3,
            growth,
            self.expected.name(),
            self.expected.growth(self.small, self.large),
            self.next_worse.name(),
            self.next_worse.growth(self.small, self.large),
            threshold,
        )))
    }

    /// Judges two counts already measured (separate from [`Gate::check`] so it can be tested).
    pub fn judge(&self, small_count: u64, large_count: u64) -> Result<(), Failure> {
        let bound = |n: usize| self.constant * self.expected.of(n);
        let growth = large_count.max(1) as f64 / small_count.max(1) as f64;
        let threshold = self.growth_threshold();
        let table = format!(
            "  n = {:>8}: {:>12} {} (allowed ≤ {:.0})\n  n = {:>8}: {:>12} {} (allowed ≤ {:.0})\n  \
             growth ×{:.1} (an {} solution grows about ×{:.1}, {} about ×{:.1}; limit ×{:.1})",
            self.small,
            small_count,
            self.what,
            bound(self.small),
            self.large,
            large_count,
            self.what,
            bound(self.large),
            growth,
            self.expected.name(),
            self.expected.growth(self.small, self.large),
            self.next_worse.name(),
            self.next_worse.growth(self.small, self.large),
            threshold,
        );
        let within_bound =
            small_count as f64 <= bound(self.small) && large_count as f64 <= bound(self.large);
        if within_bound && growth < threshold {
            Ok(())
        } else {
            Err(Failure::new(format!(
                "too many {} for {}:\n{table}",
                self.what,
                self.expected.name()
            )))
        }
    }
}

/// A count that instrumented inputs (a graph, an edge list) add to as the code under test
/// reads them. Past its limit it stops the code with an [`OverBudget`] panic, which
/// [`Gate::check_metered`] catches.
#[derive(Debug)]
pub struct Meter {
    spent: Cell<u64>,
    limit: u64,
}

/// The panic payload that stops code far over its gate's budget.
#[derive(Debug)]
pub struct OverBudget {
    pub spent: u64,
}

impl Meter {
    pub fn unlimited() -> Self {
        Meter::with_limit(u64::MAX)
    }

    pub fn with_limit(limit: u64) -> Self {
        Meter {
            spent: Cell::new(0),
            limit,
        }
    }

    /// Adds `amount`; stops the code under test once the limit is passed.
    pub fn spend(&self, amount: u64) {
        let spent = self.spent.get().saturating_add(amount);
        self.spent.set(spent);
        if spent > self.limit {
            panic_any(OverBudget { spent });
        }
    }

    pub fn spent(&self) -> u64 {
        self.spent.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search_gate() -> Gate {
        Gate {
            what: "comparisons",
            expected: Class::Log,
            next_worse: Class::Linear,
            constant: 2.0,
            small: 1_000,
            large: 64_000,
        }
    }

    #[test]
    fn logarithmic_counts_pass() {
        let gate = search_gate();
        let count = |n: usize| Class::Log.of(n) as u64;
        assert!(gate.check(count).is_ok());
    }

    #[test]
    fn linear_counts_fail_and_say_why() {
        let gate = search_gate();
        // Within the bound at the smaller size, linear from there: the growth gives it away.
        let failure = gate
            .check(|n| {
                if n == 1_000 {
                    12
                } else {
                    n as u64 / 1_000 * 12
                }
            })
            .unwrap_err();
        assert!(
            failure.message.contains("too many comparisons"),
            "{failure}"
        );
        assert!(failure.message.contains("growth"), "{failure}");
    }

    #[test]
    fn a_metered_run_is_stopped_far_over_budget_and_the_failure_says_so() {
        let gate = search_gate();
        let failure = gate
            .check_metered("it re-reads the input", |n, limit| {
                let meter = Meter::with_limit(limit);
                for _ in 0..n * n {
                    meter.spend(1);
                }
                meter.spent()
            })
            .unwrap_err();
        assert!(failure.message.contains("was stopped after"), "{failure}");
        assert!(failure.message.contains("the limit is"), "{failure}");
        assert!(!failure.message.contains("growth"), "{failure}");
        assert!(
            failure.message.contains("it re-reads the input"),
            "{failure}"
        );
        let ok = gate.check_metered("-", |n, limit| {
            let meter = Meter::with_limit(limit);
            meter.spend(Class::Log.of(n) as u64);
            meter.spent()
        });
        assert!(ok.is_ok());
    }

    #[test]
    fn a_count_over_its_bound_at_the_smaller_size_skips_the_larger_one() {
        let gate = search_gate();
        let asked = std::cell::RefCell::new(Vec::new());
        let failure = gate
            .check(|n| {
                asked.borrow_mut().push(n);
                n as u64
            })
            .unwrap_err();
        assert_eq!(*asked.borrow(), vec![1_000]);
        assert!(failure.message.contains("not run"), "{failure}");
    }

    #[test]
    fn a_time_gate_judges_growth_only() {
        let gate = Gate {
            what: "the time to sort",
            expected: Class::NLogN,
            next_worse: Class::Quadratic,
            constant: 0.0,
            small: 500,
            large: 8_000,
        };
        let nanos = |class: Class| move |n| Duration::from_nanos(Class::of(class, n) as u64);
        assert!(gate.check_time_growth(nanos(Class::NLogN)).is_ok());
        let failure = gate.check_time_growth(nanos(Class::Quadratic)).unwrap_err();
        assert!(failure.message.contains("grows too fast"), "{failure}");
    }

    #[test]
    fn n_log_n_passes_and_quadratic_fails_an_n_log_n_gate() {
        let gate = Gate {
            what: "comparisons",
            expected: Class::NLogN,
            next_worse: Class::Quadratic,
            constant: 2.0,
            small: 500,
            large: 8_000,
        };
        assert!(gate.check(|n| Class::NLogN.of(n) as u64).is_ok());
        assert!(gate.check(|n| (n * n / 4) as u64).is_err());
    }
}
