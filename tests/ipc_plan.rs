//! The plan through the IPC commands: edits, the dashboard's data, the overdue review, Save
//! changes, and the filters and references the core gives the plan.

mod ipc_common;

use inspection_action_tracker_app::state::AppState;
use ipc_common::*;
use serde_json::json;

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
