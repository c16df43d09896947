//! Exports: the action plan as the documents councils send on — a board paper and the
//! statement of action in Word, a workbook in Excel, CSV, and a calendar of due dates.
//!
//! Every export reads the plan through [`data::ExportData`], which takes its rows and RAG
//! ratings from [`crate::plan::query`] with the same [`Filter`] and as-of date as the list
//! views, so a paper never disagrees with the screen. Files are written whole or not at
//! all ([`atomic`]).

pub mod atomic;
pub mod board_exceptions;
pub mod board_paper;
pub mod board_summary;
pub mod chart;
pub mod csv;
pub mod data;
mod docx;
pub mod ics;
mod render;
pub mod repeat_findings;
pub mod statement;
pub mod warnings;
mod words;
pub mod xlsx;

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::as_recorded::as_recorded;
use crate::plan::query::Filter;
use crate::store::Store;
use crate::Result;

pub use data::ExportData;
pub(crate) use render::render_error;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ExportFormat {
    /// Progress report to the board (.docx).
    BoardPaper,
    /// The written statement of action sent to the inspectorate (.docx).
    Statement,
    /// Workbook: every action plus a summary sheet (.xlsx).
    Xlsx,
    /// Every action, UTF-8 with a byte-order mark so Excel reads it right (.csv).
    Csv,
    /// One all-day event per open action on its due date (.ics).
    Ics,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::BoardPaper,
        ExportFormat::Statement,
        ExportFormat::Xlsx,
        ExportFormat::Csv,
        ExportFormat::Ics,
    ];

    /// The name the CLI takes (`board-paper`, `statement`, `xlsx`, `csv`, `ics`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::BoardPaper => "board-paper",
            ExportFormat::Statement => "statement",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
        }
    }

    pub fn parse(s: &str) -> Option<ExportFormat> {
        let s = s.trim().to_lowercase().replace('_', "-");
        ExportFormat::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::BoardPaper | ExportFormat::Statement => "docx",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
        }
    }
}

/// One export: which document, as at which date, of which actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// The date the paper is "as at": RAG ratings, overdue days and the latest update are
    /// all worked out for this day.
    pub as_of: NaiveDate,
    /// The same filter the list views take.
    pub filter: Filter,
    /// Show statuses, progress, owners and due dates as they were recorded by the end of
    /// the as-of date, rebuilt from the history ([`crate::plan::as_recorded`]), instead of
    /// today's rated as at that date.
    pub from_history: bool,
    /// The board paper's choices: the previous paper's date and the board's ask.
    pub paper: PaperOptions,
}

/// What the person decides for a board paper (the CLI's flags, the export dialog's fields).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaperOptions {
    /// The previous paper's date: the change since it is counted from the plan as recorded
    /// by the end of that day. `None`: the last board paper exported before this one's
    /// date, if any.
    pub since: Option<NaiveDate>,
    /// "The board is asked to …": what the paper asks for. `None` or empty: the default
    /// ([`board_summary::DEFAULT_ASK`]).
    pub board_asked: Option<String>,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportOutcome {
    pub path: String,
    pub format: ExportFormat,
    pub as_of: NaiveDate,
    /// Actions in the export (for the statement: actions under the recommendations shown).
    #[ts(type = "number")]
    pub actions: usize,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Drafts and actions with no owner in the export: listed, never blocking.
    pub warnings: Vec<warnings::ExportWarning>,
}

/// The export's bytes, in memory.
pub fn render(store: &Store, request: &ExportRequest) -> Result<Vec<u8>> {
    render_data(&load(store, request)?, request.format)
}

/// The data for `request`, from the plan as it is or as it was recorded.
fn load(store: &Store, request: &ExportRequest) -> Result<ExportData> {
    let mut data = if request.from_history {
        let then = as_recorded(store, request.as_of)?;
        let mut data = ExportData::load(&then, &request.filter, request.as_of)?;
        data.from_history = true;
        data
    } else {
        ExportData::load(store, &request.filter, request.as_of)?
    };
    if request.format == ExportFormat::BoardPaper {
        let since = previous_paper_date(store, request)?;
        if let Some(day) = since {
            // The plan as recorded by the end of the previous paper's day, counted the
            // same way over the same filter.
            let then = as_recorded(store, day)?;
            let items = crate::plan::query::list_actions(&then, &request.filter, day)?;
            let as_export: Vec<data::ExportAction> = items
                .into_iter()
                .map(|item| data::ExportAction {
                    item,
                    extra: Default::default(),
                })
                .collect();
            data.previous = Some(data::Previous {
                date: day,
                counts: data::count(as_export.iter(), &data.summary.reports),
            });
        }
        let until = request.from_history.then_some(request.as_of);
        data.moved = data::moved_between(store, since, until)?;
        data.board_asked = request
            .paper
            .board_asked
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
    }
    Ok(data)
}

