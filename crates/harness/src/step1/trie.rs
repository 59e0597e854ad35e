//! Kata `trie` (grade 3): a prefix tree for autocomplete.
//!
//! Checks: worked examples (prefix counts, sorted completions, the empty word, duplicates),
//! random operation sequences against a `BTreeSet` model, and a gate that counts the symbol
//! comparisons, hashes and clones per prefix query with 1 000 and 16 000 stored words: a
//! trie answers in time that depends on the prefix and the answer, not on how many words it
//! holds. The kata is generic over the symbol type so the gate can use counting symbols.
//!
//! A second gate, on words that all share a long prefix, closes the gap the first one
//! leaves: a sorted `Vec` of words with binary search answers the random queries above in
//! log2(n) word comparisons of a symbol or two each, and log n barely grows between the two
//! sizes. When the words share their first 64 symbols, every probe of a binary search
//! compares all 64 again (about log2(n) comparisons per query symbol: 10 at n = 1 000),
//! while a trie walks each symbol of the query once (1 or 2 comparisons or hashes per symbol
//! with a two-letter alphabet below the shared prefix). The bound, 4 per symbol, sits far
//! from both.

use std::collections::BTreeSet;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq};
use crate::counting::{Counted, measure};
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::inputs::Lcg;
use crate::step1::learner::{self, Erased, Fns, Learner, Table, down, down_mut};

/// The kata's API, as the suite sees it. The grade macro implements it with
/// `<crate>::trie::Trie`.
pub trait Trie {
    type Tree<S: Ord + Clone>;
    fn new<S: Ord + Clone + 'static>() -> Self::Tree<S>;
    fn insert<S: Ord + Clone + 'static>(trie: &mut Self::Tree<S>, word: &[S]) -> bool;
    fn contains<S: Ord + Clone + 'static>(trie: &Self::Tree<S>, word: &[S]) -> bool;
    fn count_prefix<S: Ord + Clone + 'static>(trie: &Self::Tree<S>, prefix: &[S]) -> usize;
    fn starts_with<S: Ord + Clone + 'static>(trie: &Self::Tree<S>, prefix: &[S]) -> Vec<Vec<S>>;
    fn len<S: Ord + Clone + 'static>(trie: &Self::Tree<S>) -> usize;
    fn is_empty<S: Ord + Clone + 'static>(trie: &Self::Tree<S>) -> bool;
}

pub const GROUP: Group = super::GROUPS.trie;

pub fn checks<K: Trie + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "mark the node where a word ends (a prefix of a word is not a word), and keep in \
             every node the number of words below it; inserting a word twice changes nothing",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_model",
            "starts_with returns every stored word that begins with the prefix (the prefix \
             itself included when it is a word), in sorted order: visit children in \
             ascending symbol order, a node's own word before its children's",
            |ctx| {
                let ops = vec(op_strategy(), 0..50);
                for_all(ctx, 250, ops, |ops| matches_model::<K>(&ops))
            },
        ),
        GROUP.check(
            "prefix_cost_gate",
            "walk down from the root one symbol at a time, then answer from the node you reach: \
             its stored count, its subtree; never look at the words outside that subtree",
            |_| prefix_cost_gate::<K>(),
        ),
        GROUP.check(
            "shared_prefix_gate",
            "a sorted list of words (binary search included) compares the whole shared start \
             of the words again at every probe; a trie walks each symbol of the query once, \
             from the root down, and never compares a query with a stored word",
            |_| shared_prefix_gate::<K>(),
        ),
    ]
}

fn chars(word: &str) -> Vec<char> {
    word.chars().collect()
}

fn strings(words: Vec<Vec<char>>) -> Vec<String> {
    words.into_iter().map(|w| w.into_iter().collect()).collect()
}

