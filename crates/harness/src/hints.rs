//! A check's hint as a ladder: a nudge first, then stronger hints, the approach last.
//! `cargo kit hint` climbs it one rung per call; the board and a failed `cargo test` show
//! only the first rung, so the next kata's algorithm is never given away unasked.
//!
//! The rungs are written in the hint itself, one per line (`"nudge\nstronger\napproach"`).
//! A hint on one line still makes a ladder: it is cut at its clauses (`; ` and `: ` outside
//! brackets and backticks), at most three rungs, the last holding the rest.

/// The most rungs a one-line hint is cut into.
const MOST_DERIVED_RUNGS: usize = 3;

/// The rungs of `hint`, gentlest first. Never empty for a non-empty hint; read together,
/// they say all the hint says.
pub fn ladder(hint: &str) -> Vec<String> {
    let hint = hint.trim();
    if hint.contains('\n') {
        return hint
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(String::from)
            .collect();
    }
    let starts = clause_starts(hint);
    let kept = starts.len().min(MOST_DERIVED_RUNGS);
    (0..kept)
        .map(|i| {
            let end = if i + 1 < kept {
                starts[i + 1] - 1
            } else {
                hint.len()
            };
            hint[starts[i]..end].trim().to_string()
        })
        .collect()
}

/// Where each clause of `text` starts: at 0 and after each top-level `; ` or `: `.
fn clause_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut depth = 0usize;
    let mut in_code = false;
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &byte) in bytes.iter().enumerate() {
        match byte {
            b'`' => in_code = !in_code,
            b'(' | b'[' | b'{' if !in_code => depth += 1,
            b')' | b']' | b'}' if !in_code => depth = depth.saturating_sub(1),
            b';' | b':'
                if !in_code && depth == 0 && bytes.get(i + 1) == Some(&b' ') && i > start =>
            {
                start = i + 1;
                starts.push(start);
            }
            _ => {}
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hint_written_as_lines_is_its_own_ladder() {
        assert_eq!(
            ladder(
                "think about what a hash map remembers\nstore each value's position\nlook up target - x before inserting x"
            ),
            [
                "think about what a hash map remembers",
                "store each value's position",
                "look up target - x before inserting x"
            ]
        );
    }

    #[test]
    fn a_one_line_hint_is_cut_at_its_clauses() {
        assert_eq!(
            ladder(
                "keep a half-open range [lo, hi) that always holds the answer; look at mid = \
                 lo + (hi - lo) / 2 and drop the half that cannot hold it"
            ),
            [
                "keep a half-open range [lo, hi) that always holds the answer",
                "look at mid = lo + (hi - lo) / 2 and drop the half that cannot hold it"
            ]
        );
    }

    #[test]
    fn brackets_and_code_are_not_cut_and_long_hints_end_in_one_last_rung() {
        let rungs = ladder("first: a `x: y` (b; c) here; second; third: fourth");
        assert_eq!(
            rungs,
            ["first", "a `x: y` (b; c) here", "second; third: fourth"]
        );
        assert_eq!(ladder("just one sentence"), ["just one sentence"]);
        assert_eq!(ladder("::std path: then more"), ["::std path", "then more"]);
    }
}
