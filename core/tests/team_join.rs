//! A new desktop joining a team takes the server's whole log in one transaction, with the
//! search index, the last-update dates and the large tables' indexes built once at the end
//! (`store/team_join.rs`). This checks, against a real PostgreSQL server, that it ends
//! exactly as a desktop that applied the same log change by change: the plan, the history
//! in its order, the full-text index word by word, the derived columns and tallies, the
//! team bookkeeping (positions, conflicts, changes that could not be applied) and the
//! schema itself.

mod cli_common;
mod pg_common;

use std::path::Path;

use chrono::NaiveDate;
use inspection_tracker::model::ActionStatus;
use inspection_tracker::plan::actions::{add_note, delete_action, update_action, Change};
use inspection_tracker::plan::evidence::add_file;
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::store::Store;
use inspection_tracker::team;
use pg_common::{integrity, plan_dump, team_server};

const PW: &str = "join-pw";

fn rows(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows
}

/// Everything a join decides, as text: what `plan_dump` holds, and what it leaves out.
fn everything(db: &Path) -> String {
    let mut out = plan_dump(db);
    let store = Store::open(db).unwrap();
    let conn = store.conn();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, search_fts, instance)",
    )
    .unwrap();
    for (what, sql) in [
        // The history in the order it is shown (its local row numbers aside).
        (
            "history in order",
            "SELECT json_array(entity, entity_id, field, old_value, new_value, who, at)
             FROM history WHERE entity <> 'setting' ORDER BY seq",
        ),
        (
            "last-update dates",
            "SELECT json_array(id, last_update, sign_ready) FROM actions ORDER BY id",
        ),
        (
            "tally",
            "SELECT json_array(report_id, status, due_date, rag, progress, sign_ready,
                               closed_on, carried, n)
             FROM action_tally ORDER BY 1",
        ),
        (
            "search documents",
            "SELECT json_array(entity, entity_id) FROM search_docs ORDER BY 1",
        ),
        // The full-text index word by word: each word, where in which document.
        (
            "search words",
            "SELECT json_array(d.entity_id, w.term, w.col, w.offset)
             FROM temp.words w JOIN search_docs d ON d.id = w.doc ORDER BY 1",
        ),
        (
            "team fields",
            "SELECT json_array(entity, entity_id, field, force_position, last_position,
                               last_origin, last_author, last_value, last_made_at)
             FROM team_fields ORDER BY 1",
        ),
        (
            "conflicts",
            "SELECT json_array(position, entity, entity_id, field, overtaken_author,
                               overtaken_value, winner_author, winner_value)
             FROM team_conflicts ORDER BY position, field",
        ),
        (
            "skipped",
            "SELECT json_array(position, reason) FROM team_skipped ORDER BY position",
        ),
        (
            "position",
            "SELECT CAST(last_position AS TEXT) FROM team_state",
        ),
        (
            "schema",
            "SELECT json_array(type, name, tbl_name, sql) FROM sqlite_master
             WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        ),
        (
            "foreign keys",
            "SELECT json_array(*) FROM pragma_foreign_key_check",
        ),
    ] {
        let got = rows(conn, sql);
        out.push_str(&format!("## {what} ({})\n{}\n", got.len(), got.join("\n")));
    }
    // What a person finds by searching.
    let as_of = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    for words in [
        "safeguarding",
        "renamed quarterly",
        "monthly review",
        "Harbour",
        "care",
    ] {
        let filter = Filter {
            search: Some(words.into()),
            ..Filter::default()
        };
        let mut ids: Vec<String> = list_actions(&store, &filter, as_of)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        ids.sort();
        out.push_str(&format!(
            "## search {words:?} ({})\n{}\n",
            ids.len(),
            ids.join("\n")
        ));
    }
    out
}

