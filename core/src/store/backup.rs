//! Backups with SQLite's online backup API, which copies a consistent snapshot of a live
//! database page by page (a plain file copy of a WAL database can miss committed data or
//! catch a half-written page).
//!
//! * [`backup_to`] writes a snapshot to a named file (via a temporary name, so a crash never
//!   leaves a half-written backup under the real name).
//! * [`take_if_due`] is the scheduled backup: the app at start-up and the CLI before it
//!   writes take one when the newest in the `backups/` folder beside the database is older
//!   than the interval (a setting; once a day by default). [`rotate`] always takes one:
//!   before a restore, a schema migration or a bulk import. Both keep the newest N.
//! * Several processes may back up the same database at once (the app and a script, two
//!   scripts): each takes a lock file in `backups/` first, so one copies while the others
//!   wait (forced) or see the fresh copy and skip (scheduled), and no process deletes a
//!   file another is still writing.
//! * [`restore`] checks a candidate before touching anything (integrity check, schema
//!   version, that it is one of our databases), backs up the current database, then copies
//!   the candidate into the live connection with the backup API, so the result is the
//!   old database or the new one, never a mix.

use std::path::{Path, PathBuf};

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::backup_files::{copy_file, copy_with, same_file, step_all};
pub use super::backup_files::{
    interval, list_backups_for, newest_age, take_if_due, take_now, DEFAULT_INTERVAL_HOURS,
    DEFAULT_KEEP,
};
use super::{migrate, Store};
use crate::{Error, Result};

pub use crate::paths::{backup_dir_for, BACKUP_DIR};

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreOutcome {
    pub restored_from: PathBuf,
    /// The backup of the database as it was just before the restore.
    pub safety_backup: Option<PathBuf>,
    /// The candidate's schema version (it is migrated to ours after the copy).
    pub restored_version: i64,
}

/// Write a consistent snapshot of `store` to `dest` (replacing it if present).
pub fn backup_to(store: &Store, dest: &Path) -> Result<()> {
    if let Some(live) = store.path() {
        if same_file(live, dest) {
            return Err(Error::Invalid(format!(
                "{} is the database itself; choose another file for the backup",
                dest.display()
            )));
        }
    }
    match store.path() {
        // From a connection of its own when the database is a file: copying every page
        // through the store's connection would fill its large page cache with the whole
        // database (memory the app then keeps). The copy is still one consistent snapshot.
        Some(p) => copy_file(p, dest),
        None => copy_with(store.conn(), dest),
    }
}

