//! The one store handle the commands share. If the database cannot be opened at start-up
//! (say it was written by a newer version, or the file is damaged) the window still opens
//! and says why; a damaged file can then be replaced by a backup from inside the app.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

// parking_lot's guard can be narrowed to the store inside the slot (`try_map`), which the
// standard library's cannot on stable Rust; it also has no lock poisoning to handle (a
// panic while holding the lock cannot leave SQLite half-written: every write is a
// transaction).
use parking_lot::{MappedMutexGuard, Mutex, MutexGuard};

use inspection_tracker::plan::settings;
use inspection_tracker::store::backup::{self, RestoreOutcome};
use inspection_tracker::store::Store;
use inspection_tracker::{paths, Error, ErrorReport};

pub struct AppState {
    /// The database file; `None` when no data folder could be found.
    path: Option<PathBuf>,
    /// The open store, or the error that kept it from opening.
    slot: Mutex<Result<Store, ErrorReport>>,
}

/// The store, locked for one command.
pub type StoreGuard<'a> = MappedMutexGuard<'a, Store>;

/// What kept the database from opening that a backup can put right: the file is damaged
/// or is not one of ours (anything else, such as a busy or read-only file, it cannot).
const RESTORABLE: [&str; 2] = ["damaged", "not_a_database"];

impl AppState {
    /// Open the database the CLI would open by default (`$INSPECTION_TRACKER_DB` or the
    /// user's data folder).
    pub fn open_default() -> AppState {
        match paths::default_db_path() {
            Some(path) => AppState::open(&path),
            None => AppState {
                path: None,
                slot: Mutex::new(Err(ErrorReport::from(Error::Invalid(
                    "cannot find your data folder to keep the database in".into(),
                )))),
            },
        }
    }

    pub fn open(path: &Path) -> AppState {
        AppState {
            path: Some(path.to_path_buf()),
            slot: Mutex::new(open_store(path)),
        }
    }

    /// The store, or the error that kept it from opening.
    pub fn store(&self) -> Result<StoreGuard<'_>, ErrorReport> {
        MutexGuard::try_map(self.slot.lock(), |slot| slot.as_mut().ok()).map_err(|slot| {
            match &*slot {
                Err(e) => e.clone(),
                // `try_map` fails only when the slot holds an error.
                Ok(_) => ErrorReport::from(Error::Invalid("the database is not open".into())),
            }
        })
    }

    /// The database file's path, whether or not it opened.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Put the backup at `from` in place of a database that could not be opened because it
    /// is damaged or not one of ours, then open it. The damaged file is kept beside it. An
    /// open database, or one kept from opening for another reason, is refused: a backup
    /// would not help, and the person's data must not be replaced.
    pub fn restore_over_damaged(&self, from: &Path) -> Result<RestoreOutcome, ErrorReport> {
        let mut slot = self.slot.lock();
        let failure = match &*slot {
            Ok(_) => {
                return Err(ErrorReport::from(Error::Invalid(
                    "the database is open and working: restore a backup from Settings instead"
                        .into(),
                )))
            }
            Err(e) => e.clone(),
        };
        if !RESTORABLE.contains(&failure.code.as_str()) {
            return Err(ErrorReport::from(Error::Invalid(format!(
                "a backup cannot put this right ({}); nothing was changed",
                failure.message
            ))));
        }
        let db = self.path.as_deref().ok_or_else(|| failure.clone())?;
        let outcome = backup::restore_over_damaged(db, from)?;
        *slot = open_store(db);
        if let Err(e) = &*slot {
            return Err(e.clone());
        }
        Ok(outcome)
    }
}

fn open_store(path: &Path) -> Result<Store, ErrorReport> {
    let store = Store::open(path).map_err(ErrorReport::from)?;
    // Not waited for: see `start_backup`.
    let _ = start_backup(&store);
    Ok(store)
}

/// The scheduled backup at start-up (when the newest is older than the interval, once a
/// day by default), so a bad day can be undone.
///
/// It runs on a thread of its own, beside the window's start-up: copying a large database
/// (60 MB at 10,000 actions) before the window opened held up the first paint, by most on
/// a cold start. The copy reads through a connection of its own in one read transaction,
/// so it is the database as it stood at start-up even if the person edits meanwhile (WAL
/// lets the two run at once). A failed backup must not keep the app from opening: it is
/// reported on stderr and the app carries on.
pub fn start_backup(store: &Store) -> Option<JoinHandle<()>> {
    let (keep, every) = settings::load(store.conn())
        .map(|s| (s.backups_keep, s.backup_interval()))
        .unwrap_or((
            backup::DEFAULT_KEEP,
            backup::interval(backup::DEFAULT_INTERVAL_HOURS),
        ));
    let path = store.path()?.to_path_buf();
    let spawned = std::thread::Builder::new()
        .name("start-up backup".into())
        .spawn(move || {
            if let Err(e) = backup::take_if_due(&path, keep, every) {
                eprintln!("inspection-action-tracker: the start-up backup failed: {e}");
            }
        });
    match spawned {
        Ok(handle) => Some(handle),
        Err(e) => {
            eprintln!("inspection-action-tracker: could not start the start-up backup: {e}");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_up_backup_is_a_whole_copy_made_beside_the_app() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("tracker.db");
        let mut store = Store::open(&db).unwrap();
        settings::set(&mut store, "user_name", "Before start", "test").unwrap();
        start_backup(&store)
            .expect("a file database is backed up")
            .join()
            .unwrap();
        let made = backup::list_backups(&store).unwrap();
        assert_eq!(made.len(), 1, "{made:?}");
        let copy = Store::open(&made[0]).unwrap();
        assert_eq!(
            settings::load(copy.conn()).unwrap().user_name,
            "Before start"
        );
        let ok: String = copy
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        // The store stays usable (and writable) for the app meanwhile.
        settings::set(&mut store, "user_name", "After start", "test").unwrap();
    }

    #[test]
    fn backups_off_or_in_memory_make_none() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("tracker.db")).unwrap();
        settings::set(&mut store, "backups_keep", "0", "test").unwrap();
        start_backup(&store).unwrap().join().unwrap();
        assert!(backup::list_backups(&store).unwrap().is_empty());
        assert!(start_backup(&Store::open_in_memory().unwrap()).is_none());
    }
}
