//! Known-wrong variants of `balanced_brackets`: a stack of `String`s (right answers, an
//! allocation per bracket), recursive descent (right answers, overflows the call stack on
//! deep nesting), character positions instead of byte positions, the innermost unclosed
//! opener instead of the earliest, three counters instead of a stack, and a scan back from
//! each closer for its opener (right answers, O(n²) on nested text).

use harness::Plan;
use harness::step1::balanced_brackets::{BalancedBrackets, BracketError, checks};

fn partner(closer: char) -> Option<char> {
    match closer {
        ')' => Some('('),
        ']' => Some('['),
        '}' => Some('{'),
        _ => None,
    }
}

/// Picks the unclosed opener to report from the stack left at the end.
type Pick = fn(&[(usize, char)]) -> Option<&(usize, char)>;

/// The reference's loop over any `(position, char)` sequence, reporting an unclosed opener
/// with `pick` (the earliest or the innermost).
fn stack_check(chars: impl Iterator<Item = (usize, char)>, pick: Pick) -> Result<(), BracketError> {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (position, c) in chars {
        if matches!(c, '(' | '[' | '{') {
            open.push((position, c));
        } else if let Some(wanted) = partner(c) {
            match open.pop() {
                Some((_, opener)) if opener == wanted => {}
                _ => return Err(BracketError::Unexpected { position, found: c }),
            }
        }
    }
    match pick(&open) {
        None => Ok(()),
        Some(&(position, opener)) => Err(BracketError::Unclosed { position, opener }),
    }
}

/// Right answers without a stack: each closer walks back through the text for the nearest
/// opener not matched yet: O(n²) on nested text, and no allocation per bracket.
struct ScanBack;

impl BalancedBrackets for ScanBack {
    fn check(text: &str) -> Result<(), BracketError> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut matched = vec![false; chars.len()];
        for i in 0..chars.len() {
            let (position, c) = chars[i];
            let Some(wanted) = partner(c) else { continue };
            matched[i] = true;
            let opener = (0..i)
                .rev()
                .find(|&j| !matched[j] && matches!(chars[j].1, '(' | '[' | '{'));
            match opener {
                Some(j) if chars[j].1 == wanted => matched[j] = true,
                _ => return Err(BracketError::Unexpected { position, found: c }),
            }
        }
        let first_open =
            (0..chars.len()).find(|&j| !matched[j] && matches!(chars[j].1, '(' | '[' | '{'));
        match first_open {
            None => Ok(()),
            Some(j) => Err(BracketError::Unclosed {
                position: chars[j].0,
                opener: chars[j].1,
            }),
        }
    }
}

/// Right answers, but every opener on the stack is a freshly allocated `String`.
struct StringStack;

impl BalancedBrackets for StringStack {
    fn check(text: &str) -> Result<(), BracketError> {
        let mut open: Vec<(usize, String)> = Vec::new();
        for (position, c) in text.char_indices() {
            if matches!(c, '(' | '[' | '{') {
                open.push((position, c.to_string()));
            } else if let Some(wanted) = partner(c) {
                match open.pop() {
                    Some((_, opener)) if opener == wanted.to_string() => {}
                    _ => return Err(BracketError::Unexpected { position, found: c }),
                }
            }
        }
        match open.first() {
            None => Ok(()),
            Some((position, opener)) => Err(BracketError::Unclosed {
                position: *position,
                opener: opener.chars().next().unwrap_or('?'),
            }),
        }
    }
}

/// Right answers by recursive descent: one call per nesting level.
struct Recursive;

/// Parses brackets from `at` until a closer that is not ours or the end; returns where it
/// stopped.
fn descend(chars: &[(usize, char)], mut at: usize) -> Result<usize, BracketError> {
    while at < chars.len() {
        let (position, c) = chars[at];
        if matches!(c, '(' | '[' | '{') {
            let close = descend(chars, at + 1)?;
            match chars.get(close) {
                Some(&(_, closer)) if partner(closer) == Some(c) => at = close + 1,
                Some(&(position, found)) => {
                    return Err(BracketError::Unexpected { position, found });
                }
                None => {
                    return Err(BracketError::Unclosed {
                        position,
                        opener: c,
                    });
                }
            }
        } else if partner(c).is_some() {
            return Ok(at);
        } else {
            at += 1;
        }
    }
    Ok(at)
}

