//! The desktop shell: window, state and thin IPC commands over the `inspection_tracker`
//! core. No SQL or domain rules here.

pub mod commands;
pub mod state;

use state::AppState;

/// Everything the app adds to a builder, shared by `run` and the IPC tests (which start
/// from Tauri's mock builder and manage their own state).
pub fn setup<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![commands::info::store_info])
}

/// Start the app on the user's own database.
pub fn run() {
    setup(tauri::Builder::default())
        .manage(AppState::open_default())
        .run(tauri::generate_context!())
        .expect("error while running Inspection Action Tracker");
}
