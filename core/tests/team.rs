//! Team mode (issue 11) against a real PostgreSQL server that each test starts in a
//! temporary folder (`pg_common`): two desktops in step, offline edits, conflicts in
//! either order, and the CLI's commands and JSON (roles: `team_roles.rs`).

mod cli_common;
mod pg_common;
mod team_common;

use std::process::Command;

use pg_common::SUPER_PASSWORD;
use team_common::*;

#[test]
fn two_desktops_see_each_others_updates_and_list_the_same() {
    let pg = team_server();
    let dir = tempfile::tempdir().unwrap();
    // init-server a second time changes nothing.
    let o = run(
        &dir.path().join("x.db"),
        SUPER_PASSWORD,
        &["team", "init-server", "--url", &pg.url("postgres")],
    );
    assert!(
        out(&o).contains("nothing was changed"),
        "{}{}",
        out(&o),
        err(&o)
    );
    assert_eq!(
        pg.value("SELECT count(*) FROM inspection_tracker.schema_version"),
        "1"
    );

    let a = published(&pg, dir.path());
    let b = Desk::new(dir.path(), "bob", "bob");
    let said = b.connect(&pg);
    assert!(said.contains("Downloaded the team's plan"), "{said}");
    assert_eq!(a.json(&["list"]), b.json(&["list"]));

    let id = b.action_ids()[0].clone();
    let o = b.run(&[
        "action",
        "update",
        &id,
        "--progress",
        "40",
        "--note",
        "Audit booked",
    ]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        err(&o).contains("team: sent"),
        "the command synced at its end: {}",
        err(&o)
    );

    let r = a.sync();
    assert!(r["pulled"].as_u64().unwrap() >= 2, "{r}");
    assert_eq!(r["pushed"], 0);
    let shown = a.show(&id);
    assert_eq!(shown["action"]["progress"], 40);
    assert_eq!(shown["updates"][0]["note"], "Audit booked");
    assert_eq!(a.json(&["list"]), b.json(&["list"]));

    // The history on alice's desktop names the database user who made the change.
    let history = a.ok(&["history", &id]);
    assert!(history.contains("bob"), "{history}");

    let status = b.json(&["team", "status"]);
    let keys: Vec<&String> = status.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "conflicts",
            "last_sync",
            "pending",
            "refused",
            "role",
            "server",
            "user"
        ]
    );
    assert_eq!(status["user"], "bob");
    assert_eq!(status["role"], "editor");
    assert_eq!(status["pending"], 0);
    assert!(status["last_sync"].is_string());
    let r = b.sync();
    let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["conflicts", "pulled", "pushed", "refused"]);

    // A second publish is refused: the server holds a plan.
    let o = a.run(&["team", "publish"]);
    assert!(!o.status.success());
    assert!(err(&o).contains("already holds a plan"), "{}", err(&o));

    // Disconnecting leaves the plan; a never-connected database has no capture triggers.
    b.ok(&["team", "disconnect"]);
    let o = b.run(&["team", "status"]);
    assert!(err(&o).contains("not connected"), "{}", err(&o));
    assert_eq!(b.json(&["list"]), a.json(&["list"]));
}

#[test]
fn fifty_offline_edits_reach_the_other_desktop_once() {
    let pg = team_server();
    let dir = tempfile::tempdir().unwrap();
    let a = published(&pg, dir.path());
    let b = Desk::new(dir.path(), "bob", "bob");
    b.connect(&pg);
    let mut ids = a.action_ids();
    // Enough actions for 50 different ones.
    let rec = a.show(&ids[0])["recommendation"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    while ids.len() < 50 {
        a.ok(&[
            "action",
            "add",
            &rec,
            "--title",
            &format!("Extra action {}", ids.len()),
        ]);
        ids = a.action_ids();
    }
    b.sync();
    assert_eq!(b.action_ids().len(), ids.len());

    pg.stop_immediate();
    for (i, id) in ids.iter().take(50).enumerate() {
        let o = a.run(&[
            "action",
            "update",
            id,
            "--progress",
            &format!("{}", i + 1),
            "--note",
            &format!("offline {i}"),
        ]);
        assert!(o.status.success(), "{}", err(&o));
        if i == 0 {
            assert!(
                err(&o).contains("cannot be reached"),
                "says so when offline: {}",
                err(&o)
            );
            assert!(err(&o).contains("changes waiting"), "{}", err(&o));
        }
    }
    let status = a.json(&["team", "status"]);
    assert!(status["pending"].as_i64().unwrap() >= 100, "{status}");
    pg.up();
    let r = a.sync();
    assert!(r["pushed"].as_u64().unwrap() >= 100, "{r}");
    assert_eq!(a.json(&["team", "status"])["pending"], 0);
    b.sync();
    for (i, id) in ids.iter().take(50).enumerate() {
        let shown = b.show(id);
        assert_eq!(shown["action"]["progress"], i as i64 + 1);
        let notes = shown["updates"].as_array().unwrap();
        assert_eq!(notes.len(), 1, "one note, not duplicated: {notes:?}");
    }
    assert_eq!(
        pg.value("SELECT count(*) FROM inspection_tracker.changes WHERE entity = 'action_updates'"),
        "50"
    );
    assert_eq!(a.json(&["list"]), b.json(&["list"]));
}

/// Both change one action's progress and owner while the server is down; the later in
/// the server's order wins everywhere, both stay in the history, the other is told.
fn conflict(alice_first: bool) {
    let pg = team_server();
    let dir = tempfile::tempdir().unwrap();
    let a = published(&pg, dir.path());
    let b = Desk::new(dir.path(), "bob", "bob");
    b.connect(&pg);
    let id = a.action_ids()[0].clone();
    pg.stop_immediate();
    a.ok(&[
        "action",
        "update",
        &id,
        "--progress",
        "40",
        "--owner",
        "Ann Lee",
    ]);
    b.ok(&[
        "action",
        "update",
        &id,
        "--progress",
        "60",
        "--owner",
        "Bo Chan",
    ]);
    pg.up();
    let (first, second) = if alice_first { (&a, &b) } else { (&b, &a) };
    first.sync();
    let r = second.sync();
    assert_eq!(r["conflicts"], 2, "progress and owner: {r}");
    first.sync();
    let (win_progress, win_owner, loser, winner) = if alice_first {
        (60, "Bo Chan", &a, "bob")
    } else {
        (40, "Ann Lee", &b, "alice")
    };
    for d in [&a, &b] {
        let shown = d.show(&id);
        assert_eq!(shown["action"]["progress"], win_progress, "{}", d.user);
        assert_eq!(shown["action"]["owner"], win_owner, "{}", d.user);
        let history = d.ok(&["history", &id]);
        for v in ["40", "60", "Ann Lee", "Bo Chan"] {
            assert!(
                history.contains(v),
                "{}'s history lacks {v}: {history}",
                d.user
            );
        }
    }
    assert_eq!(a.json(&["list"]), b.json(&["list"]));
    let shown = loser.ok(&["action", "show", &id]);
    let (lost_progress, lost_owner) = if alice_first {
        ("40%", "Ann Lee")
    } else {
        ("60%", "Bo Chan")
    };
    assert!(
        shown.contains(&format!("Your progress {lost_progress} (")),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("was followed by {winner}'s {win_progress}% (")),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("Your owner {lost_owner} (")),
        "{shown}"
    );
    assert_eq!(loser.json(&["team", "status"])["conflicts"], 2);
}

