//! Known-wrong variants of `bloom_filter`: one hash over an undersized bit array, a filter
//! that forgets some inserts, a `Vec<bool>` spending a byte per bit, and a filter sized with
//! k = m/n (the `ln 2` forgotten).

use std::hash::{DefaultHasher, Hash, Hasher};

use harness::Plan;
use harness::step1::bloom_filter::{BloomFilter, checks, sizing};

/// A Bloom filter with its bits in a `Vec<bool>` (so the memory fixture is the plain one),
/// `m` and `k` chosen by the fixture.
struct Filter {
    bits: Vec<bool>,
    k: u32,
    inserts: u64,
    /// Forget every `forget_every`-th insert (0: never).
    forget_every: u64,
}

impl Filter {
    fn new(m: usize, k: u32) -> Self {
        Filter {
            bits: vec![false; m.max(1)],
            k,
            inserts: 0,
            forget_every: 0,
        }
    }

    fn positions<T: Hash + ?Sized>(&self, item: &T) -> Vec<usize> {
        let mut hasher = DefaultHasher::new();
        item.hash(&mut hasher);
        let h1 = hasher.finish();
        let h2 = (h1.rotate_left(32).wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1;
        (0..u64::from(self.k))
            .map(|i| (h1.wrapping_add(i.wrapping_mul(h2)) % self.bits.len() as u64) as usize)
            .collect()
    }

    fn insert<T: Hash + ?Sized>(&mut self, item: &T) {
        self.inserts += 1;
        if self.forget_every != 0 && self.inserts.is_multiple_of(self.forget_every) {
            return;
        }
        for bit in self.positions(item) {
            self.bits[bit] = true;
        }
    }

    fn might_contain<T: Hash + ?Sized>(&self, item: &T) -> bool {
        self.positions(item).into_iter().all(|bit| self.bits[bit])
    }
}

fn valid(fp_rate: f64) -> bool {
    fp_rate > 0.0 && fp_rate < 1.0
}

macro_rules! fixture {
    ($name:ident, |$n:ident, $p:ident| $make:expr) => {
        struct $name;
        impl BloomFilter for $name {
            type Filter = Filter;
            fn with_rate($n: usize, $p: f64) -> Option<Filter> {
                valid($p).then(|| $make)
            }
            fn insert<T: Hash + ?Sized>(filter: &mut Filter, item: &T) {
                filter.insert(item)
            }
            fn might_contain<T: Hash + ?Sized>(filter: &Filter, item: &T) -> bool {
                filter.might_contain(item)
            }
            fn num_bits(filter: &Filter) -> usize {
                filter.bits.len()
            }
            fn num_hashes(filter: &Filter) -> u32 {
                filter.k
            }
        }
    };
}

// One bit per expected item and a single hash: about 63 % false positives when full.
fixture!(OneHashUndersized, |n, _p| Filter::new(n.max(1), 1));

// Right sizing, but every 10th insert is dropped (say, a race, or an early return).
fixture!(Forgetful, |n, p| {
    let (m, k) = sizing(n, p);
    Filter {
        forget_every: 10,
        ..Filter::new(m, k)
    }
});

// Right sizing and answers, but a `Vec<bool>`: 8 bits of memory per bit.
fixture!(BoolPerBit, |n, p| {
    let (m, k) = sizing(n, p);
    Filter::new(m, k)
});

// k = round(m/n) instead of round(m/n · ln 2).
fixture!(NoLn2, |n, p| {
    let (m, _) = sizing(n, p);
    let k = (m as f64 / n.max(1) as f64).round().max(1.0) as u32;
    Filter::new(m, k)
});

pub fn add(plan: Plan) -> Plan {
    plan.reject(
        "one_hash_undersized",
        checks::<OneHashUndersized>(),
        "bloom_filter::false_positive_rate",
        "false-positive rate too high",
    )
    .reject(
        "one_hash_undersized",
        checks::<OneHashUndersized>(),
        "bloom_filter::examples",
        "num_bits()",
    )
    .reject(
        "forgetful",
        checks::<Forgetful>(),
        "bloom_filter::no_false_negatives",
        "a false negative",
    )
    .reject(
        "bool_per_bit",
        checks::<BoolPerBit>(),
        "bloom_filter::memory_gate",
        "too many bytes",
    )
    .reject(
        "no_ln2",
        checks::<NoLn2>(),
        "bloom_filter::examples",
        "num_hashes()",
    )
}
