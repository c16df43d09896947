//! Exports through the IPC commands: the file written (never replacing one unasked) and
//! what the export dialog is told before it writes.

mod ipc_common;

use inspection_action_tracker_app::state::AppState;
use ipc_common::*;
use serde_json::json;

#[test]
fn export_writes_the_file_and_never_replaces_one_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    invoke(&app, "load_samples").unwrap();
    let out = dir.path().join("paper.docx");
    let args = |force: bool| {
        json!({
            "format": "board-paper", "path": out, "filter": { "overdue": true },
            "asOf": "2012-02-01", "force": force,
        })
    };
    let done = invoke_with(&app, "export_plan", args(false)).expect("export succeeds");
    assert_eq!(done["format"], "board-paper");
    assert_eq!(
        done["actions"], 33,
        "the paper covers the filtered actions: {done}"
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "a .docx is a zip");
    assert_eq!(done["bytes"], bytes.len() as u64);

    // Not over an existing file unless asked; the file is left as it was.
    let err = invoke_with(&app, "export_plan", args(false)).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("exists"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    invoke_with(&app, "export_plan", args(true)).expect("replaced when asked");

    // As recorded by the end of yesterday, rebuilt from the history: the samples were
    // loaded today, so the plan then had no actions.
    let yesterday = (inspection_tracker::schedule::today() - chrono::Days::new(1)).to_string();
    let then = dir.path().join("then.csv");
    let done = invoke_with(
        &app,
        "export_plan",
        json!({
            "format": "csv", "path": then, "filter": {}, "asOf": yesterday,
            "force": false, "fromHistory": true,
        }),
    )
    .expect("export from the history succeeds");
    assert_eq!(done["actions"], 0, "{done}");

    // An unknown format is refused before anything is written.
    let csv = dir.path().join("plan.csv");
    let err = invoke_with(
        &app,
        "export_plan",
        json!({ "format": "pdf", "path": csv, "filter": {}, "force": false }),
    )
    .unwrap_err();
    assert!(!csv.exists(), "{err}");
}

#[test]
fn the_export_preview_names_the_author_the_previous_paper_and_the_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    invoke(&app, "load_samples").unwrap();
    invoke_with(
        &app,
        "set_setting",
        json!({ "key": "user_name", "value": "Alex Morgan" }),
    )
    .unwrap();
    let preview = |paper: serde_json::Value| {
        invoke_with(
            &app,
            "export_preview",
            json!({ "format": "board-paper", "filter": {}, "asOf": "2012-02-01", "paper": paper }),
        )
        .expect("a preview")
    };
    let p = preview(serde_json::Value::Null);
    assert_eq!(p["prepared_by"], "Alex Morgan");
    assert_eq!(p["previous_paper"], serde_json::Value::Null, "no paper yet");
    assert!(p["default_ask"]
        .as_str()
        .unwrap()
        .starts_with("The board is asked to"));
    // Every imported action is a draft with no owner: all listed, none refused.
    let n = p["actions"].as_u64().unwrap();
    assert!(n > 0);
    assert_eq!(p["warnings"].as_array().unwrap().len() as u64, n);
    assert_eq!(p["warnings"][0]["draft"], true);
    // A board paper written as at 1 Feb 2012 becomes the next one's previous paper.
    let out = dir.path().join("paper.docx");
    invoke_with(
        &app,
        "export_plan",
        json!({
            "format": "board-paper", "path": out, "filter": {}, "asOf": "2012-02-01",
            "force": false, "paper": { "since": null, "board_asked": "approve the plan" },
        }),
    )
    .expect("export succeeds");
    let later = invoke_with(
        &app,
        "export_preview",
        json!({ "format": "board-paper", "filter": {}, "asOf": "2012-03-01" }),
    )
    .unwrap();
    assert_eq!(later["previous_paper"], "2012-02-01");
}
