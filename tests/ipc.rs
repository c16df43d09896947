//! The IPC commands through Tauri's mock runtime: the same builder the app uses, a store
//! on a temporary database, no window system needed.

mod ipc_common;

use inspection_action_tracker_app::state::AppState;
use ipc_common::{app_on, invoke, invoke_with};
use serde_json::json;

#[test]
fn store_info_reports_the_open_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.db");
    let app = app_on(AppState::open(&db));
    let info = invoke(&app, "store_info").expect("store_info succeeds");
    assert_eq!(info["path"], db.display().to_string());
    assert_eq!(info["reports"], 0);
    assert!(info["schema_version"].as_i64().unwrap() >= 1);
}

#[test]
fn store_info_explains_a_database_that_could_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("future.db");
    {
        let conn = rusqlite_free_future_db(&db);
        drop(conn);
    }
    let app = app_on(AppState::open(&db));
    let err = invoke(&app, "store_info").expect_err("a newer database is refused");
    assert_eq!(err["code"], "schema_too_new");
    assert!(err["message"].as_str().unwrap().contains("999"), "{err}");
}

/// A database whose schema version is newer than this program's, written through the
/// core (open, then bump user_version) so the test needs no SQLite of its own.
fn rusqlite_free_future_db(path: &std::path::Path) -> inspection_tracker::store::Store {
    let store = inspection_tracker::store::Store::open(path).unwrap();
    store
        .conn()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    store
}

fn fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn overdue_on(app: &tauri::App<tauri::test::MockRuntime>, date: &str) -> Vec<serde_json::Value> {
    invoke_with(
        app,
        "list_actions",
        json!({ "filter": { "overdue": true }, "asOf": date }),
    )
    .expect("list_actions succeeds")
    .as_array()
    .unwrap()
    .clone()
}

#[test]
fn samples_load_the_dated_reports_and_hold_back_the_one_without_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    let load = invoke(&app, "load_samples").expect("load_samples succeeds");
    assert_eq!(load["imported"].as_array().unwrap().len(), 4, "{load}");
    let review = load["needs_review"].as_array().unwrap();
    // The JAR (no date) and the area SEND sample (its plan deadline is asked at review).
    assert_eq!(review.len(), 2);
    assert_eq!(review[0]["report"]["kind"], "joint_area_review");
    assert_eq!(review[1]["report"]["kind"], "area_send");
    assert!(review[0]["report"]["inspection_end"].is_null());

    // Rutland 2011 (9 due before 1 Feb 2012) and Derby 2011 (all 24).
    assert_eq!(overdue_on(&app, "2012-02-01").len(), 33);

    // The JAR cannot be stored without a date; with one it can.
    let mut input = json!({
        "path": review[0]["path"], "sha256": review[0]["sha256"],
        "report": review[0]["report"], "inspection_date": null,
    });
    let err = invoke_with(&app, "create_plan", json!({ "input": input })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("date"), "{err}");
    input["inspection_date"] = json!("2006-06-30");
    let made = invoke_with(&app, "create_plan", json!({ "input": input })).expect("created");
    assert_eq!(made["recommendations"], 13);

    // Loading the samples again adds nothing.
    let again = invoke(&app, "load_samples").unwrap();
    assert!(again["imported"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["duplicate"] == true));
    let info = invoke(&app, "store_info").unwrap();
    assert_eq!(info["actions"], 15 + 3 + 13 + 5 + 24);
}

#[test]
fn a_reviewed_pdf_is_stored_with_the_corrections_and_a_second_import_is_named_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    let path = fixture("pdf/004_68b5994d671394d9.pdf");
    let preview = invoke_with(&app, "preview_import", json!({ "path": path })).expect("preview");
    assert_eq!(preview["format"], "pdf");
    assert_eq!(preview["report"]["local_authority"], "Derby");
    assert_eq!(
        preview["report"]["recommendations"]
            .as_array()
            .unwrap()
            .len(),
        24
    );
    assert!(preview["duplicate_of"].is_null());
    // Nothing is stored by a preview.
    assert_eq!(invoke(&app, "store_info").unwrap()["reports"], 0);

    // The reviewer corrects the inspection's last day: due dates follow the correction.
    let mut report = preview["report"].clone();
    report["inspection_end"] = json!("2011-06-30");
    let input = json!({ "path": path, "sha256": preview["sha256"], "report": report, "inspection_date": null });
    let made =
        invoke_with(&app, "create_plan", json!({ "input": input.clone() })).expect("created");
    assert_eq!(made["actions"], 24);
    let list = invoke_with(&app, "list_actions", json!({ "filter": {} })).unwrap();
    let dues: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["due_date"].as_str())
        .collect();
    assert!(
        dues.contains(&"2011-06-30"),
        "immediate actions fall on the corrected date: {dues:?}"
    );
    assert!(!dues.contains(&"2011-05-20"), "{dues:?}");

    let again = invoke_with(&app, "preview_import", json!({ "path": path })).unwrap();
    assert_eq!(again["duplicate_of"]["report_id"], made["report_id"]);
    let dup = invoke_with(&app, "create_plan", json!({ "input": input })).unwrap();
    assert_eq!(dup["duplicate"], true);
    assert_eq!(invoke(&app, "store_info").unwrap()["actions"], 24);
}

