//! Settings → Team through Tauri's mock runtime, against a real PostgreSQL cluster the
//! test starts (`core/tests/pg_common`): connect with a typed password, status, sync,
//! notices, disconnect; an unreachable server is said in words.

#[path = "../core/tests/pg_common/mod.rs"]
mod pg_common;

mod ipc_common;

use inspection_action_tracker_app::state::AppState;
use ipc_common::{app_on, invoke_with as invoke};
use serde_json::json;

#[test]
fn settings_team_connects_shows_status_syncs_and_disconnects() {
    std::env::remove_var("INSPECTION_TRACKER_PASSWORD");
    std::env::set_var("PGPASSFILE", "/nonexistent");
    let pg = pg_common::team_server(&[("ann", "editor")], "ann-pw");
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    assert_eq!(invoke(&app, "team_status", json!({})).unwrap(), json!(null));

    let e = invoke(
        &app,
        "team_connect",
        json!({"url": "postgres://ann@127.0.0.1:1/team", "password": "x"}),
    )
    .unwrap_err();
    assert_eq!(e["code"], "offline", "{e}");
    assert!(
        e["message"].as_str().unwrap().contains("cannot be reached"),
        "{e}"
    );
    let e = invoke(
        &app,
        "team_connect",
        json!({"url": pg.url("ann"), "password": "wrong"}),
    )
    .unwrap_err();
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("refused the password"),
        "{e}"
    );

    let v = invoke(
        &app,
        "team_connect",
        json!({"url": pg.url("ann"), "password": "ann-pw"}),
    )
    .unwrap();
    assert_eq!(v["user"], "ann");
    assert_eq!(v["role"], "editor");
    assert_eq!(v["pending"], 0);
    // The typed password serves the rest of the session (no credential store here).
    let r = invoke(&app, "team_sync", json!({})).unwrap();
    assert_eq!(
        r,
        json!({"pushed": 0, "pulled": 0, "refused": 0, "conflicts": 0})
    );
    assert_eq!(
        invoke(&app, "action_notices", json!({"id": "x"})).unwrap(),
        json!([])
    );
    invoke(&app, "team_disconnect", json!({})).unwrap();
    assert_eq!(invoke(&app, "team_status", json!({})).unwrap(), json!(null));
}

