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
