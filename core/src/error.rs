//! The core's error type. Every variant carries enough to print one clear line for a
//! person; `code()` gives the CLI and the IPC edge a stable name to branch on.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", sqlite_words(.0))]
    Sqlite(#[source] rusqlite::Error),

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

    #[error(
        "the database is busy: another program is writing to it, and it was still busy after \
         {} seconds of waiting; nothing was changed. Try again in a moment (if it stays busy, \
         close the other program or script that has the database open)",
        busy_wait_secs()
    )]
    Busy,

    #[error(
        "{} is not an Inspection Action Tracker database, or it is damaged, so it was not \
         opened (nothing was changed). {}", path.display(), restore_hint(path)
    )]
    NotADatabase { path: PathBuf },

    #[error(
        "the database {} is damaged (SQLite found its pages inconsistent: {detail}); nothing \
         more was written to it. {}", path.display(), restore_hint(path)
    )]
    Damaged { path: PathBuf, detail: String },

    #[error(
        "the disk holding {} is full{}{}; nothing was changed. Free some space on that disk \
         (or keep the database on a disk with room) and try again",
        folder_of(path).display(),
        available.map_or(String::new(), |a| format!(" ({} free)", bytes(a))),
        needed.map_or(String::new(), |n| format!(" and this needed about {}", bytes(n)))
    )]
    DiskFull {
        path: PathBuf,
        needed: Option<u64>,
        available: Option<u64>,
    },

    #[error(
        "{}: permission denied for the user {user}; nothing was changed. Ask whoever \
         manages this computer to give {user} access to it (and to its folder, where the \
         database keeps its journal and backups), or copy it to a folder you own and use \
         the copy", path.display()
    )]
    PermissionDenied { path: PathBuf, user: String },

    #[error(
        "{} is {why}. SQLite databases can be damaged there: it cannot share a database \
         safely between computers over a network drive, and a sync client can copy the file \
         half-written. The database was not opened. Move it to a folder on this computer \
         (the usual place is {}); to share a plan with colleagues, use team mode. If you are \
         sure the folder is safe, open it anyway with --allow-network-folder (the app: set \
         {}=1), which uses SQLite's rollback journal instead of WAL",
        path.display(),
        crate::paths::default_db_path().map_or_else(|| "your data folder".into(), |p| p.display().to_string()),
        crate::paths::ALLOW_NETWORK_FOLDER_ENV
    )]
    UnsafeLocation { path: PathBuf, why: String },

    #[error("{0}")]
    Read(#[from] crate::read::ReadError),

    #[error("{0}")]
    Invalid(String),

    /// The team role known here may not make this change (`model::team_role`); refused
    /// before anything was written or queued.
    #[error("{0} Nothing was changed.")]
    NotAllowed(String),

    #[error("{what} not found: {id}")]
    NotFound { what: &'static str, id: String },

    #[error(
        "{name} states no inspection or publication date, so its due dates cannot be worked \
         out; nothing was imported. Give the last day of the inspection with \
         --inspection-date YYYY-MM-DD"
    )]
    NeedsInspectionDate { name: String },

    #[error(
        "the team server {server} cannot be reached ({detail}); nothing is lost: changes \
         made here stay queued in this copy and go up at the next sync"
    )]
    Offline { server: String, detail: String },

    #[error(
        "the team server {server} has schema version {found}, newer than this program's \
         {supported}; install the newer Inspection Action Tracker your team uses (nothing \
         was changed here or on the server)"
    )]
    ServerSchemaTooNew {
        server: String,
        found: i32,
        supported: i32,
    },
}

/// SQLite's errors, except a refusal by the team-role guard triggers
/// (`store::team_capture`), which become [`Error::NotAllowed`] with the rule's words.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(f, Some(msg)) = &e {
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER {
                if let Some(words) = msg.strip_prefix(crate::model::team_role::REFUSAL_MARKER) {
                    return Error::NotAllowed(words.to_string());
                }
            }
        }
        Error::Sqlite(e)
    }
}

