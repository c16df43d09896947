//! `inspection-tracker`: the command-line face of the core library, one module per
//! subcommand. Human-readable output by default, `--json` for scripts; errors go to stderr
//! as one line with a non-zero exit.

mod db;
mod info;
mod init;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "inspection-tracker",
    version,
    about = "Track the actions from Ofsted inspection reports"
)]
pub struct Cli {
    /// Database file (default: the app's database in your data folder, or $INSPECTION_TRACKER_DB)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    /// Print machine-readable JSON instead of text
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the database (or bring its schema up to date)
    Init,
    /// Show the database's path, schema version and counts
    Info,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Init => init::run(&cli),
        Command::Info => info::run(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Print a value as pretty JSON on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> inspection_tracker::Result<()> {
    let s = serde_json::to_string_pretty(value)
        .map_err(|e| inspection_tracker::Error::Invalid(format!("cannot write JSON: {e}")))?;
    println!("{s}");
    Ok(())
}
