//! Team mode under faults, against a real PostgreSQL server: the server SIGKILLed in the
//! middle of a push of 1,000 changes, and a desktop killed in the middle of a pull. After
//! a restart and a sync, every change is on the server and on both desktops exactly once,
//! and every database passes SQLite's integrity check.

mod cli_common;
mod pg_common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use inspection_tracker::plan::actions::add_note;
use inspection_tracker::store::Store;
use inspection_tracker::team;
use pg_common::{action_ids, integrity, plan_dump, team_server, Cluster};

const PW: &str = "fault-pw";

fn setup() -> (Cluster, tempfile::TempDir, PathBuf, PathBuf) {
    std::env::set_var("INSPECTION_TRACKER_PASSWORD", PW);
    std::env::set_var("PGPASSFILE", "/nonexistent");
    let pg = team_server(&[("alice", "admin"), ("bob", "editor")], PW);
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a/plan.db");
    let b = dir.path().join("b/plan.db");
    let plan = cli_common::imported();
    std::fs::create_dir_all(a.parent().unwrap()).unwrap();
    std::fs::copy(&plan.db, &a).unwrap();
    let mut sa = Store::open(&a).unwrap();
    team::connect(&mut sa, &pg.url("alice")).unwrap();
    team::publish(&mut sa).unwrap();
    let mut sb = Store::open(&b).unwrap();
    team::connect(&mut sb, &pg.url("bob")).unwrap();
    (pg, dir, a, b)
}

