//! Kata `rate_limiter` (grade 5): a token bucket driven by an injected clock.
//!
//! The caller passes the time (`now_ms`) into every call, so the checks run without a wall
//! clock and always see the same verdicts. Checks: worked examples (burst, refill, the cap,
//! exact retry times, time going backwards, huge time jumps), random call sequences against a
//! millisecond-by-millisecond model, and a gate on the bytes allocated over n calls: a bucket
//! is a few numbers, so a call must not allocate (a log of every request grows).

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq};
use crate::counting::measure;
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::learner::{self, Erased, Learner, Table, down, down_mut};

/// Why a request is refused (the suite's copy of the kata's `Denied`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Not enough tokens yet: this many milliseconds from now there will be.
    RetryAfter(u64),
    /// Waiting cannot help: more tokens than the capacity, or a bucket that never refills.
    Never,
}

/// The kata's API, as the suite sees it. The grade macro implements it with
/// `<crate>::rate_limiter::TokenBucket`.
pub trait RateLimiter {
    type Bucket;
    fn new(capacity: u32, refill_per_sec: u32, now_ms: u64) -> Self::Bucket;
    fn try_acquire(bucket: &mut Self::Bucket, now_ms: u64, tokens: u32) -> Result<(), Denied>;
    fn available(bucket: &Self::Bucket, now_ms: u64) -> u32;
}

pub const GROUP: Group = super::GROUPS.rate_limiter;

pub fn checks<K: RateLimiter + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "keep the level in thousandths of a token and the time of the last refill; on each \
             call add (now - last) * refill_per_sec, cap it at capacity * 1000, and never let \
             an earlier `now` move the clock back",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_model",
            "a refused request takes nothing; a request for 0 tokens is granted and changes \
             nothing, not even the bucket's clock (return before the refill); RetryAfter is \
             the SMALLEST wait that is enough: ceil(missing thousandths / refill_per_sec), \
             rounded up, not down",
            |ctx| {
                let op = (
                    -300i64..1_500,
                    prop_oneof![3 => (0u32..24).prop_map(Some), 1 => Just(None)],
                );
                let rate = prop_oneof![
                    1 => Just(0u32),
                    3 => 1u32..10,
                    3 => 10u32..2_000,
                ];
                let bucket = (0u32..21, rate, vec(op, 1..40));
                for_all(ctx, 250, bucket, |(capacity, rate, ops)| {
                    let start = 1_000_000u64;
                    let mut bucket = K::new(capacity, rate, start);
                    let mut model = Model::new(capacity, rate, start);
                    let mut now = start;
                    let mut calls =
                        format!("let mut b = TokenBucket::new({capacity}, {rate}, {start});");
                    for (dt, request) in ops {
                        now = now.saturating_add_signed(dt);
                        match request {
                            Some(tokens) => {
                                calls.push_str(&format!("\nb.try_acquire({now}, {tokens})"));
                                let expected = model.try_acquire(now, tokens);
                                let got = K::try_acquire(&mut bucket, now, tokens);
                                expect_eq(&calls, expected, got)?;
                            }
                            None => {
                                calls.push_str(&format!("\nb.available({now})"));
                                let expected = model.available(now);
                                let got = K::available(&bucket, now);
                                expect_eq(&calls, expected, got)?;
                            }
                        }
                    }
                    Ok(())
                })
            },
        ),
        GROUP.check(
            "allocation_gate",
            "a bucket is two or three numbers updated in place: a call must not allocate \
             (don't keep a log of past requests and replay it)",
            |_| allocation_gate::<K>(),
        ),
    ]
}

/// The simple model: the level in thousandths of a token, refilled one millisecond at a time.
#[derive(Clone, Copy)]
struct Model {
    capacity: u64,
    rate: u64,
    level: u64,
    last: u64,
}

impl Model {
    fn new(capacity: u32, rate: u32, now: u64) -> Self {
        Model {
            capacity: u64::from(capacity) * 1_000,
            rate: u64::from(rate),
            level: u64::from(capacity) * 1_000,
            last: now,
        }
    }

    fn refill(&mut self, now: u64) {
        while self.last < now {
            self.last += 1;
            self.level = (self.level + self.rate).min(self.capacity);
            if self.level == self.capacity {
                self.last = now;
            }
        }
    }

    fn available(&self, now: u64) -> u32 {
        let mut copy = *self;
        copy.refill(now);
        (copy.level / 1_000) as u32
    }

