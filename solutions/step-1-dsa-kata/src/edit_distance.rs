//! Reference: Levenshtein distance in one row over the shorter input, and an LCS line diff.
//!
//! `levenshtein` keeps one row of the classic table plus the diagonal cell in a local:
//! invariant, before cell `j` of row `i` is computed, `row[..j]` holds row `i` and
//! `row[j..]` holds row `i - 1`. Memory is `min(n, m) + 1` cells.
//!
//! `diff` fills a table of LCS lengths of suffixes, then walks it from the start; taking
//! equal lines as `Same` is always optimal, and on a tie it removes before it adds.

/// One line of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffLine<'a> {
    /// In both texts.
    Same(&'a str),
    /// Only in the old text.
    Removed(&'a str),
    /// Only in the new text.
    Added(&'a str),
}

/// The Levenshtein distance between `a` and `b`: the fewest inserts, deletes and
/// replacements of one element that turn `a` into `b`.
pub fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    // The distance is symmetric: let the row run over the shorter input.
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut row: Vec<usize> = (0..=short.len()).collect();
    for (i, x) in long.iter().enumerate() {
        // `diagonal` is d[i][j] while computing d[i + 1][j + 1].
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in short.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(x != y));
            diagonal = above;
        }
    }
    row[short.len()]
}

/// A minimal line diff from `old` to `new` (lines as split by `str::lines`).
pub fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
    let old: Vec<&str> = old.lines().collect();
    let new: Vec<&str> = new.lines().collect();
    let (n, m) = (old.len(), new.len());
    // lcs[i * (m + 1) + j] = LCS length of old[i..] and new[j..].
    let width = m + 1;
    let mut lcs = vec![0usize; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if old[i] == new[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let mut lines = Vec::with_capacity(n + m - lcs[0]);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if old[i] == new[j] {
            lines.push(DiffLine::Same(old[i]));
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
            lines.push(DiffLine::Removed(old[i]));
            i += 1;
        } else {
            lines.push(DiffLine::Added(new[j]));
            j += 1;
        }
    }
    lines.extend(old[i..].iter().map(|line| DiffLine::Removed(line)));
    lines.extend(new[j..].iter().map(|line| DiffLine::Added(line)));
    lines
}
