//! IPC commands, one module per screen's needs; each is a few lines over the core.

pub mod evidence;
pub mod export;
pub mod import;
pub mod info;
pub mod overdue;
pub mod plan;
pub mod reports;
pub mod settings;
pub mod team;
pub mod timeline;

use chrono::NaiveDate;
use inspection_tracker::plan::input::parse_date;
use inspection_tracker::schedule::today;
use inspection_tracker::store::Store;
use inspection_tracker::ErrorReport;

/// What every command returns: its value, or the core's error as `{ code, message }`.
pub(crate) type Res<T> = Result<T, ErrorReport>;

/// The date a command works as of: the one given, else today.
pub(crate) fn as_of(date: Option<String>) -> Res<NaiveDate> {
    match date.filter(|d| !d.trim().is_empty()) {
        Some(d) => Ok(parse_date(&d)?),
        None => Ok(today()),
    }
}

/// Who the history records for a change made in the app.
pub(crate) fn who(store: &Store) -> Res<String> {
    plan::user_name(store)
}
