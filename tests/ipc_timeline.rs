//! The timeline's IPC commands through Tauri's mock runtime (issue 13): a later report of
//! an authority with open actions; the earlier plan's actions listed; one carried forward
//! to a new recommendation, the rest closed as overtaken; a repeat confirmed and shown on
//! both recommendations; suggested repeats with the terms they share.

mod ipc_common;

use inspection_action_tracker_app::state::AppState;
use ipc_common::{app_on, invoke_with as invoke, App};
use serde_json::{json, Value};

fn import(app: &App, name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string();
    let preview = invoke(app, "preview_import", json!({ "path": path })).expect("preview");
    let input = json!({ "path": path, "sha256": preview["sha256"], "report": preview["report"], "inspection_date": null });
    invoke(app, "create_plan", json!({ "input": input })).expect("created")
}

#[test]
fn a_later_report_lists_the_earlier_plan_and_the_person_decides_each_action() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    let old = import(&app, "000_e52ea3f525227045.txt");
    import(&app, "004_68b5994d671394d9.txt");
    // The earlier report has no earlier plan of its own.
    let none = invoke(
        &app,
        "previous_plans",
        json!({ "reportId": old["report_id"] }),
    )
    .unwrap();
    assert_eq!(none, json!([]));
    let new = import(&app, "001_04efd66905547271.txt");
    let new_id = new["report_id"].as_str().unwrap();

    // Creating the plan closed nothing: the 15 await a decision.
    let summary = invoke(&app, "get_summary", json!({})).unwrap();
    assert_eq!(summary["awaiting_decision"], 15);
    let plans = invoke(&app, "previous_plans", json!({ "reportId": new_id })).unwrap();
    let plans = plans.as_array().unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0]["report_id"], old["report_id"]);
    assert_eq!(plans[0]["name"], "the 2011 plan");
    let actions: Vec<String> = plans[0]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(actions.len(), 15);
    // The overdue review's "current plans only" leaves out the plan awaiting a decision;
    // the plain list still holds its open actions.
    let count = |filter: Value| {
        invoke(&app, "list_actions", json!({ "filter": filter }))
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(json!({})), 15 + 24 + 3);
    assert_eq!(count(json!({ "current_only": true })), 24 + 3);

    // The new report's repeat findings: one entry per recommendation, in report order.
    // Rutland's 2024 recommendations ask for nothing its 2011 ones did, so none is
    // suggested here (`suggested_repeats_carry_their_reasons` has some); the person links
    // the one on places to live to the 2011 one on external placements.
    let repeats = invoke(&app, "suggest_repeats", json!({ "reportId": new_id })).unwrap();
    let repeats = repeats.as_array().unwrap();
    assert_eq!(repeats.len(), 3);
    assert!(repeats.iter().all(|r| r["suggestions"].is_array()));
    let rec = repeats
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("places to live"))
        .expect("the recommendation on places to live")["recommendation_id"]
        .as_str()
        .unwrap();
    let old_actions = invoke(
        &app,
        "list_actions",
        json!({ "filter": { "report_id": old["report_id"] } }),
    )
    .unwrap();
    let earlier = old_actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["recommendation"]
                .as_str()
                .unwrap()
                .contains("external care placements")
        })
        .expect("the 2011 recommendation on external placements")["recommendation_id"]
        .as_str()
        .unwrap()
        .to_string();
    let earlier = earlier.as_str();

    // A bad choice (an action of no earlier plan) changes nothing.
    let err = invoke(
        &app,
        "decide_previous",
        json!({ "reportId": new_id, "choices": [{ "action_id": "nope", "decision": "completed" }] }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid");
    assert_eq!(
        invoke(&app, "get_summary", json!({})).unwrap()["awaiting_decision"],
        15
    );

    // One carried forward to the new recommendation, the rest closed as overtaken.
    let mut choices = vec![
        json!({ "action_id": actions[0], "decision": "carried_forward", "recommendation_id": rec }),
    ];
    for id in &actions[1..] {
        choices.push(json!({ "action_id": id, "decision": "closed_as_overtaken", "reason": "Overtaken by the 2024 plan" }));
    }
    let out = invoke(
        &app,
        "decide_previous",
        json!({ "reportId": new_id, "choices": choices }),
    )
    .expect("decided");
    assert_eq!(out["carried"], 1);
    assert_eq!(out["closed"], 14);
    assert_eq!(out["plans_closed"], json!([old["report_id"]]));
    let summary = invoke(&app, "get_summary", json!({})).unwrap();
    assert_eq!(summary["awaiting_decision"], 0);
    assert_eq!(summary["overall"]["total"], 1 + 24 + 3);
    // Carried forward, the action is current work again.
    assert_eq!(count(json!({ "current_only": true })), 1 + 24 + 3);
    let carried = invoke(&app, "show_action", json!({ "id": actions[0] })).unwrap();
    assert_eq!(carried["action"]["carried_to_report"], new_id);
    assert_eq!(carried["action"]["carried_to_recommendation"], rec);
    let closed = invoke(
        &app,
        "list_actions",
        json!({ "filter": { "include_closed": true, "report_id": old["report_id"] } }),
    )
    .unwrap();
    assert_eq!(closed.as_array().unwrap().len(), 15);

    // The repeat confirmed: on both recommendations, and marked in the plan.
    invoke(
        &app,
        "decide_repeat",
        json!({ "recommendationId": rec, "earlierId": earlier, "confirmed": true }),
    )
    .expect("confirmed");
    let later_links = invoke(&app, "repeat_links", json!({ "recommendationId": rec })).unwrap();
    assert_eq!(later_links["links"][0]["recommendation_id"], earlier);
    assert_eq!(later_links["links"][0]["earlier"], true);
    let earlier_links =
        invoke(&app, "repeat_links", json!({ "recommendationId": earlier })).unwrap();
    assert_eq!(earlier_links["links"][0]["recommendation_id"], rec);
    assert_eq!(earlier_links["links"][0]["earlier"], false);
    let raised = invoke(
        &app,
        "list_actions",
        json!({ "filter": { "raised_before": true } }),
    )
    .unwrap();
    let raised = raised.as_array().unwrap();
    assert_eq!(raised.len(), 1);
    assert_eq!(raised[0]["recommendation_id"], rec);
}

#[test]
fn suggested_repeats_carry_their_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(AppState::open(&dir.path().join("app.db")));
    // Rutland's contact, referral and assessment inspection (May 2011), then its
    // safeguarding and looked after children inspection (October 2011).
    import(&app, "003_58c395879ae4d1eb.txt");
    let later = import(&app, "000_e52ea3f525227045.txt");
    let repeats = invoke(
        &app,
        "suggest_repeats",
        json!({ "reportId": later["report_id"] }),
    )
    .unwrap();
    let repeats = repeats.as_array().unwrap();
    assert_eq!(repeats.len(), 15);
    // "ensure that all case recording is timely …" asks again for what May's "there are
    // gaps in recording" found, and says why.
    let recording = repeats
        .iter()
        .find(|r| {
            r["text"]
                .as_str()
                .unwrap()
                .starts_with("ensure that all case recording")
        })
        .unwrap();
    let first = &recording["suggestions"][0];
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .contains("there are gaps in recording"),
        "{recording}"
    );
    assert!(
        first["shared_terms"]
            .as_array()
            .unwrap()
            .contains(&json!("case recording")),
        "{recording}"
    );
    assert!(first["score"].as_f64().unwrap() > 0.0);
}
