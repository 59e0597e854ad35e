//! # Kata: token-bucket rate limiter (grade 5)
//!
//! An API protects itself from floods with a rate limit: "each client may make 5 requests
//! at once, then 2 per second". The classic way is a **token bucket**. The bucket holds up
//! to `capacity` tokens and starts full; it refills at `refill_per_sec` tokens per second,
//! never beyond `capacity`; a request takes `tokens` tokens if the bucket has them, and is
//! refused otherwise (refused requests take nothing). A full bucket allows a burst of
//! `capacity` requests; after that the steady rate is `refill_per_sec`. A real server keeps
//! one bucket per client key (a `HashMap<ClientId, TokenBucket>`); this kata is the bucket.
//!
//! **The clock is injected.** Every call receives the current time, `now_ms`, in
//! milliseconds. The bucket never reads a wall clock, so it can be tested deterministically
//! (and the grader does exactly that).
//!
//! ```text
//! let mut b = TokenBucket::new(5, 2, 1_000);   // capacity 5, 2 tokens/s, created at t = 1000 ms
//! b.try_acquire(1_000, 5)  == Ok(())           // the burst: the bucket starts full
//! b.try_acquire(1_000, 1)  == Err(Denied::RetryAfter(500))   // one token takes 500 ms
//! b.try_acquire(1_250, 1)  == Err(Denied::RetryAfter(250))   // half a token so far
//! b.try_acquire(1_500, 1)  == Ok(())
//! b.available(2_500)       == 2                // whole tokens now, without taking any
//! b.available(100_000)     == 5                // never more than the capacity
//! b.try_acquire(100_000, 6) == Err(Denied::Never)  // more than the bucket can ever hold
//! ```
//!
//! **Exact arithmetic.** Keep the level in *thousandths* of a token (a `u64`): each elapsed
//! millisecond adds exactly `refill_per_sec` thousandths, and the cap is `capacity * 1000`.
//! Floating point drifts (0.001 × 3 added 333 times is not 0.999) and the grader compares
//! with exact arithmetic. `RetryAfter(ms)` is the smallest wait after which the same request
//! would succeed: `ceil(missing thousandths / refill_per_sec)` — round UP (3 tokens/s and one
//! missing token: 334 ms, because after 333 ms only 999 thousandths are there).
//!
//! **Edge cases:**
//! - `tokens == 0` always succeeds and changes nothing, not even the bucket's clock: like
//!   `available`, it only looks (a later call with an earlier `now_ms` still refills from
//!   the last time a real request or `new` set the clock).
//! - `tokens > capacity` (so also any request on a capacity-0 bucket): `Err(Denied::Never)`.
//! - `refill_per_sec == 0` is a fixed quota: once it is spent, `Err(Denied::Never)`.
//! - Time going backwards (a clock adjusted by NTP, two servers' clocks): a `now_ms` earlier
//!   than the latest time the bucket has seen counts as that latest time — no refill, and
//!   the bucket's clock does not move back (otherwise the same milliseconds would be
//!   refilled twice when time moves forward again). `RetryAfter` is then counted from the
//!   latest time seen.
//! - Huge jumps (`now_ms == u64::MAX` after a day of silence): `elapsed * refill_per_sec`
//!   overflows a u64, so use `saturating_mul`/`saturating_add` (or cap first).
//!
//! **Required:** O(1) time and memory per call. The grader counts the bytes allocated over
//! 256 and over 4 096 calls: a bucket needs none. Storing a log of past requests (a
//! "sliding log") and replaying or scanning it grows with every request.
//!
//! **Where to start:** fields `capacity`, `refill_per_sec`, `level` (thousandths) and
//! `last_ms`. A private `refill(&mut self, now_ms)` does the catch-up: if `now_ms > last_ms`,
//! add the elapsed time's tokens, cap, and set `last_ms = now_ms`. `try_acquire` refills,
//! then compares. `available` does the same arithmetic on copies, without changing `self`.

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Not enough tokens yet: after this many milliseconds there will be.
    RetryAfter(u64),
    /// Waiting cannot help: more tokens than the capacity, or a bucket that never refills.
    Never,
}

/// A token bucket: up to `capacity` tokens, refilled at `refill_per_sec` tokens per second.
#[derive(Debug, Clone)]
pub struct TokenBucket {
    // Your fields here.
}

impl TokenBucket {
    /// A full bucket, created at time `now_ms`.
    pub fn new(capacity: u32, refill_per_sec: u32, now_ms: u64) -> Self {
        let _ = (capacity, refill_per_sec, now_ms);
        todo!()
    }

    /// Takes `tokens` tokens at time `now_ms` if the bucket has them; otherwise takes nothing
    /// and says how long to wait, or that waiting cannot help.
    pub fn try_acquire(&mut self, now_ms: u64, tokens: u32) -> Result<(), Denied> {
        let _ = (now_ms, tokens);
        todo!()
    }

    /// How many whole tokens the bucket holds at time `now_ms` (without taking any).
    pub fn available(&self, now_ms: u64) -> u32 {
        let _ = now_ms;
        todo!()
    }
}
