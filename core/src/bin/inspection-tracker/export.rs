//! `export`: write the board paper, statement of action, workbook, CSV or calendar.

use std::path::PathBuf;

use chrono::NaiveDate;
use inspection_tracker::export::{export_to_file, ExportFormat, ExportRequest, PaperOptions};
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

    /// Board paper: the previous paper's date, YYYY-MM-DD; the change since it is counted
    /// from the plan as recorded then (default: the last board paper exported)
    #[arg(long, value_parser = args::date, value_name = "DATE")]
    since: Option<NaiveDate>,

    /// Board paper: what the board is asked to do ("The board is asked to …")
    #[arg(long, value_name = "TEXT")]
    board_asked: Option<String>,
}

fn parse_format(s: &str) -> std::result::Result<ExportFormat, String> {
    ExportFormat::parse(s).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.as_str()).collect();
        format!("unknown format {s:?}; use one of {}", names.join(", "))
    })
}

pub fn run(cli: &Cli, a: &ExportArgs) -> Result<()> {
    let mut store = db::open(cli)?;
    let request = ExportRequest {
        format: a.format,
        as_of: args::as_of(a.as_of),
        filter: a.filters.resolved(&store)?,
        from_history: a.from_history,
        paper: PaperOptions {
            since: a.since,
            board_asked: a.board_asked.clone(),
        },
    };
    let outcome = export_to_file(&mut store, &request, &a.out, a.force)?;
    // Drafts and owner-less actions: a warning on stderr, never a refusal.
    if !outcome.warnings.is_empty() {
        let n = outcome.warnings.len();
        eprintln!(
            "warning: {} in this export {} still {} or {} no owner (exported all the same):",
            if n == 1 {
                "1 action".to_string()
            } else {
                format!("{n} actions")
            },
            if n == 1 { "is" } else { "are" },
            if n == 1 { "a draft" } else { "drafts" },
            if n == 1 { "has" } else { "have" },
        );
        for w in &outcome.warnings {
            eprintln!("  {} [{}]", w.line(), args::short(&w.action_id));
        }
    }
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
