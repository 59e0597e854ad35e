//! Kata `base62` (grade 5): the short-link codec, u64 ids ⇄ `0-9A-Za-z` codes.
//!
//! Checks: worked examples, round trip over all of u64, order preserved for codes of equal
//! length, bad characters named with their position, overflow detected (an error, never a
//! wrap or a panic), and an allocation gate: `encode` allocates its `String` once and
//! `decode` allocates nothing.

use criterion::{BenchmarkId, Criterion};
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq};
use crate::counting::{counts, measure};
use crate::property::for_all;
use crate::step1::learner::{Learner, Table};

/// The 62 digits in value order; ASCII order too, which is why equal-length codes sort
/// like their numbers.
pub const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Why a code does not decode (the suite's copy of the kata's `DecodeError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    InvalidChar { ch: char, position: usize },
    Overflow,
}

/// The kata's API, as the suite sees it. The grade macro implements it with
/// `<crate>::base62::{encode, decode}`.
pub trait Base62 {
    fn encode(n: u64) -> String;
    fn decode(code: &str) -> Result<u64, DecodeError>;
}

pub const GROUP: Group = super::GROUPS.base62;

pub fn checks<K: Base62 + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "encode: repeatedly take n % 62 as the next digit from the right and divide n by \
             62 (0 is \"0\", not \"\"); decode: value = value * 62 + digit, left to right",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "round_trip",
            "decode(encode(n)) must give n back for every u64, including 0 and u64::MAX: \
             check the digit order (most significant first) and the zero case",
            |ctx| {
                let n = prop_oneof![
                    Just(0u64),
                    Just(u64::MAX),
                    0u64..10_000,
                    any::<u64>(),
                    (0u32..64).prop_map(|shift| 1u64 << shift),
                ];
                for_all(ctx, 600, n, |n| {
                    let code = K::encode(n);
                    expect_eq(
                        format!("decode(encode({n})) with encode({n}) == {code:?}"),
                        Ok(n),
                        K::decode(&code),
                    )
                })
            },
        ),
        GROUP.check(
            "order_preserved",
            "write the most significant digit first, with the alphabet in ASCII order \
             (0-9, then A-Z, then a-z): then codes of the same length sort like their numbers",
            |ctx| {
                for_all(ctx, 600, (any::<u64>(), any::<u64>()), |(a, b)| {
                    let (ca, cb) = (K::encode(a), K::encode(b));
                    if ca.len() != cb.len() {
                        return Ok(());
                    }
                    expect_eq(
                        format!("encode({a}) = {ca:?} compared with encode({b}) = {cb:?}"),
                        a.cmp(&b),
                        ca.cmp(&cb),
                    )
                })
            },
        ),
        GROUP.check(
            "invalid_characters",
            "name the first character that is not in 0-9A-Za-z and its 0-based position \
             (InvalidChar { ch, position })",
            |ctx| {
                let code = proptest::collection::vec(0usize..62, 0..10);
                let bad = prop_oneof![
                    Just('-'),
                    Just(' '),
                    Just('_'),
                    Just('/'),
                    Just('é'),
                    Just('€'),
                    Just('['),
                ];
                for_all(
                    ctx,
                    500,
                    (code, any::<prop::sample::Index>(), bad),
                    |(digits, at, ch)| {
                        let mut code: String =
                            digits.iter().map(|&d| char::from(ALPHABET[d])).collect();
                        let position = at.index(code.len() + 1);
                        code.insert(position, ch);
                        expect_eq(
                            format!("decode({code:?})"),
                            Err(DecodeError::InvalidChar { ch, position }),
                            K::decode(&code),
                        )
                    },
                )
            },
        ),
        GROUP.check(
            "overflow",
            "a code worth more than u64::MAX (\"LygHa16AHYF\") is Err(Overflow): use \
             checked_mul and checked_add, and don't judge by length alone (leading zeros are fine)",
            |ctx| {
                let digit = 0usize..62;
                let code = (
                    0usize..4,
                    proptest::collection::vec(digit, 11..16),
                    any::<bool>(),
                );
                for_all(ctx, 500, code, |(zeros, digits, near_max)| {
                    let mut code = "0".repeat(zeros);
                    if near_max {
                        // Around the boundary: u64::MAX's code with its last digits varied.
                        code.push_str("LygHa16A");
                        code.extend(digits.iter().take(3).map(|&d| char::from(ALPHABET[d])));
                    } else {
                        code.extend(digits.iter().map(|&d| char::from(ALPHABET[d])));
                    }
                    let value = code.bytes().try_fold(0u128, |acc, b| {
                        let d = ALPHABET.iter().position(|&a| a == b)? as u128;
                        acc.checked_mul(62)?.checked_add(d)
                    });
                    let expected = match value {
                        Some(v) if v <= u128::from(u64::MAX) => Ok(v as u64),
                        _ => Err(DecodeError::Overflow),
                    };
                    expect_eq(format!("decode({code:?})"), expected, K::decode(&code))
                })
            },
        ),
        GROUP.check(
            "allocation_gate",
            "build the code in a fixed buffer (a [u8; 11] array: u64::MAX has 11 digits) and \
             make ONE String at the end; decode needs no heap at all",
            |_| allocation_gate::<K>(),
        ),
    ]
}

fn examples<K: Base62>() -> Result<(), Failure> {
    let encodes: &[(u64, &str)] = &[
        (0, "0"),
        (1, "1"),
        (9, "9"),
        (10, "A"),
        (35, "Z"),
        (36, "a"),
        (61, "z"),
        (62, "10"),
        (63, "11"),
        (3_843, "zz"),
        (3_844, "100"),
        (125_000, "WW8"),
        (u64::MAX, "LygHa16AHYF"),
    ];
    for &(n, code) in encodes {
        expect_eq(format!("encode({n})"), code.to_string(), K::encode(n))?;
        expect_eq(format!("decode({code:?})"), Ok(n), K::decode(code))?;
    }
    let decodes: &[(&str, Result<u64, DecodeError>)] = &[
        ("000000000000000001", Ok(1)),
        ("00", Ok(0)),
        ("0LygHa16AHYF", Ok(u64::MAX)),
        ("", Err(DecodeError::Empty)),
        ("LygHa16AHYG", Err(DecodeError::Overflow)),
        ("zzzzzzzzzzz", Err(DecodeError::Overflow)),
        ("10000000000000000000000000", Err(DecodeError::Overflow)),
        (
            "ab-c",
            Err(DecodeError::InvalidChar {
                ch: '-',
                position: 2,
            }),
        ),
        (
            " 1",
            Err(DecodeError::InvalidChar {
                ch: ' ',
                position: 0,
            }),
        ),
        (
            "1é",
            Err(DecodeError::InvalidChar {
                ch: 'é',
                position: 1,
            }),
        ),
        (
            "+1",
            Err(DecodeError::InvalidChar {
                ch: '+',
                position: 0,
            }),
        ),
    ];
    for &(code, expected) in decodes {
        expect_eq(format!("decode({code:?})"), expected, K::decode(code))?;
    }
    Ok(())
}

fn allocation_gate<K: Base62>() -> Result<(), Failure> {
    let values: Vec<u64> = (0..1_000u64)
        .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (i % 64))
        .chain([0, u64::MAX])
        .collect();
    let mut codes = Vec::with_capacity(values.len());
    let (encoded, _) = measure(|| {
        for &n in &values {
            codes.push(K::encode(n));
        }
    });
    if encoded.allocations > values.len() as u64 {
        return Err(Failure::new(format!(
            "too many allocations: encode made {} allocations for {} numbers (allowed: one \
             per call, the returned String)",
            encoded.allocations,
            values.len()
        )));
    }
    let before = counts().allocations;
    let mut sum = 0u64;
    for code in &codes {
        sum = sum.wrapping_add(K::decode(code).unwrap_or(0));
    }
    let decoded = counts().allocations - before;
    std::hint::black_box(sum);
    if decoded > 0 {
        return Err(Failure::new(format!(
            "too many allocations: decode made {decoded} allocations for {} codes (allowed: 0)",
            codes.len()
        )));
    }
    Ok(())
}

/// Criterion group `base62`: encode then decode n numbers, for the learner's code `L`, the
/// reference `R` and std's nearest equivalent, `format!("{n:x}")` and `u64::from_str_radix`
/// (base 16).
pub fn bench<L: Base62, R: Base62>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        let _ = L::decode(&L::encode(12_345));
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in [100usize, 1_000, 10_000] {
        let values: Vec<u64> = (0..n as u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (i % 64))
            .collect();
        let run = |encode: &dyn Fn(u64) -> String, decode: &dyn Fn(&str) -> u64| {
            let mut sum = 0u64;
            for &v in &values {
                sum = sum.wrapping_add(decode(&encode(v)));
            }
            sum
        };
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| run(&L::encode, &|s| L::decode(s).unwrap_or(0)))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| run(&R::encode, &|s| R::decode(s).unwrap_or(0)))
        });
        group.bench_function(BenchmarkId::new("std", n), |b| {
            b.iter(|| {
                run(&|v| format!("{v:x}"), &|s| {
                    u64::from_str_radix(s, 16).unwrap_or(0)
                })
            })
        });
    }
    group.finish();
}

/// Implements [`Base62`] for `$subject` with `$krate::base62::{encode, decode}`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_base62 {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::base62::Base62 for $subject {
            fn encode(n: u64) -> String {
                $krate::base62::encode(n)
            }
            fn decode(code: &str) -> Result<u64, $crate::step1::base62::DecodeError> {
                use $crate::step1::base62::DecodeError as Suite;
                $krate::base62::decode(code).map_err(|error| match error {
                    $krate::base62::DecodeError::Empty => Suite::Empty,
                    $krate::base62::DecodeError::InvalidChar { ch, position } => {
                        Suite::InvalidChar { ch, position }
                    }
                    $krate::base62::DecodeError::Overflow => Suite::Overflow,
                })
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl Base62 for Learner {
    fn encode(n: u64) -> String {
        TABLE.get::<fn(u64) -> String>("encode")(n)
    }
    fn decode(code: &str) -> Result<u64, DecodeError> {
        TABLE.get::<fn(&str) -> Result<u64, DecodeError>>("decode")(code)
    }
}

/// Registers `S`'s functions for [`Learner`].
pub fn register<S: Base62>() {
    TABLE.fill(|fns| {
        fns.add::<fn(u64) -> String>("encode", S::encode);
        fns.add::<fn(&str) -> Result<u64, DecodeError>>("decode", S::decode);
    });
}
