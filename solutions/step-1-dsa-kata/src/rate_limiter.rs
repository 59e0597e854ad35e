//! Reference: a token bucket with an injected clock.
//!
//! The level is kept in thousandths of a token, so refilling is exact integer arithmetic:
//! each millisecond adds `refill_per_sec` thousandths. Invariants: `level <= max_level`, and
//! `last_ms` is the latest time seen (it never moves back), so every millisecond is refilled
//! at most once. Every call is O(1) and allocates nothing.

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Not enough tokens yet: after this many milliseconds there will be.
    RetryAfter(u64),
    /// Waiting cannot help: more tokens than the capacity, or a bucket that never refills.
    Never,
}

/// Thousandths of a token per token.
const MILLI: u64 = 1_000;

/// A token bucket: up to `capacity` tokens, refilled at `refill_per_sec` tokens per second.
#[derive(Debug, Clone)]
pub struct TokenBucket {
    /// `capacity * 1000`.
    max_level: u64,
    /// Thousandths of a token added per millisecond.
    refill_per_ms: u64,
    /// Thousandths of a token in the bucket at `last_ms`.
    level: u64,
    last_ms: u64,
}

impl TokenBucket {
    /// A full bucket, created at time `now_ms`.
    pub fn new(capacity: u32, refill_per_sec: u32, now_ms: u64) -> Self {
        let max_level = u64::from(capacity) * MILLI;
        TokenBucket {
            max_level,
            refill_per_ms: u64::from(refill_per_sec),
            level: max_level,
            last_ms: now_ms,
        }
    }

    /// The level at `now_ms` (an earlier time counts as `last_ms`).
    fn level_at(&self, now_ms: u64) -> u64 {
        let elapsed = now_ms.saturating_sub(self.last_ms);
        self.level
            .saturating_add(elapsed.saturating_mul(self.refill_per_ms))
            .min(self.max_level)
    }

    /// Takes `tokens` tokens at time `now_ms` if the bucket has them; otherwise takes nothing
    /// and says how long to wait, or that waiting cannot help.
    pub fn try_acquire(&mut self, now_ms: u64, tokens: u32) -> Result<(), Denied> {
        // A request for nothing changes nothing, not even the clock.
        if tokens == 0 {
            return Ok(());
        }
        self.level = self.level_at(now_ms);
        self.last_ms = self.last_ms.max(now_ms);
        let need = u64::from(tokens) * MILLI;
        if need <= self.level {
            self.level -= need;
            Ok(())
        } else if need > self.max_level || self.refill_per_ms == 0 {
            Err(Denied::Never)
        } else {
            Err(Denied::RetryAfter(
                (need - self.level).div_ceil(self.refill_per_ms),
            ))
        }
    }

    /// How many whole tokens the bucket holds at time `now_ms` (without taking any).
    pub fn available(&self, now_ms: u64) -> u32 {
        // The level never exceeds capacity * 1000, so this fits in a u32.
        (self.level_at(now_ms) / MILLI) as u32
    }
}
