//! Step 3: the step-2 Conduit API, kept in SQLite instead of one JSON file.
//!
//! This is the reference solution. The HTTP contract is step 2's, so everything that does
//! not touch the data is step 2's own code, used from `solution_step_2` (the error type, the
//! extractors, the model, slugs, serving). What is new, module by module:
//!
//! - [`config`]: `PORT`, `DATA_DIR`, and now `DATABASE_PATH`;
//! - [`schema`]: the tables and indexes, as migrations applied at startup;
//! - [`db`]: opening the database (pragmas, migrations) and running queries off the async
//!   runtime: a few reader connections and one writer, every write in `BEGIN IMMEDIATE`;
//! - [`writer`]: the one writer, a thread that commits the changes waiting together
//!   (group commit), each in its own savepoint, answering each after the commit;
//! - [`handlers`]: each endpoint as SQL: filters and pages computed by the database;
//! - [`routes`]: the router, as in step 2, with the database as its state;
//! - [`run`]: the command line and the process protocol (`serve`, `import FILE`);
//! - [`import`]: `solution-step-3 import conduit.json` brings a step-2 data file over.
//!
//! The invariants worth keeping in mind:
//! - a request answered 2xx is committed (and a commit survives a crash of the process);
//! - a change that reads before it writes (a unique slug, a field update) runs in one
//!   `BEGIN IMMEDIATE` transaction, so no other write slips in between;
//! - no SQLite call runs on an async worker thread: they block, and a blocked worker
//!   serves nobody else.

pub mod config;
pub mod db;
pub mod handlers;
pub mod import;
pub mod routes;
pub mod run;
pub mod schema;
pub mod writer;

pub use db::Db;
pub use routes::AppState;
pub use solution_step_2::ApiError;
