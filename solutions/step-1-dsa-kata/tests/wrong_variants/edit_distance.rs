//! Known-wrong variants of `edit_distance`: the full (n+1)×(m+1) table, two rows over the
//! LONGER input, a replacement that costs 2 (delete + insert), a diff that removes every old
//! line and adds every new one, and a diff that leaves out the unchanged lines. Accepted:
//! a different minimal diff (new lines before old ones on a tie).

use harness::Plan;
use harness::step1::edit_distance::{DiffLine, EditDistance, checks};

/// The reference diff, seen through the suite's `DiffLine`.
fn reference_diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
    use solution_step_1::edit_distance::{DiffLine as Ref, diff};
    diff(old, new)
        .into_iter()
        .map(|line| match line {
            Ref::Same(s) => DiffLine::Same(s),
            Ref::Removed(s) => DiffLine::Removed(s),
            Ref::Added(s) => DiffLine::Added(s),
        })
        .collect()
}

/// Two rows over `b` (whichever input that is), with a given replacement cost.
fn two_rows<T: PartialEq>(a: &[T], b: &[T], replace_cost: usize) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let replace = prev[j] + if x == y { 0 } else { replace_cost };
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(replace);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Right answers from the whole table: O(n·m) memory.
struct FullTable;

impl EditDistance for FullTable {
    fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let replace = d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(replace);
            }
        }
        d[a.len()][b.len()]
    }
    fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
        reference_diff(old, new)
    }
}

/// Two rows, but over `b` even when `b` is the longer input: O(max(n, m)) memory.
struct RowsOverLonger;

impl EditDistance for RowsOverLonger {
    fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        if a.len() > b.len() {
            two_rows(b, a, 1)
        } else {
            two_rows(a, b, 1)
        }
    }
    fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
        reference_diff(old, new)
    }
}

/// A replacement costs 2: that is the insert/delete (LCS) distance, not Levenshtein's.
struct ReplaceCostsTwo;

impl EditDistance for ReplaceCostsTwo {
    fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        two_rows(a, b, 2)
    }
    fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
        reference_diff(old, new)
    }
}

/// Every old line removed, every new line added: rebuilds both texts, far from minimal.
struct RewriteEverything;

impl EditDistance for RewriteEverything {
    fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        solution_step_1::edit_distance::levenshtein(a, b)
    }
    fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
        old.lines()
            .map(DiffLine::Removed)
            .chain(new.lines().map(DiffLine::Added))
            .collect()
    }
}

/// The reference diff without its `Same` lines.
struct OnlyChanges;

impl EditDistance for OnlyChanges {
    fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        solution_step_1::edit_distance::levenshtein(a, b)
    }
    fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
        reference_diff(old, new)
            .into_iter()
            .filter(|line| !matches!(line, DiffLine::Same(_)))
            .collect()
    }
}

/// Correct, but not the reference's diff: on a tie it takes the new line (Added) before
/// dropping the old one, so `x y` → `y x` comes out as `Added(y) Same(x) Removed(y)`.
struct AddedFirst;

impl EditDistance for AddedFirst {
    fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        solution_step_1::edit_distance::levenshtein(a, b)
    }
    fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
        let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
        // lcs[i][j]: the LCS length of a[i..] and b[j..].
        let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                out.push(DiffLine::Same(a[i]));
                (i, j) = (i + 1, j + 1);
            } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
                out.push(DiffLine::Added(b[j]));
                j += 1;
            } else {
                out.push(DiffLine::Removed(a[i]));
                i += 1;
            }
        }
        out
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = crate::accept(
        plan,
        "added_first",
        checks::<AddedFirst>(),
        "edit_distance::examples",
    );
    let plan = crate::accept(
        plan,
        "added_first",
        checks::<AddedFirst>(),
        "edit_distance::diff_is_minimal",
    );
    plan.reject(
        "full_table",
        checks::<FullTable>(),
        "edit_distance::memory_gate",
        "too many bytes",
    )
    .reject(
        "rows_over_longer",
        checks::<RowsOverLonger>(),
        "edit_distance::memory_shorter_side",
        "too many bytes",
    )
    .reject(
        "replace_costs_two",
        checks::<ReplaceCostsTwo>(),
        "edit_distance::distance_matches_oracle",
        "levenshtein(",
    )
    .reject(
        "replace_costs_two",
        checks::<ReplaceCostsTwo>(),
        "edit_distance::examples",
        "expected: 3",
    )
    .reject(
        "rewrite_everything",
        checks::<RewriteEverything>(),
        "edit_distance::diff_is_minimal",
        "not minimal",
    )
    .reject(
        "rewrite_everything",
        checks::<RewriteEverything>(),
        "edit_distance::examples",
        "diff(",
    )
    .reject(
        "only_changes",
        checks::<OnlyChanges>(),
        "edit_distance::diff_is_minimal",
        "lines in order",
    )
}
