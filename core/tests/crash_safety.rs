//! Crash safety and concurrent writers, with real processes.
//!
//! The writer is this test binary itself, run again with `CRASH_WRITER_DB` set: the ignored
//! test `writer_loop` imports reports and adds notes in a loop, one transaction each,
//! printing a line after each commit. The tests kill it with SIGKILL at an arbitrary moment
//! and then check the database: SQLite's integrity check passes, every commit the writer
//! announced is there, and nothing is half-written (every report has all its
//! recommendations and actions, every note its history entry, the search index one entry
//! per row). The CLI itself is killed the same way in the middle of imports.
#![cfg(unix)]

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use inspection_tracker::plan::actions::update_with_note;
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::store::Store;
use inspection_tracker::{Error, Recommendation, Report, ReportKind};
use rusqlite::Connection;

const RECS_PER_REPORT: usize = 20;
const WRITER_ENV: &str = "CRASH_WRITER_DB";
/// Starts each line the writer prints after a commit (the test harness prints others).
const MARK: &str = "@@ ";

fn synthetic_report(n: u64) -> Report {
    Report {
        kind: ReportKind::SafeguardingAndLookedAfterChildren,
        local_authority: Some(format!("Authority {n}")),
        inspection_start: None,
        inspection_end: NaiveDate::from_ymd_opt(2011, 10, 14),
        published: NaiveDate::from_ymd_opt(2011, 11, 18),
        lead_inspector: None,
        previous_inspection_start: None,
        previous_inspection_end: None,
        next_inspection: None,
        priority_action_plan_required: false,
        judgements: vec![],
        recommendations: (0..RECS_PER_REPORT)
            .map(|i| {
                let text =
                    format!("Recommendation {i} of report {n}: improve the quality of plans");
                Recommendation {
                    section: "Safeguarding services".into(),
                    timeframe: Some("Within three months".into()),
                    period: inspection_tracker::model::Timeframe::Months(3),
                    source_end: text.len(),
                    responsible_body: None,
                    text,
                    paragraph: None,
                    source_start: 0,
                }
            })
            .collect(),
    }
}

/// The writer: runs only when re-executed by the tests below.
#[test]
#[ignore = "run by the crash tests as a separate process"]
fn writer_loop() {
    let Some(db) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let mut store = Store::open(Path::new(&db)).unwrap();
    let tag = std::process::id();
    let opts = ImportOptions {
        inspection_date: None,
        who: format!("writer-{tag}"),
        previous: Default::default(),
    };
    let today = NaiveDate::from_ymd_opt(2012, 1, 1).unwrap();
    for n in 0u64.. {
        let result = if n % 3 == 0 {
            let report = synthetic_report(n);
            let sha = format!("{tag}-{n}");
            import_report(
                &mut store,
                "synthetic.txt",
                &sha,
                "text",
                "text",
                &report,
                &opts,
            )
            .map(|o| format!("report {}", o.report_id))
        } else {
            let actions = list_actions(&store, &Filter::default(), today).unwrap();
            if actions.is_empty() {
                continue;
            }
            let a = &actions[(n as usize * 7919) % actions.len()];
            let note = format!("note {tag}-{n}");
            update_with_note(
                &mut store,
                &a.id,
                &[inspection_tracker::plan::actions::Change::Progress(
                    (n % 101) as u8,
                )],
                Some((today, &note)),
                today,
                &opts.who,
            )
            .map(|_| note)
        };
        match result {
            Ok(line) => println!("{MARK}{line}"),
            Err(Error::Busy) => println!("{MARK}busy"),
            Err(e) => println!("{MARK}error {e}"),
        }
    }
}

/// Start the writer on `db`; its committed lines arrive on the returned channel.
fn spawn_writer(db: &Path) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "writer_loop",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WRITER_ENV, db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            let Some(line) = line.strip_prefix(MARK) else {
                continue;
            };
            if tx.send(line.to_string()).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

