//! The IPC commands through Tauri's mock runtime: the same builder the app uses, a store
//! on a temporary database, no window system needed.

mod ipc_common;

use inspection_action_tracker_app::state::AppState;
use ipc_common::{app_on, invoke, invoke_with};
use serde_json::json;

#[test]
fn store_info_reports_the_open_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.db");
    let app = app_on(AppState::open(&db));
    let info = invoke(&app, "store_info").expect("store_info succeeds");
    assert_eq!(info["path"], db.display().to_string());
    assert_eq!(info["reports"], 0);
    assert!(info["schema_version"].as_i64().unwrap() >= 1);
}

#[test]
fn store_info_explains_a_database_that_could_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("future.db");
    {
        let conn = rusqlite_free_future_db(&db);
        drop(conn);
    }
    let app = app_on(AppState::open(&db));
    let err = invoke(&app, "store_info").expect_err("a newer database is refused");
    assert_eq!(err["code"], "schema_too_new");
    assert!(err["message"].as_str().unwrap().contains("999"), "{err}");
}

/// A database whose schema version is newer than this program's, written through the
/// core (open, then bump user_version) so the test needs no SQLite of its own.
fn rusqlite_free_future_db(path: &std::path::Path) -> inspection_tracker::store::Store {
    let store = inspection_tracker::store::Store::open(path).unwrap();
    store
        .conn()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    store
}

#[test]
fn reminders_are_a_setting_that_can_be_switched_off() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    let value = |settings: &serde_json::Value| {
        settings
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == "reminders")
            .map(|s| s["value"].clone())
    };
    let settings = invoke(&app, "get_settings").unwrap();
    assert_eq!(value(&settings), Some(json!("on")));
    let settings = invoke_with(
        &app,
        "set_setting",
        json!({ "key": "reminders", "value": "off" }),
    )
    .unwrap();
    assert_eq!(value(&settings), Some(json!("off")));
    let err = invoke_with(
        &app,
        "set_setting",
        json!({ "key": "reminders", "value": "sometimes" }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("on or off"),
        "{err}"
    );
}

/// Settings → Save changes: every change in one transaction, all or none, each in the
/// history once.
#[test]
fn settings_are_saved_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    let value = |settings: &serde_json::Value, key: &str| {
        settings
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == key)
            .map(|s| s["value"].clone())
            .unwrap()
    };
    let before = invoke(&app, "get_settings").unwrap();
    // One refused: none stored, and the message names it.
    let err = invoke_with(
        &app,
        "set_settings",
        json!({ "changes": [
            { "key": "amber_window_days", "value": "21" },
            { "key": "reminders", "value": "sometimes" },
        ] }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("on or off"),
        "{err}"
    );
    assert_eq!(invoke(&app, "get_settings").unwrap(), before);
    let after = invoke_with(
        &app,
        "set_settings",
        json!({ "changes": [
            { "key": "amber_window_days", "value": "21" },
            { "key": "reminders", "value": "off" },
            { "key": "user_name", "value": "Sam Patel" },
        ] }),
    )
    .unwrap();
    assert_eq!(value(&after, "amber_window_days"), json!("21"));
    assert_eq!(value(&after, "reminders"), json!("off"));
    assert_eq!(value(&after, "user_name"), json!("Sam Patel"));
}

/// A damaged database: the window's commands say so, its backups are listed from the
/// file's path, and restoring one over it opens the app on the backup (the damaged file
/// kept beside it). An open database refuses this kind of restore.
#[test]
fn a_damaged_database_is_restored_from_a_backup_inside_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tracker.db");
    {
        let app = app_on(AppState::open(&db));
        invoke(&app, "load_samples").expect("samples load");
        let made = invoke(&app, "make_backup").expect("backup made");
        assert!(made["path"].as_str().unwrap().contains("backups"));
        let err = invoke_with(
            &app,
            "restore_over_damaged",
            json!({ "path": made["path"] }),
        )
        .unwrap_err();
        assert!(
            err["message"].as_str().unwrap().contains("Settings"),
            "{err}"
        );
    }
    let actions = {
        let store = inspection_tracker::store::Store::open(&db).unwrap();
        // Everything into the main file, so damaging it is not masked by the WAL.
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        store.info().unwrap().actions
    };
    // Damage the schema page, as a bad sector or a sync client's half-copy would.
    let mut content = std::fs::read(&db).unwrap();
    for b in &mut content[100..4096] {
        *b = 0x5a;
    }
    std::fs::write(&db, &content).unwrap();

    let app = app_on(AppState::open(&db));
    let err = invoke(&app, "store_info").unwrap_err();
    assert_eq!(err["code"], "damaged", "{err}");
    let backups = invoke(&app, "list_backups").expect("listed without the database");
    let newest = backups[0]["path"].clone();
    invoke_with(&app, "restore_over_damaged", json!({ "path": newest })).expect("restored");
    let info = invoke(&app, "store_info").expect("the app works again");
    assert_eq!(info["actions"], json!(actions));
    let kept: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // Its -wal and -shm files are kept with it.
        .filter(|n| {
            n.starts_with("tracker.db.damaged-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read(dir.path().join(&kept[0])).unwrap(), content);
}