/// `n` notes on the desktop's actions (each note is two changes: the note and its
/// history row), made through the plan as the app makes them.
fn notes(db: &Path, n: usize, tag: &str) {
    let ids = action_ids(db);
    let mut store = Store::open(db).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    for i in 0..n {
        add_note(
            &mut store,
            &ids[i % ids.len()],
            day,
            &format!("{tag} {i}"),
            "alice",
        )
        .unwrap();
    }
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn sync_process(db: &Path, batch: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        .arg("--db")
        .arg(db)
        .args(["team", "sync", "--json"])
        .env("INSPECTION_TRACKER_PASSWORD", PW)
        .env("INSPECTION_TRACKER_SYNC_BATCH", batch)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

fn server_count(pg: &Cluster, filter: &str) -> i64 {
    pg.value(&format!(
        "SELECT count(*) FROM inspection_tracker.changes WHERE {filter}"
    ))
    .parse()
    .unwrap()
}

#[test]
fn the_server_killed_mid_push_of_a_thousand_changes_loses_and_doubles_nothing() {
    let (pg, _dir, a, b) = setup();
    let before = server_count(&pg, "true");
    pg.stop_immediate();
    // 500 notes = 1,000 changes (each note and its history row), queued offline.
    notes(&a, 500, "fault");
    assert_eq!(count(&a, "SELECT count(*) FROM team_outbox"), 1000);
    pg.up();
    // The server takes the first 300 changes, then holds the next insert (a real, slow
    // server) so the kill lands mid-push on every machine, however fast. Without the hold,
    // a fast machine could finish the push between the check and the kill.
    let hold_at = before + 300;
    pg.value(&format!(
        "CREATE FUNCTION inspection_tracker.hold_push() RETURNS trigger LANGUAGE plpgsql \
         SECURITY DEFINER AS $$ BEGIN \
           IF (SELECT count(*) FROM inspection_tracker.changes) >= {hold_at} THEN \
             PERFORM pg_sleep(600); \
           END IF; RETURN NULL; END $$; \
         CREATE TRIGGER hold_push BEFORE INSERT ON inspection_tracker.changes \
           FOR EACH STATEMENT EXECUTE FUNCTION inspection_tracker.hold_push();"
    ));
    // Sent 50 at a time; the server is killed once 300 have arrived and the next batch
    // is in flight.
    let mut child = sync_process(&a, "50");
    let start = Instant::now();
    while server_count(&pg, "true") < hold_at {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the push never reached 300 changes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // Let the next batch reach the server and wait there.
    std::thread::sleep(Duration::from_millis(300));
    pg.kill9();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the sync saw the server go");
    pg.up();
    pg.value("DROP TRIGGER hold_push ON inspection_tracker.changes");
    let got = server_count(&pg, "true") - before;
    assert_eq!(got, 300, "the held batch was not stored");

    let mut sa = Store::open(&a).unwrap();
    let r = team::sync(&mut sa).unwrap();
    // A batch the server committed just before it died is sent again (its answer never
    // came back) and stored once: the log's ids are unique.
    assert!(r.pushed as i64 + got >= 1000, "{r:?}");
    assert_eq!(count(&a, "SELECT count(*) FROM team_outbox"), 0);
    let mut sb = Store::open(&b).unwrap();
    team::sync(&mut sb).unwrap();
    assert_eq!(server_count(&pg, "entity = 'action_updates'"), 500);
    assert_eq!(server_count(&pg, "true") - before, 1000);
    for db in [&a, &b] {
        assert_eq!(
            count(
                db,
                "SELECT count(*) FROM action_updates WHERE note LIKE 'fault %'"
            ),
            500
        );
        assert_eq!(
            count(
                db,
                "SELECT count(DISTINCT note) FROM action_updates WHERE note LIKE 'fault %'"
            ),
            500
        );
        assert_eq!(integrity(db), "ok");
    }
    assert_eq!(plan_dump(&a), plan_dump(&b));
}

#[test]
fn a_desktop_killed_mid_pull_ends_with_every_change_once() {
    let (pg, _dir, a, b) = setup();
    notes(&a, 1500, "pull");
    let mut sa = Store::open(&a).unwrap();
    assert_eq!(team::sync(&mut sa).unwrap().pushed, 3000);
    // bob pulls 100 changes per transaction and is killed (SIGKILL) as soon as a pull has
    // moved on, three times over.
    let position = || count(&b, "SELECT last_position FROM team_state");
    let mut partial = Vec::new();
    for _ in 0..3 {
        let before = position();
        let mut child = sync_process(&b, "100");
        let start = Instant::now();
        while position() == before && start.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(2));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(integrity(&b), "ok");
        partial.push(count(
            &b,
            "SELECT count(*) FROM action_updates WHERE note LIKE 'pull %'",
        ));
    }
    assert!(
        partial[0] < 1500,
        "the first pull was cut short: {partial:?}"
    );
    let mut sb = Store::open(&b).unwrap();
    team::sync(&mut sb).unwrap();
    for db in [&a, &b] {
        assert_eq!(
            count(
                db,
                "SELECT count(*) FROM action_updates WHERE note LIKE 'pull %'"
            ),
            1500
        );
        assert_eq!(
            count(
                db,
                "SELECT count(*) FROM history WHERE new_value LIKE 'pull %'"
            ),
            1500
        );
        assert_eq!(integrity(db), "ok");
    }
    assert_eq!(server_count(&pg, "entity = 'action_updates'"), 1500);
    assert_eq!(plan_dump(&a), plan_dump(&b));
}

/// The definitions of a database's tables, indexes and triggers.
fn schema(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    let rows = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows
}

#[test]
fn a_desktop_killed_mid_join_keeps_nothing_of_it_and_joins_whole_on_the_next_sync() {
    let (pg, dir, a, b) = setup();
    notes(&a, 1500, "join");
    let mut sa = Store::open(&a).unwrap();
    assert_eq!(team::sync(&mut sa).unwrap().pushed, 3000);
    drop(sa);
    // The server holds the fetch that reaches 1,000 changes before the end (a policy on
    // the log that sleeps on that row), so the kill lands mid-join on every machine, with
    // the changes before it applied inside the join's transaction. It counts the rows read.
    let last: i64 = server_count(&pg, "true");
    let hold: i64 = pg
        .value("SELECT max(position) FROM inspection_tracker.changes")
        .parse::<i64>()
        .unwrap()
        - 1000;
    pg.value(&format!(
        "CREATE SEQUENCE inspection_tracker.rows_read; \
         CREATE FUNCTION inspection_tracker.hold_read(p bigint) RETURNS boolean \
         LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN \
           PERFORM nextval('inspection_tracker.rows_read'); \
           IF p = {hold} THEN PERFORM pg_sleep(600); END IF; RETURN true; END $$; \
         CREATE POLICY hold_read ON inspection_tracker.changes AS RESTRICTIVE FOR SELECT \
           USING (inspection_tracker.hold_read(position));"
    ));
    let c = dir.path().join("c/plan.db");
    std::fs::create_dir_all(c.parent().unwrap()).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        .arg("--db")
        .arg(&c)
        .args(["team", "connect", "--url", &pg.url("bob")])
        .env("INSPECTION_TRACKER_PASSWORD", PW)
        .env("INSPECTION_TRACKER_SYNC_BATCH", "100")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let held = || pg.value("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'");
    let start = Instant::now();
    while held() == "0" {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the join never reached the held change"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // Let the batches fetched before the hold be applied.
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    let read: i64 = pg
        .value("SELECT last_value FROM inspection_tracker.rows_read")
        .parse()
        .unwrap();
    assert!(
        read > 1000,
        "the join was under way when killed ({read} rows read)"
    );
    pg.value("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep'");
    pg.value("DROP POLICY hold_read ON inspection_tracker.changes");

    // Nothing of the join was kept: an empty plan, no position, every trigger and index
    // (taken away during the join) in place, a sound file.
    assert_eq!(integrity(&c), "ok");
    assert_eq!(count(&c, "SELECT count(*) FROM actions"), 0);
    assert_eq!(count(&c, "SELECT count(*) FROM action_updates"), 0);
    assert_eq!(count(&c, "SELECT count(*) FROM search_docs"), 0);
    assert_eq!(count(&c, "SELECT last_position FROM team_state"), 0);
    assert_eq!(schema(&c), schema(&b));

    // The next sync joins whole: every change once, the same plan as the others.
    let mut sc = Store::open(&c).unwrap();
    let r = team::sync(&mut sc).unwrap();
    assert_eq!(r.pulled as i64, last);
    drop(sc);
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM action_updates WHERE note LIKE 'join %'"
        ),
        1500
    );
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM history WHERE new_value LIKE 'join %'"
        ),
        1500
    );
    assert_eq!(integrity(&c), "ok");
    assert_eq!(schema(&c), schema(&b));
    let mut sb = Store::open(&b).unwrap();
    team::sync(&mut sb).unwrap();
    assert_eq!(plan_dump(&c), plan_dump(&a));
    assert_eq!(plan_dump(&b), plan_dump(&a));
}

