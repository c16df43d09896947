//! `cargo xtask test`: every check CI runs, in the order that fails fastest: formatting,
//! clippy, rustdoc, the TypeScript's lint, then the tests.

use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use crate::util::{cargo, npm, root, run};

pub fn all() -> Result<(), String> {
    run(cargo().args(["fmt", "--all", "--", "--check"]))?;
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // Rustdoc with warnings denied: a broken intra-doc link is a module or rule that moved.
    run(cargo()
        .args(["doc", "--workspace", "--no-deps"])
        .env("RUSTDOCFLAGS", "-D warnings"))?;
    // The TypeScript's formatter and linter (Biome) and type check, before the slow tests.
    run(npm().args(["run", "lint"]))?;
    // One `cargo test` for the whole workspace: it also builds both binaries that the
    // end-to-end tests drive.
    run(cargo().args(["test", "--workspace"]))?;
    generated_types_unchanged()?;
    // The UI's lint, unit tests and browser tests; it builds the browser tests' bridge
    // (`cargo build --example test-bridge`, already built by the `cargo test` above).
    run(npm().arg("test"))?;
    window_tests()
}

/// `cargo test` regenerates ui/src/gen from the Rust types; a difference from what is
/// committed means someone changed a type crossing IPC without committing its TypeScript.
fn generated_types_unchanged() -> Result<(), String> {
    if !root().join(".git").exists() {
        return Ok(());
    }
    let out = Command::new("git")
        .current_dir(root())
        .args(["status", "--porcelain", "--", "ui/src/gen"])
        .output()
        .map_err(|e| format!("could not run git: {e}"))?;
    let changed = String::from_utf8_lossy(&out.stdout);
    if changed.trim().is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the generated TypeScript types in ui/src/gen differ from the committed ones; commit them:\n{changed}"
        ))
    }
}

/// The end-to-end tests of the real window (tests/e2e), driven through WebKitWebDriver.
fn window_tests() -> Result<(), String> {
    // A per-test timeout turns a hung window into a failure instead of a stuck CI.
    on_window(&[
        "--test",
        "--test-concurrency=1",
        "--test-timeout=600000",
        "tests/e2e/",
    ])
}

/// `cargo xtask screens`: screenshots of every screen from the real window, with the
/// sample reports loaded, into docs/screens/.
pub fn screenshots() -> Result<(), String> {
    run(cargo().args(["build", "--workspace"]))?;
    on_window(&["tests/e2e/screens.mjs"])
}

/// `cargo xtask measure`: start-up time, memory and filter speed of the release build on
/// 10,000 actions (tests/e2e/measure.mjs).
pub fn measure() -> Result<(), String> {
    run(cargo().args([
        "build",
        "--release",
        "--package",
        "inspection-action-tracker",
        "--package",
        "inspection_tracker",
    ]))?;
    on_window_with("release", &["tests/e2e/measure.mjs"])
}

/// Runs node with `args` against the debug app and CLI, under Xvfb when there is no display.
fn on_window(args: &[&str]) -> Result<(), String> {
    on_window_with("debug", args)
}

/// Runs node with `args` against the app and CLI built in `profile`.
fn on_window_with(profile: &str, args: &[&str]) -> Result<(), String> {
    if !cfg!(target_os = "linux") {
        eprintln!(
            "xtask: the real-window tests run on Linux (WebKitWebDriver); skipped on this system"
        );
        return Ok(());
    }
    let exe = |name: &str| root().join("target").join(profile).join(name);
    let mut node = Command::new("node");
    node.current_dir(root())
        .args(args)
        .env("APP_BINARY", exe("inspection-action-tracker"))
        .env("CLI_BINARY", exe("inspection-tracker"));
    if std::env::var_os("DISPLAY").is_some() {
        return run(&mut node);
    }
    let xvfb = Xvfb::start()?;
    node.env("DISPLAY", &xvfb.display);
    run(&mut node)
}

/// A virtual X display for headless machines, stopped when dropped.
struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Result<Xvfb, String> {
        let n = (90..200)
            .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
            .ok_or("no free X display number for Xvfb")?;
        let display = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .spawn()
            .map_err(|e| format!("could not start Xvfb (apt-get install xvfb): {e}"))?;
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !Path::new(&socket).exists() {
            if Instant::now() > deadline {
                return Err("Xvfb did not start within 10 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Xvfb { child, display })
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