fn examples<K: Trie>() -> Result<(), Failure> {
    let mut t = K::new::<char>();
    // The inserts so far; a failure shows them and then the call that went wrong.
    let mut trail = String::from("let mut t = Trie::new();");
    expect_eq(query(&trail, "len()"), 0, K::len(&t))?;
    expect_eq(query(&trail, "is_empty()"), true, K::is_empty(&t))?;
    expect_eq(query(&trail, "contains(\"\")"), false, K::contains(&t, &[]))?;
    expect_eq(
        query(&trail, "count_prefix(\"\")"),
        0,
        K::count_prefix(&t, &[]),
    )?;
    expect_eq(
        query(&trail, "starts_with(\"\")"),
        Vec::<String>::new(),
        strings(K::starts_with(&t, &[])),
    )?;
    for word in ["car", "cart", "care", "cat", "dog"] {
        expect_eq(
            step(&mut trail, format!("insert(\"{word}\")")),
            true,
            K::insert(&mut t, &chars(word)),
        )?;
    }
    expect_eq(
        step(&mut trail, "insert(\"car\")"),
        false,
        K::insert(&mut t, &chars("car")),
    )?;
    expect_eq(query(&trail, "len()"), 5, K::len(&t))?;
    expect_eq(query(&trail, "is_empty()"), false, K::is_empty(&t))?;
    for (word, expected) in [
        ("car", true),
        ("cart", true),
        ("ca", false),
        ("carts", false),
        ("do", false),
        ("", false),
        ("zebra", false),
    ] {
        expect_eq(
            query(&trail, format!("contains(\"{word}\")")),
            expected,
            K::contains(&t, &chars(word)),
        )?;
    }
    for (prefix, expected) in [
        ("ca", 4),
        ("car", 3),
        ("cart", 1),
        ("carts", 0),
        ("d", 1),
        ("x", 0),
        ("", 5),
    ] {
        expect_eq(
            query(&trail, format!("count_prefix(\"{prefix}\")")),
            expected,
            K::count_prefix(&t, &chars(prefix)),
        )?;
    }
    for (prefix, expected) in [
        ("car", &["car", "care", "cart"][..]),
        ("ca", &["car", "care", "cart", "cat"]),
        ("cart", &["cart"]),
        ("cats", &[]),
        ("z", &[]),
        ("", &["car", "care", "cart", "cat", "dog"]),
    ] {
        expect_eq(
            query(&trail, format!("starts_with(\"{prefix}\")")),
            expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            strings(K::starts_with(&t, &chars(prefix))),
        )?;
    }
    // The empty word is a word like any other.
    expect_eq(
        step(&mut trail, "insert(\"\")"),
        true,
        K::insert(&mut t, &[]),
    )?;
    expect_eq(
        step(&mut trail, "insert(\"\")"),
        false,
        K::insert(&mut t, &[]),
    )?;
    expect_eq(query(&trail, "contains(\"\")"), true, K::contains(&t, &[]))?;
    expect_eq(query(&trail, "len()"), 6, K::len(&t))?;
    expect_eq(
        query(&trail, "count_prefix(\"\")"),
        6,
        K::count_prefix(&t, &[]),
    )?;
    expect_eq(
        query(&trail, "count_prefix(\"c\")"),
        4,
        K::count_prefix(&t, &chars("c")),
    )?;
    expect_eq(
        query(&trail, "starts_with(\"\")"),
        vec!["", "car", "care", "cart", "cat", "dog"]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>(),
        strings(K::starts_with(&t, &[])),
    )?;
    Ok(())
}

/// The inserts so far, then the query `t.<text>`.
fn query(trail: &str, text: impl Into<String>) -> String {
    format!("{trail} t.{};", text.into())
}

/// Appends the insert `t.<text>;` to the trail and returns it.
fn step(trail: &mut String, text: impl Into<String>) -> String {
    trail.push_str(&format!(" t.{};", text.into()));
    trail.clone()
}

/// One step of a random operation sequence; words are over the alphabet `abc`.
#[derive(Debug, Clone)]
enum Op {
    Insert(String),
    Contains(String),
    CountPrefix(String),
    StartsWith(String),
}

fn word_strategy() -> impl Strategy<Value = String> {
    vec(0u8..3, 0..5).prop_map(|v| v.into_iter().map(|b| (b'a' + b) as char).collect())
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => word_strategy().prop_map(Op::Insert),
        1 => word_strategy().prop_map(Op::Contains),
        1 => word_strategy().prop_map(Op::CountPrefix),
        1 => word_strategy().prop_map(Op::StartsWith),
    ]
}

