//! Importing through the IPC commands: the sample reports, a reviewed file, a file changed
//! after its preview, a file that is not a report, and the area SEND sample's review.

mod ipc_common;

use inspection_action_tracker_app::state::AppState;
use ipc_common::*;
use serde_json::json;

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
