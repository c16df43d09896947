//! Settings, backups and where the data lives.

use std::path::{Path, PathBuf};

use inspection_tracker::plan::settings;
use inspection_tracker::store::{backup, backup_files, Store};
use inspection_tracker::Error;

use super::{who, Res};
use crate::dto::{BackupInfo, SettingChange, SettingView};
use crate::state::AppState;

#[tauri::command]
pub fn get_settings(state: tauri::State<'_, AppState>) -> Res<Vec<SettingView>> {
    views(&*state.store()?)
}

#[tauri::command]
pub fn set_setting(
    state: tauri::State<'_, AppState>,
    key: String,
    value: String,
) -> Res<Vec<SettingView>> {
    let mut store = state.store()?;
    let who = who(&store)?;
    settings::set(&mut store, &key, &value, &who)?;
    views(&store)
}

/// Settings → Save changes: every changed setting in one transaction (all or none).
#[tauri::command]
pub fn set_settings(
    state: tauri::State<'_, AppState>,
    changes: Vec<SettingChange>,
) -> Res<Vec<SettingView>> {
    let mut store = state.store()?;
    let who = who(&store)?;
    let pairs: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.key.as_str(), c.value.as_str()))
        .collect();
    settings::set_many(&mut store, &pairs, &who)?;
    views(&store)
}

#[tauri::command]
pub fn data_folder(state: tauri::State<'_, AppState>) -> Res<String> {
    let store = state.store()?;
    Ok(store
        .data_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_default())
}

/// The backups of the database, newest first; listed from the file's path, so also when
/// the database could not be opened (to choose one to restore).
#[tauri::command]
pub fn list_backups(state: tauri::State<'_, AppState>) -> Res<Vec<BackupInfo>> {
    let Some(db) = state.path() else {
        return Ok(Vec::new());
    };
    let mut out = backup_files::list_backups_for(db)?
        .iter()
        .map(|p| info(p))
        .collect::<Res<Vec<_>>>()?;
    out.reverse(); // newest first, as people look for the latest
    Ok(out)
}

#[tauri::command]
pub fn make_backup(state: tauri::State<'_, AppState>) -> Res<BackupInfo> {
    let store = state.store()?;
    let keep = settings::load(store.conn())?.backups_keep.max(1);
    match backup::rotate(&store, keep)? {
        Some(path) => info(&path),
        None => Err(Error::Invalid("this database has no folder for backups".into()).into()),
    }
}

#[tauri::command]
pub fn restore_backup(state: tauri::State<'_, AppState>, path: String) -> Res<()> {
    let mut store = state.store()?;
    let keep = settings::load(store.conn())?.backups_keep;
    backup::restore(&mut store, &PathBuf::from(path), keep)?;
    Ok(())
}

/// Put a backup in place of a database that could not be opened because it is damaged,
/// and open it (the damaged file is kept beside it).
#[tauri::command]
pub fn restore_over_damaged(state: tauri::State<'_, AppState>, path: String) -> Res<()> {
    state.restore_over_damaged(&PathBuf::from(path))?;
    Ok(())
}

fn views(store: &Store) -> Res<Vec<SettingView>> {
    Ok(settings::list(store.conn())?
        .into_iter()
        .map(|(key, value, is_default)| SettingView {
            key,
            value,
            is_default,
        })
        .collect())
}

fn info(path: &Path) -> Res<BackupInfo> {
    let meta =
        std::fs::metadata(path).map_err(|e| Error::Invalid(format!("{}: {e}", path.display())))?;
    let modified = meta
        .modified()
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).to_rfc3339())
        .unwrap_or_default();
    Ok(BackupInfo {
        path: path.display().to_string(),
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        modified,
        bytes: meta.len(),
    })
}
