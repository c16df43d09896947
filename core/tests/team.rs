//! Team mode (issue 11) against a real PostgreSQL server that each test starts in a
//! temporary folder (`pg_common`): two desktops in step, offline edits, conflicts in
//! either order, rights enforced by the server, and the CLI's commands and JSON.

mod cli_common;
mod pg_common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use inspection_tracker::model::team_role::{required_role, Change};
use inspection_tracker::store::team_capture::{synced_columns, SYNCED};
use pg_common::{Cluster, SUPER_PASSWORD};
use serde_json::Value;

/// A team server with alice (admin), bob (editor) and vic (viewer).
fn team_server() -> Cluster {
    let pg = Cluster::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("it.db");
    let o = run(
        &db,
        SUPER_PASSWORD,
        &["team", "init-server", "--url", &pg.url("postgres")],
    );
    assert!(o.status.success(), "init-server: {}", err(&o));
    for (name, role) in [("alice", "admin"), ("bob", "editor"), ("vic", "viewer")] {
        add_user(&pg, name, role);
    }
    pg
}

/// `team add-user` as IT would run it, with the password [`password`] gives.
fn add_user(pg: &Cluster, name: &str, role: &str) {
    let o = Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        .args([
            "team",
            "add-user",
            "--url",
            &pg.url("postgres"),
            name,
            "--role",
            role,
        ])
        .env("INSPECTION_TRACKER_PASSWORD", SUPER_PASSWORD)
        .env("INSPECTION_TRACKER_NEW_PASSWORD", password(name))
        .output()
        .unwrap();
    assert!(o.status.success(), "add-user {name}: {}", err(&o));
}

fn password(user: &str) -> String {
    format!("{user}-pw")
}

