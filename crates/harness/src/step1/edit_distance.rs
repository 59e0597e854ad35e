//! Kata `edit_distance` (grade 5): Levenshtein distance in two rows, and a minimal line diff.
//!
//! Checks: worked examples, the distance against a memoised recursive oracle (plus symmetry
//! and the triangle inequality), the diff against the LCS bound (it must rebuild both texts
//! and change no more lines than necessary), and two memory gates on the bytes the distance
//! allocates: O(n) for two n-long inputs (not an n×m table), and O(1) when one input has 8
//! elements (the rows run over the SHORTER input).

use std::collections::HashMap;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq, show};
use crate::counting::measure;
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::learner::{Learner, Table};

/// One line of a diff (the suite's copy of the kata's `DiffLine`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffLine<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// The kata's API, as the suite sees it. The grade macro implements it with
/// `<crate>::edit_distance::{levenshtein, diff}`.
pub trait EditDistance {
    fn levenshtein<T: PartialEq + 'static>(a: &[T], b: &[T]) -> usize;
    fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>>;
}

pub const GROUP: Group = super::GROUPS.edit_distance;

pub fn checks<K: EditDistance + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "row[j] = distance between a[..i] and b[..j]; the next row takes the min of \
             delete (above + 1), insert (left + 1) and replace (diagonal + 0 if equal, else 1)",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "distance_matches_oracle",
            "a replacement costs 1 (not a delete plus an insert), and the first row and column \
             are 0, 1, 2, …: turning a prefix into the empty string costs its length",
            |ctx| {
                let word = || vec(0u8..3, 0..9);
                for_all(ctx, 400, (word(), word(), word()), |(a, b, c)| {
                    let expected = oracle(&a, &b);
                    expect_eq(
                        format!("levenshtein(&{a:?}, &{b:?})"),
                        expected,
                        K::levenshtein(&a, &b),
                    )?;
                    expect_eq(
                        format!("levenshtein(&{b:?}, &{a:?}) (symmetry)"),
                        expected,
                        K::levenshtein(&b, &a),
                    )?;
                    let (ab, bc, ac) = (
                        K::levenshtein(&a, &b),
                        K::levenshtein(&b, &c),
                        K::levenshtein(&a, &c),
                    );
                    if ac > ab + bc {
                        return Err(Failure::new(format!(
                            "triangle inequality broken: d(a, c) = {ac} > d(a, b) + d(b, c) = \
                             {ab} + {bc} with a = {a:?}, b = {b:?}, c = {c:?}"
                        )));
                    }
                    Ok(())
                })
            },
        ),
        GROUP.check(
            "diff_is_minimal",
            "compute LCS lengths for every pair of suffixes, then walk from the start: equal \
             lines are Same; otherwise drop the old line (Removed) or take the new one (Added), \
             whichever keeps the longer common subsequence",
            |ctx| {
                let text = || {
                    vec(
                        prop_oneof![Just("a"), Just("b"), Just("c"), Just("d")],
                        0..12,
                    )
                };
                for_all(ctx, 400, (text(), text()), |(old, new)| {
                    let (old, new) = (old.join("\n"), new.join("\n"));
                    check_diff(&old, &new, &K::diff(&old, &new))
                })
            },
        ),
        GROUP.check(
            "memory_gate",
            "keep only two rows (the previous and the current), not the whole (n+1)×(m+1) \
             table: each row needs only the one before it",
            |_| {
                Gate {
                    what: "bytes allocated for two inputs of n elements",
                    expected: Class::Linear,
                    next_worse: Class::Quadratic,
                    constant: 40.0,
                    small: 100,
                    large: 1_600,
                }
                .check(|n| bytes_for::<K>(n, n))
            },
        ),
        GROUP.check(
            "memory_shorter_side",
            "run the rows over the SHORTER input (swap a and b if needed: the distance is \
             symmetric), so a row has min(n, m) + 1 cells",
            |_| {
                Gate {
                    what: "bytes allocated for inputs of n and 8 elements",
                    expected: Class::Constant,
                    next_worse: Class::Linear,
                    constant: 512.0,
                    small: 1_000,
                    large: 16_000,
                }
                .check(|n| bytes_for::<K>(n, 8).max(bytes_for::<K>(8, n)))
            },
        ),
    ]
}

