// tauri.conf.json sits at the repository root, beside this package's Cargo.toml (where the
// Tauri CLI wants it), which is where tauri-build looks by default. Listing the app's
// commands makes Tauri generate `allow-…` permissions, so the capability in
// tauri.conf.json can grant exactly the commands the window uses.
const COMMANDS: &[&str] = &[
    "store_info",
    "get_summary",
    "list_actions",
    "show_action",
    "update_action",
    "add_action",
    "add_update",
    "delete_action",
    "restore_action",
    "list_bin",
    "action_history",
    "burn_up",
    "set_next_inspection",
    "add_evidence_file",
    "add_evidence_link",
    "open_evidence",
    "export_plan",
    "preview_import",
    "create_plan",
    "load_samples",
    "get_settings",
    "set_setting",
    "data_folder",
    "list_backups",
    "make_backup",
    "restore_backup",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run the Tauri build script");
}
