//! Configuration from the environment: the port, the data directory, and where the
//! database file is (`DATABASE_PATH`, by default `conduit.db` inside `DATA_DIR`).

use std::path::PathBuf;

/// The database's file name inside `DATA_DIR` when `DATABASE_PATH` is not set.
pub const DATABASE_FILE: &str = "conduit.db";

/// Used when `PORT` is not set, for running the server by hand.
const DEFAULT_PORT: u16 = 3000;

#[derive(Debug, Clone)]
pub struct Config {
    /// `PORT`: 0 asks the operating system for any free port.
    pub port: u16,
    /// `DATABASE_PATH`, or `$DATA_DIR/conduit.db`. Its directory is created when missing.
    pub database_path: PathBuf,
}

impl Config {
    /// Reads `PORT`, `DATA_DIR` and `DATABASE_PATH`. A value that does not parse is an error
    /// that says what was wrong, rather than a silent default.
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
        let database_path = std::env::var_os("DATABASE_PATH")
            .filter(|path| !path.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join(DATABASE_FILE));
        Ok(Config {
            port,
            database_path,
        })
    }
}
