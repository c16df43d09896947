//! The one store handle the commands share. If the database cannot be opened at start-up
//! (say it was written by a newer version) the window still opens and says why.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

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
                backup_at_start(&store);
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

/// A rotating backup at each start, so a bad day can be undone. A failed backup must not
/// keep the app from opening: it is reported on stderr and the app carries on.
fn backup_at_start(store: &Store) {
    let keep = settings::load(store.conn())
        .map(|s| s.backups_keep)
        .unwrap_or(backup::DEFAULT_KEEP);
    if let Err(e) = backup::rotate(store, keep) {
        eprintln!("inspection-action-tracker: the start-up backup failed: {e}");
    }
}
