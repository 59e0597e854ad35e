//! # Kata: edit distance and line diff (grade 5)
//!
//! Two questions a content backend asks about text. *How far apart are two strings?* — for
//! "did you mean…?" on a mistyped tag or username. *What changed between two revisions of an
//! article?* — for a history page that shows removed and added lines.
//!
//! **Levenshtein distance**: the fewest single-element edits (insert one, delete one,
//! replace one) that turn `a` into `b`. It is generic over the elements, so it works on
//! `char`s, bytes, words or lines.
//!
//! ```text
//! levenshtein(chars("kitten"), chars("sitting")) == 3   // k→s, e→i, +g
//! levenshtein(chars("flaw"), chars("lawn"))      == 2   // -f, +n
//! levenshtein(chars(""), chars("abc"))           == 3
//! levenshtein(chars("café"), chars("cafe"))      == 1   // chars, not bytes: é is one char
//! ```
//!
//! The classic table: `d[i][j]` is the distance between `a[..i]` and `b[..j]`;
//! `d[0][j] = j`, `d[i][0] = i`, and
//! `d[i][j] = min(d[i-1][j] + 1, d[i][j-1] + 1, d[i-1][j-1] + (a[i-1] != b[j-1]) as usize)`.
//! Row `i` only reads row `i - 1`, so two rows are enough — and if the rows run over the
//! shorter input, memory is O(min(n, m)) while time stays O(n·m).
//!
//! **Line diff**: `diff(old, new)` splits both texts with `str::lines()` (so `"\r\n"` and a
//! final newline are handled for you) and lists every line as `Same`, `Removed` (only in
//! `old`) or `Added` (only in `new`), in order. A diff is *minimal* when the `Same` lines
//! are a longest common subsequence (LCS) of the two line lists: then it changes as few
//! lines as possible.
//!
//! ```text
//! diff("title\nold body\nfooter", "title\nnew body\nfooter") ==
//!     [Same("title"), Removed("old body"), Added("new body"), Same("footer")]
//! diff("a\nb\nc", "a\nc\nd") == [Same("a"), Removed("b"), Same("c"), Added("d")]
//! diff("", "x\ny")           == [Added("x"), Added("y")]
//! diff("x\ny", "y\nx")       == [Removed("x"), Same("y"), Added("x")]
//! ```
//!
//! Several minimal diffs can exist; the grader accepts any minimal diff that rebuilds both
//! texts (old = `Same` + `Removed` lines in order, new = `Same` + `Added` lines in order).
//! The worked examples follow one convention, as `diff -u` does: when removing and adding
//! are equally good, remove first (so a replaced line shows as `Removed` then `Added`).
//!
//! **Required:** `levenshtein` in O(n·m) time and O(min(n, m)) memory. The grader counts
//! the bytes it allocates: for two inputs of 1 600 elements a full table is 20 MB, two rows
//! 26 KB; for inputs of 16 000 and 8 elements, rows over the short one are 144 bytes.
//! `diff` may use a full (n+1)×(m+1) table of LCS lengths: article revisions are hundreds of
//! lines, and recovering the lines from two rows needs a harder algorithm (Hirschberg's).
//!
//! **Where to start:** `levenshtein`: if `b` is longer than `a`, swap them; `prev` =
//! `0..=b.len()`; for each element of `a` build `cur` from `prev`, then swap the rows.
//! `diff`: `lcs[i][j]` = LCS length of `old[i..]` and `new[j..]`, filled from the end; then
//! walk from `(0, 0)`: equal lines are `Same` (step both); otherwise `Removed` if
//! `lcs[i + 1][j] >= lcs[i][j + 1]`, else `Added`; when one side runs out, the rest of the
//! other side is `Removed` or `Added`.

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
    let _ = (a, b);
    todo!()
}

/// A minimal line diff from `old` to `new` (lines as split by `str::lines`).
pub fn diff<'a>(old: &'a str, new: &'a str) -> Vec<DiffLine<'a>> {
    let _ = (old, new);
    todo!()
}