fn matches_model<K: Trie>(ops: &[Op]) -> Result<(), Failure> {
    let mut trie = K::new::<char>();
    let mut model: BTreeSet<String> = BTreeSet::new();
    let mut trail = String::from("let mut t = Trie::new();");
    for op in ops {
        match op {
            Op::Insert(word) => {
                trail.push_str(&format!(" t.insert({word:?});"));
                let expected = model.insert(word.clone());
                expect_eq(&trail, expected, K::insert(&mut trie, &chars(word)))?;
            }
            Op::Contains(word) => {
                trail.push_str(&format!(" t.contains({word:?});"));
                let expected = model.contains(word);
                expect_eq(&trail, expected, K::contains(&trie, &chars(word)))?;
            }
            Op::CountPrefix(prefix) => {
                trail.push_str(&format!(" t.count_prefix({prefix:?});"));
                let expected = model.iter().filter(|w| w.starts_with(prefix)).count();
                expect_eq(&trail, expected, K::count_prefix(&trie, &chars(prefix)))?;
            }
            Op::StartsWith(prefix) => {
                trail.push_str(&format!(" t.starts_with({prefix:?});"));
                let expected: Vec<String> = model
                    .iter()
                    .filter(|w| w.starts_with(prefix.as_str()))
                    .cloned()
                    .collect();
                let got = strings(K::starts_with(&trie, &chars(prefix)));
                expect_eq(&trail, expected, got)?;
            }
        }
        expect_eq(format!("{trail} t.len()"), model.len(), K::len(&trie))?;
    }
    Ok(())
}

/// A pseudo-random word of `len` letters from `a..=h`.
fn word(rng: &mut Lcg, len: u64) -> Vec<u8> {
    (0..len).map(|_| b'a' + rng.below(8) as u8).collect()
}

/// Queries per size in the gate.
const GATE_QUERIES: u64 = 128;

/// Symbol comparisons + hashes + clones per query, with `n` stored words of 6 to 10 letters
/// over an 8-letter alphabet. Each query is a `count_prefix` (1 to 4 letters), a `contains`
/// (half stored words, half random ones) and a `starts_with` of a stored word (a handful of
/// completions at most).
fn symbol_work_per_query<K: Trie>(n: usize) -> u64 {
    let counted = |word: &[u8]| -> Vec<Counted<u8>> { word.iter().map(|&b| Counted(b)).collect() };
    let mut rng = Lcg::from_state(0x5EED_7E1E);
    let words: Vec<Vec<u8>> = (0..n)
        .map(|_| {
            let len = 6 + rng.below(5);
            word(&mut rng, len)
        })
        .collect();
    let mut trie = K::new::<Counted<u8>>();
    for word in &words {
        K::insert(&mut trie, &counted(word));
    }
    let queries: Vec<[Vec<Counted<u8>>; 3]> = (0..GATE_QUERIES)
        .map(|i| {
            let len = 1 + rng.below(4);
            let prefix = counted(&word(&mut rng, len));
            let stored = &words[rng.below(n as u64) as usize];
            let probe = if i % 2 == 0 {
                counted(stored)
            } else {
                let len = 6 + rng.below(5);
                counted(&word(&mut rng, len))
            };
            let completion = counted(&words[rng.below(n as u64) as usize]);
            [prefix, probe, completion]
        })
        .collect();
    let (counts, _) = measure(|| {
        for [prefix, probe, completion] in &queries {
            std::hint::black_box(K::count_prefix(&trie, prefix));
            std::hint::black_box(K::contains(&trie, probe));
            std::hint::black_box(K::starts_with(&trie, completion));
        }
    });
    (counts.comparisons + counts.hashes + counts.clones) / GATE_QUERIES
}

fn prefix_cost_gate<K: Trie>() -> Result<(), Failure> {
    Gate {
        what: "symbol comparisons + hashes + clones per query",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 400.0,
        small: 1_000,
        large: 16_000,
    }
    .check(symbol_work_per_query::<K>)
}

/// The symbols every word of [`work_per_query_symbol`] starts with.
const SHARED_PREFIX: usize = 64;