#[test]
fn a_file_changed_after_its_preview_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    let path = dir.path().join("letter.txt");
    std::fs::copy(fixture("003_58c395879ae4d1eb.txt"), &path).unwrap();
    let preview = invoke_with(&app, "preview_import", json!({ "path": path })).unwrap();
    std::fs::write(
        &path,
        "Areas for development\n\n• Something else entirely.\n",
    )
    .unwrap();
    let input = json!({ "path": path, "sha256": preview["sha256"], "report": preview["report"], "inspection_date": null });
    let err = invoke_with(&app, "create_plan", json!({ "input": input })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("changed"),
        "{err}"
    );
    assert_eq!(invoke(&app, "store_info").unwrap()["reports"], 0);
}

#[test]
fn completing_an_action_takes_it_off_the_overdue_list_and_is_in_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    invoke(&app, "load_samples").unwrap();
    invoke_with(
        &app,
        "set_setting",
        json!({ "key": "user_name", "value": "QA Lead" }),
    )
    .unwrap();
    let overdue = overdue_on(&app, "2012-02-01");
    let id = overdue[0]["id"].as_str().unwrap().to_owned();
    let detail = invoke_with(
        &app,
        "update_action",
        json!({ "id": id, "change": { "kind": "status", "status": "completed" } }),
    )
    .expect("update succeeds");
    assert_eq!(detail["action"]["status"], "completed");
    assert_eq!(overdue_on(&app, "2012-02-01").len(), 32);

    let history = invoke_with(&app, "action_history", json!({ "id": id })).unwrap();
    let change = history
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["field"] == "status")
        .expect("the status change is recorded");
    assert_eq!(change["new_value"], "completed");
    assert_eq!(change["who"], "QA Lead");

    // A bad edit is refused with a clear message and changes nothing.
    let err = invoke_with(
        &app,
        "update_action",
        json!({ "id": id, "change": { "kind": "due_date", "date": "2012-03-01", "reason": "" } }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("reason"), "{err}");
    let summary = invoke_with(&app, "get_summary", json!({ "asOf": "2012-02-01" })).unwrap();
    assert_eq!(summary["overall"]["completed"], 1);
    let burn = invoke_with(&app, "burn_up", json!({ "asOf": "2030-01-01" })).unwrap();
    assert_eq!(burn.as_array().unwrap().last().unwrap()["completed"], 1);
}

#[test]
fn the_dashboard_shows_each_reports_judgements_and_references_count_from_one() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    invoke(&app, "load_samples").unwrap();
    let summary = invoke_with(&app, "get_summary", json!({ "asOf": "2012-02-01" })).unwrap();
    let graded: Vec<&serde_json::Value> = summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["judgements"].as_array().unwrap().is_empty())
        .collect();
    assert!(
        !graded.is_empty(),
        "no report carries judgements: {summary}"
    );
    let first = &graded[0]["judgements"][0];
    assert!(first["area"].as_str().is_some_and(|a| !a.is_empty()));
    assert!(first["grade"].as_str().is_some_and(|g| !g.is_empty()));

    let list = invoke_with(&app, "list_actions", json!({ "filter": {} })).unwrap();
    let numbers: Vec<u64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["recommendation_number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers.iter().min(), Some(&1));
    assert!(!numbers.contains(&0));
}

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

