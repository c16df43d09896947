//! Where SQL may be written (ARCHITECTURE.md, "The SQL rule"):
//! - every write (INSERT, UPDATE, DELETE, schema, pragmas) is in `core/src/store/`, one
//!   module per table (plus `rewind.rs` for the as-recorded copy and `migrate.rs`);
//! - a read that builds one view keeps its SELECT beside the logic that owns the view:
//!   the action list and its filter (`plan/query.rs`), the summary (`plan/summary.rs`),
//!   the burn-up (`plan/burn_up.rs`) and the export's extra columns (`export/data.rs`);
//! - nowhere else: not in the rest of the core, the CLI or the desktop shell.
//!
//! Test modules are left out (a test may look into the database it made).

use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

const VIEW_READS: &[&str] = &[
    "core/src/plan/query.rs",
    // The list's look-ups of its recommendations and their actions (split from query.rs).
    "core/src/plan/list_lookups.rs",
    "core/src/plan/summary.rs",
    "core/src/plan/burn_up.rs",
    "core/src/export/data.rs",
    "core/src/plan/repeats.rs",
];

/// Known breaches, each with why and where it should go. Only shrinks.
const NOT_YET: &[(&str, &str)] = &[];

/// The team server's SQL (PostgreSQL, not this desktop's SQLite): all of it in one file.
const SERVER_SQL: &[&str] = &["core/src/team/server.rs"];

fn known(f: &str) -> bool {
    NOT_YET.iter().any(|(k, _)| *k == f) || SERVER_SQL.contains(&f)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// (file relative to the repository root, its code without test modules and comments).
fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("core/src"), &mut files);
    rust_files(&root().join("src-tauri/src"), &mut files);
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            let code = match text.find("#[cfg(test)]") {
                Some(i) => &text[..i],
                None => &text,
            };
            let code: Vec<&str> = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            let rel = p
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, code.join("\n"))
        })
        .collect()
}

fn writes() -> Regex {
    Regex::new(r#""[^"]*\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER)|DROP\s+|ALTER\s+TABLE|PRAGMA)\b"#)
        .unwrap()
}

fn reads() -> Regex {
    Regex::new(r#""[^"]*\bSELECT\b"#).unwrap()
}

#[test]
fn writes_are_in_the_store_only() {
    let wrong: Vec<String> = sources()
        .into_iter()
        .filter(|(f, code)| {
            !f.starts_with("core/src/store/") && !known(f) && writes().is_match(code)
        })
        .map(|(f, _)| f)
        .collect();
    assert!(
        wrong.is_empty(),
        "SQL that writes outside core/src/store/: {wrong:?}"
    );
}

#[test]
fn reads_are_in_the_store_or_beside_their_view() {
    let wrong: Vec<String> = sources()
        .into_iter()
        .filter(|(f, code)| {
            !f.starts_with("core/src/store/")
                && !known(f)
                && !VIEW_READS.contains(&f.as_str())
                && reads().is_match(code)
        })
        .map(|(f, _)| f)
        .collect();
    assert!(
        wrong.is_empty(),
        "SELECTs outside the store and the views that own them: {wrong:?}"
    );
}

/// The patterns find SQL as the code writes it (multi-line strings included).
#[test]
fn the_patterns_find_sql() {
    assert!(writes().is_match("conn.execute(\"UPDATE reports SET received = ?1\", [])"));
    assert!(writes().is_match("\"INSERT INTO settings (key)\n VALUES (?1)\""));
    assert!(reads().is_match("conn.prepare(\"SELECT a.id\n FROM actions a\")"));
    assert!(!reads().is_match("let s = \"selected\";"));
    let data = sources();
    assert!(data
        .iter()
        .any(|(f, c)| f == "core/src/store/reports.rs" && writes().is_match(c)));
    assert!(data
        .iter()
        .any(|(f, c)| f == "core/src/plan/query.rs" && reads().is_match(c)));
}
