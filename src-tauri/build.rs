// tauri.conf.json sits at the repository root, beside this package's Cargo.toml (where the
// Tauri CLI wants it). The app's commands come from the one list in
// src/command_list.rs: Tauri makes an `allow-…` permission for each, and the capability in
// capabilities/main.json grants exactly the ones the window uses.
include!("src/command_list.rs");

/// The command names, from `module::name` entries.
macro_rules! command_names {
    ($($module:ident :: $name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = with_commands!(command_names);

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/src/command_list.rs");
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run the Tauri build script");
}
