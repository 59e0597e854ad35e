//! Known-wrong variants of `base62`: an off-by-one alphabet, `encode(0) == ""`, digits
//! written least significant first, a decode that wraps on overflow, a 1-based error
//! position, and an encode that allocates for every digit.

use harness::Plan;
use harness::step1::base62::{ALPHABET, Base62, DecodeError, checks};

/// A correct codec over any alphabet (most significant digit first).
fn encode_with(alphabet: &[u8], mut n: u64) -> String {
    let base = alphabet.len() as u64;
    let mut buf = [0u8; 64];
    let mut start = buf.len();
    loop {
        start -= 1;
        buf[start] = alphabet[(n % base) as usize];
        n /= base;
        if n == 0 {
            break;
        }
    }
    buf[start..].iter().map(|&b| char::from(b)).collect()
}

/// A correct decoder over any alphabet, with `position` counted from `first_position`.
fn decode_with(alphabet: &[u8], code: &str, first_position: usize) -> Result<u64, DecodeError> {
    if code.is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut value = 0u64;
    for (i, ch) in code.chars().enumerate() {
        let d =
            alphabet
                .iter()
                .position(|&a| char::from(a) == ch)
                .ok_or(DecodeError::InvalidChar {
                    ch,
                    position: i + first_position,
                })? as u64;
        value = value
            .checked_mul(alphabet.len() as u64)
            .and_then(|v| v.checked_add(d))
            .ok_or(DecodeError::Overflow)?;
    }
    Ok(value)
}

/// `'0'` moved to the end of the alphabet: digit 0 is `'1'`. Round trips, but every code is
/// wrong (and its order broken).
struct OffByOneAlphabet;

const SHIFTED: &[u8; 62] = b"123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0";

impl Base62 for OffByOneAlphabet {
    fn encode(n: u64) -> String {
        encode_with(SHIFTED, n)
    }
    fn decode(code: &str) -> Result<u64, DecodeError> {
        decode_with(SHIFTED, code, 0)
    }
}

/// `while n > 0 { … }` with no special case: `encode(0) == ""`, which does not decode.
struct EmptyForZero;

impl Base62 for EmptyForZero {
    fn encode(n: u64) -> String {
        if n == 0 {
            String::new()
        } else {
            encode_with(ALPHABET, n)
        }
    }
    fn decode(code: &str) -> Result<u64, DecodeError> {
        decode_with(ALPHABET, code, 0)
    }
}

/// Least significant digit first, both ways: round trips, but `encode(62) == "01"` and
/// codes no longer sort like their numbers.
struct LittleEndian;

impl Base62 for LittleEndian {
    fn encode(n: u64) -> String {
        encode_with(ALPHABET, n).chars().rev().collect()
    }
    fn decode(code: &str) -> Result<u64, DecodeError> {
        let reversed: String = code.chars().rev().collect();
        decode_with(ALPHABET, &reversed, 0).map_err(|e| match e {
            DecodeError::InvalidChar { ch, position } => DecodeError::InvalidChar {
                ch,
                position: code.chars().count() - 1 - position,
            },
            other => other,
        })
    }
}

/// `value * 62 + digit` with wrapping arithmetic: a too-long code decodes to some small id.
struct WrappingDecode;

impl Base62 for WrappingDecode {
    fn encode(n: u64) -> String {
        encode_with(ALPHABET, n)
    }
    fn decode(code: &str) -> Result<u64, DecodeError> {
        if code.is_empty() {
            return Err(DecodeError::Empty);
        }
        let mut value = 0u64;
        for (position, ch) in code.chars().enumerate() {
            let d = ALPHABET
                .iter()
                .position(|&a| char::from(a) == ch)
                .ok_or(DecodeError::InvalidChar { ch, position })? as u64;
            value = value.wrapping_mul(62).wrapping_add(d);
        }
        Ok(value)
    }
}

/// Counts positions from 1.
struct OneBasedPosition;

impl Base62 for OneBasedPosition {
    fn encode(n: u64) -> String {
        encode_with(ALPHABET, n)
    }
    fn decode(code: &str) -> Result<u64, DecodeError> {
        decode_with(ALPHABET, code, 1)
    }
}

/// Collects digits into a `Vec<char>`, reverses, then collects a `String`: two allocations
/// (or more) per call where one will do.
struct AllocatingEncode;

impl Base62 for AllocatingEncode {
    fn encode(mut n: u64) -> String {
        let mut digits = Vec::new();
        loop {
            digits.push(char::from(ALPHABET[(n % 62) as usize]));
            n /= 62;
            if n == 0 {
                break;
            }
        }
        digits.iter().rev().collect()
    }
    fn decode(code: &str) -> Result<u64, DecodeError> {
        decode_with(ALPHABET, code, 0)
    }
}

pub fn add(plan: Plan) -> Plan {
    plan.reject(
        "off_by_one_alphabet",
        checks::<OffByOneAlphabet>(),
        "base62::examples",
        "expected: \"0\"",
    )
    .reject(
        "empty_for_zero",
        checks::<EmptyForZero>(),
        "base62::round_trip",
        "decode(encode(0))",
    )
    .reject(
        "little_endian",
        checks::<LittleEndian>(),
        "base62::order_preserved",
        "a random input failed",
    )
    .reject(
        "little_endian",
        checks::<LittleEndian>(),
        "base62::examples",
        "expected: \"10\"",
    )
    .reject(
        "wrapping_decode",
        checks::<WrappingDecode>(),
        "base62::overflow",
        "expected: Err(Overflow)",
    )
    .reject(
        "wrapping_decode",
        checks::<WrappingDecode>(),
        "base62::examples",
        "expected: Err(Overflow)",
    )
    .reject(
        "one_based_position",
        checks::<OneBasedPosition>(),
        "base62::invalid_characters",
        "InvalidChar",
    )
    .reject(
        "allocating_encode",
        checks::<AllocatingEncode>(),
        "base62::allocation_gate",
        "too many allocations",
    )
}