/// Symbol comparisons + hashes per query symbol, with `n` stored words that all start with
/// the same [`SHARED_PREFIX`] symbols (`a`) and end in 14 random symbols from `b`, `c`. Each
/// query is a `contains` of a stored word, a `contains` of a random word of the same shape
/// (mostly absent) and a `count_prefix` of the shared prefix and 4 more symbols.
fn work_per_query_symbol<K: Trie>(n: usize) -> u64 {
    let mut rng = Lcg::from_state(0x5EED_0A11);
    let mut word = || -> Vec<Counted<u8>> {
        let suffix = (0..14).map(|_| b'b' + rng.below(2) as u8);
        std::iter::repeat_n(b'a', SHARED_PREFIX)
            .chain(suffix)
            .map(Counted)
            .collect()
    };
    let words: Vec<Vec<Counted<u8>>> = (0..n).map(|_| word()).collect();
    let absent: Vec<Vec<Counted<u8>>> = (0..GATE_QUERIES).map(|_| word()).collect();
    let mut trie = K::new::<Counted<u8>>();
    for word in &words {
        K::insert(&mut trie, word);
    }
    let stride = n / GATE_QUERIES as usize;
    let queries: Vec<[&[Counted<u8>]; 3]> = (0..GATE_QUERIES as usize)
        .map(|i| {
            let stored = &words[i * stride];
            [&stored[..], &absent[i][..], &stored[..SHARED_PREFIX + 4]]
        })
        .collect();
    let symbols: usize = queries.iter().flatten().map(|query| query.len()).sum();
    let (counts, _) = measure(|| {
        for [stored, probe, prefix] in &queries {
            std::hint::black_box(K::contains(&trie, stored));
            std::hint::black_box(K::contains(&trie, probe));
            std::hint::black_box(K::count_prefix(&trie, prefix));
        }
    });
    (counts.comparisons + counts.hashes) / symbols as u64
}

fn shared_prefix_gate<K: Trie>() -> Result<(), Failure> {
    Gate {
        what: "symbol comparisons + hashes per query symbol",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 4.0,
        small: 1_000,
        large: 16_000,
    }
    .check(work_per_query_symbol::<K>)
}