#[test]
fn a_sync_that_waited_for_a_join_to_finish_applies_nothing_twice() {
    let (pg, dir, a, b) = setup();
    notes(&a, 500, "both");
    let mut sa = Store::open(&a).unwrap();
    assert_eq!(team::sync(&mut sa).unwrap().pushed, 1000);
    drop(sa);
    // The server holds the join's fetch at 300 changes before the end until told to go
    // on, so a second sync (the app's background one, on a connection of its own) starts
    // while the join holds the database's write lock.
    let hold: i64 = pg
        .value("SELECT max(position) FROM inspection_tracker.changes")
        .parse::<i64>()
        .unwrap()
        - 300;
    pg.value(&format!(
        "CREATE SEQUENCE inspection_tracker.held; \
         CREATE TABLE inspection_tracker.go_on (x int); \
         CREATE FUNCTION inspection_tracker.hold_read(p bigint) RETURNS boolean \
         LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN \
           IF p = {hold} THEN \
             PERFORM nextval('inspection_tracker.held'); \
             WHILE NOT EXISTS (SELECT 1 FROM inspection_tracker.go_on) LOOP \
               PERFORM pg_sleep(0.02); \
             END LOOP; \
           END IF; RETURN true; END $$; \
         CREATE POLICY hold_read ON inspection_tracker.changes AS RESTRICTIVE FOR SELECT \
           USING (inspection_tracker.hold_read(position));"
    ));
    let c = dir.path().join("c/plan.db");
    std::fs::create_dir_all(c.parent().unwrap()).unwrap();
    let url = pg.url("bob");
    let joining = {
        let (c, url) = (c.clone(), url.clone());
        std::thread::spawn(move || {
            let mut s = Store::open(&c).unwrap();
            team::connect(&mut s, &url).unwrap().joined.unwrap()
        })
    };
    let wait_for = |sql: &str, what: &str| {
        let start = Instant::now();
        while pg.value(sql) == "0" {
            assert!(start.elapsed() < Duration::from_secs(60), "{what}");
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    wait_for(
        "SELECT count(*) FROM inspection_tracker.held WHERE is_called",
        "the join never reached the held change",
    );
    let second = {
        let c = c.clone();
        std::thread::spawn(move || {
            let mut s = Store::open(&c).unwrap();
            team::sync(&mut s)
        })
    };
    // The second sync has seen an empty database and a server with a plan (its last
    // question to the server), and waits for the write lock.
    wait_for(
        "SELECT count(*) FROM pg_stat_activity WHERE usename = 'bob' AND state = 'idle' \
         AND query LIKE '%max(position)%'",
        "the second sync never asked the server",
    );
    std::thread::sleep(Duration::from_millis(200));
    pg.value("INSERT INTO inspection_tracker.go_on VALUES (1)");
    let joined = joining.join().unwrap();
    let r = second.join().unwrap().unwrap();
    pg.value("DROP POLICY hold_read ON inspection_tracker.changes");
    assert_eq!(joined as i64, server_count(&pg, "true"));
    assert_eq!(r.pulled, 0, "the second sync found the plan joined: {r:?}");
    assert_eq!(integrity(&c), "ok");
    assert_eq!(
        count(
            &c,
            "SELECT (SELECT count(*) FROM search_docs) - (SELECT count(*) FROM recommendations)
                    - (SELECT count(*) FROM actions) - (SELECT count(*) FROM action_updates)"
        ),
        0
    );
    let mut sb = Store::open(&b).unwrap();
    team::sync(&mut sb).unwrap();
    assert_eq!(plan_dump(&c), plan_dump(&a));
    assert_eq!(plan_dump(&b), plan_dump(&a));
    assert_eq!(schema(&c), schema(&b));
}