#[test]
fn reminders_are_a_setting_that_can_be_switched_off() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    let value = |settings: &serde_json::Value| {
        settings
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == "reminders")
            .map(|s| s["value"].clone())
    };
    let settings = invoke(&app, "get_settings").unwrap();
    assert_eq!(value(&settings), Some(json!("on")));
    let settings = invoke_with(
        &app,
        "set_setting",
        json!({ "key": "reminders", "value": "off" }),
    )
    .unwrap();
    assert_eq!(value(&settings), Some(json!("off")));
    let err = invoke_with(
        &app,
        "set_setting",
        json!({ "key": "reminders", "value": "sometimes" }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("on or off"),
        "{err}"
    );
}

#[test]
fn the_area_send_sample_is_reviewed_with_its_plan_deadline_and_led_by_its_responsible_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    let load = invoke(&app, "load_samples").unwrap();
    let send = load["needs_review"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["report"]["kind"] == "area_send")
        .expect("the area SEND sample waits for review")
        .clone();
    assert_eq!(send["report"]["priority_action_plan_required"], true);
    assert_eq!(
        send["report"]["judgements"][0]["grade"],
        "Widespread and/or systemic failings"
    );
    let input = json!({
        "path": send["path"], "sha256": send["sha256"], "report": send["report"],
        "inspection_date": null, "priority_action_plan_deadline": "2025-05-15",
    });
    let made = invoke_with(&app, "create_plan", json!({ "input": input })).expect("created");
    assert_eq!(made["recommendations"], 5);
    let summary = invoke_with(&app, "get_summary", json!({ "asOf": "2025-04-01" })).unwrap();
    let report = summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "area_send")
        .unwrap();
    assert_eq!(report["action_plan_deadline"], "2025-05-15");
    assert_eq!(report["next_inspection"]["latest"], "2026-09-07");

    // The deadline can be changed after the review, and only on a report that needs a plan.
    let send_id = report["report_id"].clone();
    let changed = invoke_with(
        &app,
        "set_plan_deadline",
        json!({ "reportId": send_id, "date": "2025-06-02" }),
    )
    .expect("changed");
    let deadline_of = |s: &serde_json::Value| {
        s["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["report_id"] == send_id)
            .unwrap()["action_plan_deadline"]
            .clone()
    };
    assert_eq!(deadline_of(&changed), "2025-06-02");
    let history = invoke_with(&app, "get_summary", json!({})).unwrap();
    assert_eq!(deadline_of(&history), "2025-06-02");
    let other = summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] != "area_send")
        .unwrap()["report_id"]
        .clone();
    let err = invoke_with(
        &app,
        "set_plan_deadline",
        json!({ "reportId": other, "date": "2025-06-02" }),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("requires no priority action plan"),
        "{err}"
    );
    let led = invoke_with(
        &app,
        "list_actions",
        json!({ "filter": { "lead_partner": "westmarch" }, "asOf": "2025-04-01" }),
    )
    .unwrap();
    let led = led.as_array().unwrap();
    assert_eq!(led.len(), 2);
    assert!(led.iter().all(
        |a| a["lead_partner"] == "NHS Westmarch Integrated Care Board"
            || a["lead_partner"]
                .as_str()
                .unwrap()
                .contains("NHS Westmarch Integrated Care Board")
    ));
}

#[test]
fn the_app_refuses_a_file_that_is_not_a_report_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    let page = dir.path().join("report.pdf");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><title>Report not found - Find an Inspection Report - \
         Ofsted</title></head><body><h1>Report not found</h1><p>Sorry, the document you \
         requested no longer exists.</p></body></html>",
    )
    .unwrap();
    let err = invoke_with(
        &app,
        "preview_import",
        json!({ "path": page.display().to_string() }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().starts_with(
            "This is a web page ('Report not found - Find an Inspection Report - Ofsted'), \
             not an inspection report"
        ),
        "{err}"
    );
    let list = invoke_with(&app, "list_actions", json!({ "filter": {} })).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 0);
    let info = invoke(&app, "store_info").unwrap();
    assert_eq!(info["reports"], 0, "{info}");
}

