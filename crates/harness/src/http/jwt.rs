//! Taking a server's JSON Web Tokens apart and forging bad ones, for the security checks of
//! step 4: an expired token, a token signed with another secret, one with `alg: none`.
//!
//! A JWT is three base64url parts joined by dots: a header (`{"alg": "HS256"}`), the claims
//! (`{"sub": …, "exp": …}`) and a signature over the first two. The checks know the secret
//! (they set `JWT_SECRET`), so they can sign claims of their own choosing, as an attacker who
//! stole the secret could: only the server's verification of the signature and of `exp`
//! stands between such tokens and the data.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde_json::Value;

/// A token split into its header and claims (the signature is dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub header: Value,
    pub claims: Value,
}

impl Token {
    /// Parses `token`; `None` if it is not a JWT (three dot-separated base64url parts, the
    /// first two JSON objects).
    pub fn parse(token: &str) -> Option<Token> {
        let mut parts = token.split('.');
        let (header, claims, _signature) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let decode = |part: &str| -> Option<Value> {
            let bytes = URL_SAFE_NO_PAD.decode(part.trim_end_matches('=')).ok()?;
            serde_json::from_slice::<Value>(&bytes)
                .ok()
                .filter(Value::is_object)
        };
        Some(Token {
            header: decode(header)?,
            claims: decode(claims)?,
        })
    }

    /// The token signed with `secret` by the algorithm its header names (HS256, HS384 or
    /// HS512; anything else is signed HS256 and says so in its header).
    pub fn sign(&self, secret: &[u8]) -> String {
        let mut header = self.header.clone();
        let alg = header["alg"].as_str().unwrap_or("HS256").to_string();
        if !matches!(alg.as_str(), "HS256" | "HS384" | "HS512") {
            header["alg"] = Value::from("HS256");
        }
        let signing_input = format!("{}.{}", encode(&header), encode(&self.claims));
        let signature = match alg.as_str() {
            "HS384" => mac::<Hmac<sha2::Sha384>>(secret, &signing_input),
            "HS512" => mac::<Hmac<sha2::Sha512>>(secret, &signing_input),
            _ => mac::<Hmac<sha2::Sha256>>(secret, &signing_input),
        };
        format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }

    /// The token with `alg: none` and no signature: what a verifier that trusts the header
    /// accepts.
    pub fn unsigned(&self) -> String {
        let mut header = self.header.clone();
        header["alg"] = Value::from("none");
        format!("{}.{}.", encode(&header), encode(&self.claims))
    }
}

fn encode(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(value.to_string())
}

fn mac<M: Mac + hmac::digest::KeyInit>(secret: &[u8], input: &str) -> Vec<u8> {
    let mut mac = <M as hmac::digest::KeyInit>::new_from_slice(secret)
        .expect("HMAC takes a key of any length");
    mac.update(input.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The HS256 example token of jwt.io, whose signature is known.
    #[test]
    fn signs_like_everyone_else() {
        let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\
                     eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.\
                     SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        let parsed = Token::parse(token).expect("a JWT");
        assert_eq!(parsed.claims["name"], "John Doe");
        // Our encoding of the same JSON differs in key order and spacing, so compare the
        // signature over the original signing input instead.
        let input = token.rsplit_once('.').unwrap().0;
        let signature = mac::<Hmac<sha2::Sha256>>(b"your-256-bit-secret", input);
        assert_eq!(
            URL_SAFE_NO_PAD.encode(signature),
            "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        );
        let resigned = Token::parse(&parsed.sign(b"k")).unwrap();
        assert_eq!(resigned, parsed);
    }

    #[test]
    fn refuses_what_is_not_a_jwt() {
        assert_eq!(Token::parse("abc"), None);
        assert_eq!(Token::parse("a.b.c.d"), None);
        assert_eq!(Token::parse("e30.bm90IGpzb24.x"), None);
    }
}
