//! Golden failure messages: what each known-wrong fixture is told, recorded and compared.
//!
//! A fixture proves that a check can fail; its golden file shows *how* the failure reads, so
//! a message that turns confusing (a broken line, a missing hint, a stray debug dump) shows
//! up as a diff in review. Messages are normalised first, so that what changes from run to
//! run (ports, temporary directories, process ids, timings) does not count.
//!
//! Re-record after a deliberate change with `BACKEND_PATH_BLESS=1 cargo test -p <package>
//! --test wrong_variants`, and read the diff before committing it.

use std::path::{Path, PathBuf};

/// Set to `1` to write the golden files instead of comparing with them.
pub const BLESS_VAR: &str = "BACKEND_PATH_BLESS";

/// Where the golden message of the trial `label` lives in `dir`.
pub fn path_for(dir: &Path, label: &str) -> PathBuf {
    dir.join(format!("{}.txt", label.replace("::", ".")))
}

/// Compares `message` (normalised) with the golden file of `label` in `dir`, or records it
/// when [`BLESS_VAR`] is set. The error says what differs and how to re-record.
pub fn compare(dir: &Path, label: &str, message: &str, racy: bool) -> Result<(), String> {
    let path = path_for(dir, label);
    let got = if racy {
        every_number_replaced(&normalise(message))
    } else {
        normalise(message)
    };
    let same = |want: &str| {
        let (want, got) = (same_target(want), same_target(&got));
        if racy {
            racy_shape(&want) == racy_shape(&got)
        } else {
            want == got
        }
    };
    if std::env::var(BLESS_VAR).is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&path, &got))
            .map_err(|e| format!("cannot record {}: {e}", path.display()))?;
        return Ok(());
    }
    let want = std::fs::read_to_string(&path).map_err(|_| {
        format!(
            "no golden message is recorded for {label} ({}); record it with {BLESS_VAR}=1 and \
             read it before committing. The message:\n{got}",
            path.display()
        )
    })?;
    if same(&want) {
        Ok(())
    } else {
        Err(format!(
            "the failure message differs from its golden file {}. If the change is meant, \
             re-record with {BLESS_VAR}=1 and read the diff.\n{}",
            path.display(),
            first_difference(&want, &got)
        ))
    }
}

/// The first line that differs, both ways.
fn first_difference(want: &str, got: &str) -> String {
    let mut want_lines = want.lines();
    let mut got_lines = got.lines();
    for number in 1.. {
        match (want_lines.next(), got_lines.next()) {
            (None, None) => break,
            (w, g) if w == g => continue,
            (w, g) => {
                return format!(
                    "line {number}:\n  golden: {}\n  now:    {}",
                    w.unwrap_or("(no line)"),
                    g.unwrap_or("(no line)")
                );
            }
        }
    }
    "only trailing white space differs".to_string()
}

/// What a racy message must keep from run to run: each line up to its first quoted value
/// (which writer lost, and with what, depends on scheduling; the wording does not).
fn racy_shape(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            // Up to the first quoted value or cut-off display (`…`): where what is shown
            // depends on the run.
            let before_quote = line.split(['"', '…']).next().unwrap_or(line);
            // Columns aligned to a number's width move with it: compare words, not spaces.
            let mut words = before_quote
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // A list of numbers is one number: how many a shrunk input keeps may vary.
            while words.contains("N, N") {
                words = words.replace("N, N", "N");
            }
            words.trim_end_matches([',', ' ']).to_string()
        })
        .collect()
}

/// `text` with every run of digits replaced by `N`: for messages whose numbers depend on
/// scheduling.
pub fn every_number_replaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('N');
            }
            in_number = true;
        } else {
            out.push(c);
            in_number = false;
        }
    }
    out
}

/// The build directory of this test binary (`<target>/debug`), when it lies outside the
/// workspace (`CARGO_TARGET_DIR=/elsewhere`), and how it reads in a default checkout
/// (`target/debug`): so golden files recorded in one place compare equal in the other.
fn target_outside_root() -> Option<(String, String)> {
    let exe = std::env::current_exe().ok()?;
    let profile_dir = exe.parent()?.parent()?; // <target>/debug/deps/<test binary>
    if profile_dir.starts_with(crate::paths::workspace_root()) {
        return None;
    }
    let profile = profile_dir.file_name()?.to_str()?;
    Some((
        profile_dir.display().to_string(),
        format!("target/{profile}"),
    ))
}

/// A message with the build directory written one way: messages name it either relative to
/// the workspace (`target/debug/…`, in "by hand:" lines) or absolute (`<root>/target/debug/…`).
fn same_target(text: &str) -> String {
    text.replace("<root>/target/", "target/")
}

