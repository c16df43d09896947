//! Where the app keeps its data: one per-user folder shared by the desktop app and the CLI
//! (`%APPDATA%\…` on Windows, `~/Library/Application Support/…` on macOS,
//! `~/.local/share/…` on Linux).

use std::path::{Path, PathBuf};

/// Matches `identifier` in tauri.conf.json so the app and the CLI find the same folder.
pub const APP_QUALIFIER: (&str, &str, &str) = (
    "uk.gov",
    "InspectionActionTracker",
    "inspection-action-tracker",
);

/// File name of the database inside the data folder.
pub const DB_FILE: &str = "tracker.db";

/// Environment variable that points both the app and the CLI at another database
/// (tests use it to keep away from the user's own data).
pub const DB_ENV: &str = "INSPECTION_TRACKER_DB";

/// Environment variable that lets the app and the CLI open a database in a network or sync
/// folder (see `store::location`); the CLI's `--allow-network-folder` sets the same.
pub const ALLOW_NETWORK_FOLDER_ENV: &str = "INSPECTION_TRACKER_ALLOW_NETWORK_FOLDER";

/// The per-user data folder.
pub fn data_dir() -> Option<PathBuf> {
    let (q, o, a) = APP_QUALIFIER;
    directories::ProjectDirs::from(q, o, a).map(|d| d.data_dir().to_path_buf())
}

/// The database to open when none is named: `$INSPECTION_TRACKER_DB`, else the data folder's.
pub fn default_db_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    data_dir().map(|d| d.join(DB_FILE))
}

/// The folder beside the database that holds automatic backups.
pub const BACKUP_DIR: &str = "backups";

/// The automatic backups folder for the database file at `db`.
pub fn backup_dir_for(db: &Path) -> PathBuf {
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty());
    dir.map_or_else(|| PathBuf::from(BACKUP_DIR), |d| d.join(BACKUP_DIR))
}

/// The file-name stem backups of `db` start with ("tracker" for `tracker.db`).
pub fn backup_stem(db: &Path) -> String {
    db.file_stem()
        .map_or_else(|| "tracker".into(), |s| s.to_string_lossy().into_owned())
}

/// The automatic backup files of the database file at `db`, oldest first (names sort by
/// time); none when the folder does not exist.
pub fn backup_files_for(db: &Path) -> std::io::Result<Vec<PathBuf>> {
    let prefix = format!("{}-", backup_stem(db));
    let entries = match std::fs::read_dir(backup_dir_for(db)) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
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