#[test]
fn a_conflict_ends_the_same_whoever_syncs_first_alice() {
    conflict(true);
}

#[test]
fn a_conflict_ends_the_same_whoever_syncs_first_bob() {
    conflict(false);
}

/// A failed command: its exit status for a change the role may not make (10), and its
/// message.
#[test]
fn a_server_schema_newer_than_this_program_is_refused_in_words() {
    let pg = team_server();
    pg.value(
        "INSERT INTO inspection_tracker.schema_version (version, name) VALUES (99, '0099_future')",
    );
    let dir = tempfile::tempdir().unwrap();
    let b = Desk::new(dir.path(), "bob", "bob");
    let o = b.run(&["team", "connect", "--url", &pg.url("bob")]);
    assert!(!o.status.success());
    assert!(
        err(&o).contains("schema version 99, newer than this program's 1"),
        "{}",
        err(&o)
    );
    assert_eq!(o.status.code(), Some(7));
}

#[test]
fn a_wrong_password_and_an_unreachable_server_are_said_in_words() {
    let pg = team_server();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let o = run(&db, "wrong", &["team", "connect", "--url", &pg.url("bob")]);
    assert!(
        err(&o).contains("refused the password for bob"),
        "{}",
        err(&o)
    );
    let o = run(
        &db,
        "wrong",
        &[
            "team",
            "connect",
            "--url",
            "postgres://bob@127.0.0.1:1/team",
        ],
    );
    assert!(err(&o).contains("cannot be reached"), "{}", err(&o));
    assert_eq!(o.status.code(), Some(9));
    // libpq's password file works when the variable is not set.
    let pgpass = dir.path().join("pgpass");
    std::fs::write(
        &pgpass,
        format!("127.0.0.1:{}:team:bob:{}\n", pg.port, password("bob")),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let o = Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        .arg("--db")
        .arg(&db)
        .args(["team", "connect", "--url", &pg.url("bob")])
        .env_remove("INSPECTION_TRACKER_PASSWORD")
        .env("PGPASSFILE", &pgpass)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", err(&o));
}

#[test]
fn evidence_files_reach_the_other_desktop_and_one_over_the_limit_is_refused_in_words() {
    let pg = team_server();
    let dir = tempfile::tempdir().unwrap();
    let a_dir = dir.path().join("a");
    let b_dir = dir.path().join("b");
    std::fs::create_dir_all(&a_dir).unwrap();
    std::fs::create_dir_all(&b_dir).unwrap();
    let a = published(&pg, &a_dir);
    let b = Desk::new(&b_dir, "bob", "bob");
    b.connect(&pg);
    let id = b.action_ids()[0].clone();
    let file = dir.path().join("audit.txt");
    std::fs::write(&file, "Audit of supervision records, March").unwrap();
    b.ok(&["evidence", "add", &id, file.to_str().unwrap()]);
    let big = dir.path().join("video.bin");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(51 * 1024 * 1024).unwrap();
    let o = b.run(&["evidence", "add", &id, big.to_str().unwrap()]);
    assert!(o.status.success(), "{}", err(&o));
    let said = b.ok(&["team", "sync"]);
    assert!(
        said.contains("over the team server's limit of 50 MiB"),
        "{said}"
    );
    a.sync();
    let listed = a.json(&["evidence", "list", &id]);
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["original_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["audit.txt"], "{listed}");
    let sha = listed[0]["sha256"].as_str().unwrap();
    let copy = a_dir.join("evidence").join(sha);
    assert_eq!(
        std::fs::read_to_string(copy).unwrap(),
        "Audit of supervision records, March"
    );
    assert_eq!(
        pg.value("SELECT count(*) FROM inspection_tracker.evidence_blobs"),
        "1"
    );
}
