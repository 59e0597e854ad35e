//! `cargo kit`: the learner's front door.
//!
//! With no subcommand it builds and grades every step and prints the progress board. The
//! subcommands help with the loop around it: `watch` re-grades on every save, `hint` climbs
//! a hint ladder, `reset` restores the starting code, `solution` shows the reference once
//! your code passes, `bench` races your katas against the reference and std, and
//! `ci-summary` turns two boards into the job summary of a fork's CI.
//!
//! The kit never scrapes test output: it reads the JSON report each grade run writes (see
//! `harness::report`) and cargo's own JSON messages.

mod bench;
mod board;
mod cargo;
mod ci_summary;
mod grade;
mod hint;
mod names;
mod reset;
mod solution;
mod state;
mod steps;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Backend Path: graded steps from data structures to a deployed backend service.
#[derive(Debug, Parser)]
#[command(name = "cargo kit", bin_name = "cargo kit", version)]
struct Cli {
    /// Print the board as JSON instead of text (the board only).
    #[arg(long)]
    json: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build and grade every step and print the board (the default).
    Board {
        /// Print the board as JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Re-grade on every save: the kata you changed first, on one screen (q quits).
    Watch {
        /// The step to watch, e.g. `step-1` or `1` (default: the first unfinished step).
        step: Option<String>,
        /// Only this kata or area, e.g. `two_sum` (default: whatever you save).
        name: Option<String>,
    },
    /// Climb the hint ladder of a kata, area or check: each call gives a stronger hint.
    Hint {
        /// A kata, API area or check id, e.g. `binary_search`, `articles` or
        /// `binary_search::examples` (default: the next thing to do).
        name: Option<String>,
    },
    /// Restore a step's starting code (your current files are backed up first).
    Reset {
        /// The step, e.g. `step-1` or `2`.
        step: String,
        /// Restore only this kata's or area's file (e.g. `binary_search`, `articles`).
        name: Option<String>,
        /// Really overwrite; without it, only say what would change.
        #[arg(long)]
        yes: bool,
    },
    /// Show the reference solution of a kata, an area or a step, once yours passes.
    Solution {
        /// A kata (e.g. `binary_search`), an area (e.g. `articles`) or a step (`step-2`).
        name: String,
        /// Show it even though yours does not pass yet (a spoiler).
        #[arg(long)]
        force: bool,
    },
    /// Race your step-1 katas against the reference and std with criterion (step 1 only).
    Bench {
        /// Only this kata (e.g. `merge_sort`).
        kata: Option<String>,
        /// Shorter measurements (a few seconds in all), less precise.
        #[arg(long)]
        quick: bool,
    },
    /// For a fork's CI: compare two boards (`cargo kit --json`), write the Markdown job
    /// summary, and fail only when a check that passed before fails now.
    CiSummary {
        /// The board of the previous run (a missing file means a first run).
        #[arg(long)]
        previous: PathBuf,
        /// The board of this run.
        #[arg(long)]
        current: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Board { json: false }) {
        Command::Board { json } => board::run(json || cli.json),
        Command::Watch { step, name } => watch::run(step.as_deref(), name.as_deref()),
        Command::Hint { name } => hint::run(name.as_deref()),
        Command::Reset { step, name, yes } => reset::run(&step, name.as_deref(), yes),
        Command::Solution { name, force } => solution::run(&name, force),
        Command::Bench { kata, quick } => bench::run(kata.as_deref(), quick),
        Command::CiSummary { previous, current } => ci_summary::run(&previous, &current),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{} {error:#}", console::style("error:").red().bold());
            ExitCode::from(2)
        }
    }
}
