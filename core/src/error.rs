//! The core's error type. Every variant carries enough to print one clear line for a
//! person; `code()` gives the CLI and the IPC edge a stable name to branch on.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "the database {path} has schema version {found}, newer than this program's {supported}; \
         install a newer Inspection Action Tracker to open it (the file was not changed)"
    )]
    SchemaTooNew {
        path: String,
        found: i64,
        supported: i64,
    },

    #[error("migration {version} ({name}) failed, so the database was left at version {previous}: {source}")]
    Migration {
        version: i64,
        name: String,
        previous: i64,
        #[source]
        source: rusqlite::Error,
    },

    #[error("the database is busy: another program is writing to it; try again in a moment")]
    Busy,

    #[error("{0}")]
    Read(#[from] crate::read::ReadError),

    #[error("{0}")]
    Invalid(String),

    #[error("{what} not found: {id}")]
    NotFound { what: &'static str, id: String },

    #[error(
        "{name} states no inspection or publication date, so its due dates cannot be worked \
         out; nothing was imported. Give the last day of the inspection with \
         --inspection-date YYYY-MM-DD"
    )]
    NeedsInspectionDate { name: String },
}

impl Error {
    /// A stable machine-readable name for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Sqlite(e) if is_busy(e) => "busy",
            Error::Sqlite(_) => "database",
            Error::Io { .. } => "io",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::Migration { .. } => "migration",
            Error::Busy => "busy",
            Error::Read(_) => "read",
            Error::Invalid(_) => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::NeedsInspectionDate { .. } => "needs_inspection_date",
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// An error as the CLI's `--json` mode and the desktop app's IPC show it: a stable code to
/// branch on and a message for a person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ErrorReport {
    pub code: String,
    pub message: String,
}

impl From<&Error> for ErrorReport {
    fn from(e: &Error) -> Self {
        ErrorReport {
            code: e.code().to_string(),
            message: e.to_string(),
        }
    }
}

impl From<Error> for ErrorReport {
    fn from(e: Error) -> Self {
        ErrorReport::from(&e)
    }
}
