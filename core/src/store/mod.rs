//! The SQLite store: one function opens every connection with the same pragmas, checks the
//! schema version and applies pending migrations. The submodules hold the SQL for each
//! table (verbs `get_`, `list_`, `insert_`, `update_`); rules and transactions live in
//! [`crate::plan`].

pub mod actions;
pub mod backup;
pub mod dates;
pub mod evidence;
pub mod history;
pub mod migrate;
pub mod recommendations;
pub mod reports;
pub mod rewind;
pub mod settings;
pub mod updates;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::types::ToSql;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::{Error, Result};

/// How long a connection waits for another writer before reporting "busy".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open, migrated database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// What `info` reports about a database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StoreInfo {
    pub path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub reports: i64,
    #[ts(type = "number")]
    pub recommendations: i64,
    #[ts(type = "number")]
    pub actions: i64,
    #[ts(type = "number")]
    pub open_actions: i64,
}

impl Store {
    /// Open (creating if needed) the database at `path` and bring its schema up to date.
    /// A database written by a newer version of the program is refused untouched.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        Store::setup(conn, Some(path.to_path_buf()))
    }

    /// A private in-memory database with the same pragmas and schema (tests, previews).
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    /// A connection already holding a copy of a database (see
    /// [`backup::copy_to_memory`]), with the same pragmas and schema checks.
    pub(crate) fn from_copy(conn: Connection) -> Result<Store> {
        Store::setup(conn, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        configure(&conn)?;
        // Check the version before anything writes (WAL mode itself writes the header).
        let found = migrate::user_version(&conn)?;
        let supported = migrate::latest_version();
        if found > supported {
            return Err(Error::SchemaTooNew {
                path: path
                    .as_deref()
                    .map_or(":memory:".into(), |p| p.display().to_string()),
                found,
                supported,
            });
        }
        enable_wal(&conn)?;
        migrate::migrate(&mut conn, migrate::MIGRATIONS)?;
        Ok(Store { conn, path })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The folder the database file is in (evidence and backups live beside it); `None`
    /// for an in-memory database.
    pub fn data_dir(&self) -> Option<PathBuf> {
        let path = self.path.as_deref()?;
        Some(match path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(d) => d.to_path_buf(),
            None => PathBuf::from("."),
        })
    }

    /// Start a write transaction. `IMMEDIATE` takes the write lock at once, so a second
    /// writer waits (up to the busy timeout) instead of failing half-way through.
    pub fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(busy)
    }

    /// After a restore replaced the content: WAL mode again and the schema brought up to
    /// date (a backup may be from an older version).
    pub(crate) fn after_restore(&mut self) -> Result<()> {
        configure(&self.conn)?;
        enable_wal(&self.conn)?;
        migrate::migrate(&mut self.conn, migrate::MIGRATIONS)?;
        Ok(())
    }

    pub fn info(&self) -> Result<StoreInfo> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(StoreInfo {
            path: self
                .path
                .as_deref()
                .map_or(":memory:".into(), |p| p.display().to_string()),
            schema_version: migrate::user_version(&self.conn)?,
            reports: count("SELECT count(*) FROM reports WHERE deleted_at IS NULL")?,
            recommendations: count(
                "SELECT count(*) FROM recommendations r JOIN reports p ON p.id = r.report_id
                 WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL",
            )?,
            actions: count("SELECT count(*) FROM actions WHERE deleted_at IS NULL")?,
            open_actions: count(
                "SELECT count(*) FROM actions WHERE deleted_at IS NULL AND status <> 'completed'",
            )?,
        })
    }
}

/// A "database is locked" from SQLite as the error people and scripts branch on.
pub fn busy(e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            Error::Busy
        }
        _ => Error::Sqlite(e),
    }
}

/// Pragmas every connection gets, whoever opens it.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // A 64 MiB page cache (SQLite's default is 2 MiB): on a large plan the list views
    // otherwise re-read the same index pages from the OS on every query. It fills only
    // as pages are used, so a small database costs little.
    conn.pragma_update(None, "cache_size", -65_536)?;
    Ok(())
}

fn enable_wal(conn: &Connection) -> Result<()> {
    // In-memory databases answer "memory"; files must really be in WAL mode.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if mode != "wal" && mode != "memory" {
        return Err(Error::Invalid(format!(
            "could not switch the database to WAL mode (it reports {mode})"
        )));
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// Most rows one `INSERT` statement carries (20 columns each stays far below SQLite's
/// limit on parameters).
const ROWS_PER_INSERT: usize = 64;

/// Insert `rows` with as few statements as possible: `{head} VALUES (…), (…), …`, each
/// row's `columns` values given by `values` (which passes them to the callback it gets).
///
/// Why not one statement per row: inside a transaction, every statement that may fail part
/// way (triggers, constraints) opens a statement savepoint, and at each savepoint FTS5
/// writes the terms it holds out as a new index segment. Row by row, importing one report
/// wrote ~50 tiny segments (and then merged them), each statement also copying the pages
/// it changed into the statement journal; a statement per table writes one segment.
pub(crate) fn insert_rows<T>(
    conn: &Connection,
    head: &str,
    columns: usize,
    rows: &[T],
    values: impl Fn(&T, &mut dyn FnMut(&[&dyn ToSql]) -> rusqlite::Result<()>) -> rusqlite::Result<()>,
) -> Result<()> {
    let row = format!("({})", vec!["?"; columns].join(", "));
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "{head} VALUES {}",
            vec![row.as_str(); chunk.len()].join(", ")
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut next = 1;
        for item in chunk {
            values(item, &mut |vals: &[&dyn ToSql]| {
                if vals.len() != columns {
                    return Err(rusqlite::Error::InvalidParameterCount(vals.len(), columns));
                }
                for v in vals {
                    stmt.raw_bind_parameter(next, v)?;
                    next += 1;
                }
                Ok(())
            })?;
        }
        stmt.raw_execute()?;
    }
    Ok(())
}

/// UTC timestamp for `created_at`/`at` columns.
pub fn now_utc() -> String {
    crate::schedule::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// A new id: a UUID version 7 (time-ordered, random below the millisecond). New rows'
/// keys then fall at the end of each id index instead of anywhere in it, so a write
/// touches a few pages rather than one per index per row: imports into a large plan are
/// several times faster. Ids stay unguessable and unique across machines.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
