//! Reference: base62 short-link codec.
//!
//! `encode` fills a fixed 11-byte buffer from the right (u64::MAX has 11 base-62 digits) and
//! allocates once for the result. `decode` folds the digits left to right with checked
//! arithmetic, so a value past u64::MAX is an error rather than a wrap-around; it allocates
//! nothing. Invariant of the fold: `value` is the number written by the characters read so
//! far, and it fits in a u64.

/// The 62 digits in value order.
pub const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Why a string is not a valid code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// The empty string encodes nothing (0 is `"0"`).
    Empty,
    /// `ch`, at 0-based `position`, is not one of `0-9A-Za-z`.
    InvalidChar { ch: char, position: usize },
    /// The code is worth more than `u64::MAX`.
    Overflow,
}

/// `n` written in base 62, most significant digit first; `encode(0) == "0"`.
pub fn encode(mut n: u64) -> String {
    let mut buf = [0u8; 11];
    let mut start = buf.len();
    loop {
        start -= 1;
        buf[start] = ALPHABET[(n % 62) as usize];
        n /= 62;
        if n == 0 {
            break;
        }
    }
    // Every byte comes from ALPHABET, which is ASCII.
    buf[start..].iter().map(|&b| char::from(b)).collect()
}

/// The value of one digit, or `None` for a character outside the alphabet.
fn digit(ch: char) -> Option<u64> {
    let value = match ch {
        '0'..='9' => ch as u32 - '0' as u32,
        'A'..='Z' => ch as u32 - 'A' as u32 + 10,
        'a'..='z' => ch as u32 - 'a' as u32 + 36,
        _ => return None,
    };
    Some(u64::from(value))
}

/// The number `code` stands for, or why it stands for none.
pub fn decode(code: &str) -> Result<u64, DecodeError> {
    if code.is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut value = 0u64;
    // `position` counts chars; it equals the byte offset, as every char before a bad one is ASCII.
    for (position, ch) in code.chars().enumerate() {
        let d = digit(ch).ok_or(DecodeError::InvalidChar { ch, position })?;
        value = value
            .checked_mul(62)
            .and_then(|v| v.checked_add(d))
            .ok_or(DecodeError::Overflow)?;
    }
    Ok(value)
}