/// Criterion group `trie`: 1 000 `count_prefix` queries (1 to 4 letters) over n stored words,
/// for the learner's code `L`, the reference `R`, and std: a `BTreeSet` range scan.
pub fn bench<L: Trie, R: Trie>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        let mut trie = L::new::<u8>();
        L::insert(&mut trie, b"ab");
        L::count_prefix(&trie, b"a");
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        let mut rng = Lcg::from_state(n as u64);
        let words: Vec<Vec<u8>> = (0..n)
            .map(|_| {
                let len = 6 + rng.below(5);
                word(&mut rng, len)
            })
            .collect();
        let prefixes: Vec<Vec<u8>> = (0..1_000)
            .map(|_| {
                let len = 1 + rng.below(4);
                word(&mut rng, len)
            })
            .collect();
        fn run<T: Trie>(trie: &T::Tree<u8>, prefixes: &[Vec<u8>]) -> usize {
            prefixes.iter().map(|p| T::count_prefix(trie, p)).sum()
        }
        if learner_runs {
            let mut trie = L::new::<u8>();
            for word in &words {
                L::insert(&mut trie, word);
            }
            group.bench_function(BenchmarkId::new("learner", n), |b| {
                b.iter(|| run::<L>(&trie, &prefixes))
            });
        }
        let mut trie = R::new::<u8>();
        for word in &words {
            R::insert(&mut trie, word);
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| run::<R>(&trie, &prefixes))
        });
        let set: BTreeSet<Vec<u8>> = words.iter().cloned().collect();
        group.bench_function(BenchmarkId::new("std", n), |b| {
            b.iter(|| {
                prefixes
                    .iter()
                    .map(|p| {
                        set.range(p.clone()..)
                            .take_while(|w| w.starts_with(p))
                            .count()
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

/// Implements [`Trie`] for `$subject` with `$krate::trie::Trie`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_trie {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::trie::Trie for $subject {
            type Tree<S: Ord + Clone> = $krate::trie::Trie<S>;
            fn new<S: Ord + Clone>() -> Self::Tree<S> {
                $krate::trie::Trie::new()
            }
            fn insert<S: Ord + Clone>(trie: &mut Self::Tree<S>, word: &[S]) -> bool {
                trie.insert(word)
            }
            fn contains<S: Ord + Clone>(trie: &Self::Tree<S>, word: &[S]) -> bool {
                trie.contains(word)
            }
            fn count_prefix<S: Ord + Clone>(trie: &Self::Tree<S>, prefix: &[S]) -> usize {
                trie.count_prefix(prefix)
            }
            fn starts_with<S: Ord + Clone>(trie: &Self::Tree<S>, prefix: &[S]) -> Vec<Vec<S>> {
                trie.starts_with(prefix)
            }
            fn len<S: Ord + Clone>(trie: &Self::Tree<S>) -> usize {
                trie.len()
            }
            fn is_empty<S: Ord + Clone>(trie: &Self::Tree<S>) -> bool {
                trie.is_empty()
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl Trie for Learner {
    type Tree<S: Ord + Clone> = Erased;
    fn new<S: Ord + Clone + 'static>() -> Erased {
        TABLE.get_at::<S, fn() -> Erased>("new")()
    }
    fn insert<S: Ord + Clone + 'static>(trie: &mut Erased, word: &[S]) -> bool {
        TABLE.get_at::<S, fn(&mut Erased, &[S]) -> bool>("insert")(trie, word)
    }
    fn contains<S: Ord + Clone + 'static>(trie: &Erased, word: &[S]) -> bool {
        TABLE.get_at::<S, fn(&Erased, &[S]) -> bool>("contains")(trie, word)
    }
    fn count_prefix<S: Ord + Clone + 'static>(trie: &Erased, prefix: &[S]) -> usize {
        TABLE.get_at::<S, fn(&Erased, &[S]) -> usize>("count_prefix")(trie, prefix)
    }
    fn starts_with<S: Ord + Clone + 'static>(trie: &Erased, prefix: &[S]) -> Vec<Vec<S>> {
        TABLE.get_at::<S, fn(&Erased, &[S]) -> Vec<Vec<S>>>("starts_with")(trie, prefix)
    }
    fn len<S: Ord + Clone + 'static>(trie: &Erased) -> usize {
        TABLE.get_at::<S, fn(&Erased) -> usize>("len")(trie)
    }
    fn is_empty<S: Ord + Clone + 'static>(trie: &Erased) -> bool {
        TABLE.get_at::<S, fn(&Erased) -> bool>("is_empty")(trie)
    }
}

/// Registers `T`'s functions for [`Learner`], at the symbol types the checks use.
pub fn register<T: Trie>()
where
    T::Tree<char>: 'static,
    T::Tree<Counted<u8>>: 'static,
{
    fn at<T: Trie, S: Ord + Clone + 'static>(fns: &mut Fns)
    where
        T::Tree<S>: 'static,
    {
        fns.add_at::<S, fn() -> Erased>("new", || learner::erase(T::new::<S>()));
        fns.add_at::<S, fn(&mut Erased, &[S]) -> bool>("insert", |trie, word| {
            T::insert(down_mut::<T::Tree<S>>(trie), word)
        });
        fns.add_at::<S, fn(&Erased, &[S]) -> bool>("contains", |trie, word| {
            T::contains(down::<T::Tree<S>>(trie), word)
        });
        fns.add_at::<S, fn(&Erased, &[S]) -> usize>("count_prefix", |trie, prefix| {
            T::count_prefix(down::<T::Tree<S>>(trie), prefix)
        });
        fns.add_at::<S, fn(&Erased, &[S]) -> Vec<Vec<S>>>("starts_with", |trie, prefix| {
            T::starts_with(down::<T::Tree<S>>(trie), prefix)
        });
        fns.add_at::<S, fn(&Erased) -> usize>("len", |trie| T::len(down::<T::Tree<S>>(trie)));
        fns.add_at::<S, fn(&Erased) -> bool>("is_empty", |trie| {
            T::is_empty(down::<T::Tree<S>>(trie))
        });
    }
    TABLE.fill(|fns| {
        at::<T, char>(fns);
        at::<T, Counted<u8>>(fns);
    });
}
