//! Team roles against a real PostgreSQL server: what a viewer and an editor may not do is
//! refused on the desktop before it is queued, and by the server's grants when the
//! desktop's idea of the role is stale (or the SQL is sent directly).

mod cli_common;
mod pg_common;
mod team_common;

use std::process::Output;

use inspection_tracker::model::team_role::{required_role, Change};
use inspection_tracker::store::team_capture::{synced_columns, SYNCED};
use team_common::*;

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
