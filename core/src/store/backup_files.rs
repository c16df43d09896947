//! Automatic backups of a database file, by its path (no open store needed: the backup
//! before a migration is taken before the schema is touched): copying under a lock,
//! the schedule, keeping the newest N, and the helpers [`super::backup`] copies with.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::paths::{backup_dir_for, backup_stem};
use crate::{Error, Result};
/// Automatic backups kept when no setting says otherwise.
pub const DEFAULT_KEEP: u32 = 10;

/// Hours between scheduled backups when no setting says otherwise.
pub const DEFAULT_INTERVAL_HOURS: u32 = 24;

/// The time between scheduled backups for a setting of `hours`.
pub fn interval(hours: u32) -> Duration {
    Duration::from_secs(u64::from(hours) * 3600)
}

pub(super) fn step_all(backup: &Backup<'_, '_>) -> Result<()> {
    match backup.step(-1)? {
        StepResult::Done => Ok(()),
        // step(-1) copies every page in one go; anything else (busy, locked) means another
        // connection kept it from finishing.
        _ => Err(Error::Busy),
    }
}

/// Snapshot the database file at `db` into `dest`, through a read-only connection.
pub(super) fn copy_file(db: &Path, dest: &Path) -> Result<()> {
    let source = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    copy_with(&source, dest).map_err(|e| needing_db_size(e, db))
}

/// A full disk while backing up `db` says how much room a backup needs: about the size of
/// the database.
pub(super) fn needing_db_size(e: Error, db: &Path) -> Error {
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
pub(super) fn copy_with(source: &Connection, dest: &Path) -> Result<()> {
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

/// The automatic backups of the database file at `db`, oldest first.
pub fn list_backups_for(db: &Path) -> Result<Vec<PathBuf>> {
    crate::paths::backup_files_for(db).map_err(|e| Error::io(backup_dir_for(db), e))
}

/// [`rotate`](super::backup::rotate) for the database file at `db` (which need not be open as a [`Store`](super::Store): the
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
    // Names sort by the time they were taken, so the newest is the last: one file to ask
    // (this runs before every CLI write).
    let newest = list_backups_for(db)?
        .last()
        .and_then(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
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
    let prefix = format!("{}-", backup_stem(db));
    let stamp = crate::schedule::now().format("%Y%m%d-%H%M%S-%3f");
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
        let path = dir.join(format!(".{}.lock", backup_stem(db)));
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

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
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

pub(super) fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}
