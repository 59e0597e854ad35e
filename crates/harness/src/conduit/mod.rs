//! The Conduit checks of steps 2, 3 and 4, each written once.
//!
//! Steps 2–4 grow one service (the RealWorld "Conduit" API) on a JSON file, then SQLite,
//! then in production, so most of what they are graded on is the same. The parts:
//!
//! - [`checks`] holds every check body, one module per API area. A body is a plain
//!   `fn(&Service) -> Result<(), Failure>` ([`Def`]): it starts the server under test as a
//!   black box, talks to it over HTTP and says what went wrong. It knows nothing of steps.
//! - [`Service`] is what a body receives: the [`Target`] (binary, extra environment, default
//!   headers) and the step's [`Contract`] (where the data lives, the body limit, auth).
//! - A step's suite ([`step2`], …) is a table: the areas it grades with their grade and the
//!   file the learner edits, and the checks it picks with the step's own hints. Nothing in a
//!   table is a check body; nothing in a body is a hint.

use std::sync::Arc;
use std::time::Duration;

use crate::check::{Check, Context, Failure};
use crate::http::{App, Server, Target};
use crate::steps::Step;
use crate::suite::Suite;

pub mod checks;
pub mod step2;
pub mod step3;
pub mod step4;

/// Names the broken part a step's `fixtures-step-N` binary plays (the fixture binaries read it).
pub const FIXTURE_VAR: &str = "BACKEND_PATH_FIXTURE";

/// The target that runs the fixture `name` of a step's `fixtures-step-N` binary at `binary`.
pub fn fixture_target(binary: &str, name: &str) -> Target {
    Target::new(binary).env(FIXTURE_VAR, name)
}

/// Where a step keeps its data inside `DATA_DIR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// One JSON file, rewritten atomically on every change (step 2).
    JsonFile(&'static str),
    /// One SQLite database file (steps 3 and 4).
    Sqlite(&'static str),
}

/// What a step promises beyond the endpoints: part of its process protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contract {
    pub storage: Storage,
    /// The largest request body accepted; one byte more is a 413.
    pub body_limit: usize,
    /// Whether writes need `Authorization: Token <jwt>` (step 4).
    pub auth: bool,
}

impl Contract {
    /// The data file's name inside `DATA_DIR`, e.g. `conduit.json`.
    pub fn data_file(&self) -> &'static str {
        match self.storage {
            Storage::JsonFile(name) | Storage::Sqlite(name) => name,
        }
    }
}

/// The server under test as a check body sees it: how to run it, what it promises.
#[derive(Debug, Clone)]
pub struct Service {
    pub target: Target,
    pub contract: Contract,
}

/// The user a step with auth registers on every fresh server, so that checks written for
/// the open API of step 2 can write: their requests carry its token.
pub const GRADER: &str = "grader";

impl Service {
    /// A fresh server on an empty `DATA_DIR`. Keep the [`App`] alive as long as the server:
    /// dropping it removes the directory.
    ///
    /// With auth ([`Contract::auth`]), the user [`GRADER`] is registered first and its token
    /// is sent with every request of this server's clients, and of the servers the [`App`]
    /// starts later (a restart keeps the users, so the token stays good).
    pub fn fresh(&self) -> Result<(App, Server), Failure> {
        let (mut app, mut server) = self.fresh_signed_out()?;
        if self.contract.auth {
            let (account, _) = server.client().sign_up(GRADER).map_err(|failure| {
                Failure::new(format!(
                    "before this check's own requests, the grader registers a user whose token \
                     they carry, and that failed (make users::register_201 pass first):\n{}",
                    failure.message
                ))
            })?;
            let authorization = account.authorization();
            app.set_header("Authorization", &authorization);
            server.set_header("Authorization", &authorization);
        }
        Ok((app, server))
    }

    /// A fresh server on an empty `DATA_DIR` with no user yet, and clients that send no token.
    pub fn fresh_signed_out(&self) -> Result<(App, Server), Failure> {
        let app = self.app()?;
        let server = app.start()?;
        Ok((app, server))
    }