impl Error {
    /// A stable machine-readable name for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Sqlite(e) if is_busy(e) => "busy",
            Error::Sqlite(e) if e.sqlite_error_code() == Some(ErrorCode::DiskFull) => "disk_full",
            Error::Sqlite(_) => "database",
            Error::Io { .. } => "io",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::Migration { .. } => "migration",
            Error::Busy => "busy",
            Error::NotADatabase { .. } => "not_a_database",
            Error::Damaged { .. } => "damaged",
            Error::DiskFull { .. } => "disk_full",
            Error::PermissionDenied { .. } => "permission_denied",
            Error::UnsafeLocation { .. } => "unsafe_location",
            Error::Read(_) => "read",
            Error::Invalid(_) => "invalid",
            Error::NotAllowed(_) => "not_allowed",
            Error::NotFound { .. } => "not_found",
            Error::NeedsInspectionDate { .. } => "needs_inspection_date",
            Error::Offline { .. } => "offline",
            Error::ServerSchemaTooNew { .. } => "schema_too_new",
        }
    }

    /// A file-system error on `path`, in the words of the errors a person can act on where
    /// there is one (a full disk, a file they may not write).
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        match source.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                Error::DiskFull {
                    available: available_space(&path),
                    path,
                    needed: None,
                }
            }
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                Error::PermissionDenied {
                    path,
                    user: crate::environment::default_user(),
                }
            }
            _ => Error::Io { path, source },
        }
    }

    /// The same error told about the database file at `db`: SQLite's "file is not a
    /// database", "database disk image is malformed", "database or disk is full" and "attempt
    /// to write a readonly database" become errors that name the file and say what to do.
    pub fn in_database(self, db: &Path) -> Error {
        let Error::Sqlite(e) = &self else {
            return self;
        };
        let path = db.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Error::NotADatabase { path },
            Some(ErrorCode::DatabaseCorrupt) => Error::Damaged {
                path,
                detail: e.to_string(),
            },
            // SQLite reports some writes cut short by a full disk (its WAL and shared-memory
            // files) as a plain I/O error; a disk with next to no room left says which.
            Some(code @ (ErrorCode::DiskFull | ErrorCode::SystemIoFailure)) => {
                let available = available_space(&path);
                if code == ErrorCode::DiskFull || available.is_some_and(|a| a < NEARLY_FULL) {
                    Error::DiskFull {
                        available,
                        path,
                        needed: None,
                    }
                } else {
                    self
                }
            }
            Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
                match unwritable(&path) {
                    Some(path) => Error::PermissionDenied {
                        path,
                        user: crate::environment::default_user(),
                    },
                    None => self,
                }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy,
            _ => self,
        }
    }
}

/// SQLite's error in words a person can act on, where its code says what happened; the
/// errors that name the file come from [`Error::in_database`].
fn sqlite_words(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => format!(
            "the database file is damaged or is not an Inspection Action Tracker database \
             ({e}); nothing more was written to it. Restore a backup: Settings → Backups in \
             the app, or inspection-tracker restore FILE"
        ),
        Some(ErrorCode::DiskFull) => "the disk holding the database is full; nothing was \
             changed. Free some space on that disk and try again"
            .into(),
        Some(ErrorCode::ReadOnly) => format!(
            "the database cannot be written ({e}); nothing was changed. Check that you may \
             write to the database file and its folder"
        ),
        _ => format!("database error: {e}"),
    }
}

/// Free space below which an I/O error is taken to be the disk filling up.
const NEARLY_FULL: u64 = 16 * 1024 * 1024;

/// Seconds a write waits for another program before giving up (see `environment::busy_timeout`).
fn busy_wait_secs() -> u64 {
    crate::environment::busy_timeout().as_secs()
}

/// What a person can do about a database that will not open: where the backups are and the
/// command that puts one back.
fn restore_hint(db: &Path) -> String {
    let dir = crate::paths::backup_dir_for(db);
    match crate::paths::backup_files_for(db)
        .ok()
        .and_then(|b| b.last().cloned())
    {
        Some(newest) => format!(
            "Your backups are in {}; put the newest back with: inspection-tracker --db \"{}\" \
             restore \"{}\" (the damaged file is kept beside it)",
            dir.display(),
            db.display(),
            newest.display()
        ),
        None => format!(
            "No automatic backup of it was found in {}; if you have a copy elsewhere, restore \
             it with: inspection-tracker --db \"{}\" restore FILE",
            dir.display(),
            db.display()
        ),
    }
}

fn folder_of(path: &Path) -> &Path {
    if path.is_dir() {
        return path;
    }
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Free space on the disk holding `path` (or its nearest existing folder).
fn available_space(path: &Path) -> Option<u64> {
    path.ancestors()
        .find(|p| p.exists())
        .and_then(|p| fs4::available_space(p).ok())
}

/// The file or folder this process may not write, of the database `path` and its folder
/// (SQLite writes its journal beside the file). Tried for real: permission bits alone do
/// not say what this user may do.
fn unwritable(path: &Path) -> Option<PathBuf> {
    if path.exists() && std::fs::OpenOptions::new().append(true).open(path).is_err() {
        return Some(path.to_path_buf());
    }
    let folder = folder_of(path);
    tempfile::tempfile_in(folder)
        .is_err()
        .then(|| folder.to_path_buf())
}

/// "1.4 MB", "512 KB": sizes as a person reads them.
fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
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
