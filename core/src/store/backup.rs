//! Backups with SQLite's online backup API, which copies a consistent snapshot of a live
//! database page by page (a plain file copy of a WAL database can miss committed data or
//! catch a half-written page).
//!
//! * [`backup_to`] writes a snapshot to a named file (via a temporary name, so a crash never
//!   leaves a half-written backup under the real name).
//! * [`rotate`] keeps the last N automatic backups in a `backups/` folder beside the
//!   database; the app and CLI call it at start-up before writing.
//! * [`restore`] checks a candidate before touching anything (integrity check, schema
//!   version, that it is one of our databases), backs up the current database, then copies
//!   the candidate into the live connection with the backup API, so the result is the
//!   old database or the new one, never a mix.

use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::{migrate, Store};
use crate::{Error, Result};

/// Automatic backups kept when no setting says otherwise.
pub const DEFAULT_KEEP: u32 = 10;

/// The folder beside the database that holds automatic backups.
pub const BACKUP_DIR: &str = "backups";

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreOutcome {
    pub restored_from: PathBuf,
    /// The backup of the database as it was just before the restore.
    pub safety_backup: Option<PathBuf>,
    /// The candidate's schema version (it is migrated to ours after the copy).
    pub restored_version: i64,
}

fn step_all(backup: &Backup<'_, '_>) -> Result<()> {
    match backup.step(-1)? {
        StepResult::Done => Ok(()),
        StepResult::Busy | StepResult::Locked => Err(Error::Busy),
        // step(-1) copies every page in one go; anything else means it could not finish.
        _ => Err(Error::Busy),
    }
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
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let mut partial = dest.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    remove_if_present(&partial)?;
    let result = (|| -> Result<()> {
        let mut dst = Connection::open(&partial)?;
        // From a connection of its own when the database is a file: copying every page
        // through the store's connection would fill its large page cache with the whole
        // database (memory the app then keeps). The copy is still one consistent snapshot.
        let own = match store.path() {
            Some(p) => Some(Connection::open_with_flags(
                p,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?),
            None => None,
        };
        let source = own.as_ref().unwrap_or(store.conn());
        step_all(&Backup::new(source, &mut dst)?)?;
        // A backup is one self-contained file: no -wal beside it.
        let _: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        dst.close().map_err(|(_, e)| e)?;
        std::fs::rename(&partial, dest).map_err(|e| Error::io(dest, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
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
    let path = store.path()?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    Some(dir.map_or_else(|| PathBuf::from(BACKUP_DIR), |d| d.join(BACKUP_DIR)))
}

fn stem(store: &Store) -> String {
    store
        .path()
        .and_then(|p| p.file_stem())
        .map_or_else(|| "tracker".into(), |s| s.to_string_lossy().into_owned())
}

/// The automatic backups of `store`, oldest first (names sort by time).
pub fn list_backups(store: &Store) -> Result<Vec<PathBuf>> {
    let Some(dir) = backup_dir(store) else {
        return Ok(Vec::new());
    };
    let prefix = format!("{}-", stem(store));
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(&dir, e)),
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".db"))
        })
        .collect();
    found.sort();
    Ok(found)
}

/// Make an automatic backup in the `backups/` folder and delete all but the newest
/// `keep`. `keep == 0` turns automatic backups off; in-memory databases have none.
/// Returns the new backup's path.
pub fn rotate(store: &Store, keep: u32) -> Result<Option<PathBuf>> {
    let Some(dir) = backup_dir(store).filter(|_| keep > 0) else {
        return Ok(None);
    };
    let stamp = crate::schedule::now().format("%Y%m%d-%H%M%S-%3f");
    let base = format!("{}-{stamp}", stem(store));
    let mut dest = dir.join(format!("{base}.db"));
    let mut n = 1;
    while dest.exists() {
        dest = dir.join(format!("{base}-{n}.db"));
        n += 1;
    }
    remove_stale_partials(&dir, &format!("{}-", stem(store)));
    backup_to(store, &dest)?;
    let all = list_backups(store)?;
    let excess = all.len().saturating_sub(keep as usize);
    for old in &all[..excess] {
        remove_if_present(old)?;
    }
    Ok(Some(dest))
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

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// A copy older than this that never got its real name was cut short (the app or the CLI
/// was closed or killed mid-copy); a younger one may belong to a copy still running in
/// another process.
const STALE_PARTIAL: std::time::Duration = std::time::Duration::from_secs(3600);

/// Delete what cut-short copies left behind (`….db.partial` and its journal), so they do
/// not pile up beside the backups. Best effort: a file that cannot be read or removed is
/// left for next time.
fn remove_stale_partials(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let leftover = name.starts_with(prefix)
            && (name.ends_with(".db.partial") || name.ends_with(".db.partial-journal"));
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_PARTIAL);
        if leftover && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}
