//! Known-wrong variants of `rate_limiter`: a refill without the cap, a retry time rounded
//! down, a clock that moves back with `now`, a request for 0 tokens that moves the clock,
//! and a sliding log that stores every request and replays it (right answers, O(n) memory
//! and time per call).

use harness::Plan;
use harness::step1::rate_limiter::{Denied, RateLimiter, checks};

/// A correct bucket with its mistakes switched on by flags.
#[derive(Clone, Copy)]
struct Bucket {
    max_level: u64,
    rate: u64,
    level: u64,
    last: u64,
}

#[derive(Clone, Copy, PartialEq)]
enum Bug {
    /// No bug: the sliding log replays with this.
    Correct,
    NoCap,
    FloorWait,
    ClockMovesBack,
    /// A request for 0 tokens refills and moves the clock (the doc says it changes nothing).
    ZeroMovesClock,
}

impl Bucket {
    fn new(capacity: u32, rate: u32, now: u64) -> Self {
        Bucket {
            max_level: u64::from(capacity) * 1_000,
            rate: u64::from(rate),
            level: u64::from(capacity) * 1_000,
            last: now,
        }
    }

    fn level_at(&self, now: u64, bug: Bug) -> u64 {
        let refilled = self
            .level
            .saturating_add(now.saturating_sub(self.last).saturating_mul(self.rate));
        if bug == Bug::NoCap {
            refilled
        } else {
            refilled.min(self.max_level)
        }
    }

    fn try_acquire(&mut self, now: u64, tokens: u32, bug: Bug) -> Result<(), Denied> {
        if tokens == 0 && bug != Bug::ZeroMovesClock {
            return Ok(());
        }
        self.level = self.level_at(now, bug);
        self.last = if bug == Bug::ClockMovesBack {
            now
        } else {
            self.last.max(now)
        };
        let need = u64::from(tokens) * 1_000;
        if need <= self.level {
            self.level -= need;
            Ok(())
        } else if need > self.max_level || self.rate == 0 {
            Err(Denied::Never)
        } else if bug == Bug::FloorWait {
            Err(Denied::RetryAfter((need - self.level) / self.rate))
        } else {
            Err(Denied::RetryAfter((need - self.level).div_ceil(self.rate)))
        }
    }
}

macro_rules! buggy {
    ($name:ident, $bug:expr) => {
        struct $name;
        impl RateLimiter for $name {
            type Bucket = Bucket;
            fn new(capacity: u32, refill_per_sec: u32, now_ms: u64) -> Bucket {
                Bucket::new(capacity, refill_per_sec, now_ms)
            }
            fn try_acquire(b: &mut Bucket, now_ms: u64, tokens: u32) -> Result<(), Denied> {
                b.try_acquire(now_ms, tokens, $bug)
            }
            fn available(b: &Bucket, now_ms: u64) -> u32 {
                (b.level_at(now_ms, $bug) / 1_000).min(u64::from(u32::MAX)) as u32
            }
        }
    };
}

buggy!(Uncapped, Bug::NoCap);
buggy!(FloorWait, Bug::FloorWait);
buggy!(ClockMovesBack, Bug::ClockMovesBack);
buggy!(ZeroMovesClock, Bug::ZeroMovesClock);

/// A sliding log: remembers every request and replays the whole history on each
/// call. Its answers are right; its memory and time per call grow with the history.
struct ReplayLog;

struct Log {
    capacity: u32,
    rate: u32,
    start: u64,
    requests: Vec<(u64, u32)>,
}

impl Log {
    /// The bucket's state at `now`, replayed from the start.
    fn replay(&self) -> Bucket {
        let mut bucket = Bucket::new(self.capacity, self.rate, self.start);
        for &(at, tokens) in &self.requests {
            let _ = bucket.try_acquire(at, tokens, Bug::Correct);
        }
        bucket
    }
}

impl RateLimiter for ReplayLog {
    type Bucket = Log;
    fn new(capacity: u32, refill_per_sec: u32, now_ms: u64) -> Log {
        Log {
            capacity,
            rate: refill_per_sec,
            start: now_ms,
            requests: Vec::new(),
        }
    }
    fn try_acquire(log: &mut Log, now_ms: u64, tokens: u32) -> Result<(), Denied> {
        let mut bucket = log.replay();
        let verdict = bucket.try_acquire(now_ms, tokens, Bug::Correct);
        // Refused requests are logged too (taking 0 tokens): they moved the clock forward.
        log.requests
            .push((now_ms, if verdict.is_ok() { tokens } else { 0 }));
        verdict
    }
    fn available(log: &Log, now_ms: u64) -> u32 {
        (log.replay().level_at(now_ms, Bug::Correct) / 1_000) as u32
    }
}

pub fn add(plan: Plan) -> Plan {
    plan.reject(
        "uncapped",
        checks::<Uncapped>(),
        "rate_limiter::examples",
        "b.available(100000)",
    )
    .reject(
        "uncapped",
        checks::<Uncapped>(),
        "rate_limiter::matches_model",
        "a random input failed",
    )
    .reject(
        "floor_wait",
        checks::<FloorWait>(),
        "rate_limiter::matches_model",
        "RetryAfter",
    )
    .reject(
        "clock_moves_back",
        checks::<ClockMovesBack>(),
        "rate_limiter::examples",
        "time going backwards",
    )
    .reject(
        "zero_moves_clock",
        checks::<ZeroMovesClock>(),
        "rate_limiter::examples",
        "a request for 0 tokens changes nothing",
    )
    .reject(
        "replay_log",
        checks::<ReplayLog>(),
        "rate_limiter::allocation_gate",
        "too many bytes allocated",
    )
}
