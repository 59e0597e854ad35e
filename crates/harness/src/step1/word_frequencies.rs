//! Kata `word_frequencies` (grade 1): the k most frequent words of a text, ties broken
//! alphabetically.
//!
//! The kata has two functions: `top_k` counts and ranks any words (generic, so the gate can
//! hand it instrumented ones), and `top_words` splits a text into lowercase words and calls
//! it. Checks: worked examples, agreement with a HashMap-and-sort model on random word
//! lists and random texts, and a gate on the comparisons and hashes of the words.

use std::collections::HashMap;
use std::hash::Hash;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::counting::{Counted, measure};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::inputs::Lcg;
use crate::step1::learner::{Learner, Table};

/// The kata's API, as the suite sees it. The grade macro implements it by calling
/// `<crate>::word_frequencies::{top_words, top_k}`.
pub trait WordFrequencies {
    fn top_words(text: &str, k: usize) -> Vec<(String, usize)>;
    fn top_k<W: Hash + Ord + Clone + 'static>(words: &[W], k: usize) -> Vec<(W, usize)>;
}

pub const GROUP: Group = super::GROUPS.word_frequencies;

/// The answer by definition: count in a HashMap, sort everything by count (descending) then
/// word (ascending), keep the first k.
fn model<W: Hash + Ord + Clone>(words: &[W], k: usize) -> Vec<(W, usize)> {
    let mut counts: HashMap<W, usize> = HashMap::new();
    for word in words {
        *counts.entry(word.clone()).or_insert(0) += 1;
    }
    let mut ranked: Vec<(W, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(k);
    ranked
}

/// The words of a text by definition: split on non-alphanumeric characters, lowercase.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The same words, lowercased after the whole text (a correct answer too: the doc only asks
/// for `str::to_lowercase`, and lowercasing first can split a word such as `İSTANBUL`,
/// whose `i̇` ends in a combining dot that is not alphanumeric).
fn words_of_lowercased_text(text: &str) -> Vec<String> {
    words_of(&text.to_lowercase())
}

/// Words in several scripts: Greek has a final sigma (`ΟΔΟΣ` lowercases to `οδος`, not
/// `οδοσ`), which lowercasing one `char` at a time gets wrong.
const VOCABULARY: [&str; 18] = [
    "get",
    "Get",
    "GET",
    "api",
    "API",
    "v1",
    "200",
    "404",
    "éclair",
    "Éclair",
    "a",
    "b",
    "ΟΔΟΣ",
    "οδος",
    "ΣΑΣ",
    "Привет",
    "ПРИВЕТ",
    "İSTANBUL",
];
const SEPARATORS: [&str; 8] = [" ", " ", ", ", "/", "\n", "!", "'", " -- "];

pub fn checks<K: WordFrequencies + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "count with a HashMap<&W, usize>, then sort the (word, count) pairs by count \
             descending and, on equal counts, by word ascending; keep the first k",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "top_k_matches_model",
            "ties on the count go alphabetically (the smaller word first); k larger than the \
             number of distinct words returns them all; k = 0 returns nothing",
            |ctx| {
                for_all(ctx, 300, (vec(0u8..12, 0..60), 0usize..8), |(words, k)| {
                    expect_eq(
                        format!("top_k(&{}, {k})", show(&words)),
                        model(&words, k),
                        K::top_k(&words, k),
                    )
                })
            },
        ),
        GROUP.check(
            "top_words_matches_model",
            "a word is a maximal run of alphanumeric characters (char::is_alphanumeric, so \
             digits and letters like 'é' count), lowercased with str::to_lowercase (not one \
             char at a time: a Greek word ends in ς, not σ); everything else, apostrophes \
             included, separates words",
            |ctx| {
                let text = vec((select(&VOCABULARY[..]), select(&SEPARATORS[..])), 0..30).prop_map(
                    |pieces| {
                        pieces
                            .into_iter()
                            .flat_map(|(word, separator)| [word, separator])
                            .collect::<String>()
                    },
                );
                for_all(ctx, 300, (text, 0usize..6), |(text, k)| {
                    let got = K::top_words(&text, k);
                    if got == model(&words_of_lowercased_text(&text), k) {
                        return Ok(());
                    }
                    expect_eq(
                        format!("top_words({text:?}, {k})"),
                        model(&words_of(&text), k),
                        got,
                    )
                })
            },
        ),
        GROUP.check(
            "word_operation_gate",
            "count with a HashMap (one hash per word), not by searching a Vec of the words \
             seen so far (one comparison per distinct word, for every word); then sort once",
            |_| word_operation_gate::<K>(),
        ),
    ]
}

fn pairs(expected: &[(&str, usize)]) -> Vec<(String, usize)> {
    expected.iter().map(|&(w, n)| (w.to_string(), n)).collect()
}