#[test]
fn the_overdue_review_filters_by_band_records_a_review_and_changes_actions_in_bulk() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    invoke(&app, "load_samples").unwrap();
    // The name the history records: unset, it is the system account's (a default).
    let settings = invoke(&app, "get_settings").unwrap();
    let name = settings
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "user_name")
        .unwrap()
        .clone();
    assert_eq!(name["is_default"], true);
    assert!(!name["value"].as_str().unwrap().is_empty());
    invoke_with(
        &app,
        "set_setting",
        json!({ "key": "user_name", "value": "Priya Shah" }),
    )
    .unwrap();

    let list = |filter: serde_json::Value| {
        invoke_with(
            &app,
            "list_actions",
            json!({ "filter": filter, "asOf": "2012-02-01" }),
        )
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
    };
    let all = list(json!({ "overdue": true, "current_only": true }));
    let bands: Vec<Vec<serde_json::Value>> = [
        "under_thirty_days",
        "thirty_to_ninety_days",
        "over_ninety_days",
    ]
    .iter()
    .map(|b| list(json!({ "overdue_band": b, "current_only": true })))
    .collect();
    assert_eq!(bands.iter().map(Vec::len).sum::<usize>(), all.len());
    for (band, (first, last)) in bands.iter().zip([(1, 29), (30, 90), (91, i64::MAX)]) {
        for item in band {
            let days = item["days_overdue"].as_i64().unwrap();
            assert!(
                days >= first && days <= last,
                "{days} days in {first}..{last}"
            );
        }
    }
    let err = invoke_with(
        &app,
        "list_actions",
        json!({ "filter": { "overdue_band": "ages" } }),
    )
    .unwrap_err();
    assert!(err.to_string().contains("ages"), "{err}");

    // A review: recorded with the person's name, read back as the latest.
    let id = all[0]["id"].as_str().unwrap().to_owned();
    let review = json!({ "outcome": "Owner to send the audit", "reviewed_on": "2012-01-30", "next_review": "2012-02-27" });
    let made = invoke_with(&app, "record_review", json!({ "id": id, "review": review })).unwrap();
    assert_eq!(made["reviewed_by"], "Priya Shah");
    let latest = invoke(&app, "latest_reviews").unwrap();
    assert_eq!(latest.as_array().unwrap().len(), 1);
    assert_eq!(latest[0]["action_id"], id.as_str());
    assert_eq!(latest[0]["next_review"], "2012-02-27");
    let history = invoke_with(&app, "action_history", json!({ "id": id })).unwrap();
    let outcome = history
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["field"] == "review_outcome")
        .expect("the review is in the action's history");
    assert_eq!(outcome["new_value"], "Owner to send the audit");
    assert_eq!(outcome["who"], "Priya Shah");
    let bad = json!({ "outcome": "", "next_review": null });
    let err = invoke_with(&app, "record_review", json!({ "id": id, "review": bad })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("what was agreed"),
        "{err}"
    );

    // Bulk reassign, then bulk re-schedule with one reason.
    let ids: Vec<&str> = all[..3].iter().map(|a| a["id"].as_str().unwrap()).collect();
    let change = json!({ "kind": "reassign", "owner": "Mark Evans" });
    let rows = invoke_with(
        &app,
        "update_actions",
        json!({ "ids": ids, "change": change }),
    )
    .unwrap();
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["owner"] == "Mark Evans"));
    let change =
        json!({ "kind": "reschedule", "date": "2012-06-30", "reason": "Agreed at the QA panel" });
    invoke_with(
        &app,
        "update_actions",
        json!({ "ids": ids, "change": change }),
    )
    .unwrap();
    for id in &ids {
        let d = invoke_with(&app, "show_action", json!({ "id": id })).unwrap();
        assert_eq!(d["action"]["due_date"], "2012-06-30");
        assert_eq!(d["action"]["due_date_reason"], "Agreed at the QA panel");
        assert_eq!(d["action"]["owner"], "Mark Evans");
    }
    // One unknown action in the batch: refused, nothing changed.
    let change = json!({ "kind": "reassign", "owner": "Nobody" });
    let batch = json!({ "ids": [ids[0], "not-an-action"], "change": change });
    let err = invoke_with(&app, "update_actions", batch).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("not-an-action"),
        "{err}"
    );
    let d = invoke_with(&app, "show_action", json!({ "id": ids[0] })).unwrap();
    assert_eq!(d["action"]["owner"], "Mark Evans");

    // The name signs updates too.
    let d = invoke_with(
        &app,
        "add_update",
        json!({ "id": ids[1], "note": "Audit started" }),
    )
    .unwrap();
    assert_eq!(
        d["updates"].as_array().unwrap().last().unwrap()["author"],
        "Priya Shah"
    );
}