impl BalancedBrackets for Recursive {
    fn check(text: &str) -> Result<(), BracketError> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let stop = descend(&chars, 0)?;
        match chars.get(stop) {
            Some(&(position, found)) => Err(BracketError::Unexpected { position, found }),
            None => Ok(()),
        }
    }
}

/// Counts characters instead of bytes: `"é("` reports position 1.
struct CharPositions;

impl BalancedBrackets for CharPositions {
    fn check(text: &str) -> Result<(), BracketError> {
        stack_check(text.chars().enumerate(), |open| open.first())
    }
}

/// Reports the innermost unclosed opener (the top of the stack), not the earliest.
struct InnermostUnclosed;

impl BalancedBrackets for InnermostUnclosed {
    fn check(text: &str) -> Result<(), BracketError> {
        stack_check(text.char_indices(), |open| open.last())
    }
}

/// Three counters instead of a stack: `"([)]"` looks balanced.
struct Counters;

impl BalancedBrackets for Counters {
    fn check(text: &str) -> Result<(), BracketError> {
        let mut depth = [0usize; 3];
        let mut first_open: [Option<usize>; 3] = [None; 3];
        let kinds = ['(', '[', '{'];
        for (position, c) in text.char_indices() {
            if let Some(kind) = kinds.iter().position(|&k| k == c) {
                if depth[kind] == 0 {
                    first_open[kind] = Some(position);
                }
                depth[kind] += 1;
            } else if let Some(wanted) = partner(c) {
                let kind = kinds.iter().position(|&k| k == wanted).unwrap_or(0);
                if depth[kind] == 0 {
                    return Err(BracketError::Unexpected { position, found: c });
                }
                depth[kind] -= 1;
            }
        }
        let earliest = (0..3)
            .filter(|&kind| depth[kind] > 0)
            .filter_map(|kind| first_open[kind].map(|position| (position, kinds[kind])))
            .min();
        match earliest {
            None => Ok(()),
            Some((position, opener)) => Err(BracketError::Unclosed { position, opener }),
        }
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = crate::accept(
        plan,
        "scan_back",
        checks::<ScanBack>(),
        "balanced_brackets::matches_stack_model",
    );
    plan.reject(
        "scan_back",
        checks::<ScanBack>(),
        "balanced_brackets::time_gate",
        "grows too fast",
    )
    .reject(
        "string_stack",
        checks::<StringStack>(),
        "balanced_brackets::allocation_gate",
        "too many allocations",
    )
    .reject(
        "recursive",
        checks::<Recursive>(),
        "balanced_brackets::deep_nesting",
        "stack overflow",
    )
    .reject(
        "char_positions",
        checks::<CharPositions>(),
        "balanced_brackets::examples",
        "expected: Err(Unclosed { position: 2, opener: '(' })",
    )
    .reject(
        "char_positions",
        checks::<CharPositions>(),
        "balanced_brackets::matches_stack_model",
        "a random input failed",
    )
    .reject(
        "innermost_unclosed",
        checks::<InnermostUnclosed>(),
        "balanced_brackets::examples",
        "expected: Err(Unclosed { position: 0, opener: '(' })",
    )
    .reject(
        "innermost_unclosed",
        checks::<InnermostUnclosed>(),
        "balanced_brackets::matches_stack_model",
        "a random input failed",
    )
    .reject(
        "counters",
        checks::<Counters>(),
        "balanced_brackets::examples",
        "expected: Err(Unexpected { position: 2, found: ')' })",
    )
    .reject(
        "counters",
        checks::<Counters>(),
        "balanced_brackets::matches_stack_model",
        "a random input failed",
    )
}