    fn try_acquire(&mut self, now: u64, tokens: u32) -> Result<(), Denied> {
        // A request for nothing is granted and changes nothing, not even the clock.
        if tokens == 0 {
            return Ok(());
        }
        self.refill(now);
        let need = u64::from(tokens) * 1_000;
        if need <= self.level {
            self.level -= need;
            return Ok(());
        }
        if need > self.capacity || self.rate == 0 {
            return Err(Denied::Never);
        }
        // The smallest wait w with level + w * rate >= need.
        let mut wait = (need - self.level) / self.rate;
        while self.level + wait * self.rate < need {
            wait += 1;
        }
        Err(Denied::RetryAfter(wait))
    }
}

fn examples<K: RateLimiter>() -> Result<(), Failure> {
    type Step = (u64, Option<u32>, Result<u32, Denied>);
    // (now_ms, Some(tokens) = try_acquire / None = available, expected: Ok(available) or
    // Ok(0) for a granted request, Err for a refused one).
    let scripts: &[(&str, u32, u32, u64, &[Step])] = &[
        (
            "burst, then refill at 2 tokens/s",
            5,
            2,
            1_000,
            &[
                (1_000, Some(5), Ok(0)),
                (1_000, Some(1), Err(Denied::RetryAfter(500))),
                (1_000, None, Ok(0)),
                (1_250, None, Ok(0)),
                (1_250, Some(1), Err(Denied::RetryAfter(250))),
                (1_500, Some(1), Ok(0)),
                (1_500, Some(3), Err(Denied::RetryAfter(1_500))),
                (2_500, None, Ok(2)),
                (100_000, None, Ok(5)),
                (100_000, Some(6), Err(Denied::Never)),
                (100_000, Some(5), Ok(0)),
                (100_000, None, Ok(0)),
            ],
        ),
        (
            "a refused request takes nothing",
            5,
            2,
            0,
            &[
                (0, Some(3), Ok(0)),
                (0, Some(3), Err(Denied::RetryAfter(500))),
                (0, Some(2), Ok(0)),
                (0, Some(0), Ok(0)),
            ],
        ),
        (
            "a request for 0 tokens changes nothing, not even the bucket's clock",
            5,
            2,
            10_000,
            &[
                (10_000, Some(5), Ok(0)),
                (12_000, Some(0), Ok(0)),
                (11_000, None, Ok(2)),
                (11_000, Some(2), Ok(0)),
                (11_000, Some(1), Err(Denied::RetryAfter(500))),
            ],
        ),
        (
            "time going backwards: no refill, and the clock stays at the latest time seen",
            5,
            2,
            10_000,
            &[
                (10_000, Some(5), Ok(0)),
                (9_000, Some(1), Err(Denied::RetryAfter(500))),
                (9_000, None, Ok(0)),
                (10_500, Some(1), Ok(0)),
                (10_500, Some(1), Err(Denied::RetryAfter(500))),
            ],
        ),
        (
            "fractions of a token: 3 tokens/s is 3 thousandths per millisecond",
            1,
            3,
            0,
            &[
                (0, Some(1), Ok(0)),
                (0, Some(1), Err(Denied::RetryAfter(334))),
                (333, None, Ok(0)),
                (333, Some(1), Err(Denied::RetryAfter(1))),
                (334, Some(1), Ok(0)),
            ],
        ),
        (
            "capacity 0: only requests for 0 tokens succeed",
            0,
            10,
            0,
            &[
                (0, Some(0), Ok(0)),
                (0, Some(1), Err(Denied::Never)),
                (50_000, None, Ok(0)),
            ],
        ),
        (
            "refill rate 0: a fixed quota",
            3,
            0,
            0,
            &[
                (0, Some(2), Ok(0)),
                (0, Some(2), Err(Denied::Never)),
                (1_000_000, Some(1), Ok(0)),
                (2_000_000, None, Ok(0)),
            ],
        ),
        (
            "a huge jump in time: no overflow, still capped",
            10,
            1_000,
            0,
            &[
                (0, Some(10), Ok(0)),
                (u64::MAX, None, Ok(10)),
                (u64::MAX, Some(10), Ok(0)),
                (u64::MAX, Some(1), Err(Denied::RetryAfter(1))),
            ],
        ),
    ];
    for &(what, capacity, rate, start, steps) in scripts {
        let mut bucket = K::new(capacity, rate, start);
        let mut calls =
            format!("// {what}\nlet mut b = TokenBucket::new({capacity}, {rate}, {start});");
        for &(now, request, expected) in steps {
            match request {
                Some(tokens) => {
                    calls.push_str(&format!("\nb.try_acquire({now}, {tokens})"));
                    let got = K::try_acquire(&mut bucket, now, tokens);
                    expect_eq(&calls, expected.map(|_| ()), got)?;
                }
                None => {
                    calls.push_str(&format!("\nb.available({now})"));
                    let got = K::available(&bucket, now);
                    expect_eq(&calls, expected.unwrap_or(0), got)?;
                }
            }
        }
    }
    Ok(())
}