/// What the export dialog shows before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportPreview {
    /// The name the paper is prepared by and the history records (the `user_name`
    /// setting).
    pub prepared_by: String,
    /// The previous board paper's date the change is counted from, when one is recorded
    /// (or the one asked for).
    pub previous_paper: Option<NaiveDate>,
    /// What the board is asked when the person writes nothing.
    pub default_ask: String,
    /// Actions the export would hold; 0 with a filter means no action matches.
    #[ts(type = "number")]
    pub actions: usize,
    /// Drafts and actions with no owner among them (a warning, never a refusal).
    pub warnings: Vec<warnings::ExportWarning>,
}

/// The export dialog's data for `request`, before it is written.
pub fn preview(store: &Store, request: &ExportRequest) -> Result<ExportPreview> {
    let data = load(store, request)?;
    Ok(ExportPreview {
        prepared_by: data.prepared_by.clone(),
        previous_paper: data.previous.as_ref().map(|p| p.date),
        default_ask: format!("{} {}", board_summary::ASK_LEAD, board_summary::DEFAULT_ASK),
        actions: data.actions.len(),
        warnings: warnings::of(&data),
    })
}

/// The previous paper's date: the person's choice, else the last board paper exported as
/// at an earlier date. A date on or after the paper's own is refused.
pub fn previous_paper_date(store: &Store, request: &ExportRequest) -> Result<Option<NaiveDate>> {
    match request.paper.since {
        Some(d) if d >= request.as_of => Err(crate::Error::Invalid(format!(
            "the previous paper's date ({}) must be before this paper's ({})",
            crate::labels::long_date(d),
            crate::labels::long_date(request.as_of)
        ))),
        Some(d) => Ok(Some(d)),
        None => crate::store::paper_exports::last_paper_before(
            store.conn(),
            ExportFormat::BoardPaper.as_str(),
            request.as_of,
        ),
    }
}

/// A filter that matches nothing is the person's mistake (a mistyped report or owner), not
/// a paper to send: refuse it, in words, before a file is written. The whole plan with no
/// actions in it is still exported.
pub fn check_matches(data: &ExportData) -> Result<()> {
    if let Some(id) = &data.filter.report_id {
        if data.report(id.trim()).is_none() {
            return Err(crate::Error::NotFound {
                what: "report",
                id: id.trim().to_string(),
            });
        }
    }
    if data.filter != Filter::default() && data.actions.is_empty() && data.statement.is_empty() {
        return Err(crate::Error::Invalid(
            "no action matches this export's filters; nothing was written. Widen the filters \
             or export the whole plan"
                .into(),
        ));
    }
    Ok(())
}

/// The bytes of one format from data already gathered (the benchmark times this).
pub fn render_data(data: &ExportData, format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::BoardPaper => board_paper::render(data),
        ExportFormat::Statement => statement::render(data),
        ExportFormat::Xlsx => xlsx::render(data),
        ExportFormat::Csv => Ok(csv::render(data)),
        ExportFormat::Ics => Ok(ics::render(data, &crate::store::now_utc())),
    }
}

/// Export to `out`. An existing file is refused unless `force`; the file appears whole or
/// not at all (written beside it under a temporary name, then renamed into place).
pub fn export_to_file(
    store: &mut Store,
    request: &ExportRequest,
    out: &Path,
    force: bool,
) -> Result<ExportOutcome> {
    // Refuse early, before the work of rendering; `atomic::write` checks again at the end.
    atomic::check_target(out, force)?;
    let data = load(store, request)?;
    check_matches(&data)?;
    let bytes = render_data(&data, request.format)?;
    atomic::write(out, &bytes, force)?;
    if request.format == ExportFormat::BoardPaper {
        // The next paper's "change since the previous paper" counts from this one.
        crate::plan::papers::record_paper(store, request.format.as_str(), request.as_of)?;
    }
    Ok(ExportOutcome {
        path: out.display().to_string(),
        format: request.format,
        as_of: request.as_of,
        actions: data.actions.len(),
        bytes: bytes.len() as u64,
        warnings: warnings::of(&data),
    })
}
