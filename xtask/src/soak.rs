//! `cargo xtask soak [--rounds N] [--processes N] [--cases N]`: the long versions of the
//! crash-safety kill tests, the concurrent-writer test and the readers' fuzz, which the
//! normal test run keeps short. Built in release mode; prints what ran and how long it took.

use std::time::Instant;

use crate::util::{cargo, describe};

/// Proptest cases the two fuzz files run in the normal test run (fuzz_read.rs: 41,000;
/// fuzz_extract.rs: 76,500); `--cases` scales every one of them by the same factor.
const NORMAL_FUZZ_CASES: f64 = 117_500.0;

struct Options {
    rounds: u64,
    processes: u64,
    writes: u64,
    cases: u64,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        rounds: 1_000,
        processes: 4,
        writes: 250,
        cases: 1_000_000,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a number"))?
            .parse::<u64>()
            .map_err(|_| format!("{flag} needs a whole number"))?;
        match flag.as_str() {
            "--rounds" => o.rounds = value,
            "--processes" => o.processes = value,
            "--writes" => o.writes = value,
            "--cases" => o.cases = value,
            _ => {
                return Err(format!(
                    "unknown flag {flag}: soak takes --rounds, --processes, --writes, --cases"
                ))
            }
        }
    }
    Ok(o)
}

/// One soak run: its name, the test binaries (and filter), the environment that makes it
/// long, and what it does in words.
struct Part {
    name: &'static str,
    tests: Vec<&'static str>,
    env: Vec<(&'static str, String)>,
    what: String,
}

pub fn soak(args: &[String]) -> Result<(), String> {
    let o = parse(args)?;
    let factor = o.cases as f64 / NORMAL_FUZZ_CASES;
    let parts = [
        Part {
            name: "crash safety (kill mid-write)",
            tests: vec!["--test", "crash_safety"],
            env: vec![("SOAK_ROUNDS", o.rounds.to_string())],
            what: format!("{} rounds of each kill test", o.rounds),
        },
        Part {
            name: "concurrent writers",
            tests: vec!["--test", "reliability", "four_scripts"],
            env: vec![
                ("SOAK_PROCESSES", o.processes.to_string()),
                ("SOAK_WRITES", o.writes.to_string()),
            ],
            what: format!(
                "{} processes x {} updates = {}",
                o.processes,
                o.writes,
                o.processes * o.writes
            ),
        },
        Part {
            name: "readers' fuzz",
            tests: vec!["--test", "fuzz_read", "--test", "fuzz_extract"],
            env: vec![("SOAK_CASE_FACTOR", format!("{factor}"))],
            what: format!("about {} cases", o.cases),
        },
    ];
    let mut report = Vec::new();
    let mut failed = 0;
    for Part {
        name,
        tests,
        env,
        what,
    } in parts
    {
        let mut cmd = cargo();
        cmd.args(["test", "--release", "-p", "inspection_tracker"])
            .args(&tests)
            .args(["--", "--nocapture", "--test-threads=1"]);
        for (k, v) in &env {
            cmd.env(k, v);
        }
        eprintln!("xtask: soak: {name}: {}", describe(&cmd));
        let started = Instant::now();
        let status = cmd
            .status()
            .map_err(|e| format!("could not start {}: {e}", describe(&cmd)))?;
        let secs = started.elapsed().as_secs_f64();
        let outcome = if status.success() {
            "0 failures"
        } else {
            failed += 1;
            "FAILED"
        };
        report.push(format!("{name}: {what}: {outcome} in {secs:.0} s"));
    }
    eprintln!("\nxtask: soak figures");
    for line in &report {
        eprintln!("  {line}");
    }
    if failed > 0 {
        Err(format!("{failed} soak part(s) failed"))
    } else {
        Ok(())
    }
}

/// `cargo xtask team-soak [--desktops N] [--changes N] [--seed N]`: team mode's soak (10
/// desktops x 500 random changes by default, with server outages) against a PostgreSQL
/// cluster the test starts itself, in a release build. The normal test run keeps 3 x 40.
pub fn team_soak(args: &[String]) -> Result<(), String> {
    let mut env = vec![
        ("TEAM_SOAK_DESKTOPS", "10".to_string()),
        ("TEAM_SOAK_CHANGES", "500".to_string()),
    ];
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a number"))?
            .parse::<u64>()
            .map_err(|_| format!("{flag} needs a whole number"))?;
        let key = match flag.as_str() {
            "--desktops" => "TEAM_SOAK_DESKTOPS",
            "--changes" => "TEAM_SOAK_CHANGES",
            "--seed" => "TEAM_SOAK_SEED",
            _ => {
                return Err(format!(
                    "unknown flag {flag}: team-soak takes --desktops, --changes, --seed"
                ))
            }
        };
        env.retain(|(k, _)| *k != key);
        env.push((key, value.to_string()));
    }
    let mut cmd = cargo();
    cmd.args([
        "test",
        "--release",
        "-p",
        "inspection_tracker",
        "--test",
        "team_soak",
        "--",
        "--nocapture",
    ]);
    for (k, v) in &env {
        cmd.env(k, v);
    }
    eprintln!("xtask: team soak: {}", describe(&cmd));
    let started = Instant::now();
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {}: {e}", describe(&cmd)))?;
    eprintln!(
        "xtask: team soak {} in {:.0} s",
        if status.success() { "passed" } else { "FAILED" },
        started.elapsed().as_secs_f64()
    );
    if status.success() {
        Ok(())
    } else {
        Err("the team soak failed".into())
    }
}
