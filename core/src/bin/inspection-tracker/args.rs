//! Flag values shared by several subcommands, parsed by the plan's own parsers so the CLI
//! and the app accept the same input.

use chrono::NaiveDate;
use inspection_tracker::model::{ActionStatus, Rag};
use inspection_tracker::plan::as_recorded::as_recorded;
use inspection_tracker::plan::input;
use inspection_tracker::schedule;
use inspection_tracker::store::Store;
use inspection_tracker::Result as CoreResult;

pub fn date(s: &str) -> Result<NaiveDate, String> {
    input::parse_date(s).map_err(|e| e.to_string())
}

pub fn status(s: &str) -> Result<ActionStatus, String> {
    input::parse_status(s).map_err(|e| e.to_string())
}

pub fn rag(s: &str) -> Result<Rag, String> {
    input::parse_rag(s).map_err(|e| e.to_string())
}

pub fn progress(s: &str) -> Result<u8, String> {
    input::parse_progress(s).map_err(|e| e.to_string())
}

pub fn days(s: &str) -> Result<u32, String> {
    input::parse_days(s).map_err(|e| e.to_string())
}

/// The date a view is "as at": `--as-of`, else today.
pub fn as_of(flag: Option<NaiveDate>) -> NaiveDate {
    flag.unwrap_or_else(schedule::today)
}

/// The store the plan views read: the database itself, or with `--from-history` a private
/// copy rewound to the end of the as-of date.
pub fn plan_store(store: Store, as_of: Option<NaiveDate>, from_history: bool) -> CoreResult<Store> {
    match as_of {
        Some(day) if from_history => as_recorded(&store, day),
        _ => Ok(store),
    }
}

/// `2011-10-14`, or a dash.
pub fn show_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "-".into(), |d| d.format("%Y-%m-%d").to_string())
}

/// The last 8 characters of an id, as lists show it (commands accept any unique start or
/// end). The end, because ids are time-ordered: their first characters are the time they
/// were made, shared by everything made the same week; the end is random.
pub fn short(id: &str) -> &str {
    id.get(id.len().saturating_sub(8)..).unwrap_or(id)
}

/// `text` cut to `max` characters with "…".
pub fn clip(text: &str, max: usize) -> String {
    // At a word boundary: `action show ID` has the full text.
    inspection_tracker::labels::short_text(text, max)
}
