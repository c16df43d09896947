//! The `inspection-tracker` binary as a script would use it.

mod cli_common;

use cli_common::{cli, stderr, stdout};

/// The schema version this build writes (it grows with each migration).
fn latest() -> i64 {
    inspection_tracker::store::migrate::latest_version()
}

#[test]
fn init_creates_a_wal_database_and_a_second_init_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let first = cli(&db, &["init"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains(&format!("schema version {}", latest())),
        "{}",
        stdout(&first)
    );

    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL is a property of the file once set");
    drop(conn);

    let before = std::fs::read(&db).unwrap();
    let second = cli(&db, &["init"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn info_json_gives_path_version_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = cli(&db, &["info", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["path"], db.display().to_string());
    assert_eq!(v["schema_version"], latest());
    assert_eq!(v["reports"], 0);
    assert_eq!(v["actions"], 0);

    let text = cli(&db, &["info"]);
    assert!(
        stdout(&text).contains(&format!("Schema version:  {}", latest())),
        "{}",
        stdout(&text)
    );
}

#[test]
fn info_on_a_newer_database_fails_naming_both_versions_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let out = cli(&db, &["info"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.starts_with("error: "), "{err}");
    assert!(
        err.contains("schema version 99") && err.contains(&format!("this program's {}", latest())),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(stdout(&out).is_empty());
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(!dir.path().join("future.db-wal").exists());
}

#[test]
fn a_database_path_that_cannot_be_created_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"not a folder").unwrap();
    let out = cli(&blocker.join("x.db"), &["init"]);
    assert!(!out.status.success());
    assert!(stderr(&out).starts_with("error: "), "{}", stderr(&out));
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "these are my notes, not a database".repeat(100)).unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = cli(&db, &["info"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is not an Inspection Action Tracker database"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
