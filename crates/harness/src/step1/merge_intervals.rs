//! Kata `merge_intervals` (grade 1): merge the bookings of a calendar into the busy periods.
//!
//! Bookings are half-open ranges `start..end`. Checks: worked examples (touching, contained,
//! empty and reversed bookings), agreement with a slot-by-slot model on random calendars,
//! and a comparison-count gate that tells sort-then-sweep (O(n log n)) from O(n²).

use std::ops::Range;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::strategy::Strategy;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::counting::{Counted, measure};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::inputs::Lcg;
use crate::step1::learner::{Learner, Table};

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::merge_intervals::merge`.
pub trait MergeIntervals {
    fn merge<T: Ord + 'static>(bookings: Vec<Range<T>>) -> Vec<Range<T>>;
}

pub const GROUP: Group = super::GROUPS.merge_intervals;

/// The answer by definition, for small numbers: mark every slot some booking covers, then
/// read off the runs of marked slots. Touching bookings give adjacent slots, one run.
fn model(bookings: &[Range<u8>]) -> Vec<Range<u8>> {
    let mut busy = [false; 256];
    for booking in bookings {
        for slot in booking.clone() {
            busy[slot as usize] = true;
        }
    }
    let mut merged = Vec::new();
    let mut slot = 0;
    while slot < busy.len() {
        if busy[slot] {
            let start = slot;
            while slot < busy.len() && busy[slot] {
                slot += 1;
            }
            merged.push(start as u8..slot as u8);
        } else {
            slot += 1;
        }
    }
    merged
}

pub fn checks<K: MergeIntervals + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "sort the bookings by start, then sweep: a booking that starts at or before the \
             end of the last merged period (start <= end: touching counts) extends it to the \
             larger of the two ends; otherwise it opens a new period. Drop empty bookings",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_model",
            "the result must be sorted by start, free of empty periods, and no two periods may \
             overlap or touch; a booking inside another must not shorten it (take the max of \
             the ends)",
            |ctx| {
                let booking = (0u8..40, 0u8..40)
                    .prop_map(|(a, b)| if a % 5 == 0 { b..a } else { a.min(b)..a.max(b) });
                for_all(ctx, 400, vec(booking, 0..25), |bookings| {
                    expect_eq(
                        format!("merge({})", show(&bookings)),
                        model(&bookings),
                        K::merge(bookings.clone()),
                    )
                })
            },
        ),
        GROUP.check(
            "comparison_gate",
            "sort once with the standard library's sort_by (O(n log n)) and sweep once; \
             insertion into a sorted Vec, or scanning the merged list for every booking, is \
             O(n²)",
            |_| comparison_gate::<K>(),
        ),
    ]
}

fn examples<K: MergeIntervals>() -> Result<(), Failure> {
    // (start, end) pairs, turned into ranges below.
    type Calendar = &'static [(u32, u32)];
    let cases: &[(Calendar, Calendar)] = &[
        (
            &[(1, 3), (2, 6), (8, 10), (15, 18)],
            &[(1, 6), (8, 10), (15, 18)],
        ),
        (&[(5, 7), (1, 3)], &[(1, 3), (5, 7)]),
        (&[(1, 3), (4, 6)], &[(1, 3), (4, 6)]),
        (&[(1, 10), (2, 3)], &[(1, 10)]),
        (&[(6, 8), (1, 9), (2, 4)], &[(1, 9)]),
        (&[(1, 4), (4, 5)], &[(1, 5)]),
        (&[(3, 4), (1, 2), (2, 3)], &[(1, 4)]),
        (&[], &[]),
        (&[(3, 3)], &[]),
        (&[(7, 2)], &[]),
        (&[(1, 3), (5, 5), (8, 6), (2, 4)], &[(1, 4)]),
        (&[(2, 5), (2, 5), (2, 3)], &[(2, 5)]),
    ];
    let ranges =
        |pairs: Calendar| -> Vec<Range<u32>> { pairs.iter().map(|&(s, e)| s..e).collect() };
    for &(bookings, expected) in cases {
        let bookings = ranges(bookings);
        let call = format!("merge({bookings:?})");
        expect_eq(call, ranges(expected), K::merge(bookings))?;
    }
    Ok(())
}

/// `n` shuffled bookings, about 10 apart and up to 12 long, so that some overlap, some
/// touch and many stand alone.
fn calendar(n: usize) -> Vec<Range<u32>> {
    let mut rng = Lcg::from_state(0x2545_F491_4F6C_DD1D);
    let mut next = move || rng.next_bits() as u32;
    let mut bookings: Vec<Range<u32>> = (0..n as u32)
        .map(|i| {
            let start = 10 * i + next() % 3;
            start..start + 1 + next() % 12
        })
        .collect();
    for i in (1..bookings.len()).rev() {
        let j = next() as usize % (i + 1);
        bookings.swap(i, j);
    }
    bookings
}

/// Comparisons to merge `n` shuffled bookings.
fn comparisons_for<K: MergeIntervals>(n: usize) -> u64 {
    let bookings: Vec<Range<Counted<u32>>> = calendar(n)
        .into_iter()
        .map(|r| Counted(r.start)..Counted(r.end))
        .collect();
    let (counts, merged) = measure(|| K::merge(bookings));
    drop(merged);
    counts.comparisons
}

fn comparison_gate<K: MergeIntervals>() -> Result<(), Failure> {
    Gate {
        what: "comparisons",
        expected: Class::NLogN,
        next_worse: Class::Quadratic,
        constant: 2.0,
        small: 500,
        large: 8_000,
    }
    .check(comparisons_for::<K>)
}

/// Criterion group `merge_intervals`: merging n shuffled bookings (the input is cloned in
/// every iteration, on both sides), for the learner's code `L` and the reference `R` (std has
/// no interval merge).
pub fn bench<L: MergeIntervals, R: MergeIntervals>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::merge(vec![1u32..3, 2..4]);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let bookings = calendar(n);
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| L::merge(bookings.clone()))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| R::merge(bookings.clone()))
        });
    }
    group.finish();
}

/// Implements [`MergeIntervals`] for `$subject` with `$krate::merge_intervals::merge`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_merge_intervals {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::merge_intervals::MergeIntervals for $subject {
            fn merge<T: Ord>(bookings: Vec<std::ops::Range<T>>) -> Vec<std::ops::Range<T>> {
                $krate::merge_intervals::merge(bookings)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl MergeIntervals for Learner {
    fn merge<T: Ord + 'static>(bookings: Vec<Range<T>>) -> Vec<Range<T>> {
        TABLE.get::<fn(Vec<Range<T>>) -> Vec<Range<T>>>("merge")(bookings)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: MergeIntervals>() {
    TABLE.fill(|fns| {
        fns.add::<fn(Vec<Range<u8>>) -> Vec<Range<u8>>>("merge", S::merge);
        fns.add::<fn(Vec<Range<u32>>) -> Vec<Range<u32>>>("merge", S::merge);
        fns.add::<fn(Vec<Range<Counted<u32>>>) -> Vec<Range<Counted<u32>>>>("merge", S::merge);
    });
}
