// tauri.conf.json sits at the repository root, beside this package's Cargo.toml (where the
// Tauri CLI wants it), which is where tauri-build looks by default. Listing the app's commands makes Tauri generate `allow-…` permissions, so
// the capability in tauri.conf.json can grant exactly the commands the window uses.
fn main() {
    let commands: &[&str] = &["store_info"];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("failed to run the Tauri build script");
}
