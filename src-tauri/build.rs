// tauri.conf.json sits at the repository root (the Tauri CLI wants it beside this package's
// Cargo.toml). Listing the app's commands makes Tauri generate `allow-…` permissions, so
// the capability in tauri.conf.json can grant exactly the commands the window uses.
fn main() {
    let commands: &[&str] = &["store_info"];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .config_path("../tauri.conf.json")
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("failed to run the Tauri build script");
}