fn examples<K: WordFrequencies>() -> Result<(), Failure> {
    type Ranking = &'static [(&'static str, usize)];
    let cases: &[(&str, usize, Ranking)] = &[
        ("the cat and the hat", 2, &[("the", 2), ("and", 1)]),
        (
            "the cat and the hat",
            4,
            &[("the", 2), ("and", 1), ("cat", 1), ("hat", 1)],
        ),
        (
            "Apple apple APPLE! banana",
            5,
            &[("apple", 3), ("banana", 1)],
        ),
        // A final sigma: ΟΔΟΣ lowercases to οδος (str::to_lowercase), not οδοσ.
        ("ΟΔΟΣ οδος Οδος", 2, &[("οδος", 3)]),
        (
            "don't stop, don't!",
            3,
            &[("don", 2), ("t", 2), ("stop", 1)],
        ),
        (
            "GET /api/v1/users 200\nGET /api/v1/users 404\nPOST /api/v1/login 200",
            3,
            &[("api", 3), ("v1", 3), ("200", 2)],
        ),
        ("Éclair éclair ÉCLAIR", 1, &[("éclair", 3)]),
        ("a b c", 0, &[]),
        ("", 3, &[]),
        ("... !!! ---", 2, &[]),
    ];
    for &(text, k, expected) in cases {
        expect_eq(
            format!("top_words({text:?}, {k})"),
            pairs(expected),
            K::top_words(text, k),
        )?;
    }
    type Counts = &'static [(u32, usize)];
    let cases: &[(&[u32], usize, Counts)] = &[
        (&[3, 1, 3, 2, 1, 3], 2, &[(3, 3), (1, 2)]),
        (&[5, 4], 5, &[(4, 1), (5, 1)]),
        (&[7, 7, 7], 1, &[(7, 3)]),
        (&[], 2, &[]),
    ];
    for &(words, k, expected) in cases {
        expect_eq(
            format!("top_k(&{words:?}, {k})"),
            expected.to_vec(),
            K::top_k(words, k),
        )?;
    }
    Ok(())
}

/// `n` pseudo-random word ids out of `n / 4` distinct ones: many repeats, many ties.
fn word_ids(n: usize) -> Vec<u32> {
    let mut rng = Lcg::from_state(0xD1B5_4A32_D192_ED03);
    (0..n).map(|_| rng.below(n as u64 / 4) as u32).collect()
}

/// Comparisons plus hashes of the words to rank `n` words (`k` = 10).
fn operations_for<K: WordFrequencies>(n: usize) -> u64 {
    let words: Vec<Counted<u32>> = word_ids(n).into_iter().map(Counted).collect();
    let (counts, ranked) = measure(|| K::top_k(&words, 10));
    drop(ranked);
    counts.comparisons + counts.hashes
}

fn word_operation_gate<K: WordFrequencies>() -> Result<(), Failure> {
    Gate {
        what: "word comparisons and hashes",
        expected: Class::NLogN,
        next_worse: Class::Quadratic,
        constant: 3.0,
        small: 500,
        large: 8_000,
    }
    .check(operations_for::<K>)
}

/// A text of about `n` words from a vocabulary of `n / 8`, with punctuation and mixed case.
fn text_of(n: usize) -> String {
    let mut text = String::new();
    for (i, id) in word_ids(n.max(8)).into_iter().enumerate() {
        let id = id / 2;
        let word = if i % 5 == 0 {
            format!("Word{id}")
        } else {
            format!("word{id}")
        };
        text.push_str(&word);
        text.push_str(if i % 7 == 0 { ", " } else { " " });
    }
    text
}

/// Criterion group `word_frequencies`: the top 10 words of a text of n words, for the
/// learner's code `L` and the reference `R` (std has no equivalent).
pub fn bench<L: WordFrequencies, R: WordFrequencies>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::top_words("a b a", 1);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let text = text_of(n);
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| L::top_words(std::hint::black_box(&text), 10))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| R::top_words(std::hint::black_box(&text), 10))
        });
    }
    group.finish();
}

/// Implements [`WordFrequencies`] for `$subject` with `$krate::word_frequencies`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_word_frequencies {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::word_frequencies::WordFrequencies for $subject {
            fn top_words(text: &str, k: usize) -> Vec<(String, usize)> {
                $krate::word_frequencies::top_words(text, k)
            }
            fn top_k<W: std::hash::Hash + Ord + Clone>(words: &[W], k: usize) -> Vec<(W, usize)> {
                $krate::word_frequencies::top_k(words, k)
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl WordFrequencies for Learner {
    fn top_words(text: &str, k: usize) -> Vec<(String, usize)> {
        TABLE.get::<fn(&str, usize) -> Vec<(String, usize)>>("top_words")(text, k)
    }
    fn top_k<W: Hash + Ord + Clone + 'static>(words: &[W], k: usize) -> Vec<(W, usize)> {
        TABLE.get::<fn(&[W], usize) -> Vec<(W, usize)>>("top_k")(words, k)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: WordFrequencies>() {
    TABLE.fill(|fns| {
        fns.add::<fn(&str, usize) -> Vec<(String, usize)>>("top_words", S::top_words);
        fns.add::<fn(&[u8], usize) -> Vec<(u8, usize)>>("top_k", S::top_k);
        fns.add::<fn(&[u32], usize) -> Vec<(u32, usize)>>("top_k", S::top_k);
        fns.add::<fn(&[Counted<u32>], usize) -> Vec<(Counted<u32>, usize)>>("top_k", S::top_k);
    });
}
