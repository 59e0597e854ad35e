//! # Kata: balanced brackets with a stack (grade 1)
//!
//! Before a config loader parses a JSON or TOML file, or a template engine renders a page,
//! a quick pass can say whether the brackets `()`, `[]` and `{}` are balanced, and point at
//! the first one that is wrong, the way a compiler does: "unexpected `]` at byte 14". Every
//! other character is ignored.
//!
//! ```text
//! check("{[()()]}")                    == Ok(())
//! check("fn main() { let v = vec![1]; }") == Ok(())
//! check("")                            == Ok(())
//! check("(]")         == Err(Unexpected { position: 1, found: ']' })  // wrong kind
//! check("a)")         == Err(Unexpected { position: 1, found: ')' })  // nothing open
//! check("())(")       == Err(Unexpected { position: 2, found: ')' })  // the FIRST error wins
//! check("x = [1, (2") == Err(Unclosed { position: 4, opener: '[' })   // the EARLIEST still open
//! check("é(")         == Err(Unclosed { position: 2, opener: '(' })   // 'é' takes 2 bytes
//! ```
//!
//! **What to report.** Read the text left to right. The first closing bracket that closes
//! nothing, or closes the wrong kind, is the error: stop there with `Unexpected`. If every
//! closer matched but some openers are still open at the end, report the **earliest** of
//! them (the one at the bottom of the stack) with `Unclosed`. Positions are **byte** offsets
//! into the `&str` (what `str::char_indices` gives), not character counts: `"é"` is 2 bytes.
//!
//! **Required:** O(n) time, one pass, and no recursion: the grader nests brackets a million
//! levels deep (recursing that deep overflows the call stack), and times the check of 500
//! and of 8 000 nested brackets: the time must grow about like n (×15 here; the limit is
//! ×64), where walking back from every closer to its opener grows like n² (×580). The grader
//! also counts allocations: one `Vec` used as the stack grows
//! by doubling, a handful of allocations in all (≤ 2·log2(n) allowed); a `String` per
//! bracket allocates 64 000 times on 64 000 brackets.
//!
//! **Where to start:** a `Vec<(usize, char)>` of the openers seen and not yet closed, with
//! their positions. Walk `text.char_indices()`: push an opener; on a closer, `pop()` and
//! check that the popped opener is its partner (an empty stack is an error too). At the end,
//! `first()` of the stack is the earliest unclosed opener.

/// Where the brackets of a text first go wrong. (The grader reads these two variants:
/// keep their names and fields.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BracketError {
    /// The closing bracket `found` at byte `position` closes nothing, or closes the wrong
    /// kind of bracket.
    Unexpected { position: usize, found: char },
    /// The text ended while the opening bracket `opener` at byte `position` was still open
    /// (the earliest such opener).
    Unclosed { position: usize, opener: char },
}

/// `Ok(())` if the brackets `()`, `[]`, `{}` of `text` are balanced, otherwise the first
/// error. Other characters are ignored.
pub fn check(text: &str) -> Result<(), BracketError> {
    let _ = text;
    todo!()
}