#[test]
fn save_changes_writes_every_edit_in_one_transaction_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    invoke(&app, "load_samples").unwrap();
    let id = overdue_on(&app, "2012-02-01")[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let changes = json!([
        { "kind": "owner", "owner": "Alex Morgan" },
        { "kind": "status", "status": "in_progress" },
        { "kind": "progress", "progress": 40 },
    ]);
    let d = invoke_with(&app, "save_action", json!({ "id": id, "changes": changes })).unwrap();
    assert_eq!(d["action"]["owner"], "Alex Morgan");
    assert_eq!(d["action"]["status"], "in_progress");
    assert_eq!(d["action"]["progress"], 40);
    // A bad edit among good ones: refused, and the good ones are not saved either.
    let changes = json!([
        { "kind": "owner", "owner": "Someone Else" },
        { "kind": "progress", "progress": 140 },
    ]);
    let err =
        invoke_with(&app, "save_action", json!({ "id": id, "changes": changes })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("140"), "{err}");
    let d = invoke_with(&app, "show_action", json!({ "id": id })).unwrap();
    assert_eq!(d["action"]["owner"], "Alex Morgan");
    assert_eq!(d["action"]["progress"], 40);
}

/// The plan's filters reach the core whole: open, no owner and a due range are fields of
/// the IPC filter, and each item carries its reference and plan order.
#[test]
fn the_plans_filters_and_references_come_from_the_core() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    invoke(&app, "load_samples").expect("load_samples succeeds");
    let list = |filter: serde_json::Value| -> Vec<serde_json::Value> {
        invoke_with(&app, "list_actions", json!({ "filter": filter }))
            .expect("list_actions succeeds")
            .as_array()
            .unwrap()
            .clone()
    };
    let all = list(json!({}));
    let mut orders: Vec<u64> = all
        .iter()
        .map(|a| a["plan_order"].as_u64().unwrap())
        .collect();
    orders.sort_unstable();
    assert_eq!(orders, (0..all.len() as u64).collect::<Vec<_>>());
    assert!(all.iter().all(|a| a["reference"]
        .as_str()
        .unwrap()
        .starts_with(&format!("{}.", a["recommendation_number"]))));

    let first = all[0]["id"].as_str().unwrap();
    invoke_with(
        &app,
        "update_action",
        json!({ "id": first, "change": { "kind": "status", "status": "completed" } }),
    )
    .expect("completed");
    let open = list(json!({ "open": true }));
    assert_eq!(open.len(), all.len() - 1);
    assert!(open.iter().all(|a| a["id"] != first));
    assert_eq!(
        list(json!({ "no_owner": true })).len(),
        all.len(),
        "no owners yet"
    );
    let april = list(json!({ "due_from": "2012-04-14", "due_to": "2012-04-14" }));
    assert_eq!(april.len(), 6, "Rutland 2011's six-month actions");
    assert!(april.iter().all(|a| a["due_date"] == "2012-04-14"));
}

/// A damaged database: the window's commands say so, its backups are listed from the
/// file's path, and restoring one over it opens the app on the backup (the damaged file
/// kept beside it). An open database refuses this kind of restore.
#[test]
fn a_damaged_database_is_restored_from_a_backup_inside_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tracker.db");
    {
        let app = app_on(AppState::open(&db));
        invoke(&app, "load_samples").expect("samples load");
        let made = invoke(&app, "make_backup").expect("backup made");
        assert!(made["path"].as_str().unwrap().contains("backups"));
        let err = invoke_with(
            &app,
            "restore_over_damaged",
            json!({ "path": made["path"] }),
        )
        .unwrap_err();
        assert!(
            err["message"].as_str().unwrap().contains("Settings"),
            "{err}"
        );
    }
    let actions = {
        let store = inspection_tracker::store::Store::open(&db).unwrap();
        // Everything into the main file, so damaging it is not masked by the WAL.
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        store.info().unwrap().actions
    };
    // Damage the schema page, as a bad sector or a sync client's half-copy would.
    let mut content = std::fs::read(&db).unwrap();
    for b in &mut content[100..4096] {
        *b = 0x5a;
    }
    std::fs::write(&db, &content).unwrap();

    let app = app_on(AppState::open(&db));
    let err = invoke(&app, "store_info").unwrap_err();
    assert_eq!(err["code"], "damaged", "{err}");
    let backups = invoke(&app, "list_backups").expect("listed without the database");
    let newest = backups[0]["path"].clone();
    invoke_with(&app, "restore_over_damaged", json!({ "path": newest })).expect("restored");
    let info = invoke(&app, "store_info").expect("the app works again");
    assert_eq!(info["actions"], json!(actions));
    let kept: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // Its -wal and -shm files are kept with it.
        .filter(|n| {
            n.starts_with("tracker.db.damaged-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read(dir.path().join(&kept[0])).unwrap(), content);
}
