//! An area SEND report through the CLI as a user drives it: import the sample PDF (written
//! by us in the real layout), the priority actions led by their responsible bodies (listed,
//! filtered, exported), the priority action plan deadline entered and tracked, and the
//! next inspection estimated as a monitoring inspection window.

mod cli_common;

use std::path::{Path, PathBuf};

use cli_common::{cli, fails, ok_json, stdout};
use serde_json::Value;

fn sample() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/send/kestrelford-area-send.pdf")
        .display()
        .to_string()
}

fn imported() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let o = cli(&db, &["import", &sample()]);
    assert!(o.status.success(), "{}", cli_common::stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("imported Kestrelford (area_send)"), "{out}");
    assert!(
        out.contains("requires a priority action plan but does not print its deadline"),
        "{out}"
    );
    let reports = ok_json(&db, &["report", "list"]);
    let id = reports[0]["id"].as_str().unwrap().to_string();
    (dir, db, id)
}

#[test]
fn responsible_bodies_lead_the_priority_actions_and_can_be_filtered_and_exported() {
    let (dir, db, _) = imported();
    let all = ok_json(&db, &["list", "--as-of", "2025-04-01"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 5);
    let lead = |a: &Value| a["lead_partner"].as_str().map(str::to_string);
    let priority: Vec<&Value> = all
        .iter()
        .filter(|a| a["section"] == "Areas for priority action")
        .collect();
    assert_eq!(priority.len(), 3);
    assert!(priority.iter().all(|a| lead(a).is_some()));
    assert!(all
        .iter()
        .filter(|a| a["section"] == "Areas for improvement")
        .all(|a| a["lead_partner"].is_null()));
    // The owner stays a person: nobody is assigned yet.
    assert!(all.iter().all(|a| a["owner"].is_null()));

    let icb = ok_json(&db, &["list", "--lead-partner", "westmarch integrated"]);
    let icb = icb.as_array().unwrap();
    assert_eq!(icb.len(), 2, "{icb:?}");
    assert!(icb.iter().all(|a| lead(a)
        .unwrap()
        .contains("NHS Westmarch Integrated Care Board")));

    let csv = dir.path().join("plan.csv");
    let o = cli(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--lead-partner",
            "Kestrelford Borough",
            "--out",
            &csv.to_string_lossy(),
        ],
    );
    assert!(o.status.success(), "{}", cli_common::stderr(&o));
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == "Lead partner")
        .expect("a Lead partner column");
    assert_eq!(header[col - 1], "Owner");
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows
        .iter()
        .all(|r| r.contains("Kestrelford Borough Council")));
}

#[test]
fn the_plan_deadline_is_entered_tracked_and_the_monitoring_window_estimated() {
    let (_dir, db, id) = imported();
    let summary = |db: &Path| ok_json(db, &["summary", "--as-of", "2025-04-01"]);
    let s = summary(&db);
    let r = &s["reports"][0];
    // The report prints no deadline: none is invented.
    assert!(r["action_plan_deadline"].is_null(), "{r}");
    assert_eq!(
        r["judgements"][0]["grade"],
        "Widespread and/or systemic failings"
    );
    // Outcome 3: a monitoring inspection within about 18 months of the last day (7 Mar 2025).
    let next = &r["next_inspection"];
    assert_eq!(next["latest"], "2026-09-07", "{next}");
    assert_eq!(next["earliest"], "2026-03-07", "{next}");
    assert!(
        next["basis"]
            .as_str()
            .unwrap()
            .contains("monitoring inspection"),
        "{next}"
    );

    let facts = ok_json(&db, &["report", "plan-deadline", &id[..8], "2025-05-15"]);
    assert_eq!(facts["priority_action_plan_deadline"], "2025-05-15");
    assert_eq!(facts["priority_action_plan_required"], true);
    assert_eq!(facts["stated_next_inspection"]["kind"], "monitoring");
    let s = summary(&db);
    assert_eq!(s["reports"][0]["action_plan_deadline"], "2025-05-15");
    // Recorded in the history; a received date does not replace it with 70 working days.
    ok_json(
        &db,
        &["report", "set", &id[..8], "--received", "2025-04-10"],
    );
    assert_eq!(
        summary(&db)["reports"][0]["action_plan_deadline"],
        "2025-05-15"
    );
    let facts = ok_json(&db, &["report", "plan-deadline", &id[..8], "none"]);
    assert!(facts["priority_action_plan_deadline"].is_null());
}

#[test]
fn a_report_that_needs_no_plan_refuses_a_plan_deadline_and_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    ok_json(&db, &["import", &cli_common::fixture("001_")]);
    let id = ok_json(&db, &["report", "list"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let before = ok_json(&db, &["report", "list"]);
    let m = fails(&db, &["report", "plan-deadline", &id[..8], "2025-05-15"]);
    assert!(m.contains("requires no priority action plan"), "{m}");
    assert!(m.contains("nothing was changed"), "{m}");
    assert_eq!(ok_json(&db, &["report", "list"]), before);
}

#[path = "export_common/mod.rs"]
mod export_common;

#[test]
fn the_statement_is_the_priority_action_plan_with_lead_partners_and_its_deadline() {
    let (dir, db, id) = imported();
    ok_json(&db, &["report", "plan-deadline", &id[..8], "2025-05-15"]);
    let out = dir.path().join("plan.docx");
    let o = cli(
        &db,
        &[
            "export",
            "--format",
            "statement",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert!(o.status.success(), "{}", cli_common::stderr(&o));
    let text = export_common::docx_text(&std::fs::read(&out).unwrap());
    assert!(
        text.starts_with("Priority action plan (area SEND)"),
        "{}",
        &text[..120]
    );
    assert!(!text.contains("Written statement of action"), "{text}");
    assert!(
        text.contains("Inspection outcome: Widespread and/or systemic failings"),
        "{text}"
    );
    assert!(
        text.contains("Priority action plan due: 15 May 2025"),
        "{text}"
    );
    assert!(!text.contains("70 working days"), "{text}");
    assert!(
        text.contains("Lead partner: NHS Westmarch Integrated Care Board"),
        "{text}"
    );
}

#[test]
fn the_board_paper_gives_the_priority_action_plan_deadline() {
    let (dir, db, id) = imported();
    ok_json(&db, &["report", "plan-deadline", &id[..8], "2025-05-15"]);
    let out = dir.path().join("paper.docx");
    let o = cli(
        &db,
        &[
            "export",
            "--format",
            "board-paper",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert!(o.status.success(), "{}", cli_common::stderr(&o));
    let text = export_common::docx_text(&std::fs::read(&out).unwrap());
    assert!(
        text.contains("Priority action plan (area SEND) due Kestrelford"),
        "{text}"
    );
    assert!(text.contains("15 May 2025"), "{text}");
}
