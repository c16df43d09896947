//! Everything a fresh machine needs before the app builds: system packages (Debian/Ubuntu),
//! the UI's npm packages, and the UI build that Tauri embeds.

use std::process::Command;

use crate::util::{have, npm, run};

/// Debian/Ubuntu packages: Tauri's WebKitGTK stack, and for the tests Xvfb, the WebKit
/// WebDriver, Chromium (for the UI tests with mocked IPC), PostgreSQL (team mode's
/// tests start throw-away clusters of their own) and Python 3 (the real-window tests'
/// window-manager close, tests/e2e/wm_close.py).
pub const DEBIAN_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "libxdo-dev",
    "libssl-dev",
    "build-essential",
    "pkg-config",
    "file",
    "patchelf",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "chromium",
    "postgresql",
    "libdbus-1-dev",
    "python3",
];

pub fn all() -> Result<(), String> {
    system_packages()?;
    ui()
}

fn system_packages() -> Result<(), String> {
    if !cfg!(target_os = "linux") {
        // Windows has WebView2 and macOS has WebKit built in.
        return Ok(());
    }
    if !have("dpkg-query") {
        eprintln!(
            "xtask: not a Debian-based system; install Tauri's prerequisites for your distribution \
             (https://v2.tauri.app/start/prerequisites/), plus Xvfb and WebKitWebDriver for the tests"
        );
        return Ok(());
    }
    let missing: Vec<&str> = DEBIAN_PACKAGES
        .iter()
        .copied()
        .filter(|p| !installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "these system packages are missing; install them and run again:\n  sudo apt-get install -y {}",
            missing.join(" ")
        ));
    }
    run(Command::new("apt-get").arg("update").arg("-qq"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn ui() -> Result<(), String> {
    if !have(if cfg!(windows) { "npm.cmd" } else { "npm" }) {
        return Err(
            "Node.js 20 or newer (with npm) is needed to build the UI: https://nodejs.org/".into(),
        );
    }
    // `npm ci` trips over other platforms' optional packages missing from some registries;
    // `npm install` honours the lock file just the same.
    run(npm().args(["install", "--no-audit", "--no-fund"]))?;
    run(npm().args(["run", "build"]))
}
