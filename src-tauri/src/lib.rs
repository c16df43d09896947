//! The desktop shell: window, state and thin IPC commands over the `inspection_tracker`
//! core. No SQL or domain rules here.

pub mod commands;
pub mod state;

use state::AppState;

/// The app's builder, shared by `run` and the IPC tests (which build it on Tauri's mock
/// runtime with their own state).
pub fn builder<R: tauri::Runtime>() -> tauri::Builder<R> {
    tauri::Builder::<R>::new().invoke_handler(tauri::generate_handler![commands::info::store_info])
}

/// Start the app on the user's own database.
pub fn run() {
    builder()
        .manage(AppState::open_default())
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running Inspection Action Tracker");
}
