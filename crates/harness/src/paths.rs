//! Where things are: the workspace root and paths relative to it, for messages that name
//! the file a learner should open.

use std::path::{Path, PathBuf};

/// The workspace root, found from the harness crate's own location (`crates/harness`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the harness lives at <root>/crates/harness")
        .to_path_buf()
}

/// `path` relative to the workspace root when it is inside it, unchanged otherwise.
pub fn relative_to_workspace(path: &str) -> String {
    let root = workspace_root();
    match Path::new(path).strip_prefix(&root) {
        Ok(relative) => relative.display().to_string(),
        Err(_) => path.to_string(),
    }
}
