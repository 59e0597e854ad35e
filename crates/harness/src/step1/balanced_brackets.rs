//! Kata `balanced_brackets` (grade 1): check that `()`, `[]` and `{}` are balanced with a
//! stack, and say where the first error is (a byte position).
//!
//! Checks: worked examples (wrong kind, nothing open, unclosed at the end, multi-byte text),
//! agreement with a plain stack model on random texts, a 1 000 000-deep nesting that
//! recursion cannot survive, a gate on how the time grows on nested text (an O(n²) scan
//! back for each closer allocates nothing, so only time shows it, and it should fail there
//! rather than by running out of time on the deep nesting), and an allocation gate (one
//! growing stack, not one allocation per character).

use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::check::{Check, Failure, Group, expect_eq};
use crate::counting::measure;
use crate::gate::{Class, CpuClock, Gate};
use crate::property::for_all;
use crate::step1::learner::{Learner, Table};

/// Where the brackets of a text first go wrong (the learner's crate has the same enum; the
/// grade macro converts it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BracketError {
    /// A closing bracket that closes nothing, or closes the wrong kind.
    Unexpected { position: usize, found: char },
    /// The text ended with this opening bracket (the earliest still open) not closed.
    Unclosed { position: usize, opener: char },
}

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::balanced_brackets::check` and converting its error.
pub trait BalancedBrackets {
    fn check(text: &str) -> Result<(), BracketError>;
}

pub const GROUP: Group = super::GROUPS.balanced_brackets;

/// The answer by definition: a stack of the open brackets and their positions.
fn model(text: &str) -> Result<(), BracketError> {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (position, c) in text.char_indices() {
        let wanted = match c {
            '(' | '[' | '{' => {
                open.push((position, c));
                continue;
            }
            ')' => '(',
            ']' => '[',
            '}' => '{',
            _ => continue,
        };
        match open.pop() {
            Some((_, opener)) if opener == wanted => {}
            _ => return Err(BracketError::Unexpected { position, found: c }),
        }
    }
    match open.first() {
        None => Ok(()),
        Some(&(position, opener)) => Err(BracketError::Unclosed { position, opener }),
    }
}

const OPENERS: [char; 3] = ['(', '[', '{'];
const CLOSERS: [char; 3] = [')', ']', '}'];
const OTHERS: [char; 4] = ['a', 'é', ' ', '»'];

/// A text from a list of operations: open a bracket, close the innermost one properly,
/// write another character; then maybe close everything, and maybe replace one character.
fn text_from((ops, close_all, edit): (Vec<u8>, bool, Option<(Index, u8)>)) -> String {
    let mut chars = Vec::new();
    let mut open = Vec::new();
    for op in ops {
        match op {
            0..=2 => {
                chars.push(OPENERS[op as usize]);
                open.push(op as usize);
            }
            3..=5 => match open.pop() {
                Some(kind) => chars.push(CLOSERS[kind]),
                None => chars.push(CLOSERS[op as usize - 3]),
            },
            _ => chars.push(OTHERS[op as usize - 6]),
        }
    }
    if close_all {
        while let Some(kind) = open.pop() {
            chars.push(CLOSERS[kind]);
        }
    }
    if let Some((at, replacement)) = edit
        && !chars.is_empty()
    {
        let all: Vec<char> = OPENERS.into_iter().chain(CLOSERS).chain(OTHERS).collect();
        let at = at.index(chars.len());
        chars[at] = all[replacement as usize % all.len()];
    }
    chars.into_iter().collect()
}

pub fn checks<K: BalancedBrackets + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "push every opener with its byte position (char_indices gives both); on a closer, \
             pop and compare kinds; at the end, the first opener still on the stack is the \
             error",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_stack_model",
            "stop at the first closer that does not match (wrong kind, or nothing open); only \
             when every closer matched, report the EARLIEST opener still open (the bottom of \
             the stack); positions are byte offsets, not character counts",
            |ctx| {
                let ops = (
                    vec(0u8..10, 0..40),
                    any::<bool>(),
                    option::of((any::<Index>(), 0u8..10)),
                );
                for_all(ctx, 500, ops.prop_map(text_from), |text| {
                    expect_eq(format!("check({text:?})"), model(&text), K::check(&text))
                })
            },
        ),
        GROUP.check(
            "deep_nesting",
            "a text may nest a million levels deep: keep your own stack in a Vec instead of \
             recursing (the call stack overflows), and touch each character once (an O(n²) \
             approach does not finish in time)",
            |_| deep_nesting::<K>(),
        ),
        GROUP.check(
            "time_gate",
            "touch each character once: push openers on a stack and pop on a closer; walking \
             back through the text from every closer to find its opener is O(n²) on deeply \
             nested text",
            |_| time_gate::<K>(),
        ),
        GROUP.check(
            "allocation_gate",
            "keep one Vec of (position, char) as the stack: it grows by doubling, a handful \
             of allocations in all. A String per bracket (to_string, format!) or a copy of \
             the text per step allocates for every character",
            |_| allocation_gate::<K>(),
        ),
    ]
}

/// The time to check `n / 2` openers followed by their `n / 2` closers (built outside the
/// timing). One pass with a stack is O(n); scanning back from each closer for its opener
/// is O(n²) and allocates nothing, so only time shows it.
fn nested_time<K: BalancedBrackets>(n: usize) -> Duration {
    let text: String = "(".repeat(n / 2) + &")".repeat(n / 2);
    let started = CpuClock::start();
    std::hint::black_box(K::check(&text)).ok();
    started.elapsed()
}

fn time_gate<K: BalancedBrackets>() -> Result<(), Failure> {
    Gate {
        what: "the time to check n nested brackets",
        expected: Class::Linear,
        next_worse: Class::Quadratic,
        constant: 0.0,
        small: 500,
        large: 8_000,
    }
    .check_time_growth(nested_time::<K>)
}

fn examples<K: BalancedBrackets>() -> Result<(), Failure> {
    use BracketError::{Unclosed, Unexpected};
    let cases: &[(&str, Result<(), BracketError>)] = &[
        ("", Ok(())),
        ("hello", Ok(())),
        ("()[]{}", Ok(())),
        ("{[()()]}", Ok(())),
        ("fn main() { let v = vec![1, (2)]; }", Ok(())),
        (
            "(]",
            Err(Unexpected {
                position: 1,
                found: ']',
            }),
        ),
        (
            "([)]",
            Err(Unexpected {
                position: 2,
                found: ')',
            }),
        ),
        (
            ")(",
            Err(Unexpected {
                position: 0,
                found: ')',
            }),
        ),
        (
            "a)",
            Err(Unexpected {
                position: 1,
                found: ')',
            }),
        ),
        (
            "())(",
            Err(Unexpected {
                position: 2,
                found: ')',
            }),
        ),
        (
            "((",
            Err(Unclosed {
                position: 0,
                opener: '(',
            }),
        ),
        (
            "(()",
            Err(Unclosed {
                position: 0,
                opener: '(',
            }),
        ),
        (
            "x = [1, (2",
            Err(Unclosed {
                position: 4,
                opener: '[',
            }),
        ),
        (
            "é(",
            Err(Unclosed {
                position: 2,
                opener: '(',
            }),
        ),
        (
            "«(»]",
            Err(Unexpected {
                position: 5,
                found: ']',
            }),
        ),
    ];
    for (text, expected) in cases {
        expect_eq(format!("check({text:?})"), *expected, K::check(text))?;
    }
    Ok(())
}

/// `depth` nested brackets of the three kinds, then their closers, then `tail`.
fn nested(depth: usize, tail: &str) -> String {
    let mut text = String::with_capacity(2 * depth + tail.len());
    for i in 0..depth {
        text.push(OPENERS[i % 3]);
    }
    for i in (0..depth).rev() {
        text.push(CLOSERS[i % 3]);
    }
    text.push_str(tail);
    text
}

fn deep_nesting<K: BalancedBrackets>() -> Result<(), Failure> {
    const DEPTH: usize = 1_000_000;
    let balanced = nested(DEPTH, "");
    let call = "check(\"([{([{…}])}])\") (1 000 000 levels, balanced)";
    crate::child::calling(call);
    expect_eq(call, Ok(()), K::check(&balanced))?;
    let unclosed = format!("({}", nested(DEPTH, ""));
    let call = "check(\"(([{([{…}])}])\") (1 000 000 levels, the first '(' never closed)";
    crate::child::calling(call);
    expect_eq(
        call,
        Err(BracketError::Unclosed {
            position: 0,
            opener: '(',
        }),
        K::check(&unclosed),
    )
}

/// Allocations to check `depth` nested brackets, closed, then a stray closer.
fn allocations_for<K: BalancedBrackets>(depth: usize) -> u64 {
    let text = nested(depth, " )");
    let (counts, _) = measure(|| K::check(&text));
    counts.allocations
}

fn allocation_gate<K: BalancedBrackets>() -> Result<(), Failure> {
    Gate {
        what: "allocations",
        expected: Class::Log,
        next_worse: Class::Linear,
        constant: 2.0,
        small: 1_000,
        large: 64_000,
    }
    .check(allocations_for::<K>)
}

/// Criterion group `balanced_brackets`: checking n nested brackets between code-like text,
/// for the learner's code `L` and the reference `R` (std has no equivalent).
pub fn bench<L: BalancedBrackets, R: BalancedBrackets>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        let _ = L::check("([]{})");
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let mut text = String::new();
        while text.len() < n {
            text.push_str("fn f(x: [u8; 4]) { g(x[0], {1}); } ");
        }
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| L::check(std::hint::black_box(&text)))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| R::check(std::hint::black_box(&text)))
        });
    }
    group.finish();
}

/// Implements [`BalancedBrackets`] for `$subject` with `$krate::balanced_brackets::check`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_balanced_brackets {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::balanced_brackets::BalancedBrackets for $subject {
            fn check(text: &str) -> Result<(), $crate::step1::balanced_brackets::BracketError> {
                use $crate::step1::balanced_brackets::BracketError as Graded;
                use $krate::balanced_brackets::BracketError as Learner;
                $krate::balanced_brackets::check(text).map_err(|error| match error {
                    Learner::Unexpected { position, found } => {
                        Graded::Unexpected { position, found }
                    }
                    Learner::Unclosed { position, opener } => Graded::Unclosed { position, opener },
                })
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl BalancedBrackets for Learner {
    fn check(text: &str) -> Result<(), BracketError> {
        TABLE.get::<fn(&str) -> Result<(), BracketError>>("check")(text)
    }
}

/// Registers `S`'s functions for [`Learner`].
pub fn register<S: BalancedBrackets>() {
    TABLE.fill(|fns| fns.add::<fn(&str) -> Result<(), BracketError>>("check", S::check));
}
