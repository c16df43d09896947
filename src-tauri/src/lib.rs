//! The desktop shell: window, state and thin IPC commands over the `inspection_tracker`
//! core. No SQL or domain rules here.

pub mod commands;
pub mod dto;
pub mod platform;
pub mod samples;
pub mod state;
pub mod team_sync;

use state::AppState;

// `with_commands!`: the one list of IPC commands (see the file).
include!("command_list.rs");

/// The invoke handler for every command in the list.
macro_rules! invoke_handler {
    ($($module:ident :: $name:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$module::$name),*]
    };
}

/// Everything the app adds to a builder, shared by `run` and the IPC tests (which start
/// from Tauri's mock builder and manage their own state).
pub fn setup<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(with_commands!(invoke_handler))
}

/// Start the app on the user's own database.
pub fn run() {
    setup(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::open_default())
        .setup(|app| {
            // Team mode's background sync, for a database connected to a team (one
            // read-only query decides; nothing else runs for one used alone).
            if let Some(db) = inspection_tracker::paths::default_db_path() {
                team_sync::start(app.handle().clone(), db);
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running Inspection Action Tracker");
}
