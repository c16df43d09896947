//! The one store handle the commands share. If the database cannot be opened at start-up
//! (say it was written by a newer version) the window still opens and says why.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::thread::JoinHandle;

use inspection_tracker::plan::settings;
use inspection_tracker::store::{backup, Store};
use inspection_tracker::{paths, Error, ErrorReport};

pub enum AppState {
    Ready(Mutex<Store>),
    Failed(ErrorReport),
}

impl AppState {
    /// Open the database the CLI would open by default (`$INSPECTION_TRACKER_DB` or the
    /// user's data folder).
    pub fn open_default() -> AppState {
        match paths::default_db_path() {
            Some(path) => AppState::open(&path),
            None => AppState::Failed(ErrorReport::from(Error::Invalid(
                "cannot find your data folder to keep the database in".into(),
            ))),
        }
    }

    pub fn open(path: &Path) -> AppState {
        match Store::open(path) {
            Ok(store) => {
                // Not waited for: see `start_backup`.
                let _ = start_backup(&store);
                AppState::Ready(Mutex::new(store))
            }
            Err(e) => AppState::Failed(ErrorReport::from(e)),
        }
    }

    /// The store, or the error that kept it from opening.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, ErrorReport> {
        match self {
            // A panic while holding the lock cannot leave SQLite half-written (every write
            // is a transaction), so a poisoned lock is safe to reuse.
            AppState::Ready(m) => Ok(m.lock().unwrap_or_else(|p| p.into_inner())),
            AppState::Failed(e) => Err(e.clone()),
        }
    }
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