/// `message` with what changes from run to run replaced by a placeholder.
pub fn normalise(message: &str) -> String {
    let root = crate::paths::workspace_root().display().to_string();
    let mut text = message.replace(&root, "<root>");
    if let Some((outside, inside)) = target_outside_root() {
        text = text.replace(&outside, &inside);
    }
    text = text.replace(&cargo_home(), "<CARGO_HOME>");
    let temp = std::env::temp_dir().display().to_string();
    text = replace_tokens(&text, &format!("{temp}/backend-path-data-"), "<DATA_DIR>");
    text = replace_after(&text, "127.0.0.1:", "PORT");
    text = replace_port_settings(&text);
    text = replace_timestamps(&text);
    text = replace_after(&text, "pid ", "PID");
    text = replace_number_before(&text, " ms", "N");
    text = replace_number_before(&text, "ms)", "N");
    text = replace_jwts(&text);
    text = replace_uuids(&text);
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.last() == Some(&"") {
        lines.pop();
    }
    lines.join("\n") + "\n"
}

/// Where cargo keeps the sources of dependencies (a log line may name a file in them):
/// `$CARGO_HOME`, else `~/.cargo`.
fn cargo_home() -> String {
    std::env::var("CARGO_HOME")
        .ok()
        .filter(|home| !home.is_empty())
        .or_else(|| {
            std::env::var("HOME")
                .ok()
                .map(|home| format!("{home}/.cargo"))
        })
        .unwrap_or_else(|| "~/.cargo".to_string())
}

/// Replaces JSON Web Tokens (`eyJ….….…`, fresh claims every second) by `<JWT>`.
fn replace_jwts(text: &str) -> String {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("eyJ") {
        out.push_str(&rest[..at]);
        let token = &rest[at..];
        let mut end = 0;
        let mut dots = 0;
        for (i, c) in token.char_indices() {
            if part(c) {
                end = i + 1;
            } else if c == '.' && dots < 2 {
                dots += 1;
                end = i + 1;
            } else {
                break;
            }
        }
        if dots == 2 {
            out.push_str("<JWT>");
        } else {
            out.push_str(&token[..end]);
        }
        rest = &token[end.max(1)..];
    }
    out.push_str(rest);
    out
}

/// Replaces UUIDs (request ids) by `<UUID>`.
fn replace_uuids(text: &str) -> String {
    let is_uuid = |s: &str| {
        s.len() == 36
            && s.char_indices().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => c == '-',
                _ => c.is_ascii_hexdigit(),
            })
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        if text.is_char_boundary(at) && text.get(at..at + 36).is_some_and(is_uuid) {
            out.push_str("<UUID>");
            at += 36;
        } else {
            let c = text[at..].chars().next().expect("inside the text");
            out.push(c);
            at += c.len_utf8();
        }
    }
    out
}

/// Replaces RFC 3339 timestamps such as `2026-12-01T22:26:11.535Z` by `<TIME>`.
fn replace_timestamps(text: &str) -> String {
    let bytes = text.as_bytes();
    let shape = |at: usize| {
        bytes.len() >= at + 20
            && bytes[at..at + 4].iter().all(u8::is_ascii_digit)
            && bytes[at + 4] == b'-'
            && bytes[at + 7] == b'-'
            && bytes[at + 10] == b'T'
            && bytes[at + 13] == b':'
            && bytes[at + 16] == b':'
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        if text.is_char_boundary(at) && shape(at) {
            let end = text[at + 19..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'Z'))
                .map_or(text.len(), |n| at + 19 + n);
            out.push_str("<TIME>");
            at = end;
        } else {
            let c = text[at..].chars().next().expect("inside the text");
            out.push(c);
            at += c.len_utf8();
        }
    }
    out
}

/// Replaces `prefix` followed by a run of name characters (a temp dir's random suffix).
fn replace_tokens(text: &str, prefix: &str, placeholder: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        out.push_str(&rest[..at]);
        out.push_str(placeholder);
        rest = rest[at + prefix.len()..]
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    }
    out.push_str(rest);
    out
}

/// Replaces the digits right after each `marker` (a port after `127.0.0.1:`).
fn replace_after(text: &str, marker: &str, placeholder: &str) -> String {
    replace_digits_after(text, marker, placeholder, |_| false)
}