/// Bytes allocated by `n` calls (half try_acquire, half available) on one bucket, after `new`.
fn bytes_for<K: RateLimiter>(n: usize) -> u64 {
    let mut bucket = K::new(10, 100, 0);
    let (counts, _) = measure(|| {
        let mut granted = 0u64;
        for i in 0..n as u64 {
            let now = i * 7;
            if i % 2 == 0 {
                granted += u64::from(K::try_acquire(&mut bucket, now, 1).is_ok());
            } else {
                granted += u64::from(K::available(&bucket, now));
            }
        }
        std::hint::black_box(granted)
    });
    counts.allocated_bytes
}

fn allocation_gate<K: RateLimiter>() -> Result<(), Failure> {
    Gate {
        what: "bytes allocated over n calls",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 64.0,
        small: 256,
        large: 4_096,
    }
    .check(bytes_for::<K>)
}

/// Criterion group `rate_limiter`: n requests against one bucket, for the learner's code `L`
/// and the reference `R` (std has no rate limiter).
pub fn bench<L: RateLimiter, R: RateLimiter>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        let mut bucket = L::new(10, 100, 0);
        let _ = L::try_acquire(&mut bucket, 5, 1);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    fn run<K: RateLimiter>(n: usize) -> u64 {
        let mut bucket = K::new(100, 1_000, 0);
        let mut granted = 0u64;
        for i in 0..n as u64 {
            granted += u64::from(K::try_acquire(&mut bucket, i / 2, 1).is_ok());
        }
        granted
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| b.iter(|| run::<L>(n)));
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| b.iter(|| run::<R>(n)));
    }
    group.finish();
}

/// Implements [`RateLimiter`] for `$subject` with `$krate::rate_limiter::TokenBucket`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_rate_limiter {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::rate_limiter::RateLimiter for $subject {
            type Bucket = $krate::rate_limiter::TokenBucket;
            fn new(capacity: u32, refill_per_sec: u32, now_ms: u64) -> Self::Bucket {
                $krate::rate_limiter::TokenBucket::new(capacity, refill_per_sec, now_ms)
            }
            fn try_acquire(
                bucket: &mut Self::Bucket,
                now_ms: u64,
                tokens: u32,
            ) -> Result<(), $crate::step1::rate_limiter::Denied> {
                use $crate::step1::rate_limiter::Denied as Suite;
                bucket
                    .try_acquire(now_ms, tokens)
                    .map_err(|denied| match denied {
                        $krate::rate_limiter::Denied::RetryAfter(ms) => Suite::RetryAfter(ms),
                        $krate::rate_limiter::Denied::Never => Suite::Never,
                    })
            }
            fn available(bucket: &Self::Bucket, now_ms: u64) -> u32 {
                bucket.available(now_ms)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl RateLimiter for Learner {
    type Bucket = Erased;
    fn new(capacity: u32, refill_per_sec: u32, now_ms: u64) -> Erased {
        TABLE.get::<fn(u32, u32, u64) -> Erased>("new")(capacity, refill_per_sec, now_ms)
    }
    fn try_acquire(bucket: &mut Erased, now_ms: u64, tokens: u32) -> Result<(), Denied> {
        TABLE.get::<fn(&mut Erased, u64, u32) -> Result<(), Denied>>("try_acquire")(
            bucket, now_ms, tokens,
        )
    }
    fn available(bucket: &Erased, now_ms: u64) -> u32 {
        TABLE.get::<fn(&Erased, u64) -> u32>("available")(bucket, now_ms)
    }
}

/// Registers `S`'s functions for [`Learner`].
pub fn register<S: RateLimiter>()
where
    S::Bucket: 'static,
{
    TABLE.fill(|fns| {
        fns.add::<fn(u32, u32, u64) -> Erased>("new", |capacity, refill_per_sec, now_ms| {
            learner::erase(S::new(capacity, refill_per_sec, now_ms))
        });
        fns.add::<fn(&mut Erased, u64, u32) -> Result<(), Denied>>(
            "try_acquire",
            |bucket, now_ms, tokens| S::try_acquire(down_mut::<S::Bucket>(bucket), now_ms, tokens),
        );
        fns.add::<fn(&Erased, u64) -> u32>("available", |bucket, now_ms| {
            S::available(down::<S::Bucket>(bucket), now_ms)
        });
    });
}