/// A private in-memory copy of `store` (one consistent snapshot, read through its own
/// connection like [`backup_to`]), opened as a [`Store`] that nothing else sees: views of
/// the plan as it stood on a past date rewind this copy, never the real database.
pub fn copy_to_memory(store: &Store) -> Result<Store> {
    let mut dst = Connection::open_in_memory()?;
    let own = match store.path() {
        Some(p) => Some(Connection::open_with_flags(
            p,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?),
        None => None,
    };
    let source = own.as_ref().unwrap_or(store.conn());
    step_all(&Backup::new(source, &mut dst)?)?;
    Store::from_copy(dst)
}

/// The automatic backups folder for `store` (`None` for an in-memory database).
pub fn backup_dir(store: &Store) -> Option<PathBuf> {
    store.path().map(backup_dir_for)
}

/// The automatic backups of `store`, oldest first (names sort by time).
pub fn list_backups(store: &Store) -> Result<Vec<PathBuf>> {
    match store.path() {
        Some(db) => list_backups_for(db),
        None => Ok(Vec::new()),
    }
}

/// Make an automatic backup in the `backups/` folder now and delete all but the newest
/// `keep`. `keep == 0` turns automatic backups off; in-memory databases have none.
/// Returns the new backup's path. Waits for another process's backup of the same database
/// to finish first.
pub fn rotate(store: &Store, keep: u32) -> Result<Option<PathBuf>> {
    match store.path() {
        Some(db) => take_now(db, keep),
        None => Ok(None),
    }
}

/// Replace the database's content with the backup at `from`, after checking it (see the
/// module docs). The current content is first saved with [`rotate`] (kept even when
/// automatic backups are off: `keep` is at least 1 here).
pub fn restore(store: &mut Store, from: &Path, keep: u32) -> Result<RestoreOutcome> {
    if store.path().is_some_and(|live| same_file(live, from)) {
        return Err(Error::Invalid(format!(
            "{} is the database itself, not a backup",
            from.display()
        )));
    }
    let candidate = open_candidate(from)?;
    let restored_version = migrate::user_version(&candidate)?;
    let safety_backup = match store.path() {
        Some(_) => rotate(store, keep.max(1))?,
        None => None,
    };
    step_all(&Backup::new(&candidate, store.conn_mut())?)?;
    drop(candidate);
    store.after_restore()?;
    Ok(RestoreOutcome {
        restored_from: from.to_path_buf(),
        safety_backup,
        restored_version,
    })
}

/// Put the backup at `from` in place of a database file that cannot be opened because it
/// is damaged or not one of ours. The candidate is checked first (as [`restore`] does);
/// the damaged file is not deleted but renamed beside it (`….damaged-<time>`, with its
/// journal files), and reported as the outcome's `safety_backup`.
pub fn restore_over_damaged(db: &Path, from: &Path) -> Result<RestoreOutcome> {
    if same_file(db, from) {
        return Err(Error::Invalid(format!(
            "{} is the database itself, not a backup",
            from.display()
        )));
    }
    let candidate = open_candidate(from)?;
    let restored_version = migrate::user_version(&candidate)?;
    let stamp = crate::schedule::now().format("%Y%m%d-%H%M%S");
    let mut kept = db.as_os_str().to_owned();
    kept.push(format!(".damaged-{stamp}"));
    let kept = PathBuf::from(kept);
    if db.exists() {
        std::fs::rename(db, &kept).map_err(|e| Error::io(db, e))?;
    }
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        let side = PathBuf::from(side);
        if side.exists() {
            let mut to = kept.as_os_str().to_owned();
            to.push(suffix);
            std::fs::rename(&side, PathBuf::from(to)).map_err(|e| Error::io(&side, e))?;
        }
    }
    copy_with(&candidate, db)?;
    drop(candidate);
    // Opening brings the copy to WAL mode and our schema.
    Store::open(db)?;
    Ok(RestoreOutcome {
        restored_from: from.to_path_buf(),
        safety_backup: kept.exists().then_some(kept),
        restored_version,
    })
}

/// Open a backup read-only and check it can be restored; changes nothing.
fn open_candidate(from: &Path) -> Result<Connection> {
    if !from.is_file() {
        return Err(Error::io(
            from,
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such backup file"),
        ));
    }
    let refuse = |why: String| {
        Error::Invalid(format!(
            "{} cannot be restored: {why}; the database was not changed",
            from.display()
        ))
    };
    let conn = Connection::open_with_flags(
        from,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| refuse(e.to_string()))?;
    let check: Vec<String> = (|| -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect()
    })()
    .map_err(|e| refuse(e.to_string()))?;
    if check != ["ok"] {
        let first = check.first().cloned().unwrap_or_default();
        return Err(refuse(format!(
            "it fails SQLite's integrity check ({first})"
        )));
    }
    let version = migrate::user_version(&conn).map_err(|e| refuse(e.to_string()))?;
    let supported = migrate::latest_version();
    if version > supported {
        return Err(refuse(format!(
            "it has schema version {version}, newer than this program's {supported}"
        )));
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'
             AND name IN ('reports', 'recommendations', 'actions', 'history')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| refuse(e.to_string()))?;
    if version < 1 || tables != 4 {
        return Err(refuse(
            "it is not an Inspection Action Tracker database".into(),
        ));
    }
    Ok(conn)
}
