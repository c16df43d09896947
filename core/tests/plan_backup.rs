//! Backups: rotation keeps the newest N, a backup is a consistent self-contained file, and
//! a restore checks the candidate before it replaces anything.

use std::path::Path;

use chrono::NaiveDate;
use inspection_tracker::plan::actions::{update_action, Change};
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::store::backup::{backup_to, list_backups, restore, rotate};
use inspection_tracker::store::Store;
use inspection_tracker::{Recommendation, Report, ReportKind};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn report() -> Report {
    Report {
        kind: ReportKind::SafeguardingAndLookedAfterChildren,
        local_authority: Some("Rutland".into()),
        inspection_start: None,
        inspection_end: Some(d("2011-10-14")),
        published: Some(d("2011-11-18")),
        lead_inspector: None,
        previous_inspection_start: None,
        previous_inspection_end: None,
        next_inspection: None,
        priority_action_plan_required: false,
        judgements: vec![],
        recommendations: (0..5)
            .map(|i| Recommendation {
                section: "Safeguarding services".into(),
                timeframe: Some("Within three months".into()),
                period: inspection_tracker::model::Timeframe::Months(3),
                text: format!("Recommendation number {i}"),
                paragraph: None,
                source_start: 0,
                source_end: 10,
                responsible_body: None,
            })
            .collect(),
    }
}

fn plan(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    let opts = ImportOptions {
        inspection_date: None,
        who: "tester".into(),
        previous: Default::default(),
    };
    import_report(
        &mut store,
        "r.txt",
        "sha-r",
        "text",
        "text",
        &report(),
        &opts,
    )
    .unwrap();
    store
}

fn progress(store: &Store) -> Vec<u8> {
    list_actions(store, &Filter::default(), d("2012-01-01"))
        .unwrap()
        .into_iter()
        .map(|a| a.progress)
        .collect()
}

fn set_first_progress(store: &mut Store, p: u8) {
    let id = list_actions(store, &Filter::default(), d("2012-01-01")).unwrap()[0]
        .id
        .clone();
    update_action(
        store,
        &id,
        &[Change::Progress(p)],
        d("2012-01-01"),
        "tester",
    )
    .unwrap();
}

#[test]
fn rotation_keeps_the_newest_n() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = plan(&dir.path().join("tracker.db"));
    let mut made = Vec::new();
    for p in 0..6 {
        set_first_progress(&mut store, p * 10);
        made.push(rotate(&store, 3).unwrap().unwrap());
    }
    let kept = list_backups(&store).unwrap();
    assert_eq!(kept, made[3..].to_vec(), "the three newest, oldest first");
    for old in &made[..3] {
        assert!(!old.exists(), "{} should be gone", old.display());
    }
    assert!(kept
        .iter()
        .all(|p| p.parent().unwrap().ends_with("backups")));
    // Each backup is a whole database on its own (no -wal beside it) with the data as it
    // was when it was taken.
    let newest = Store::open(kept.last().unwrap()).unwrap();
    assert_eq!(progress(&newest)[0], 50);
    // keep = 0 turns automatic backups off.
    assert_eq!(rotate(&store, 0).unwrap(), None);
    assert_eq!(list_backups(&store).unwrap().len(), 3);
}

#[test]
fn copies_cut_short_long_ago_are_cleared_and_running_ones_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan(&dir.path().join("tracker.db"));
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    let leftover = |name: &str, old: bool| {
        let path = backups.join(name);
        let f = std::fs::File::create(&path).unwrap();
        if old {
            f.set_modified(two_hours_ago).unwrap();
        }
        path
    };
    let stale = leftover("tracker-20260101-090000-000.db.partial", true);
    let stale_journal = leftover("tracker-20260101-090000-000.db.partial-journal", true);
    let running = leftover("tracker-20260101-100000-000.db.partial", false);
    let not_ours = leftover("notes.db.partial", true);
    rotate(&store, 3).unwrap().unwrap();
    assert!(
        !stale.exists() && !stale_journal.exists(),
        "stale leftovers removed"
    );
    assert!(running.exists(), "a copy that may still be running is left");
    assert!(
        not_ours.exists(),
        "files not named for this database are left"
    );
    assert_eq!(list_backups(&store).unwrap().len(), 1);
}

#[test]
fn restore_brings_back_the_backed_up_content_and_keeps_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = plan(&dir.path().join("tracker.db"));
    set_first_progress(&mut store, 20);
    let saved = dir.path().join("saved.db");
    backup_to(&store, &saved).unwrap();
    set_first_progress(&mut store, 90);
    let outcome = restore(&mut store, &saved, 5).unwrap();
    assert_eq!(progress(&store)[0], 20);
    let safety = Store::open(&outcome.safety_backup.unwrap()).unwrap();
    assert_eq!(progress(&safety)[0], 90, "the replaced content was kept");
    // The restored database is still a working one.
    set_first_progress(&mut store, 30);
    assert_eq!(progress(&store)[0], 30);
}

fn refused(dir: &Path, candidate: &Path) {
    let db = dir.join("tracker.db");
    let mut store = plan(&db);
    set_first_progress(&mut store, 40);
    let before = progress(&store);
    let backups_before = list_backups(&store).unwrap().len();
    let err = restore(&mut store, candidate, 5).unwrap_err();
    assert!(
        err.to_string().contains("cannot be restored") || err.code() == "io",
        "{err}"
    );
    assert_eq!(progress(&store), before, "the database was not changed");
    assert_eq!(list_backups(&store).unwrap().len(), backups_before);
    drop(store);
    assert_eq!(progress(&Store::open(&db).unwrap()), before);
}

#[test]
fn a_damaged_backup_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = plan(&dir.path().join("source.db"));
    let good = dir.path().join("good.db");
    backup_to(&source, &good).unwrap();
    let mut bytes = std::fs::read(&good).unwrap();
    let page = 4096;
    assert!(bytes.len() > 4 * page);
    // Scribble over the middle of the file: table pages become garbage.
    for b in &mut bytes[2 * page + 100..4 * page - 100] {
        *b = 0xA5;
    }
    let damaged = dir.path().join("damaged.db");
    std::fs::write(&damaged, &bytes).unwrap();
    refused(&dir.path().join("a"), &damaged);

    let truncated = dir.path().join("truncated.db");
    std::fs::write(&truncated, &std::fs::read(&good).unwrap()[..3 * page]).unwrap();
    refused(&dir.path().join("b"), &truncated);

    let not_db = dir.path().join("notes.db");
    std::fs::write(&not_db, "not a database at all".repeat(500)).unwrap();
    refused(&dir.path().join("c"), &not_db);

    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    refused(&dir.path().join("d"), &other);

    let newer = dir.path().join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999;")
        .unwrap();
    refused(&dir.path().join("e"), &newer);

    refused(&dir.path().join("f"), &dir.path().join("missing.db"));
}
