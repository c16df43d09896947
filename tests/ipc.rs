//! The IPC commands through Tauri's mock runtime: the same builder the app uses, a store
//! on a temporary database, no window system needed.

use inspection_action_tracker_app::{setup, state::AppState};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

fn app_on(state: AppState) -> tauri::App<tauri::test::MockRuntime> {
    setup(mock_builder())
        .manage(state)
        .build(mock_context(noop_assets()))
        .expect("the app builds on the mock runtime")
}

fn invoke(
    app: &tauri::App<tauri::test::MockRuntime>,
    cmd: &str,
) -> Result<serde_json::Value, serde_json::Value> {
    let webview = WebviewWindowBuilder::new(app, "main", Default::default())
        .build()
        .expect("a mock window");
    get_ipc_response(
        &webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::default(),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<serde_json::Value>().unwrap())
}

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
