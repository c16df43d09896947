//! `export`: write the board paper, statement of action, workbook, CSV or calendar.

use std::path::PathBuf;

use chrono::NaiveDate;
use inspection_tracker::export::{export_to_file, ExportFormat, ExportRequest};
use inspection_tracker::Result;

use crate::args;
use crate::filters::FilterArgs;
use crate::{db, print_json, Cli};

/// The list views' filters, plus the format, the file and `--force`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to write: board-paper, statement (Word), xlsx, csv or ics
    #[arg(long, value_parser = parse_format, value_name = "FORMAT")]
    format: ExportFormat,

    /// The file to write (refused if it exists, unless --force)
    #[arg(long, value_name = "FILE")]
    out: PathBuf,

    /// Replace the file if it exists
    #[arg(long)]
    force: bool,

    /// The date the export is "as at", YYYY-MM-DD (default: today)
    #[arg(long, value_parser = args::date, value_name = "DATE")]
    as_of: Option<NaiveDate>,

    /// With --as-of: statuses, progress, owners and due dates as they were recorded by the
    /// end of that day, rebuilt from the history (default: today's, rated as at that date)
    #[arg(long, requires = "as_of")]
    from_history: bool,

    #[command(flatten)]
    filters: FilterArgs,
}

fn parse_format(s: &str) -> std::result::Result<ExportFormat, String> {
    ExportFormat::parse(s).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.as_str()).collect();
        format!("unknown format {s:?}; use one of {}", names.join(", "))
    })
}

pub fn run(cli: &Cli, a: &ExportArgs) -> Result<()> {
    let store = db::open(cli)?;
    let request = ExportRequest {
        format: a.format,
        as_of: args::as_of(a.as_of),
        filter: a.filters.filter(),
        from_history: a.from_history,
    };
    let outcome = export_to_file(&store, &request, &a.out, a.force)?;
    if cli.json {
        return print_json(&outcome);
    }
    println!(
        "Wrote {} ({}, {} actions, as at {}).",
        outcome.path,
        outcome.format.as_str(),
        outcome.actions,
        outcome.as_of
    );
    Ok(())
}