fn first_difference(got: &str, want: &str) -> String {
    got.lines()
        .zip(want.lines())
        .filter(|(a, b)| a != b)
        .take(5)
        .map(|(a, b)| format!("  joined   {a}\n  in order {b}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn action_ids(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    rows(
        store.conn(),
        "SELECT id FROM actions WHERE deleted_at IS NULL ORDER BY id",
    )
}

#[test]
fn a_desktop_joined_at_once_ends_the_same_as_one_that_applied_the_log_change_by_change() {
    std::env::set_var("INSPECTION_TRACKER_PASSWORD", PW);
    std::env::set_var("PGPASSFILE", "/nonexistent");
    let pg = team_server(
        &[("alice", "admin"), ("bob", "editor"), ("carol", "viewer")],
        PW,
    );
    let dir = tempfile::tempdir().unwrap();
    let db = |name: &str| {
        let p = dir.path().join(format!("{name}/plan.db"));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        p
    };
    let day = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();

    // carol connects while the server is still empty: everything reaches her later, by
    // ordinary pulls, change by change.
    let in_order = db("in-order");
    {
        let mut s = Store::open(&in_order).unwrap();
        let c = team::connect(&mut s, &pg.url("carol")).unwrap();
        assert_eq!(c.joined, None);
    }

    // alice publishes the four reference reports; bob joins.
    let a = db("alice");
    std::fs::copy(&cli_common::imported().db, &a).unwrap();
    let mut sa = Store::open(&a).unwrap();
    team::connect(&mut sa, &pg.url("alice")).unwrap();
    team::publish(&mut sa).unwrap();
    let b = db("bob");
    let mut sb = Store::open(&b).unwrap();
    team::connect(&mut sb, &pg.url("bob")).unwrap();

    // A log with every kind of change a join must get right.
    let ids = action_ids(&a);
    // Words in the search index change: a new title, owner, partner and measure.
    update_action(
        &mut sa,
        &ids[0],
        &[
            Change::Title("Renamed quarterly safeguarding audit".into()),
            Change::Owner(Some("Harbour Team".into())),
            Change::PartnerAgency(Some("Police".into())),
            Change::MeasureOfSuccess(Some("Audits show improvement".into())),
        ],
        day,
        "alice",
    )
    .unwrap();
    // Notes on several actions, on different days (the latest day is the last update).
    for (i, id) in ids.iter().take(12).enumerate() {
        // Earlier days than alice's notes, so her day is each action's last update.
        let written = NaiveDate::from_ymd_opt(2026, 1 + (i as u32 % 2), 10 + i as u32).unwrap();
        add_note(
            &mut sb,
            id,
            written,
            &format!("Monthly review {i} held"),
            "bob",
        )
        .unwrap();
        add_note(
            &mut sa,
            id,
            day,
            &format!("Checked at the board {i}"),
            "alice",
        )
        .unwrap();
    }
    // Signed off with evidence (the derived "ready" flag), then the evidence taken out.
    let f = dir.path().join("audit.txt");
    std::fs::write(&f, "audit findings").unwrap();
    add_file(&mut sa, &ids[1], &f, "alice").unwrap();
    update_action(
        &mut sa,
        &ids[1],
        &[Change::Status(ActionStatus::Completed), Change::SignOff],
        day,
        "alice",
    )
    .unwrap();
    add_file(&mut sa, &ids[2], &f, "alice").unwrap();
    // One action binned.
    delete_action(&mut sa, &ids[3], "alice").unwrap();
    team::sync(&mut sa).unwrap();
    team::sync(&mut sb).unwrap();
    // Conflicts: both change the same fields without seeing each other's change.
    update_action(&mut sa, &ids[4], &[Change::Progress(40)], day, "alice").unwrap();
    update_action(&mut sb, &ids[4], &[Change::Progress(60)], day, "bob").unwrap();
    update_action(
        &mut sb,
        &ids[5],
        &[Change::Owner(Some("Bo Chan".into()))],
        day,
        "bob",
    )
    .unwrap();
    update_action(
        &mut sa,
        &ids[5],
        &[Change::Owner(Some("Ann Lee".into()))],
        day,
        "alice",
    )
    .unwrap();
    team::sync(&mut sa).unwrap();
    team::sync(&mut sb).unwrap();
    team::sync(&mut sa).unwrap();
    drop((sa, sb));
    // A new report imported after the notes (its rows arrive after theirs).
    let o = cli_common::cli(
        &a,
        &[
            "import",
            &cli_common::fixture("002_"),
            "--inspection-date",
            "2026-02-20",
        ],
    );
    assert!(o.status.success(), "{}", cli_common::stderr(&o));
    let mut sa = Store::open(&a).unwrap();
    team::sync(&mut sa).unwrap();
    // Changes the server holds that no desktop can apply: a note on an action that does
    // not exist, and a field this version derives itself.
    pg.value(
        "INSERT INTO inspection_tracker.changes
             (id, origin, author, kind, entity, entity_id, field, payload, base_position, made_at)
         VALUES (gen_random_uuid(), gen_random_uuid(), 'alice', 'insert', 'action_updates', 'u-x',
                 NULL, '{\"id\": \"u-x\", \"action_id\": \"nowhere\", \"written_on\": \"2026-03-03\",
                 \"author\": \"alice\", \"note\": \"lost\", \"created_at\": \"2026-03-03T10:00:00.000Z\"}',
                 0, '2026-03-03T10:00:00.000Z'),
                (gen_random_uuid(), gen_random_uuid(), 'alice', 'set', 'actions', 'a-x',
                 'last_update', '{\"v\": \"2030-01-01\"}', 0, '2026-03-03T10:00:00.000Z')",
    );
    drop(sa);

    // carol's copy: the whole log, batch by batch in order.
    {
        let mut s = Store::open(&in_order).unwrap();
        let st = team::sync::state(&s).unwrap();
        assert_eq!(st.last_position, 0);
        let (server, mut client) = team::sync::open_server(&s, &st).unwrap();
        team::sync::pull_in_order(&mut s, &server, &mut client, &st.client_id).unwrap();
        // The evidence files.
        team::sync(&mut s).unwrap();
    }
    // A new desktop (carol again) joins at once, fetching 7 changes at a time, so the one
    // transaction spans many fetches.
    let joined = db("joined");
    {
        let mut s = Store::open(&joined).unwrap();
        std::env::set_var("INSPECTION_TRACKER_SYNC_BATCH", "7");
        let c = team::connect(&mut s, &pg.url("carol"));
        std::env::remove_var("INSPECTION_TRACKER_SYNC_BATCH");
        let joined = c.unwrap().joined.unwrap();
        assert!(joined > 300, "{joined} changes joined");
    }

    let want = everything(&in_order);
    let got = everything(&joined);
    assert!(
        got == want,
        "the joined desktop differs from the one that applied the log in order:\n{}",
        first_difference(&got, &want)
    );
    // And the comparison had something to compare.
    for part in ["## skipped (2)", "## search \"renamed quarterly\" (1)"] {
        assert!(want.contains(part), "{part} in:\n{want}");
    }
    let conn = rusqlite::Connection::open(&joined).unwrap();
    let counts: Vec<i64> = conn
        .query_row(
            "SELECT (SELECT count(*) FROM actions WHERE sign_ready = 1),
                    (SELECT count(*) FROM actions WHERE last_update = '2026-03-03'),
                    (SELECT count(*) FROM actions WHERE deleted_at IS NOT NULL),
                    (SELECT count(DISTINCT field) FROM team_conflicts WHERE overtaken_author = 'alice')",
            [],
            |r| Ok(vec![r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
        )
        .unwrap();
    assert!(
        counts[3] >= 2,
        "conflicts on progress and owner: {counts:?}"
    );
    assert_eq!(counts[..3], [1, 12, 1]);
    // Joined at once: the search documents are numbered table by table (in order, the new
    // report's come after the notes).
    let numbered = |db: &Path| {
        let c = rusqlite::Connection::open(db).unwrap();
        rows(&c, "SELECT entity FROM search_docs ORDER BY id").join(",")
    };
    let by_table = |s: &str| {
        let mut v: Vec<&str> = s.split(',').collect();
        v.sort_by_key(|e| {
            ["recommendation", "action", "update"]
                .iter()
                .position(|x| x == e)
        });
        v.join(",")
    };
    assert_eq!(numbered(&joined), by_table(&numbered(&joined)));
    assert_ne!(numbered(&in_order), by_table(&numbered(&in_order)));
    for d in [&in_order, &joined] {
        assert_eq!(integrity(d), "ok");
    }
}
