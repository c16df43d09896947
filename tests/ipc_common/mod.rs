//! The IPC tests' shared way in: the app built as it is for the window, on Tauri's mock
//! runtime, and a call as the front end's `invoke(cmd, args)` makes it.

#![allow(dead_code, reason = "each test file uses the helpers it needs")]

use inspection_action_tracker_app::{setup, state::AppState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindowBuilder};

pub type App = tauri::App<tauri::test::MockRuntime>;

/// The app on `state`, with the same builder the window uses.
pub fn app_on(state: AppState) -> App {
    setup(mock_builder())
        .manage(state)
        .build(mock_context(noop_assets()))
        .expect("the app builds on the mock runtime")
}

/// Calls `cmd` with no arguments.
pub fn invoke(app: &App, cmd: &str) -> Result<Value, Value> {
    invoke_with(app, cmd, json!({}))
}

/// Calls `cmd` with JSON arguments, as the front end's `invoke(cmd, args)` does.
pub fn invoke_with(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    let webview = match app.get_webview_window("main") {
        Some(w) => w,
        None => WebviewWindowBuilder::new(app, "main", Default::default())
            .build()
            .expect("a mock window"),
    };
    get_ipc_response(
        &webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// A file in tests/fixtures, as a path string.
pub fn fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// The overdue actions as at `date`.
pub fn overdue_on(app: &App, date: &str) -> Vec<serde_json::Value> {
    invoke_with(
        app,
        "list_actions",
        json!({ "filter": { "overdue": true }, "asOf": date }),
    )
    .expect("list_actions succeeds")
    .as_array()
    .unwrap()
    .clone()
}
