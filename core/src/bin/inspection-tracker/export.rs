//! `export`: write the board paper, statement of action, workbook, CSV or calendar.

use std::path::PathBuf;

use chrono::NaiveDate;
use inspection_tracker::export::{export_to_file, ExportFormat, ExportRequest};
use inspection_tracker::model::{ActionStatus, Rag};
use inspection_tracker::plan::query::Filter;
use inspection_tracker::plan::report_dates::resolve_report_id;
use inspection_tracker::Result;

use crate::args;
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

    /// Only open actions due within N days of the as-of date (with --overdue: either)
    #[arg(long, value_name = "N", value_parser = args::days)]
    due_within: Option<u32>,

    /// Only this report's actions (its id, a unique start or end of it, or its local authority)
    #[arg(long, value_name = "ID")]
    report: Option<String>,

    /// Only sections whose name contains this (ignoring case)
    #[arg(long, value_name = "TEXT")]
    section: Option<String>,

    /// Only this owner's actions (ignoring case)
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,

    /// Only actions with this status: not_started, in_progress, completed, blocked
    #[arg(long, value_parser = args::status, value_name = "STATUS")]
    status: Option<ActionStatus>,

    /// Only actions with this RAG rating: red, amber, green, blue
    #[arg(long, value_parser = args::rag, value_name = "RAG")]
    rag: Option<Rag>,

    /// Only overdue actions
    #[arg(long)]
    overdue: bool,

    /// Only actions whose recommendation, text or notes contain these words
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,

    /// Only actions whose lead partner's name contains this (ignoring case)
    #[arg(long, value_name = "TEXT")]
    lead_partner: Option<String>,
}

fn parse_format(s: &str) -> std::result::Result<ExportFormat, String> {
    ExportFormat::parse(s).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.as_str()).collect();
        format!("unknown format {s:?}; use one of {}", names.join(", "))
    })
}

pub fn run(cli: &Cli, a: &ExportArgs) -> Result<()> {
    let store = db::open(cli)?;
    // An unknown report is an error naming it, never an empty paper.
    let report_id = match &a.report {
        Some(r) => Some(resolve_report_id(&store, r)?),
        None => None,
    };
    let request = ExportRequest {
        format: a.format,
        as_of: args::as_of(a.as_of),
        filter: Filter {
            overdue: a.overdue,
            due_within_days: a.due_within,
            search: a.search.clone(),
            owner: a.owner.clone(),
            report_id,
            section: a.section.clone(),
            status: a.status,
            rag: a.rag,
            lead_partner: a.lead_partner.clone(),
        },
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