#[test]
fn a_viewer_is_read_only_and_an_editor_may_not_manage_the_plan() {
    std::env::remove_var("INSPECTION_TRACKER_PASSWORD");
    std::env::set_var("PGPASSFILE", "/nonexistent");
    let pg = pg_common::team_server(
        &[("ada", "admin"), ("vic", "viewer"), ("eve", "editor")],
        "pw",
    );
    let dir = tempfile::tempdir().unwrap();
    let connect = |app: &ipc_common::App, user: &str| {
        invoke(
            app,
            "team_connect",
            json!({"url": pg.url(user), "password": "pw"}),
        )
        .unwrap()
    };

    // Used alone, everything is allowed.
    let admin_db = dir.path().join("ada.db");
    let ada = app_on(AppState::open(&admin_db));
    assert_eq!(
        invoke(&ada, "team_permissions", json!({})).unwrap(),
        json!({"role": null, "read_only": false, "notice": null, "denied": {}})
    );
    invoke(&ada, "load_samples", json!({})).unwrap();
    connect(&ada, "ada");
    let mut store = inspection_tracker::store::Store::open(&admin_db).unwrap();
    inspection_tracker::team::publish(&mut store).unwrap();
    let p = invoke(&ada, "team_permissions", json!({})).unwrap();
    assert_eq!((&p["role"], &p["denied"]), (&json!("admin"), &json!({})));

    // A viewer: every capability refused with the same words, and read-only said.
    let vic = app_on(AppState::open(&dir.path().join("vic.db")));
    connect(&vic, "vic");
    let p = invoke(&vic, "team_permissions", json!({})).unwrap();
    let words = "You can read this plan. Your role in the team is viewer, so changes are \
                 made by editors and admins — ask your team's admin if you need to edit.";
    assert_eq!(p["role"], "viewer");
    assert_eq!(p["read_only"], true);
    assert_eq!(p["notice"], words);
    let denied = p["denied"].as_object().unwrap();
    assert_eq!(denied.len(), 8, "{p}");
    assert!(denied.values().all(|w| w == words), "{p}");

    // Its changes are refused by the core before anything is queued, in those words.
    let items = invoke(&vic, "list_actions", json!({"filter": {}})).unwrap();
    let id = items[0]["id"].as_str().unwrap().to_string();
    let before = invoke(&vic, "show_action", json!({"id": id})).unwrap();
    for (cmd, args) in [
        (
            "update_action",
            json!({"id": id, "change": {"kind": "progress", "progress": 90}}),
        ),
        (
            "save_action",
            json!({"id": id, "changes": [{"kind": "owner", "owner": "Vic"}]}),
        ),
        ("add_update", json!({"id": id, "note": "seen"})),
        ("delete_action", json!({"id": id})),
        (
            "add_evidence_link",
            json!({"id": id, "link": "https://example.org"}),
        ),
    ] {
        let e = invoke(&vic, cmd, args).unwrap_err();
        assert_eq!(e["code"], "not_allowed", "{cmd}: {e}");
        assert_eq!(
            e["message"],
            format!("{words} Nothing was changed."),
            "{cmd}: {e}"
        );
    }
    assert_eq!(
        invoke(&vic, "show_action", json!({"id": id})).unwrap(),
        before
    );
    let status = invoke(&vic, "team_status", json!({})).unwrap();
    assert_eq!(
        (&status["pending"], &status["refused"]),
        (&json!(0), &json!(0))
    );
    // Reading, exporting (as recorded on a past day too) and its own settings still work.
    for from_history in [false, true] {
        let out = dir.path().join(format!("vic-{from_history}.csv"));
        invoke(
            &vic,
            "export_plan",
            json!({"format": "csv", "path": out, "filter": {}, "asOf": null,
                   "force": false, "fromHistory": from_history}),
        )
        .unwrap();
        assert!(std::fs::read_to_string(&out).unwrap().lines().count() > 10);
    }
    invoke(
        &vic,
        "set_setting",
        json!({"key": "backups_keep", "value": "5"}),
    )
    .unwrap();

    // An editor: the action work allowed, managing the plan refused, each said why.
    let eve = app_on(AppState::open(&dir.path().join("eve.db")));
    connect(&eve, "eve");
    let p = invoke(&eve, "team_permissions", json!({})).unwrap();
    assert_eq!(
        (&p["role"], &p["read_only"]),
        (&json!("editor"), &json!(false))
    );
    let denied: Vec<&String> = p["denied"].as_object().unwrap().keys().collect();
    assert_eq!(
        denied,
        [
            "add_actions",
            "bin",
            "change_due_dates",
            "decide_plans",
            "decide_repeats",
            "import",
            "report_dates"
        ]
    );
    assert_eq!(
        p["denied"]["import"],
        "Your role in the team is editor, so importing reports is for the team's admins — \
         ask your team's admin if you need it done."
    );
    let d = invoke(
        &eve,
        "update_action",
        json!({"id": id, "change": {"kind": "progress", "progress": 40}}),
    )
    .unwrap();
    assert_eq!(d["action"]["progress"], 40);
    let e = invoke(
        &eve,
        "update_action",
        json!({"id": id, "change": {"kind": "due_date", "date": "2030-01-01", "reason": "later"}}),
    )
    .unwrap_err();
    assert_eq!(e["code"], "not_allowed", "{e}");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("changing due dates"),
        "{e}"
    );
    let e = invoke(&eve, "delete_action", json!({"id": id})).unwrap_err();
    assert_eq!(e["code"], "not_allowed", "{e}");
    let shown = invoke(&eve, "show_action", json!({"id": id})).unwrap();
    assert_eq!(shown["action"]["due_date"], before["action"]["due_date"]);
    assert!(shown["action"]["deleted_at"].is_null());
}
