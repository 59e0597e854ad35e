//! Running cargo for the kit: building a step's grade binary (reading cargo's JSON messages
//! to find the first compile error) and locating the target directory.

use std::io::BufReader;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{Context, Result};
use cargo_metadata::Message;

/// How a build ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Build {
    Ok,
    /// The first error the compiler reported, as it renders it.
    Failed {
        first_error: String,
    },
}

/// The workspace's target directory (respects `CARGO_TARGET_DIR` and config).
pub fn target_dir() -> Result<PathBuf> {
    let metadata = cargo_metadata::MetadataCommand::new()
        .current_dir(crate::steps::root())
        .no_deps()
        .exec()
        .context("`cargo metadata` failed: is cargo on your PATH?")?;
    Ok(metadata.target_directory.into_std_path_buf())
}

/// Builds the grade test of `package` without running it. With `progress`, cargo's own
/// progress (and its "Compiling …" lines) go to stderr.
pub fn build_grade(package: &str, progress: bool) -> Result<Build> {
    let mut child = Command::new(cargo())
        .current_dir(crate::steps::root())
        .args(["test", "--no-run", "--message-format=json", "-p", package])
        .args(["--test", "grade"])
        .stdout(Stdio::piped())
        .stderr(if progress {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        .spawn()
        .context("could not run cargo")?;
    let stdout = child.stdout.take().context("cargo's output")?;
    let first_error = first_error(BufReader::new(stdout));
    let status = child.wait().context("waiting for cargo")?;
    Ok(match (status.success(), first_error) {
        (true, _) => Build::Ok,
        (false, Some(first_error)) => Build::Failed { first_error },
        (false, None) => Build::Failed {
            first_error: format!(
                "cargo exited with {status}; run `cargo test -p {package}` to see why"
            ),
        },
    })
}

/// The first compiler error in a stream of cargo JSON messages.
pub fn first_error(stream: impl std::io::BufRead) -> Option<String> {
    let mut first = None;
    for message in Message::parse_stream(stream).flatten() {
        if let Message::CompilerMessage(message) = message {
            let is_error = matches!(
                message.message.level,
                cargo_metadata::diagnostic::DiagnosticLevel::Error
            );
            if is_error && first.is_none() {
                first = Some(
                    message
                        .message
                        .rendered
                        .unwrap_or_else(|| message.message.message.clone()),
                );
            }
        }
    }
    first
}

/// The cargo that runs the kit (so `cargo +toolchain kit` keeps its toolchain).
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_error_is_found_among_cargo_messages() {
        let stream = concat!(
            r#"{"reason":"compiler-artifact","package_id":"x","manifest_path":"/x/Cargo.toml","target":{"kind":["lib"],"crate_types":["lib"],"name":"x","src_path":"/x/src/lib.rs","edition":"2024","doc":true,"doctest":true,"test":true},"profile":{"opt_level":"0","debuginfo":0,"debug_assertions":true,"overflow_checks":true,"test":false},"features":[],"filenames":[],"executable":null,"fresh":true}"#,
            "\n",
            r#"{"reason":"compiler-message","package_id":"x","manifest_path":"/x/Cargo.toml","target":{"kind":["lib"],"crate_types":["lib"],"name":"x","src_path":"/x/src/lib.rs","edition":"2024","doc":true,"doctest":true,"test":true},"message":{"rendered":"error[E0308]: mismatched types\n --> src/lib.rs:1:1\n","$message_type":"diagnostic","children":[],"code":null,"level":"error","message":"mismatched types","spans":[]}}"#,
            "\n",
            r#"{"reason":"compiler-message","package_id":"x","manifest_path":"/x/Cargo.toml","target":{"kind":["lib"],"crate_types":["lib"],"name":"x","src_path":"/x/src/lib.rs","edition":"2024","doc":true,"doctest":true,"test":true},"message":{"rendered":"error: aborting\n","$message_type":"diagnostic","children":[],"code":null,"level":"error","message":"aborting","spans":[]}}"#,
            "\n"
        );
        let error = first_error(stream.as_bytes()).expect("an error");
        assert!(
            error.starts_with("error[E0308]: mismatched types"),
            "{error}"
        );
    }

    #[test]
    fn no_error_in_a_clean_stream() {
        assert_eq!(
            first_error(&b"{\"reason\":\"build-finished\",\"success\":true}\n"[..]),
            None
        );
    }
}
