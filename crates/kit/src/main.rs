//! `cargo kit`: the learner's front door.
//!
//! With no subcommand it builds and grades every step and prints the progress board. The
//! subcommands help with the loop around it: `watch` re-grades on every save, `hint` says
//! what to try, `reset` restores the starting code, `solution` shows the reference, and
//! `bench` races your katas against the reference and std.
//!
//! The kit never scrapes test output: it reads the JSON report each grade run writes (see
//! `harness::report`) and cargo's own JSON messages.

mod bench;
mod board;
mod cargo;
mod grade;
mod hint;
mod reset;
mod solution;
mod steps;
mod watch;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Backend Path: graded steps from data structures to a deployed backend service.
#[derive(Debug, Parser)]
#[command(name = "cargo kit", bin_name = "cargo kit", version)]
struct Cli {
    /// Print the board as JSON instead of text.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build and grade every step and print the board (the default).
    Board,
    /// Re-grade a step every time you save a file in it (Ctrl-C to stop).
    Watch {
        /// The step to watch, e.g. `step-1` or `1` (default: the first unfinished step).
        step: Option<String>,
    },
    /// Show the hints for a kata or check (default: the next thing to do).
    Hint {
        /// A kata, API area or check id, e.g. `binary_search` or `binary_search::examples`.
        name: Option<String>,
    },
    /// Restore a step's starting code (your current files are backed up first).
    Reset {
        /// The step, e.g. `step-1` or `1`.
        step: String,
        /// Restore only this kata's file (e.g. `binary_search`), not the whole step.
        kata: Option<String>,
        /// Really overwrite; without it, only say what would change.
        #[arg(long)]
        yes: bool,
    },
    /// Show the reference solution of a kata or a step.
    Solution {
        /// A kata (e.g. `binary_search`) or a step (e.g. `step-2`).
        name: String,
    },
    /// Race your katas against the reference and std with criterion, and print the ratios.
    Bench {
        /// Only this kata (e.g. `merge_sort`).
        kata: Option<String>,
        /// Shorter measurements (a few seconds in all), less precise.
        #[arg(long)]
        quick: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Board) {
        Command::Board => board::run(cli.json),
        Command::Watch { step } => watch::run(step.as_deref()),
        Command::Hint { name } => hint::run(name.as_deref()),
        Command::Reset { step, kata, yes } => reset::run(&step, kata.as_deref(), yes),
        Command::Solution { name } => solution::run(&name),
        Command::Bench { kata, quick } => bench::run(kata.as_deref(), quick),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{} {error:#}", console::style("error:").red().bold());
            ExitCode::from(2)
        }
    }
}