/// The distance by the definition, memoised: small inputs only.
fn oracle(a: &[u8], b: &[u8]) -> usize {
    fn go(a: &[u8], b: &[u8], memo: &mut HashMap<(usize, usize), usize>) -> usize {
        if a.is_empty() {
            return b.len();
        }
        if b.is_empty() {
            return a.len();
        }
        if let Some(&d) = memo.get(&(a.len(), b.len())) {
            return d;
        }
        let (ra, rb) = (&a[1..], &b[1..]);
        let replace = go(ra, rb, memo) + usize::from(a[0] != b[0]);
        let delete = go(ra, b, memo) + 1;
        let insert = go(a, rb, memo) + 1;
        let d = replace.min(delete).min(insert);
        memo.insert((a.len(), b.len()), d);
        d
    }
    go(a, b, &mut HashMap::new())
}

/// The length of a longest common subsequence of two line lists.
fn lcs(a: &[&str], b: &[&str]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A diff is right if it rebuilds both texts and changes no more lines than necessary.
fn check_diff(old: &str, new: &str, got: &[DiffLine]) -> Result<(), Failure> {
    let call = format!("diff({old:?}, {new:?})");
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let rebuilt_old: Vec<&str> = got
        .iter()
        .filter_map(|line| match line {
            DiffLine::Same(s) | DiffLine::Removed(s) => Some(*s),
            DiffLine::Added(_) => None,
        })
        .collect();
    let rebuilt_new: Vec<&str> = got
        .iter()
        .filter_map(|line| match line {
            DiffLine::Same(s) | DiffLine::Added(s) => Some(*s),
            DiffLine::Removed(_) => None,
        })
        .collect();
    if rebuilt_old != old_lines {
        return Err(Failure::new(format!(
            "called:   {call}\ngot:      {}\nthe Same and Removed lines should be the old text's \
             lines in order, {}, but are {}",
            show(got),
            show(&old_lines),
            show(&rebuilt_old)
        )));
    }
    if rebuilt_new != new_lines {
        return Err(Failure::new(format!(
            "called:   {call}\ngot:      {}\nthe Same and Added lines should be the new text's \
             lines in order, {}, but are {}",
            show(got),
            show(&new_lines),
            show(&rebuilt_new)
        )));
    }
    let changes = got
        .iter()
        .filter(|line| !matches!(line, DiffLine::Same(_)))
        .count();
    let minimal = old_lines.len() + new_lines.len() - 2 * lcs(&old_lines, &new_lines);
    if changes != minimal {
        return Err(Failure::new(format!(
            "called:   {call}\ngot:      {}\nnot minimal: {changes} lines added or removed, \
             but {minimal} are enough (keep a longest common subsequence of lines as Same)",
            show(got)
        )));
    }
    Ok(())
}

fn examples<K: EditDistance>() -> Result<(), Failure> {
    for (a, b, expected) in [
        ("kitten", "sitting", 3),
        ("sitting", "kitten", 3),
        ("flaw", "lawn", 2),
        ("intention", "execution", 5),
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("abc", "abc", 0),
        ("ab", "ba", 2),
        ("a", "b", 1),
        ("café", "cafe", 1),
        ("backend", "back end", 1),
    ] {
        let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        expect_eq(
            format!("levenshtein(&chars({a:?}), &chars({b:?}))"),
            expected,
            K::levenshtein(&ca, &cb),
        )?;
    }
    use DiffLine::{Added, Removed, Same};
    let diffs: &[(&str, &str, &[DiffLine])] = &[
        (
            "a\nb\nc",
            "a\nc\nd",
            &[Same("a"), Removed("b"), Same("c"), Added("d")],
        ),
        (
            "title\nold body\nfooter",
            "title\nnew body\nfooter",
            &[
                Same("title"),
                Removed("old body"),
                Added("new body"),
                Same("footer"),
            ],
        ),
        ("", "x\ny", &[Added("x"), Added("y")]),
        ("x\ny", "", &[Removed("x"), Removed("y")]),
        ("", "", &[]),
        ("same\ntext", "same\ntext", &[Same("same"), Same("text")]),
        ("a\nb\n", "a\nb", &[Same("a"), Same("b")]),
        ("one\r\ntwo", "one\ntwo", &[Same("one"), Same("two")]),
        ("x\ny", "y\nx", &[Removed("x"), Same("y"), Added("x")]),
    ];
    // Several minimal diffs can exist (`x y` → `y x` keeps either line): any minimal diff
    // that rebuilds both texts is accepted. The one listed is shown as an example.
    for &(old, new, one_answer) in diffs {
        check_diff(old, new, &K::diff(old, new)).map_err(|failure| {
            Failure::new(format!(
                "{failure}
one minimal diff: {}",
                show(one_answer)
            ))
        })?;
    }
    Ok(())
}

/// Bytes allocated by one `levenshtein` call on inputs of `n` and `m` elements.
fn bytes_for<K: EditDistance>(n: usize, m: usize) -> u64 {
    let a: Vec<u8> = (0..n).map(|i| (i * 7 % 5) as u8).collect();
    let b: Vec<u8> = (0..m).map(|i| (i * 3 % 4) as u8).collect();
    let (counts, distance) = measure(|| K::levenshtein(&a, &b));
    std::hint::black_box(distance);
    counts.allocated_bytes
}

/// Criterion group `edit_distance`: the distance between two n-element inputs, for the
/// learner's code `L` and the reference `R` (std has no edit distance).
pub fn bench<L: EditDistance, R: EditDistance>(c: &mut Criterion) {
    let learner_runs = crate::bench::runs(|| {
        L::levenshtein(b"ab", b"ba");
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in [100usize, 300, 1_000] {
        let a: Vec<u8> = (0..n).map(|i| (i * 7 % 5) as u8).collect();
        let b: Vec<u8> = (0..n).map(|i| (i * 3 % 4) as u8).collect();
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |bench| {
                bench.iter(|| L::levenshtein(&a, &b))
            });
        }
        group.bench_function(BenchmarkId::new("reference", n), |bench| {
            bench.iter(|| R::levenshtein(&a, &b))
        });
    }
    group.finish();
}

/// Implements [`EditDistance`] for `$subject` with `$krate::edit_distance::{levenshtein, diff}`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_edit_distance {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::edit_distance::EditDistance for $subject {
            fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
                $krate::edit_distance::levenshtein(a, b)
            }
            fn diff<'a>(
                old: &'a str,
                new: &'a str,
            ) -> Vec<$crate::step1::edit_distance::DiffLine<'a>> {
                use $crate::step1::edit_distance::DiffLine as Suite;
                $krate::edit_distance::diff(old, new)
                    .into_iter()
                    .map(|line| match line {
                        $krate::edit_distance::DiffLine::Same(s) => Suite::Same(s),
                        $krate::edit_distance::DiffLine::Removed(s) => Suite::Removed(s),
                        $krate::edit_distance::DiffLine::Added(s) => Suite::Added(s),
                    })
                    .collect()
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

type DiffFn = for<'a> fn(&'a str, &'a str) -> Vec<DiffLine<'a>>;

impl EditDistance for Learner {
    fn levenshtein<T: PartialEq + 'static>(a: &[T], b: &[T]) -> usize {
        TABLE.get::<fn(&[T], &[T]) -> usize>("levenshtein")(a, b)
    }
    fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
        TABLE.get::<DiffFn>("diff")(old, new)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: EditDistance>() {
    TABLE.fill(|fns| {
        fns.add::<fn(&[u8], &[u8]) -> usize>("levenshtein", S::levenshtein);
        fns.add::<fn(&[char], &[char]) -> usize>("levenshtein", S::levenshtein);
        fns.add::<DiffFn>("diff", S::diff);
    });
}
