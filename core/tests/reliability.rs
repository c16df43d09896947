//! Reliability at work, driven through the CLI as people and scripts use it: several
//! writers at once with backups on, damaged and foreign files, a full disk, a file the user
//! may not write, a database in a sync or network folder.

mod cli_common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cli_common::{fixture, ok_json, stderr, WHO};
use rusqlite::Connection;
use serde_json::Value;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_inspection-tracker"));
    c.env_remove("INSPECTION_TRACKER_DB")
        .env_remove("INSPECTION_TRACKER_ALLOW_NETWORK_FOLDER")
        .env_remove("INSPECTION_TRACKER_BUSY_TIMEOUT")
        .env_remove("OneDrive")
        .env("USER", WHO);
    c
}

fn run(db: &Path, args: &[&str]) -> Output {
    bin().arg("--db").arg(db).args(args).output().unwrap()
}

fn backups(db: &Path) -> Vec<PathBuf> {
    let dir = db.parent().unwrap().join("backups");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "db"))
        .collect();
    v.sort();
    v
}

fn integrity(db: &Path) -> String {
    Connection::open(db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn action_ids(db: &Path) -> Vec<String> {
    ok_json(db, &["list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

/// A database of Derby's 2011 report (24 actions), made through the CLI.
fn derby(dir: &Path) -> PathBuf {
    let db = dir.join("tracker.db");
    let o = run(&db, &["import", &fixture("004_")]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

#[test]
fn four_scripts_updating_at_once_with_backups_on_all_succeed_with_one_backup_that_day() {
    let processes: usize = std::env::var("SOAK_PROCESSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let per_process: usize = std::env::var("SOAK_WRITES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(250);
    let dir = tempfile::tempdir().unwrap();
    let db = derby(dir.path());
    assert_eq!(backups(&db).len(), 1, "the import took the day's backup");
    let ids = action_ids(&db);
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..processes)
            .map(|p| {
                let db = &db;
                let ids = &ids;
                s.spawn(move || {
                    let mut failed = Vec::new();
                    for i in 0..per_process {
                        let id = &ids[(p * per_process + i) % ids.len()];
                        let note = format!("writer {p} update {i}");
                        let o = run(db, &["action", "update", id, "--note", &note]);
                        if !o.status.success() {
                            failed.push(format!("{note}: {}", stderr(&o)));
                        }
                    }
                    failed
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let total = processes * per_process;
    assert!(
        failures.is_empty(),
        "{} of {total} failed, first: {}",
        failures.len(),
        failures[0]
    );
    let conn = Connection::open(&db).unwrap();
    let stored: i64 = conn
        .query_row(
            "SELECT count(*) FROM action_updates WHERE note LIKE 'writer % update %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored as usize, total, "every update stored once");
    assert_eq!(integrity(&db), "ok");
    assert_eq!(backups(&db).len(), 1, "no further backup that day");
    eprintln!("SOAK: {total} of {total} updates from {processes} processes stored");
}

#[test]
fn the_scheduled_backup_is_taken_once_per_interval_and_always_before_a_bulk_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = derby(dir.path());
    let id = action_ids(&db)[0].clone();
    for n in 0..3 {
        let o = run(
            &db,
            &["action", "update", &id, "--progress", &(n * 10).to_string()],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(backups(&db).len(), 1, "once a day by default");

    // With the interval at 0 hours, every writing command takes one (as before).
    ok_json(&db, &["settings", "set", "backup_interval_hours", "0"]);
    let before = backups(&db).len();
    let o = run(&db, &["action", "update", &id, "--progress", "55"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(backups(&db).len(), before + 1);

    // Importing several new reports is a bulk change: backed up first, whatever the
    // schedule says.
    ok_json(&db, &["settings", "set", "backup_interval_hours", "24"]);
    let before = backups(&db).len();
    let o = run(&db, &["import", &fixture("000_"), &fixture("003_")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(backups(&db).len(), before + 1);
    // The newest backup is the database as it was before the import.
    let newest = backups(&db).pop().unwrap();
    let reports: i64 = Connection::open(&newest)
        .unwrap()
        .query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
        .unwrap();
    assert_eq!(reports, 1);

    let bad = run(&db, &["settings", "set", "backup_interval_hours", "lots"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("backup_interval_hours"),
        "{}",
        stderr(&bad)
    );
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn a_file_that_is_not_a_database_is_refused_in_words_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(
        &db,
        "Minutes of the improvement board, 3 March.\n".repeat(200),
    )
    .unwrap();
    let before = bytes(&db);
    let o = run(&db, &["info"]);
    assert_eq!(o.status.code(), Some(4));
    let err = stderr(&o);
    assert!(
        err.contains("is not an Inspection Action Tracker database, or it is damaged")
            && err.contains("notes.db")
            && err.contains("backup"),
        "{err}"
    );
    assert!(
        !err.contains("file is not a database"),
        "not SQLite's words: {err}"
    );
    assert_eq!(bytes(&db), before);

    // The code is kept for scripts.
    let o = run(&db, &["info", "--json"]);
    let report: Value = serde_json::from_str(stderr(&o).trim()).unwrap();
    assert_eq!(report["code"], "not_a_database");

    // Another program's SQLite database is not written into either.
    let other = dir.path().join("places.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE places (id INTEGER PRIMARY KEY, url TEXT);")
        .unwrap();
    let before = bytes(&other);
    let o = run(&other, &["import", &fixture("004_")]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert_eq!(bytes(&other), before);
}

#[test]
fn a_damaged_database_says_where_the_backups_are_and_restore_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = derby(dir.path());
    // The scheduled backup was taken before the import wrote; this one holds the plan.
    let o = run(&db, &["backup"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let saved = backups(&db).pop().unwrap();
    // Damage the schema page (page 1 after the file header), as a bad sector or a sync
    // client's half-copy would.
    let mut content = bytes(&db);
    for b in &mut content[100..4096] {
        *b = 0x5a;
    }
    std::fs::write(&db, &content).unwrap();
    let o = run(&db, &["list"]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("damaged")
            && err.contains(&saved.display().to_string())
            && err.contains("restore"),
        "{err}"
    );
    assert_eq!(bytes(&db), content, "nothing written to the damaged file");

    // The command the message gives works, and keeps the damaged file.
    let o = run(&db, &["restore", saved.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(action_ids(&db).len(), 24);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("tracker.db.damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(bytes(&dir.path().join(&kept[0])), content);
}

/// Mount a small tmpfs (root only; where the system will not, the test says why).
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Result<SmallDisk, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if out.status.success() {
            Ok(SmallDisk { dir })
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_is_named_with_the_room_needed_and_nothing_changes() {
    let disk = match SmallDisk::mount("1m") {
        Ok(d) => d,
        Err(why) => {
            eprintln!(
                "SKIPPED: a small file system cannot be mounted here ({why}); this test needs root"
            );
            return;
        }
    };
    let db = disk.dir.path().join("tracker.db");
    ok_json(&db, &["settings", "set", "backups_keep", "0"]);
    let o = run(&db, &["import", &fixture("003_")]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Fill the disk but for a few pages.
    let free = fs_free(disk.dir.path());
    let filler = vec![0u8; free.saturating_sub(16 * 1024) as usize];
    std::fs::write(disk.dir.path().join("filler"), filler).unwrap();

    let o = run(&db, &["import", &fixture("004_")]);
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("is full")
            && err.contains(&disk.dir.path().display().to_string())
            && err.contains("free")
            && err.contains("nothing was changed"),
        "{err}"
    );

    // Once there is room again, the plan is as it was before the failed import.
    std::fs::remove_file(disk.dir.path().join("filler")).unwrap();
    assert_eq!(action_ids(&db).len(), 5, "the first report only");
    assert_eq!(integrity(&db), "ok");

    // A backup with less room than the database needs says how much it needed.
    let size = std::fs::metadata(&db).unwrap().len();
    let free = fs_free(disk.dir.path());
    let room = size / 2;
    std::fs::write(
        disk.dir.path().join("filler"),
        vec![0u8; free.saturating_sub(room) as usize],
    )
    .unwrap();
    let o = run(&db, &["backup"]);
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
    assert!(stderr(&o).contains("needed about"), "{}", stderr(&o));
}

fn fs_free(dir: &Path) -> u64 {
    let out = Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(dir)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn a_read_only_database_names_the_file_and_the_user() {
    let dir = tempfile::tempdir().unwrap();
    let db = derby(dir.path());
    let id = action_ids(&db)[0].clone();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = bytes(&db);
    // Root may write anything, so the person is played by the unprivileged `nobody`.
    let (o, user) = if is_root() {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        // A copy of the program where `nobody` may run it (the build folder may sit under a
        // home folder that user cannot enter).
        let exe = dir.path().join("inspection-tracker");
        std::fs::copy(env!("CARGO_BIN_EXE_inspection-tracker"), &exe).unwrap();
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
        let o = Command::new("runuser")
            .args(["-u", "nobody", "--"])
            .arg(&exe)
            .arg("--db")
            .arg(&db)
            .args(["action", "update", &id, "--progress", "40"])
            .env_remove("INSPECTION_TRACKER_DB")
            .env_remove("USER")
            .env_remove("USERNAME")
            .output()
            .unwrap();
        (o, "nobody".to_string())
    } else {
        let user = String::from_utf8_lossy(&Command::new("id").arg("-un").output().unwrap().stdout)
            .trim()
            .to_string();
        let o = bin()
            .env("USER", &user)
            .arg("--db")
            .arg(&db)
            .args(["action", "update", &id, "--progress", "40"])
            .output()
            .unwrap();
        (o, user)
    };
    assert_eq!(o.status.code(), Some(6), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("permission denied for the user {user}"))
            && err.contains(&dir.path().display().to_string()),
        "{err}"
    );
    assert_eq!(bytes(&db), before);
}

#[test]
fn a_database_in_a_sync_folder_is_refused_unless_the_person_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("OneDrive - Rutland County Council");
    let db = folder.join("tracker.db");
    let o = run(&db, &["init"]);
    assert_eq!(o.status.code(), Some(8), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("OneDrive")
            && err.contains("Move it to a folder on this computer")
            && err.contains("team mode")
            && err.contains("--allow-network-folder"),
        "{err}"
    );
    assert!(!db.exists(), "nothing created");

    let o = run(&db, &["--allow-network-folder", "import", &fixture("003_")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mode: String = Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "the rollback journal, not WAL");
    // The app's override is the environment variable.
    let o = bin()
        .env("INSPECTION_TRACKER_ALLOW_NETWORK_FOLDER", "1")
        .arg("--db")
        .arg(&db)
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));

    // A local folder is not affected.
    let local = dir.path().join("Documents").join("tracker.db");
    assert!(run(&local, &["init"]).status.success());
}

#[test]
fn opening_an_older_database_backs_it_up_before_the_migration() {
    use inspection_tracker::store::{migrate, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tracker.db");
    {
        let mut conn = Connection::open(&db).unwrap();
        migrate::migrate(&mut conn, &migrate::MIGRATIONS[..1]).unwrap();
    }
    assert!(backups(&db).is_empty());
    Store::open(&db).unwrap();
    let made = backups(&db);
    assert_eq!(made.len(), 1, "one backup, before the migration");
    let version: i64 = Connection::open(&made[0])
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the backup is the database as it was");
    // Opening it again (nothing to migrate) takes no more.
    Store::open(&db).unwrap();
    assert_eq!(backups(&db).len(), 1);
}
