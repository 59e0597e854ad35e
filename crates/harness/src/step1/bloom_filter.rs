//! Kata `bloom_filter` (grade 5): a Bloom filter sized from the expected item count and the
//! target false-positive rate.
//!
//! Checks: worked examples (the sizing formulas, invalid rates, an empty filter), no false
//! negatives ever (random sets, also when over-filled), the false-positive rate measured on a
//! fixed seeded set of absent keys (deterministic: the same keys every run), and a memory
//! gate: the bytes allocated for n items must stay near m/8 (bits, not bytes per bit).

use std::hash::Hash;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::btree_set;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq};
use crate::counting::measure;
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::learner::{self, Erased, Learner, Table, down, down_mut};

/// The kata's API, as the suite sees it. The grade macro implements it with
/// `<crate>::bloom_filter::BloomFilter`.
pub trait BloomFilter {
    type Filter;
    fn with_rate(expected_items: usize, fp_rate: f64) -> Option<Self::Filter>;
    fn insert<T: Hash + ?Sized + 'static>(filter: &mut Self::Filter, item: &T);
    fn might_contain<T: Hash + ?Sized + 'static>(filter: &Self::Filter, item: &T) -> bool;
    fn num_bits(filter: &Self::Filter) -> usize;
    fn num_hashes(filter: &Self::Filter) -> u32;
}

pub const GROUP: Group = super::GROUPS.bloom_filter;

pub fn checks<K: BloomFilter + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "m = ceil(-n·ln(p) / ln(2)²) bits and k = max(1, round(m/n · ln 2)) hashes, with n \
             at least 1; a rate outside 0 < p < 1 (or NaN) is None",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "no_false_negatives",
            "insert must set every one of the k bits that might_contain later tests for the \
             same item: derive both from the same hashes, in the same way",
            |ctx| {
                let rate = prop_oneof![Just(0.5), Just(0.1), Just(0.01), Just(0.001)];
                // A BTreeSet, not a HashSet: the insertion order (and so which item a broken
                // filter drops, and the shrunk input it is shown) is the same in every run.
                let items = btree_set(any::<u64>(), 0..300);
                for_all(
                    ctx,
                    150,
                    (items, rate, 1usize..4),
                    |(items, rate, overfill)| {
                        // Sized for a third, a half or all of the items: over-filled filters
                        // give more false positives, never false negatives.
                        let expected_items = items.len() / overfill;
                        let mut filter = K::with_rate(expected_items, rate).ok_or_else(|| {
                            format!("with_rate({expected_items}, {rate}) was None")
                        })?;
                        for item in &items {
                            K::insert(&mut filter, item);
                        }
                        for item in &items {
                            if !K::might_contain(&filter, item) {
                                return Err(Failure::new(format!(
                                    "a false negative: after inserting {} items into \
                                 with_rate({expected_items}, {rate}), might_contain(&{item}) \
                                 was false (it was inserted)",
                                    items.len()
                                )));
                            }
                        }
                        Ok(())
                    },
                )
            },
        ),
        GROUP.check(
            "false_positive_rate",
            "use k independent-looking bit positions per item (double hashing: \
             h1 + i·h2 mod m, with h2 odd) over exactly m bits; one hash per item, or fewer \
             bits than the formula, fills the filter with false positives",
            |_| false_positive_rate::<K>(),
        ),
        GROUP.check(
            "memory_gate",
            "store the bits packed, 64 to a u64 (vec![0u64; m.div_ceil(64)]): a Vec<bool> \
             spends a byte per bit, and storing the items defeats the point of the filter",
            |_| memory_gate::<K>(),
        ),
    ]
}

/// The sizing formulas: (m, k) for `n` expected items at rate `p`.
pub fn sizing(n: usize, p: f64) -> (usize, u32) {
    let n = n.max(1) as f64;
    let ln2 = std::f64::consts::LN_2;
    let m = (-n * p.ln() / (ln2 * ln2)).ceil();
    let k = ((m / n) * ln2).round().max(1.0);
    (m as usize, k as u32)
}