/// Replaces the port of a `started:  PORT=<port>` line (a check that starts the server on
/// a port it took) by `<PORT>`; `PORT=0`, the usual "any free port", stays as it is, and so
/// does the fixed port of a `by hand:` line.
fn replace_port_settings(text: &str) -> String {
    replace_digits_after(text, "started:  PORT=", "<PORT>", |digits| digits == "0")
}

/// Replaces the digits right after each `marker` by `placeholder`, except digits that
/// `keep` says stay as they are.
fn replace_digits_after(
    text: &str,
    marker: &str,
    placeholder: &str,
    keep: impl Fn(&str) -> bool,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        out.push_str(&rest[..at + marker.len()]);
        let after = &rest[at + marker.len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && !keep(&after[..digits]) {
            out.push_str(placeholder);
        } else {
            out.push_str(&after[..digits]);
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// Replaces the number right before each `unit` (a duration such as `12 ms`).
fn replace_number_before(text: &str, unit: &str, placeholder: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(unit) {
        let before = &rest[..at];
        let number = before.len()
            - before
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
                .len();
        out.push_str(&before[..before.len() - number]);
        if number > 0 {
            out.push_str(placeholder);
        }
        out.push_str(unit);
        rest = &rest[at + unit.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_directory_reads_the_same_absolute_or_relative() {
        let absolute = "started:  <root>/target/debug/fixtures-step-4";
        let relative = "started:  target/debug/fixtures-step-4";
        assert_eq!(same_target(absolute), same_target(relative));
        assert_ne!(same_target("<root>/crates/x"), same_target("crates/x"));
    }

    #[test]
    fn tokens_and_request_ids_are_replaced() {
        let text = "Token eyJhbGci.eyJzdWIi.sig-_9 and eyJ alone, \
                    id 8cb37ae3-b49e-4744-b2a5-35338c82d40f.";
        assert_eq!(normalise(text), "Token <JWT> and eyJ alone, id <UUID>.\n");
        assert_eq!(normalise("Token eyJa.eyJb."), "Token <JWT>\n");
    }

    #[test]
    fn ports_dirs_pids_and_timings_are_normalised() {
        let temp = std::env::temp_dir().display().to_string();
        let message = format!(
            "request:  curl http://127.0.0.1:40123/api/tags\nstarted:  PORT=0 \
             DATA_DIR={temp}/backend-path-data-Ab12_c /bin/x (pid 4242) after 17.5 ms   \n\n"
        );
        assert_eq!(
            normalise(&message),
            "request:  curl http://127.0.0.1:PORT/api/tags\nstarted:  PORT=0 \
             DATA_DIR=<DATA_DIR> /bin/x (pid PID) after N ms\n"
        );
        assert_eq!(
            normalise("started:  PORT=40123 x\nstarted:  PORT=0 y\nwith PORT=3000 z"),
            "started:  PORT=<PORT> x\nstarted:  PORT=0 y\nwith PORT=3000 z\n"
        );
        let registry = format!("{}/registry/src/x-1.0/src/lib.rs", cargo_home());
        assert_eq!(
            normalise(&registry),
            "<CARGO_HOME>/registry/src/x-1.0/src/lib.rs\n"
        );
    }

    #[test]
    fn timestamps_and_racy_numbers_are_normalised() {
        assert_eq!(
            normalise("\"createdAt\":\"2026-12-01T22:26:11.535Z\",\"x\":1"),
            "\"createdAt\":\"<TIME>\",\"x\":1\n"
        );
        assert_eq!(every_number_replaced("writer 17 got 4"), "writer N got N");
        let dir = tempfile::tempdir().unwrap();
        let label = "f::rejected_by::a::b";
        std::fs::write(path_for(dir.path(), label), "got \"slug-N\" twice\n").unwrap();
        assert!(compare(dir.path(), label, "got \"slug\" twice", true).is_ok());
        assert!(compare(dir.path(), label, "got \"slug\" twice", false).is_err());
        assert!(compare(dir.path(), label, "lost \"slug\"", true).is_err());
    }

    #[test]
    fn a_changed_message_is_refused_with_its_first_different_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(path_for(dir.path(), "f::rejected_by::a::b"), "one\ntwo\n").unwrap();
        assert!(compare(dir.path(), "f::rejected_by::a::b", "one\ntwo", false).is_ok());
        let error = compare(dir.path(), "f::rejected_by::a::b", "one\nthree", false).unwrap_err();
        assert!(
            error.contains("line 2:") && error.contains("three"),
            "{error}"
        );
        let missing = compare(dir.path(), "g::rejected_by::a::b", "x", false).unwrap_err();
        assert!(missing.contains(BLESS_VAR), "{missing}");
    }
}
