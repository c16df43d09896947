//! Adjustments to the platform made at the very start, before GTK and WebKit read them.

/// On Linux without a GPU (no DRM render node: a virtual machine, a remote desktop, Xvfb),
/// WebKitGTK's accelerated compositing runs on Mesa's software rasteriser: measured on
/// 10,000 actions, each frame then took 100–350 ms and the web process held ~100 MB more
/// than with WebKit's own CPU painting, which draws this app's pages in a few ms. So
/// compositing is turned off there; with a GPU, WebKit's default stands. A value the
/// person set in `WEBKIT_DISABLE_COMPOSITING_MODE` is always left alone.
#[cfg(target_os = "linux")]
pub fn prepare() {
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() && !has_render_node() {
        // Before any other thread exists (the first line of `main`), so nothing can be
        // reading the environment at the same time.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn prepare() {}

/// Whether a GPU render node (`/dev/dri/renderD128` …) exists.
#[cfg(target_os = "linux")]
fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri").is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}
