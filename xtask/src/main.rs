//! Dev commands behind the README, in Rust so they work the same on Windows, macOS and
//! Linux: `cargo xtask run` sets up a fresh machine and starts the app; `cargo xtask test`
//! runs every check CI runs.

mod setup;
mod soak;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run [--release]   set up (system packages, UI packages, UI build) and start the app
  test              set up, then run every check: fmt, clippy, Rust tests, UI tests,
                    and the end-to-end test of the real window (under Xvfb on Linux)
  setup             only the set-up steps
  screens           screenshots of every screen from the real window into docs/screens/
  measure           release build: cold start to first paint, memory and filter speed
                    with 10,000 actions (real window, under Xvfb on Linux)
  soak [--rounds N] [--processes N] [--writes N] [--cases N]
                    long runs (release build): the crash-safety kill tests N rounds
                    (default 1,000), N concurrent CLI writers (default 4 x 250 updates),
                    the readers' fuzz over N cases (default 1,000,000)
  team-soak [--desktops N] [--changes N] [--seed N]
                    team mode's soak (release build, a PostgreSQL cluster of its own):
                    N desktops (default 10) x N random changes (default 500) with
                    server outages; all must end identical to the server";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => setup::all().and_then(|()| run_app(args.iter().any(|a| a == "--release"))),
        Some("test") => setup::all().and_then(|()| test::all()),
        Some("setup") => setup::all(),
        Some("screens") => setup::all().and_then(|()| test::screenshots()),
        Some("measure") => setup::all().and_then(|()| test::measure()),
        Some("soak") => soak::soak(&args[1..]),
        Some("team-soak") => soak::team_soak(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_app(release: bool) -> Result<(), String> {
    let mut args = vec!["run", "--package", "inspection-action-tracker"];
    if release {
        args.push("--release");
    }
    util::run(util::cargo().args(&args))
}