/// Run the CLI on `db` with this password in the environment.
fn run(db: &Path, pw: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("INSPECTION_TRACKER_DB")
        .env("INSPECTION_TRACKER_PASSWORD", pw)
        .env("PGPASSFILE", "/nonexistent")
        .env("USER", "desk")
        .output()
        .expect("the CLI runs")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A desktop: a database file used as one user.
struct Desk {
    db: PathBuf,
    user: &'static str,
}

impl Desk {
    fn new(dir: &Path, name: &str, user: &'static str) -> Desk {
        Desk {
            db: dir.join(format!("{name}.db")),
            user,
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        run(&self.db, &password(self.user), args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(o.status.success(), "{} {args:?}: {}", self.user, err(&o));
        out(&o)
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let text = self.ok(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}: {text}"))
    }

    fn connect(&self, pg: &Cluster) -> String {
        self.ok(&["team", "connect", "--url", &pg.url(self.user)])
    }

    fn sync(&self) -> Value {
        self.json(&["team", "sync"])
    }

    fn action_ids(&self) -> Vec<String> {
        self.json(&["list"])
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    }

    fn show(&self, id: &str) -> Value {
        self.json(&["action", "show", id])
    }
}

/// alice's desktop with the four dated reference reports, published to the team.
fn published(pg: &Cluster, dir: &Path) -> Desk {
    let a = Desk::new(dir, "alice", "alice");
    let mut args = vec!["import"];
    let files = cli_common::dated();
    args.extend(files.iter().map(String::as_str));
    a.ok(&args);
    let said = a.connect(pg);
    assert!(said.contains("team publish"), "{said}");
    let said = a.ok(&["team", "publish"]);
    assert!(said.starts_with("Published"), "{said}");
    a
}

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
fn not_allowed(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(10), "{}{}", out(o), err(o));
    err(o)
}

#[test]
fn a_role_is_refused_here_before_queueing_and_a_stale_one_by_the_server_kept_as_refused() {
    let pg = team_server();
    let dir = tempfile::tempdir().unwrap();
    let a = published(&pg, dir.path());
    let count = || pg.value("SELECT count(*) FROM inspection_tracker.changes");

    // vic is a viewer, and this desktop knows it: any change is refused here, in words,
    // with nothing written or queued. Reading and exporting still work.
    let v = Desk::new(dir.path(), "vic", "vic");
    v.connect(&pg);
    let id = v.action_ids()[0].clone();
    let before = count();
    let progress = v.show(&id)["action"]["progress"].clone();
    let o = v.run(&["action", "update", &id, "--progress", "90"]);
    let said = not_allowed(&o);
    assert!(
        said.contains("You can read this plan. Your role in the team is viewer")
            && said.contains("Nothing was changed"),
        "{said}"
    );
    not_allowed(&v.run(&["action", "update", &id, "--note", "seen"]));
    assert!(v.run(&["bin", "list"]).status.success());
    not_allowed(&v.run(&["action", "delete", &id]));
    assert_eq!(v.show(&id)["action"]["progress"], progress);
    assert!(v.show(&id)["updates"]
        .as_array()
        .unwrap()
        .iter()
        .all(|u| u["note"] != "seen"));
    let status = v.json(&["team", "status"]);
    assert_eq!(
        (status["pending"].clone(), status["refused"].clone()),
        (0.into(), 0.into())
    );
    assert_eq!(count(), before);
    let csv = dir.path().join("vic.csv");
    v.ok(&["export", "--format", "csv", "--out", csv.to_str().unwrap()]);
    assert!(std::fs::metadata(&csv).unwrap().len() > 0);
    // Settings are this desktop's own: a viewer keeps them.
    v.ok(&["settings", "set", "backups_keep", "5"]);

    // The role a desktop knows can be out of date. val was an editor when she connected
    // and is a viewer on the server now: her desktop takes the change, the server refuses
    // it, and it stays here marked as refused, said in words (with her new role).
    add_user(&pg, "val", "editor");
    let val = Desk::new(dir.path(), "val", "val");
    val.connect(&pg);
    pg.value("REVOKE inspection_tracker_editor FROM val; GRANT inspection_tracker_viewer TO val");
    let o = val.run(&["action", "update", &id, "--progress", "90"]);
    assert!(o.status.success(), "the local copy takes it: {}", err(&o));
    assert!(err(&o).contains("refused"), "{}", err(&o));
    assert_eq!(count(), before);
    let status = val.json(&["team", "status"]);
    assert_eq!(status["role"], "viewer");
    assert!(status["refused"].as_i64().unwrap() >= 1, "{status}");
    assert_eq!(status["pending"], 0);
    assert_eq!(val.show(&id)["action"]["progress"], 90);
    let said = val.ok(&["team", "sync"]);
    assert!(said.contains("val is viewer"), "{said}");
    a.sync();
    assert_ne!(a.show(&id)["action"]["progress"], 90);
    // From the sync on, her desktop knows: the next change is refused here.
    not_allowed(&val.run(&["action", "update", &id, "--progress", "95"]));

    // An editor updates and notes, but importing and the bin are refused here, each said.
    let b = Desk::new(dir.path(), "bob", "bob");
    b.connect(&pg);
    let said = not_allowed(&b.run(&[
        "import",
        &cli_common::fixture("002_"),
        "--inspection-date",
        "2012-03-01",
    ]));
    assert!(
        said.contains(
            "Your role in the team is editor, so importing reports is for the team's admins"
        ),
        "{said}"
    );
    let said = not_allowed(&b.run(&["action", "delete", &id]));
    assert!(said.contains("moving actions to the bin"), "{said}");
    let said = not_allowed(&b.run(&[
        "action",
        "update",
        &id,
        "--due",
        "2030-01-01",
        "--reason",
        "later",
    ]));
    assert!(said.contains("changing due dates"), "{said}");
    let other = b.action_ids()[1].clone();
    b.ok(&[
        "action",
        "update",
        &other,
        "--progress",
        "55",
        "--note",
        "on track",
    ]);
    assert_eq!(b.json(&["team", "status"])["refused"], 0);

    // ed was an admin when he connected and is an editor now: his import goes past this
    // desktop and the server refuses it.
    add_user(&pg, "ed", "admin");
    let ed = Desk::new(dir.path(), "ed", "ed");
    ed.connect(&pg);
    pg.value("REVOKE inspection_tracker_admin FROM ed; GRANT inspection_tracker_editor TO ed");
    let o = ed.run(&[
        "import",
        &cli_common::fixture("002_"),
        "--inspection-date",
        "2012-03-01",
    ]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(err(&o).contains("refused"), "{}", err(&o));
    assert!(ed.json(&["team", "status"])["refused"].as_i64().unwrap() > 2);
    not_allowed(&ed.run(&["action", "delete", &id]));

    assert_eq!(
        pg.value("SELECT count(*) FROM inspection_tracker.changes WHERE author IN ('bob', 'ed') AND entity IN ('reports', 'recommendations') "),
        "0"
    );
    assert_eq!(
        pg.value("SELECT count(*) FROM inspection_tracker.changes WHERE author IN ('bob', 'ed') AND field IN ('deleted_at', 'due_date')"),
        "0"
    );
    assert_eq!(
        pg.value("SELECT count(*) FROM inspection_tracker.changes WHERE author = 'bob' AND field = 'progress'"),
        "1"
    );
    a.sync();
    assert_eq!(a.show(&other)["action"]["progress"], 55);
    assert!(a.show(&id)["action"]["deleted_at"].is_null());
}

#[test]
fn the_grants_refuse_a_viewer_and_an_editor_directly_in_sql() {
    let pg = team_server();
    let connect = |user: &str| {
        postgres::Config::new()
            .host("127.0.0.1")
            .port(pg.port)
            .dbname("team")
            .user(user)
            .password(password(user))
            .connect(postgres::NoTls)
            .unwrap()
    };
    let insert = "INSERT INTO inspection_tracker.changes
        (id, origin, kind, entity, entity_id, field, payload, base_position, made_at)
        VALUES (gen_random_uuid(), gen_random_uuid(), $1, $2, 'x', $3, '{}', 0, 'now')";
    let mut vic = connect("vic");
    let e = vic
        .execute(insert, &[&"set", &"actions", &Some("progress")])
        .unwrap_err();
    assert_eq!(
        e.code(),
        Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
        "{e}"
    );
    assert!(vic
        .query("SELECT * FROM inspection_tracker.changes", &[])
        .is_ok());
    let mut bob = connect("bob");
    bob.execute(insert, &[&"set", &"actions", &Some("progress")])
        .unwrap();
    for (kind, entity, field) in [
        ("insert", "reports", None),
        ("set", "actions", Some("due_date")),
        ("set", "actions", Some("deleted_at")),
    ] {
        let e = bob.execute(insert, &[&kind, &entity, &field]).unwrap_err();
        assert_eq!(
            e.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{kind} {entity} {field:?}: {e}"
        );
    }
    // Nobody writes in another's name, and the log cannot be rewritten.
    let e = bob
        .execute(
            "INSERT INTO inspection_tracker.changes (id, origin, author, kind, entity, entity_id,
                 field, payload, base_position, made_at)
             VALUES (gen_random_uuid(), gen_random_uuid(), 'alice', 'set', 'actions', 'x',
                 'progress', '{}', 0, 'now')",
            &[],
        )
        .unwrap_err();
    assert_eq!(
        e.code(),
        Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE)
    );
    assert!(bob
        .execute("DELETE FROM inspection_tracker.changes", &[])
        .is_err());
    let mut alice = connect("alice");
    alice
        .execute(insert, &[&"insert", &"reports", &None::<&str>])
        .unwrap();
    assert!(alice
        .execute("UPDATE inspection_tracker.changes SET author = 'x'", &[])
        .is_err());

    // The desktop refuses by the same rule before queueing (`model::team_role`): the
    // server's function and it agree on every change a desktop can send.
    let store = inspection_tracker::store::Store::open_in_memory().unwrap();
    let mut changes: Vec<(&str, String, Option<String>)> = Vec::new();
    for s in SYNCED {
        changes.push(("insert", s.table.to_string(), None));
        for c in synced_columns(store.conn(), s).unwrap() {
            if !s.key.contains(&c.as_str()) {
                changes.push(("set", s.table.to_string(), Some(c)));
            }
        }
    }
    let values: Vec<String> = changes
        .iter()
        .enumerate()
        .map(|(n, (k, t, f))| {
            format!(
                "('{k}', '{t}', {}, {n})",
                f.as_ref().map_or("NULL".into(), |f| format!("'{f}'"))
            )
        })
        .collect();
    let server: Vec<String> = pg
        .value(&format!(
            "SELECT string_agg(replace(inspection_tracker.required_role(k, e, f), \
             'inspection_tracker_', ''), ',' ORDER BY n)
             FROM (VALUES {}) AS v(k, e, f, n)",
            values.join(", ")
        ))
        .split(',')
        .map(str::to_string)
        .collect();
    let desktop: Vec<String> = changes
        .iter()
        .map(|(k, t, f)| {
            let change = match (k, f) {
                (&"insert", _) => Change::Insert { table: t },
                (_, Some(f)) => Change::Set { table: t, field: f },
                _ => unreachable!(),
            };
            required_role(change).as_str().to_string()
        })
        .collect();
    assert!(changes.len() > 60, "{}", changes.len());
    for ((change, s), d) in changes.iter().zip(&server).zip(&desktop) {
        assert_eq!(s, d, "{change:?}");
    }
    assert_eq!(server.len(), desktop.len());
}

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
