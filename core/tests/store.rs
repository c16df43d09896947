//! The store: pragmas on every connection, migrations applied once and atomically, and a
//! newer database refused without touching it.

use inspection_tracker::store::migrate::{self, Migration, MIGRATIONS};
use inspection_tracker::store::Store;
use inspection_tracker::Error;
use rusqlite::Connection;

fn pragma(store: &Store, name: &str) -> String {
    store
        .conn()
        .query_row(&format!("PRAGMA {name}"), [], |r| {
            r.get::<_, rusqlite::types::Value>(0)
        })
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
}

#[test]
fn a_new_file_database_is_wal_with_foreign_keys_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/folder/t.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(pragma(&store, "journal_mode"), "wal");
    assert_eq!(pragma(&store, "foreign_keys"), "1");
    assert_eq!(pragma(&store, "synchronous"), "1", "NORMAL");
    // A second connection to the same file gets the same settings.
    let again = Store::open(&path).unwrap();
    assert_eq!(pragma(&again, "journal_mode"), "wal");
    assert_eq!(pragma(&again, "foreign_keys"), "1");
}

#[test]
fn foreign_keys_are_enforced() {
    let store = Store::open_in_memory().unwrap();
    let err = store
        .conn()
        .execute(
            "INSERT INTO judgements (id, report_id, position, section, area, grade)
             VALUES ('j', 'no-such-report', 0, 's', 'a', 'Good')",
            [],
        )
        .unwrap_err();
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
}

#[test]
fn migrations_apply_from_empty_to_the_latest_version() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(
        migrate::user_version(store.conn()).unwrap(),
        migrate::latest_version()
    );
    for table in [
        "reports",
        "judgements",
        "recommendations",
        "actions",
        "action_updates",
        "evidence",
        "settings",
        "history",
    ] {
        let n: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "table {table}");
    }
}

#[test]
fn each_migration_is_applied_exactly_once() {
    let mut conn = Connection::open_in_memory().unwrap();
    assert_eq!(
        migrate::migrate(&mut conn, MIGRATIONS).unwrap(),
        MIGRATIONS.len()
    );
    // A second run finds nothing to do (re-running CREATE TABLE would fail if it tried).
    assert_eq!(migrate::migrate(&mut conn, MIGRATIONS).unwrap(), 0);
    assert_eq!(
        migrate::user_version(&conn).unwrap(),
        migrate::latest_version()
    );
}

#[test]
fn a_failed_migration_leaves_the_previous_schema_intact() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate::migrate(&mut conn, MIGRATIONS).unwrap();
    let before = migrate::latest_version();
    let mut with_bad: Vec<Migration> = MIGRATIONS.to_vec();
    with_bad.push(Migration {
        version: before + 1,
        name: "good_part",
        sql: "CREATE TABLE added_by_good_part (x INTEGER);",
    });
    with_bad.push(Migration {
        version: before + 2,
        name: "bad_part",
        sql: "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);",
    });
    let err = migrate::migrate(&mut conn, &with_bad).unwrap_err();
    assert!(matches!(err, Error::Migration { .. }), "{err}");
    assert!(err.to_string().contains("bad_part"), "{err}");
    assert_eq!(migrate::user_version(&conn).unwrap(), before);
    let leftovers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('added_by_good_part', 'half_done')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(leftovers, 0, "the whole batch rolled back");
}

#[test]
fn every_migration_file_is_embedded_in_order() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        MIGRATIONS.len(),
        "a .sql file is not listed in MIGRATIONS"
    );
    // Each version is its file's number (branches number theirs apart, so a gap is
    // allowed until they merge), in order.
    for (file, m) in files.iter().zip(MIGRATIONS) {
        let number: i64 = file.file_stem().unwrap().to_str().unwrap()[..4]
            .parse()
            .unwrap();
        assert_eq!(m.version, number, "the version is the file's number");
        assert_eq!(file.file_stem().unwrap().to_str().unwrap(), m.name);
        assert_eq!(std::fs::read_to_string(file).unwrap(), m.sql, "{}", m.name);
    }
    assert!(MIGRATIONS.windows(2).all(|w| w[0].version < w[1].version));
}

#[test]
fn a_newer_database_is_refused_and_left_byte_for_byte_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        // A database written by a future version, left in rollback-journal mode so any
        // write (even switching to WAL) would show in the file's bytes.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future_things (x); PRAGMA user_version = 42;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    let msg = err.to_string();
    assert!(
        matches!(err, Error::SchemaTooNew { found: 42, .. }),
        "{msg}"
    );
    assert!(msg.contains("42"), "{msg}");
    assert!(
        msg.contains(&migrate::latest_version().to_string()),
        "names this binary's version: {msg}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn upgrading_moves_each_report_text_out_of_the_reports_table_and_keeps_it() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate::migrate(&mut conn, &MIGRATIONS[..2]).unwrap();
    conn.execute_batch(
        "INSERT INTO reports (id, kind, source_name, source_sha256, source_format,
             source_text, imported_at, next_inspection)
         VALUES ('r1', 'ilacs', 'a.pdf', 'abc', 'pdf', 'The whole report text.',
             '2024-05-01T10:00:00.000Z', '2027-05-01');",
    )
    .unwrap();
    // Migration 3 alone: the one this test is about.
    assert_eq!(migrate::migrate(&mut conn, &MIGRATIONS[..3]).unwrap(), 1);
    let (text, next): (String, String) = conn
        .query_row(
            "SELECT t.source_text, r.next_inspection FROM reports r
             JOIN report_texts t ON t.report_id = r.id WHERE r.id = 'r1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(text, "The whole report text.");
    assert_eq!(next, "2027-05-01");
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('reports')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!columns.contains(&"source_text".to_string()), "{columns:?}");
    // The text goes with its report.
    conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM reports WHERE id = 'r1';")
        .unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM report_texts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

/// A database connected to a team by a version before the role's guard triggers gets them
/// when it is opened: a viewer's change is then refused before it is written, while a
/// setting (this desktop's own) is not.
#[test]
fn a_database_connected_before_the_guard_triggers_gets_them_when_opened() {
    use inspection_tracker::plan::{history, settings};
    use inspection_tracker::store::{team, team_capture};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut store = Store::open(&path).unwrap();
        let tx = store.write().unwrap();
        team::insert_state(&tx, "postgres://vic@db/team", "vic", "viewer", "desk-1").unwrap();
        team_capture::create_triggers(&tx).unwrap();
        tx.commit().unwrap();
        assert_eq!(
            team_capture::has_triggers(store.conn()).unwrap(),
            (true, true)
        );
        // As the earlier version left it: capture triggers only.
        let guards: Vec<String> = store
            .conn()
            .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'team_guard_%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for g in guards {
            store
                .conn()
                .execute_batch(&format!("DROP TRIGGER {g}"))
                .unwrap();
        }
        assert_eq!(
            team_capture::has_triggers(store.conn()).unwrap(),
            (true, false)
        );
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        team_capture::has_triggers(store.conn()).unwrap(),
        (true, true)
    );
    let tx = store.write().unwrap();
    let e = history::record(&tx, "action", "a1", "note", None, Some("seen"), "vic").unwrap_err();
    assert!(matches!(e, Error::NotAllowed(_)), "{e:?}");
    assert_eq!(e.code(), "not_allowed");
    assert!(e.to_string().starts_with("You can read this plan."), "{e}");
    drop(tx);
    settings::set(&mut store, "backups_keep", "5", "vic").unwrap();
    let pending: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM team_outbox", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pending, 0);
}
