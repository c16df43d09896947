//! Shared by the CLI tests of the action plan: run the `inspection-tracker` binary on a
//! throw-away database, and a database holding the four dated reference reports.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub const WHO: &str = "test-officer";

pub fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("INSPECTION_TRACKER_DB")
        .env_remove("USERNAME")
        .env("USER", WHO)
        .output()
        .expect("the CLI runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Run and expect success; the JSON printed.
pub fn ok_json(db: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let o = cli(db, &all);
    assert!(o.status.success(), "{args:?} failed: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{args:?}: {e}: {}", stdout(&o)))
}

/// Run and expect failure with one `error:` line on stderr; returns it.
pub fn fails(db: &Path, args: &[&str]) -> String {
    let o = cli(db, args);
    assert!(!o.status.success(), "{args:?} should fail: {}", stdout(&o));
    let err = stderr(&o);
    assert!(!err.trim().is_empty(), "{args:?}: no message");
    err
}

pub fn fixture(prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n.starts_with(prefix) && n.ends_with(".txt")
        })
        .collect();
    assert_eq!(found.len(), 1, "one fixture {prefix}*.txt");
    found[0].display().to_string()
}

/// The four dated reference reports: Rutland 2011 SLAC (000), Rutland 2024 ILACS (001),
/// Rutland 2011 contact, referral and assessment letter (003), Derby 2011 SLAC (004).
pub fn dated() -> Vec<String> {
    ["000_", "001_", "003_", "004_"]
        .iter()
        .map(|p| fixture(p))
        .collect()
}

pub struct Plan {
    _dir: tempfile::TempDir,
    pub db: PathBuf,
    /// Report ids by fixture prefix.
    pub reports: Vec<(String, String)>,
}

impl Plan {
    pub fn report(&self, prefix: &str) -> &str {
        &self.reports.iter().find(|(p, _)| p == prefix).unwrap().1
    }
}

pub fn imported() -> Plan {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let files = dated();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = ok_json(&db, &args);
    let outcomes = out.as_array().unwrap();
    assert_eq!(outcomes.len(), 4);
    let reports = ["000_", "001_", "003_", "004_"]
        .iter()
        .zip(outcomes)
        .map(|(p, o)| {
            assert_eq!(o["duplicate"], false);
            (p.to_string(), o["report_id"].as_str().unwrap().to_string())
        })
        .collect();
    Plan {
        _dir: dir,
        db,
        reports,
    }
}

pub fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

pub fn overdue(db: &Path) -> Value {
    ok_json(db, &["list", "--overdue", "--as-of", "2012-02-01"])
}

pub fn info(db: &Path) -> Value {
    ok_json(db, &["info"])
}