fn examples<K: BloomFilter>() -> Result<(), Failure> {
    for (n, p) in [
        (1_000, 0.01),
        (10_000, 0.001),
        (100, 0.1),
        (1, 0.5),
        (0, 0.01),
        (50, 0.999),
        (3, 1e-9),
    ] {
        let call = format!("with_rate({n}, {p})");
        let filter = K::with_rate(n, p)
            .ok_or_else(|| format!("called:   {call}\nexpected: Some(filter)\ngot:      None"))?;
        let (m, k) = sizing(n, p);
        let got_m = K::num_bits(&filter);
        if got_m + 1 < m || got_m > m + 64 {
            return Err(Failure::new(format!(
                "called:   {call}.num_bits()\nexpected: {m} (ceil(-n·ln(p) / ln(2)²); rounding \
                 up to whole u64 words is fine)\ngot:      {got_m}"
            )));
        }
        let got_k = K::num_hashes(&filter);
        let k_for_their_m = sizing_k(n, got_m);
        if got_k != k && got_k != k_for_their_m {
            return Err(Failure::new(format!(
                "called:   {call}.num_hashes()\nexpected: {k} (max(1, round(m/n · ln 2)))\n\
                 got:      {got_k}"
            )));
        }
        // A new filter contains nothing.
        for probe in 0..20u64 {
            expect_eq(
                format!("{call}, nothing inserted, then might_contain(&{probe})"),
                false,
                K::might_contain(&filter, &probe),
            )?;
        }
    }
    for p in [0.0, 1.0, -0.5, 1.5, f64::NAN, f64::INFINITY] {
        expect_eq(
            format!("with_rate(100, {p}).is_some()"),
            false,
            K::with_rate(100, p).is_some(),
        )?;
    }
    let mut filter = K::with_rate(100, 0.01).expect("checked above");
    let words = ["alice", "bob", "carol", "", "dave"];
    for word in words {
        K::insert(&mut filter, word);
    }
    for word in words {
        expect_eq(
            format!("insert {words:?} into with_rate(100, 0.01), then might_contain({word:?})"),
            true,
            K::might_contain(&filter, word),
        )?;
    }
    Ok(())
}

fn sizing_k(n: usize, m: usize) -> u32 {
    let n = n.max(1) as f64;
    ((m as f64 / n) * std::f64::consts::LN_2).round().max(1.0) as u32
}

/// A fixed, seeded sequence of distinct u64 keys (splitmix64 is a bijection).
fn keys(seed: u64, count: usize) -> impl Iterator<Item = u64> {
    (0..count as u64).map(move |i| {
        let mut z = seed.wrapping_add(i.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    })
}

fn false_positive_rate<K: BloomFilter>() -> Result<(), Failure> {
    // Integer keys at 1 %: the inserted keys are splitmix64(i) for i < 10 000, the absent
    // ones splitmix64(i) for 10 000 <= i < 110 000 (a bijection, so none was inserted).
    let (n, p, probes) = (10_000usize, 0.01, 100_000usize);
    let mut filter = K::with_rate(n, p).ok_or("with_rate(10000, 0.01) was None")?;
    let all: Vec<u64> = keys(1, n + probes).collect();
    for key in &all[..n] {
        K::insert(&mut filter, key);
    }
    let positives = all[n..]
        .iter()
        .filter(|key| K::might_contain(&filter, *key))
        .count();
    judge_rate("10 000 u64 keys", n, p, positives, probes)?;

    // String keys at 0.1 %.
    let (n, p, probes) = (5_000usize, 0.001, 100_000usize);
    let mut filter = K::with_rate(n, p).ok_or("with_rate(5000, 0.001) was None")?;
    for i in 0..n {
        K::insert(&mut filter, format!("user-{i}").as_str());
    }
    let positives = (0..probes)
        .filter(|i| K::might_contain(&filter, format!("absent-{i}").as_str()))
        .count();
    judge_rate("5 000 strings \"user-{i}\"", n, p, positives, probes)
}

fn judge_rate(
    what: &str,
    n: usize,
    p: f64,
    positives: usize,
    probes: usize,
) -> Result<(), Failure> {
    let rate = positives as f64 / probes as f64;
    if rate <= 1.5 * p {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "false-positive rate too high: with_rate({n}, {p}), then {what} inserted; \
             {positives} of {probes} absent keys answered might_contain == true: a rate of \
             {:.3}% (allowed ≤ {:.3}%, 1.5× the target)",
            rate * 100.0,
            p * 150.0
        )))
    }
}

/// Bytes allocated by `with_rate(n, 0.01)` and `n` inserts.
fn bytes_for<K: BloomFilter>(n: usize) -> u64 {
    let items: Vec<u64> = keys(7, n).collect();
    let (counts, filter) = measure(|| {
        let mut filter = K::with_rate(n, 0.01);
        if let Some(filter) = filter.as_mut() {
            for item in &items {
                K::insert(filter, item);
            }
        }
        filter
    });
    drop(filter);
    counts.allocated_bytes
}

