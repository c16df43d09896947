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
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::{migrate, Store};
use crate::{Error, Result};

/// Automatic backups kept when no setting says otherwise.
pub const DEFAULT_KEEP: u32 = 10;

/// Hours between scheduled backups when no setting says otherwise.
pub const DEFAULT_INTERVAL_HOURS: u32 = 24;

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
    match store.path() {
        // From a connection of its own when the database is a file: copying every page
        // through the store's connection would fill its large page cache with the whole
        // database (memory the app then keeps). The copy is still one consistent snapshot.
        Some(p) => copy_file(p, dest),
        None => copy_with(store.conn(), dest),
    }
}

/// Snapshot the database file at `db` into `dest`, through a read-only connection.
fn copy_file(db: &Path, dest: &Path) -> Result<()> {
    let source = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    copy_with(&source, dest).map_err(|e| needing_db_size(e, db))
}

/// A full disk while backing up `db` says how much room a backup needs: about the size of
/// the database.
fn needing_db_size(e: Error, db: &Path) -> Error {
    match e {
        Error::DiskFull {
            path, available, ..
        } => Error::DiskFull {
            path,
            available,
            needed: std::fs::metadata(db).ok().map(|m| m.len()),
        },
        other => other,
    }
}

/// Copy every page of `source` into `dest` via a temporary name, so a crash never leaves a
/// half-written backup under the real name.
fn copy_with(source: &Connection, dest: &Path) -> Result<()> {
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let mut partial = dest.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    remove_if_present(&partial)?;
    let result = (|| -> Result<()> {
        let mut dst = Connection::open(&partial)?;
        step_all(&Backup::new(source, &mut dst)?)?;
        // A backup is one self-contained file: no -wal beside it.
        let _: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        dst.close().map_err(|(_, e)| e)?;
        std::fs::rename(&partial, dest).map_err(|e| Error::io(dest, e))
    })()
    .map_err(|e| e.in_database(dest));
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
        let mut journal = partial.into_os_string();
        journal.push("-journal");
        let _ = std::fs::remove_file(journal);
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
    store.path().map(backup_dir_for)
}

/// The automatic backups folder for the database file at `db`.
pub fn backup_dir_for(db: &Path) -> PathBuf {
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty());
    dir.map_or_else(|| PathBuf::from(BACKUP_DIR), |d| d.join(BACKUP_DIR))
}

fn stem(db: &Path) -> String {
    db.file_stem()
        .map_or_else(|| "tracker".into(), |s| s.to_string_lossy().into_owned())
}

/// The automatic backups of `store`, oldest first (names sort by time).
pub fn list_backups(store: &Store) -> Result<Vec<PathBuf>> {
    match store.path() {
        Some(db) => list_backups_for(db),
        None => Ok(Vec::new()),
    }
}

/// The automatic backups of the database file at `db`, oldest first.
pub fn list_backups_for(db: &Path) -> Result<Vec<PathBuf>> {
    let dir = backup_dir_for(db);
    let prefix = format!("{}-", stem(db));
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

/// [`rotate`] for the database file at `db` (which need not be open as a [`Store`]: the
/// backup before a migration is taken before the schema is touched).
pub fn take_now(db: &Path, keep: u32) -> Result<Option<PathBuf>> {
    if keep == 0 {
        return Ok(None);
    }
    let Some(_lock) = BackupLock::take(db, Wait::Yes).map_err(|e| needing_db_size(e, db))? else {
        return Ok(None);
    };
    copy_and_prune(db, keep).map(Some)
}

/// The scheduled backup: take one only when the newest automatic backup of `db` is older
/// than `every` (or there is none). When another process holds the backup lock it is
/// making one right now, so this returns at once without waiting for its copy.
pub fn take_if_due(db: &Path, keep: u32, every: Duration) -> Result<Option<PathBuf>> {
    if keep == 0 || !is_due(db, every)? {
        return Ok(None);
    }
    let Some(_lock) = BackupLock::take(db, Wait::No).map_err(|e| needing_db_size(e, db))? else {
        return Ok(None);
    };
    // Checked again under the lock: another process may have just made one.
    if !is_due(db, every)? {
        return Ok(None);
    }
    copy_and_prune(db, keep).map(Some)
}

/// How long ago the newest automatic backup of `db` was written (`None`: there is none).
pub fn newest_age(db: &Path) -> Result<Option<Duration>> {
    let newest = list_backups_for(db)?
        .iter()
        .filter_map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .max();
    // A clock set back makes the newest look like it is from the future: treat it as new.
    Ok(newest.map(|t| t.elapsed().unwrap_or(Duration::ZERO)))
}

fn is_due(db: &Path, every: Duration) -> Result<bool> {
    Ok(newest_age(db)?.is_none_or(|age| age >= every))
}

/// Copy `db` under a new name in its backups folder, then delete the oldest beyond `keep`.
/// The caller holds the backup lock, so names cannot collide and nothing deleted here is
/// being written by another process.
fn copy_and_prune(db: &Path, keep: u32) -> Result<PathBuf> {
    let dir = backup_dir_for(db);
    let prefix = format!("{}-", stem(db));
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S-%3f");
    let base = format!("{prefix}{stamp}");
    let mut dest = dir.join(format!("{base}.db"));
    let mut n = 1;
    while dest.exists() {
        dest = dir.join(format!("{base}-{n}.db"));
        n += 1;
    }
    remove_stale_partials(&dir, &prefix);
    copy_file(db, &dest)?;
    let all = list_backups_for(db)?;
    let excess = all.len().saturating_sub(keep as usize);
    for old in &all[..excess] {
        remove_if_present(old)?;
    }
    Ok(dest)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Wait {
    Yes,
    No,
}

/// An exclusive lock on `backups/.<stem>.lock`, held while one process copies and prunes.
/// The operating system releases it when the process ends, however it ends, so a crash
/// never leaves the backups locked.
struct BackupLock(std::fs::File);

impl BackupLock {
    fn take(db: &Path, wait: Wait) -> Result<Option<BackupLock>> {
        let dir = backup_dir_for(db);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let path = dir.join(format!(".{}.lock", stem(db)));
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match wait {
            Wait::Yes => file.lock().map_err(|e| Error::io(&path, e))?,
            Wait::No => match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
                Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            },
        }
        Ok(Some(BackupLock(file)))
    }
}

impl Drop for BackupLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
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
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
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
        // Only ever called under the backup lock, so a young partial is not ours to judge:
        // an older program without the lock may still be writing it.
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