/// Commits announced so far (waits until at least `min` have arrived or time runs out).
fn collect(rx: &mpsc::Receiver<String>, lines: &mut Vec<String>, until: Instant) {
    while Instant::now() < until {
        match rx.recv_timeout(Duration::from_millis(10)) {
            Ok(line) => lines.push(line),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
}

fn drain(rx: mpsc::Receiver<String>, lines: &mut Vec<String>) {
    // After the kill the pipe closes: whatever was printed (committed) is still readable.
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(5)) {
        lines.push(line);
    }
}

/// Integrity, and nothing half-written, and every announced commit present.
fn check(db: &Path, announced: &[String]) {
    let conn = Connection::open(db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0, "foreign keys");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };

    // Every report has all its recommendations, each with its action.
    let partial = count(
        "SELECT count(*) FROM reports p WHERE
           (SELECT count(*) FROM recommendations r WHERE r.report_id = p.id) <>
           (SELECT count(*) FROM actions a WHERE a.report_id = p.id)
           OR (p.source_name = 'synthetic.txt' AND
               (SELECT count(*) FROM recommendations r WHERE r.report_id = p.id) <> 20)",
    );
    assert_eq!(
        partial, 0,
        "a report without all its recommendations and actions"
    );
    assert_eq!(
        count("SELECT count(*) FROM history WHERE field = 'created'"),
        count("SELECT count(*) FROM actions"),
        "every action's creation is in the history"
    );
    assert_eq!(
        count("SELECT count(*) FROM history WHERE field = 'imported'"),
        count("SELECT count(*) FROM reports")
    );
    assert_eq!(
        count("SELECT count(*) FROM history WHERE field = 'note'"),
        count("SELECT count(*) FROM action_updates"),
        "every note has its history entry"
    );
    assert_eq!(
        count("SELECT count(*) FROM search_docs"),
        count(
            "SELECT (SELECT count(*) FROM recommendations) + (SELECT count(*) FROM actions)
                  + (SELECT count(*) FROM action_updates)"
        ),
        "the search index has one entry per row"
    );

    let grouped = "SELECT report_id, status, coalesce(due_date, ''), coalesce(rag_override, ''),
                          progress, sign_ready, coalesce(closed_on, ''),
                          carried_to_report IS NOT NULL, count(*)
                   FROM actions WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";
    let tally =
        "SELECT report_id, status, due_date, rag, progress, sign_ready, closed_on, carried, n
         FROM action_tally";
    for (a, b) in [(grouped, tally), (tally, grouped)] {
        assert_eq!(
            count(&format!("SELECT count(*) FROM ({a} EXCEPT {b})")),
            0,
            "the summary tally agrees with the actions"
        );
    }

    let reports: HashSet<String> = rows(&conn, "SELECT id FROM reports");
    let notes: HashSet<String> = rows(&conn, "SELECT note FROM action_updates");
    for line in announced {
        if let Some(id) = line.strip_prefix("report ") {
            assert!(reports.contains(id), "committed report {id} lost");
        } else if line.starts_with("note ") {
            assert!(notes.contains(line), "committed {line:?} lost");
        } else {
            assert_eq!(line, "busy", "unexpected writer output");
        }
    }
}

fn rows(conn: &Connection, sql: &str) -> HashSet<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let it = stmt.query_map([], |r| r.get(0)).unwrap();
    it.map(Result::unwrap).collect()
}

/// Rounds of a kill test: `default` in the normal test run, `$SOAK_ROUNDS` under
/// `cargo xtask soak`.
fn soak_rounds(default: u64) -> u64 {
    std::env::var("SOAK_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Milliseconds that differ from run to run (so kills land at different points).
fn jitter(max: u64) -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    nanos % max
}

#[test]
fn killing_the_writer_mid_transaction_loses_no_commit_and_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    Store::open(&db).unwrap();
    let mut announced = Vec::new();
    for round in 0..soak_rounds(6) {
        let (mut child, rx) = spawn_writer(&db);
        let run_for = Duration::from_millis(250 + jitter(500));
        collect(&rx, &mut announced, Instant::now() + run_for);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        drain(rx, &mut announced);
        check(&db, &announced);
        eprintln!("round {round}: {} commits so far", announced.len());
    }
    let reports = announced
        .iter()
        .filter(|l| l.starts_with("report "))
        .count();
    let notes = announced.iter().filter(|l| l.starts_with("note ")).count();
    assert!(
        reports > 3 && notes > 3,
        "{reports} reports, {notes} notes: the writer ran"
    );
}