    /// The value the target sets for the environment variable `name`, if any.
    pub fn env(&self, name: &str) -> Option<&str> {
        self.target
            .env
            .iter()
            .rev()
            .find(|(set, _)| set == name)
            .map(|(_, value)| value.as_str())
    }

    /// The same service with `name` removed from the server's environment and, when `value`
    /// is given, set to it instead (e.g. rate limits on for the one check that drives them).
    pub fn with_env(&self, name: &str, value: Option<&str>) -> Service {
        let mut target = self.target.clone();
        target.env.retain(|(set, _)| set != name);
        if let Some(value) = value {
            target.env.push((name.to_string(), value.to_string()));
        }
        Service {
            target,
            contract: self.contract,
        }
    }

    /// The server on a fresh, empty `DATA_DIR`, not started yet.
    pub fn app(&self) -> Result<App, Failure> {
        App::new(&self.target)
    }
}

/// A check body: everything it needs comes in the [`Service`].
pub type Body = fn(&Service) -> Result<(), Failure>;

/// A check as written once: its id and body, and what is true of it in every step.
#[derive(Debug, Clone, Copy)]
pub struct Def {
    /// The API area, e.g. `articles`.
    pub group: &'static str,
    pub name: &'static str,
    pub body: Body,
    /// How long the body may run (bursts of writes take longer than one request).
    pub timeout: Duration,
    /// A pristine stub may pass it (e.g. "the server starts").
    pub trivial: bool,
}

impl Def {
    pub const fn new(group: &'static str, name: &'static str, body: Body) -> Def {
        Def {
            group,
            name,
            body,
            timeout: Duration::from_secs(10),
            trivial: false,
        }
    }

    pub const fn timeout_secs(mut self, seconds: u64) -> Def {
        self.timeout = Duration::from_secs(seconds);
        self
    }

    pub const fn trivial(mut self) -> Def {
        self.trivial = true;
        self
    }

    pub fn id(&self) -> String {
        format!("{}::{}", self.group, self.name)
    }
}

/// An API area as a step grades it: its grade and the file the learner edits.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    pub group: &'static str,
    pub grade: u8,
    pub file: &'static str,
}

/// One line of a step's table: a check it picks, with the step's own hint.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    /// `group::name` of a [`Def`] in [`checks::ALL`].
    pub id: &'static str,
    pub hint: &'static str,
    /// The file to name instead of the area's, when this check's requests reach another.
    pub file: Option<&'static str>,
}

impl Row {
    pub const fn new(id: &'static str, hint: &'static str) -> Row {
        Row {
            id,
            hint,
            file: None,
        }
    }

    pub const fn in_file(mut self, file: &'static str) -> Row {
        self.file = Some(file);
        self
    }
}

/// A step's table: everything that makes its suite its own.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub step: &'static Step,
    pub contract: Contract,
    pub areas: &'static [Area],
    pub rows: &'static [Row],
}

impl Table {
    /// The suite of this step for the server `target`, whose crate's manifest directory is
    /// `manifest_dir` (the learner's crate, the reference or the template).
    ///
    /// # Panics
    /// When a row names a check or an area that does not exist: a mistake in the table,
    /// which the kit's own self-test meets first.
    pub fn suite(&self, target: Target, manifest_dir: &str) -> Suite {
        let service = Arc::new(Service {
            target,
            contract: self.contract,
        });
        let checks = self.rows.iter().map(|row| {
            let def = checks::find(row.id)
                .unwrap_or_else(|| panic!("{}: no Conduit check {}", self.step.package, row.id));
            let area = self
                .areas
                .iter()
                .find(|area| area.group == def.group)
                .unwrap_or_else(|| {
                    panic!(
                        "{}: {} is in no area of the table",
                        self.step.package, row.id
                    )
                });
            let service = service.clone();
            let body = def.body;
            Check {
                group: def.group,
                name: def.name,
                grade: area.grade,
                file: row.file.unwrap_or(area.file),
                hint: row.hint,
                timeout: def.timeout,
                trivial: def.trivial,
                body: Arc::new(move |_: &Context| body(&service)),
            }
        });
        Suite::new(self.step, manifest_dir).with(checks).ordered()
    }
}
