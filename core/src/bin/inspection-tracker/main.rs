//! `inspection-tracker`: the command-line face of the core library, one module per
//! subcommand. Human-readable output by default, `--json` for scripts; errors go to stderr
//! as one line with a non-zero exit.

mod action;
mod args;
mod backup;
mod bin;
mod db;
mod evidence;
mod export;
mod extract;
mod filters;
mod history;
mod import;
mod info;
mod init;
mod list;
mod plan;
mod repeats;
mod report;
mod settings;
mod summary;
mod team;

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

    /// Open a database kept in a network or sync folder (OneDrive, Dropbox, a network
    /// drive) instead of refusing; it is then used with SQLite's rollback journal
    #[arg(long, global = true)]
    allow_network_folder: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the database (or bring its schema up to date)
    Init,
    /// Show the database's path, schema version and counts
    Info,
    /// Read one report and print what is extracted from it, as JSON (writes nothing)
    Extract(extract::Args),
    /// Import report files: each report with its recommendations and one action each
    Import(import::Args),
    /// List actions, soonest due first (filters: overdue, due within, owner, report, …)
    List(list::Args),
    /// Counts by status and RAG per report and overall, deadlines and next inspection
    Summary(summary::Args),
    /// Add, show, update or delete one action
    #[command(subcommand)]
    Action(action::Command),
    /// Every recorded change to an action: who, when, field, old and new value
    History(history::Args),
    /// Attach evidence (a file or a link) to an action, or list it
    #[command(subcommand)]
    Evidence(evidence::Command),
    /// Actions in the bin: list them or restore one
    #[command(subcommand)]
    Bin(bin::Command),
    /// Back the database up (a consistent snapshot, safe while the app runs)
    Backup(backup::BackupArgs),
    /// Replace the database with a checked backup (the current one is backed up first)
    Restore(backup::RestoreArgs),
    /// Write the board paper, statement of action, Excel workbook, CSV or calendar (.ics)
    Export(export::ExportArgs),
    /// A report's plan: close it (its open actions closed as overtaken)
    #[command(subcommand)]
    Plan(plan::Command),
    /// Earlier recommendations of the same authority that a report's recommendations
    /// repeat (suggested), and confirming or rejecting one
    Repeats(repeats::Args),
    /// The stored reports; set one's received date or next inspection date
    #[command(subcommand)]
    Report(report::Command),
    /// Show or change settings (no subcommand: list them all)
    Settings {
        #[command(subcommand)]
        command: Option<settings::Command>,
    },
    /// Share the plan with a team through a PostgreSQL server: set it up, connect,
    /// publish, sync, status, disconnect
    #[command(subcommand)]
    Team(team::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Init => init::run(&cli),
        Command::Info => info::run(&cli),
        Command::Extract(a) => extract::run(&cli, a),
        Command::Import(a) => import::run(&cli, a),
        Command::List(a) => list::run(&cli, a),
        Command::Summary(a) => summary::run(&cli, a),
        Command::Action(c) => action::run(&cli, c),
        Command::History(a) => history::run(&cli, a),
        Command::Evidence(c) => evidence::run(&cli, c),
        Command::Bin(c) => bin::run(&cli, c),
        Command::Backup(a) => backup::backup(&cli, a),
        Command::Restore(a) => backup::restore(&cli, a),
        Command::Export(a) => export::run(&cli, a),
        Command::Report(c) => report::run(&cli, c),
        Command::Plan(c) => plan::run(&cli, c),
        Command::Repeats(a) => repeats::run(&cli, a),
        Command::Settings { command } => settings::run(&cli, command.as_ref()),
        Command::Team(c) => team::run(&cli, c),
    };
    // While connected to a team, every command that worked on the plan ends with a sync.
    let plan_command = !matches!(
        cli.command,
        Command::Team(_) | Command::Extract(_) | Command::Backup(_) | Command::Restore(_)
    );
    if result.is_ok() && plan_command {
        team::after_command(&cli);
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // SQLite's words about the database file become ones that name it and say
            // what to do (damaged, full disk, no permission, busy).
            let e = match db::path(&cli) {
                Ok(path) => e.in_database(&path),
                Err(_) => e,
            };
            if cli.json {
                let report = inspection_tracker::ErrorReport::from(&e);
                eprintln!(
                    "{}",
                    serde_json::to_string(&report).unwrap_or_else(|_| format!("error: {e}"))
                );
            } else {
                eprintln!("error: {e}");
            }
            ExitCode::from(exit_code(e.code()))
        }
    }
}

/// The exit status for an error's code, so scripts can tell a busy database (try again)
/// from bad input without reading the message. Documented in the README.
fn exit_code(code: &str) -> u8 {
    match code {
        "busy" => 3,
        "not_a_database" | "damaged" => 4,
        "disk_full" => 5,
        "permission_denied" => 6,
        "schema_too_new" => 7,
        "unsafe_location" => 8,
        "offline" => 9,
        "not_allowed" => 10,
        _ => 1,
    }
}

/// Print a value as pretty JSON on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> inspection_tracker::Result<()> {
    let s = serde_json::to_string_pretty(value)
        .map_err(|e| inspection_tracker::Error::Invalid(format!("cannot write JSON: {e}")))?;
    println!("{s}");
    Ok(())
}
