//! The desktop shell: window, state and thin IPC commands over the `inspection_tracker`
//! core. No SQL or domain rules here.

pub mod commands;
pub mod dto;
pub mod platform;
pub mod samples;
pub mod state;

use state::AppState;

/// Every command the window may call. Keep in step with `COMMANDS` in build.rs (which
/// makes their `allow-…` permissions) and the capability in tauri.conf.json.
macro_rules! app_commands {
    () => {
        tauri::generate_handler![
            commands::info::store_info,
            commands::plan::get_summary,
            commands::plan::list_actions,
            commands::plan::show_action,
            commands::plan::update_action,
            commands::plan::add_action,
            commands::plan::add_update,
            commands::plan::delete_action,
            commands::plan::restore_action,
            commands::plan::list_bin,
            commands::plan::action_history,
            commands::plan::burn_up,
            commands::plan::set_next_inspection,
            commands::evidence::add_evidence_file,
            commands::evidence::add_evidence_link,
            commands::evidence::open_evidence,
            commands::export::export_plan,
            commands::import::preview_import,
            commands::import::create_plan,
            commands::import::load_samples,
            commands::settings::get_settings,
            commands::settings::set_setting,
            commands::settings::data_folder,
            commands::settings::list_backups,
            commands::settings::make_backup,
            commands::settings::restore_backup,
        ]
    };
}

/// Everything the app adds to a builder, shared by `run` and the IPC tests (which start
/// from Tauri's mock builder and manage their own state).
pub fn setup<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(app_commands!())
}

/// Start the app on the user's own database.
pub fn run() {
    setup(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::open_default())
        .run(tauri::generate_context!())
        .expect("error while running Inspection Action Tracker");
}
