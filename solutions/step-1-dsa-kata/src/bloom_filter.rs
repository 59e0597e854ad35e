//! Reference: a Bloom filter with double hashing.
//!
//! The bits are packed 64 to a word. An item's `k` positions are `h1 + i·h2 mod m` for
//! `i < k`, where `h1` and `h2` are two hashes of the item (`h2` made odd): the
//! `DefaultHasher` state after the item, and after one more byte. Invariant: every position of every inserted item is set, so `might_contain` never
//! answers false for an inserted item.

use std::hash::{DefaultHasher, Hash, Hasher};

/// A Bloom filter over any hashable items.
#[derive(Debug, Clone)]
pub struct BloomFilter {
    bits: Vec<u64>,
    /// Bits in use: `bits.len() * 64` rounded down to exactly `m`.
    m: usize,
    k: u32,
}

impl BloomFilter {
    /// A filter for about `expected_items` items (0 counts as 1) with false-positive rate
    /// `fp_rate`; `None` unless `0 < fp_rate < 1`.
    pub fn with_rate(expected_items: usize, fp_rate: f64) -> Option<Self> {
        // Written so that NaN fails too.
        if !(fp_rate > 0.0 && fp_rate < 1.0) {
            return None;
        }
        let n = expected_items.max(1) as f64;
        let ln2 = std::f64::consts::LN_2;
        let m = (-n * fp_rate.ln() / (ln2 * ln2)).ceil().max(1.0) as usize;
        let k = ((m as f64 / n) * ln2).round().max(1.0) as u32;
        Some(BloomFilter {
            bits: vec![0; m.div_ceil(64)],
            m,
            k,
        })
    }

    /// The `k` bit positions of `item`.
    fn positions<T: Hash + ?Sized>(&self, item: &T) -> impl Iterator<Item = usize> + use<T> {
        let mut hasher = DefaultHasher::new();
        item.hash(&mut hasher);
        let h1 = hasher.finish();
        // A second hash: `finish` leaves the hasher as it was, so one more byte gives a
        // number as well mixed as the first and independent of it. Odd, so that for an
        // even `m` the stride is not stuck on the even (or odd) positions.
        hasher.write_u8(0xb1);
        let h2 = hasher.finish() | 1;
        let m = self.m as u64;
        (0..u64::from(self.k)).map(move |i| (h1.wrapping_add(i.wrapping_mul(h2)) % m) as usize)
    }

    /// Adds `item`: sets its `k` bits.
    pub fn insert<T: Hash + ?Sized>(&mut self, item: &T) {
        for bit in self.positions(item) {
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// False if `item` was certainly never inserted; true if it probably was.
    pub fn might_contain<T: Hash + ?Sized>(&self, item: &T) -> bool {
        self.positions(item)
            .all(|bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// `m`, the number of bits in use.
    pub fn num_bits(&self) -> usize {
        self.m
    }

    /// `k`, the number of bits set per item.
    pub fn num_hashes(&self) -> u32 {
        self.k
    }
}