#[test]
fn two_writers_at_once_both_commit_or_report_busy_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("two.db");
    Store::open(&db).unwrap();
    let (mut a, rx_a) = spawn_writer(&db);
    let (mut b, rx_b) = spawn_writer(&db);
    let mut lines_a = Vec::new();
    let mut lines_b = Vec::new();
    let until = Instant::now() + Duration::from_millis(1500);
    while Instant::now() < until {
        collect(
            &rx_a,
            &mut lines_a,
            Instant::now() + Duration::from_millis(20),
        );
        collect(
            &rx_b,
            &mut lines_b,
            Instant::now() + Duration::from_millis(20),
        );
    }
    a.kill().unwrap();
    b.kill().unwrap();
    a.wait().unwrap();
    b.wait().unwrap();
    drain(rx_a, &mut lines_a);
    drain(rx_b, &mut lines_b);
    let committed = |l: &Vec<String>| l.iter().filter(|x| x.as_str() != "busy").count();
    assert!(
        committed(&lines_a) > 0 && committed(&lines_b) > 0,
        "both wrote"
    );
    let all: Vec<String> = lines_a.into_iter().chain(lines_b).collect();
    check(&db, &all);
}

fn cli(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_inspection-tracker"));
    c.arg("--db").arg(db).env_remove("INSPECTION_TRACKER_DB");
    c
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut v: Vec<PathBuf> = ["000_", "001_", "003_", "004_"]
        .iter()
        .map(|p| {
            std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|f| {
                    let n = f.file_name().unwrap().to_string_lossy().into_owned();
                    n.starts_with(p) && n.ends_with(".txt")
                })
                .unwrap()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn killing_the_cli_during_imports_keeps_each_report_whole() {
    let dir = tempfile::tempdir().unwrap();
    let files = fixtures();
    let want = [15, 3, 5, 24];
    for round in 0..soak_rounds(12) {
        let db = dir.path().join(format!("cli-{round}.db"));
        let mut child = cli(&db)
            .arg("import")
            .args(&files)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(jitter(40) + (round % 12) * 10));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        let printed = String::from_utf8_lossy(&out.stdout).into_owned();
        if !db.exists() {
            continue; // killed before it opened the database
        }
        let conn = Connection::open(&db).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");
        let Ok(mut stmt) = conn.prepare(
            "SELECT p.source_name,
                    (SELECT count(*) FROM recommendations r WHERE r.report_id = p.id),
                    (SELECT count(*) FROM actions a WHERE a.report_id = p.id)
             FROM reports p",
        ) else {
            continue; // killed before the schema was created (its transaction rolled back)
        };
        let stored: Vec<(String, i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (name, recs, actions) in &stored {
            let i = files
                .iter()
                .position(|f| f.file_name().unwrap().to_string_lossy() == *name)
                .unwrap();
            assert_eq!(
                (*recs, *actions),
                (want[i], want[i]),
                "{name} half-imported"
            );
        }
        for line in printed.lines().filter(|l| l.contains(": imported ")) {
            let name = line.split(':').next().unwrap();
            assert!(
                stored.iter().any(|(n, _, _)| n == name),
                "{name} announced but lost"
            );
        }
        // The interrupted import can simply be run again.
        let again = cli(&db).arg("import").args(&files).output().unwrap();
        assert!(
            again.status.success(),
            "{}",
            String::from_utf8_lossy(&again.stderr)
        );
        let total: i64 = Connection::open(&db)
            .unwrap()
            .query_row("SELECT count(*) FROM actions", [], |r| r.get(0))
            .unwrap();
        assert_eq!(total, 47);
    }
}

#[test]
fn a_writer_kept_waiting_too_long_gets_a_clear_busy_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.db");
    let files = fixtures();
    let ok = cli(&db).arg("import").arg(&files[0]).output().unwrap();
    assert!(ok.status.success());
    let list = cli(&db).args(["list", "--json"]).output().unwrap();
    let items: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let id = items[0]["id"].as_str().unwrap().to_string();

    // Another program holds the write lock for longer than the busy timeout (30 s by
    // default; 3 s here, set as a script would, to keep the test short).
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let out = cli(&db)
        .env("INSPECTION_TRACKER_BUSY_TIMEOUT", "3")
        .args(["action", "update", &id, "--progress", "50"])
        .output()
        .unwrap();
    let waited = started.elapsed();
    holder.execute_batch("ROLLBACK").unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the database is busy: another program is writing to it")
            && err.contains("after 3 seconds")
            && err.contains("nothing was changed")
            && err.contains("Try again"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(3), "busy has its own exit status");
    assert!(
        waited >= Duration::from_millis(2500),
        "it waited first: {waited:?}"
    );

    let shown = cli(&db)
        .args(["action", "show", &id, "--json"])
        .output()
        .unwrap();
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(shown["action"]["progress"], 0);

    // Once the lock is released the same command works.
    let out = cli(&db)
        .args(["action", "update", &id, "--progress", "50"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
