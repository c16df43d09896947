//! The SQLite store: one function opens every connection with the same pragmas, checks the
//! schema version and applies pending migrations. The submodules hold the SQL for each
//! table (verbs `get_`, `list_`, `insert_`, `update_`); rules and transactions live in
//! [`crate::plan`].
//!
//! The SQL rule (ARCHITECTURE.md; `core/tests/sql_rule.rs` checks it): every write is
//! here. A read that builds one view (the action list, the summary, the burn-up, the
//! export's extra columns) keeps its SELECT beside the logic that owns the view, in
//! `plan/` and `export/data.rs`; nothing else in the crate, the CLI or the shell writes SQL.

pub mod actions;
pub mod area_send;
pub mod backup;
pub mod backup_files;
pub mod dates;
pub mod evidence;
pub mod history;
pub mod location;
pub mod migrate;
pub mod paper_exports;
pub mod recommendations;
pub mod repeat_links;
pub mod reports;
pub mod rewind;
pub mod settings;
pub mod team;
pub mod team_apply;
pub mod team_capture;
pub mod team_join;
pub mod updates;

use std::path::{Path, PathBuf};

use rusqlite::types::ToSql;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::{Error, Result};

pub use crate::environment::{busy_timeout, BUSY_TIMEOUT_ENV};

/// An open, migrated database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    journal: Journal,
}

/// How SQLite keeps its journal. WAL everywhere it works; the rollback journal only where
/// the person chose to keep the database in a network or sync folder anyway (WAL's
/// shared-memory index cannot work across computers, and a rollback-journal database is
/// one whole file between writes, which is what a sync client copies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Journal {
    Wal,
    Rollback,
}

/// Choices made when opening a database file.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpenOptions {
    /// Open a database in a network or sync folder (see [`location`]) instead of refusing.
    pub allow_network_folder: bool,
}

impl OpenOptions {
    /// The options the environment asks for ([`crate::paths::ALLOW_NETWORK_FOLDER_ENV`]).
    pub fn from_env() -> OpenOptions {
        OpenOptions {
            allow_network_folder: std::env::var(crate::paths::ALLOW_NETWORK_FOLDER_ENV)
                .is_ok_and(|v| matches!(v.trim(), "1" | "yes" | "true" | "on")),
        }
    }
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
    /// Open (creating if needed) the database at `path` and bring its schema up to date,
    /// with the options the environment gives ([`OpenOptions::from_env`]).
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, OpenOptions::from_env())
    }

    /// Open (creating if needed) the database at `path` and bring its schema up to date.
    /// Refused untouched: a database written by a newer version of the program, a file
    /// that is not one of our databases, and (unless `options` allow it) a database in a
    /// network or sync folder. Before a migration to a newer schema, a backup is taken.
    pub fn open_with(path: &Path, options: OpenOptions) -> Result<Store> {
        let journal = match location::check(path) {
            Some(risk) if !options.allow_network_folder => {
                return Err(Error::UnsafeLocation {
                    path: path.to_path_buf(),
                    why: risk.to_string(),
                })
            }
            Some(_) => Journal::Rollback,
            None => Journal::Wal,
        };
        (|| {
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
            Store::setup(conn, Some(path.to_path_buf()), journal)
        })()
        .map_err(|e| e.in_database(path))
    }

    /// A private in-memory database with the same pragmas and schema (tests, previews).
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None, Journal::Wal)
    }

    /// A connection already holding a copy of a database (see
    /// [`backup::copy_to_memory`]), with the same pragmas and schema checks.
    pub(crate) fn from_copy(conn: Connection) -> Result<Store> {
        Store::setup(conn, None, Journal::Wal)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>, journal: Journal) -> Result<Store> {
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
        if let Some(p) = path.as_deref() {
            // Another program's SQLite database (version 0 with tables of its own) must
            // not have our tables written into it.
            if found == 0 && has_tables(&conn)? {
                return Err(Error::NotADatabase {
                    path: p.to_path_buf(),
                });
            }
        }
        set_journal(&conn, journal)?;
        if let Some(p) = path.as_deref().filter(|_| found >= 1 && found < supported) {
            backup_files::take_now(p, migration_keep(&conn))?;
        }
        // Team mode's capture triggers name the tables' columns: made again after a
        // migration so a column a migration adds or drops is followed, and on a database
        // connected before the guard triggers existed.
        let (capture, guard) = team_capture::has_triggers(&conn)?;
        let recapture = capture && (found < supported || !guard);
        if recapture {
            team_capture::drop_triggers(&conn)?;
        }
        migrate::migrate(&mut conn, migrate::MIGRATIONS)?;
        if recapture {
            team_capture::create_triggers(&conn)?;
        }
        Ok(Store {
            conn,
            path,
            journal,
        })
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
        set_journal(&self.conn, self.journal)?;
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
        _ => e.into(),
    }
}

/// Pragmas every connection gets, whoever opens it.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(busy_timeout())?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // A 64 MiB page cache (SQLite's default is 2 MiB): on a large plan the list views
    // otherwise re-read the same index pages from the OS on every query. It fills only
    // as pages are used, so a small database costs little.
    conn.pragma_update(None, "cache_size", -65_536)?;
    Ok(())
}

fn set_journal(conn: &Connection, journal: Journal) -> Result<()> {
    let (want, synchronous) = match journal {
        Journal::Wal => ("wal", "NORMAL"),
        // Without WAL, NORMAL can lose the last commits on a power cut; FULL cannot.
        Journal::Rollback => ("delete", "FULL"),
    };
    // In-memory databases answer "memory"; files must really be in the mode asked for.
    let mode: String =
        conn.query_row(&format!("PRAGMA journal_mode = {want}"), [], |r| r.get(0))?;
    if mode != want && mode != "memory" {
        return Err(Error::Invalid(format!(
            "could not switch the database to {want} journal mode (it reports {mode}); \
             close any other program using it and try again"
        )));
    }
    conn.pragma_update(None, "synchronous", synchronous)?;
    Ok(())
}

/// Whether the database already holds tables (of whatever program made it).
fn has_tables(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// Backups to keep when backing up before a migration: the `backups_keep` setting as the
/// old schema stores it, at least one (this backup is taken even when automatic ones are
/// off: a migration is the moment one is most wanted).
fn migration_keep(conn: &Connection) -> u32 {
    conn.query_row(
        "SELECT value FROM settings WHERE key = 'backups_keep'",
        [],
        |r| r.get::<_, String>(0),
    )
    .ok()
    .and_then(|v| v.parse::<u32>().ok())
    .unwrap_or(backup_files::DEFAULT_KEEP)
    .max(1)
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