fn memory_gate<K: BloomFilter>() -> Result<(), Failure> {
    // At 1 % the filter needs 9.59 bits (1.2 bytes) per item; allow 2 bytes.
    Gate {
        what: "bytes allocated by with_rate(n, 0.01) and n inserts",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 2.0,
        small: 1_000,
        large: 16_000,
    }
    .check(bytes_for::<K>)
}

/// Criterion group `bloom_filter`: n inserts then n lookups (half absent), for the learner's
/// code `L`, the reference `R` and std's `HashSet` (exact, and far bigger).
pub fn bench<L: BloomFilter, R: BloomFilter>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        if let Some(mut filter) = L::with_rate(10, 0.01) {
            L::insert(&mut filter, &1u64);
            let _ = L::might_contain(&filter, &1u64);
        }
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    fn run<K: BloomFilter>(items: &[u64]) -> usize {
        let n = items.len() / 2;
        let Some(mut filter) = K::with_rate(n, 0.01) else {
            return 0;
        };
        for item in &items[..n] {
            K::insert(&mut filter, item);
        }
        items
            .iter()
            .filter(|item| K::might_contain(&filter, *item))
            .count()
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let items: Vec<u64> = keys(3, 2 * n).collect();
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| run::<L>(&items))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| run::<R>(&items))
        });
        group.bench_function(BenchmarkId::new("std", n), |b| {
            b.iter(|| {
                let set: std::collections::HashSet<u64> = items[..n].iter().copied().collect();
                items.iter().filter(|item| set.contains(*item)).count()
            })
        });
    }
    group.finish();
}

/// Implements [`BloomFilter`] for `$subject` with `$krate::bloom_filter::BloomFilter`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_bloom_filter {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::bloom_filter::BloomFilter for $subject {
            type Filter = $krate::bloom_filter::BloomFilter;
            fn with_rate(expected_items: usize, fp_rate: f64) -> Option<Self::Filter> {
                $krate::bloom_filter::BloomFilter::with_rate(expected_items, fp_rate)
            }
            fn insert<T: std::hash::Hash + ?Sized>(filter: &mut Self::Filter, item: &T) {
                filter.insert(item)
            }
            fn might_contain<T: std::hash::Hash + ?Sized>(filter: &Self::Filter, item: &T) -> bool {
                filter.might_contain(item)
            }
            fn num_bits(filter: &Self::Filter) -> usize {
                filter.num_bits()
            }
            fn num_hashes(filter: &Self::Filter) -> u32 {
                filter.num_hashes()
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl BloomFilter for Learner {
    type Filter = Erased;
    fn with_rate(expected_items: usize, fp_rate: f64) -> Option<Erased> {
        TABLE.get::<fn(usize, f64) -> Option<Erased>>("with_rate")(expected_items, fp_rate)
    }
    fn insert<T: Hash + ?Sized + 'static>(filter: &mut Erased, item: &T) {
        TABLE.get::<fn(&mut Erased, &T)>("insert")(filter, item)
    }
    fn might_contain<T: Hash + ?Sized + 'static>(filter: &Erased, item: &T) -> bool {
        TABLE.get::<fn(&Erased, &T) -> bool>("might_contain")(filter, item)
    }
    fn num_bits(filter: &Erased) -> usize {
        TABLE.get::<fn(&Erased) -> usize>("num_bits")(filter)
    }
    fn num_hashes(filter: &Erased) -> u32 {
        TABLE.get::<fn(&Erased) -> u32>("num_hashes")(filter)
    }
}

/// Registers `S`'s functions for [`Learner`], at the item types the checks use.
pub fn register<S: BloomFilter>()
where
    S::Filter: 'static,
{
    fn items<S: BloomFilter, T: Hash + ?Sized + 'static>(fns: &mut learner::Fns)
    where
        S::Filter: 'static,
    {
        fns.add::<fn(&mut Erased, &T)>("insert", |filter, item| {
            S::insert(down_mut::<S::Filter>(filter), item)
        });
        fns.add::<fn(&Erased, &T) -> bool>("might_contain", |filter, item| {
            S::might_contain(down::<S::Filter>(filter), item)
        });
    }
    TABLE.fill(|fns| {
        fns.add::<fn(usize, f64) -> Option<Erased>>("with_rate", |expected_items, fp_rate| {
            S::with_rate(expected_items, fp_rate).map(learner::erase)
        });
        fns.add::<fn(&Erased) -> usize>("num_bits", |filter| {
            S::num_bits(down::<S::Filter>(filter))
        });
        fns.add::<fn(&Erased) -> u32>("num_hashes", |filter| {
            S::num_hashes(down::<S::Filter>(filter))
        });
        items::<S, u64>(fns);
        items::<S, str>(fns);
    });
}
