//! Rendering a request as a curl command line, so a failure can be reproduced by pasting it.

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
    parts.push(quote(url));
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
    fn describes_a_large_repetitive_body() {
        let line = command("POST", "http://h/x", &[], Some(&[b'a'; 5000]));
        assert!(
            line.contains("head -c 5000 /dev/zero | tr '\\0' 'a'"),
            "{line}"
        );
    }
}
