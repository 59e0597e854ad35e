//! Rendering a request as a curl command line, so a failure can be reproduced by pasting it.
//!
//! The grader's servers listen on throw-away ports, so failures address the server as
//! `"$BASE"`: the learner starts their own server on a fixed port (see [`BY_HAND`]), sets
//! `BASE`, and pastes the line.

/// Where a pasted curl line sends its request: the learner's own server.
pub const BASE: &str = "$BASE";

/// How to run the server under test by hand so that pasted curl lines reach it; followed by
/// the server's own command (its binary and any extra environment).
pub const BY_HAND: &str =
    "BASE=http://localhost:3000 and start the server with PORT=3000 DATA_DIR=$(mktemp -d)";

/// Bodies longer than this are described rather than pasted into the command line.
const BODY_SHOWN: usize = 1_000;

/// `curl -i -X POST 'http://…' -H 'Content-Type: application/json' --data-raw '…'`.
pub fn command(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Option<&[u8]>,
) -> String {
    let mut parts = vec!["curl -i".to_string()];
    if method != "GET" || body.is_some() {
        parts.push(format!("-X {method}"));
    }
    parts.push(quote_url(url));
    for (name, value) in headers {
        parts.push(format!("-H {}", quote(&format!("{name}: {value}"))));
    }
    if let Some(body) = body {
        let text = String::from_utf8_lossy(body);
        if body.len() <= BODY_SHOWN {
            parts.push(format!("--data-raw {}", quote(&text)));
        } else if body.iter().all(|b| *b == body[0]) {
            parts.push(format!(
                "--data-binary @<(head -c {} /dev/zero | tr '\\0' {})",
                body.len(),
                quote(&(body[0] as char).to_string())
            ));
        } else {
            let start: String = text.chars().take(120).collect();
            parts.push(format!(
                "--data-binary @body.json  # a {}-byte body starting {}",
                body.len(),
                quote(&start)
            ));
        }
    }
    parts.join(" ")
}

/// A URL for the shell: `"$BASE"'/path'` when it is relative to [`BASE`], quoted otherwise.
fn quote_url(url: &str) -> String {
    match url.strip_prefix(BASE) {
        Some(path) => format!("\"{BASE}\"{}", quote(path)),
        None => quote(url),
    }
}

/// Single-quotes `text` for a POSIX shell.
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_post_with_a_json_body() {
        let headers = vec![("Content-Type".to_string(), "application/json".to_string())];
        let line = command(
            "POST",
            "http://127.0.0.1:1/api/articles",
            &headers,
            Some(br#"{"t":"it's"}"#),
        );
        assert_eq!(
            line,
            r#"curl -i -X POST 'http://127.0.0.1:1/api/articles' -H 'Content-Type: application/json' --data-raw '{"t":"it'\''s"}'"#
        );
    }

    #[test]
    fn addresses_the_learners_server_through_base() {
        let line = command("GET", "$BASE/api/articles?tag=it's", &[], None);
        assert_eq!(line, r#"curl -i "$BASE"'/api/articles?tag=it'\''s'"#);
    }

    #[test]
    fn describes_a_large_repetitive_body() {
        let line = command("POST", "http://h/x", &[], Some(&[b'a'; 5000]));
        assert!(
            line.contains("head -c 5000 /dev/zero | tr '\\0' 'a'"),
            "{line}"
        );
    }
}
