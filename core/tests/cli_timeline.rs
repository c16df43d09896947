//! A council's timeline through the CLI (issue 13): Rutland's 2011 plan when its 2024
//! inspection arrives, with Derby's 2011 plan beside it — kept awaiting a decision by
//! default, closed as overtaken with `--previous close`, carried forward with `carry`,
//! closed by a person with `plan close`; and views as at a date leaving out reports not
//! known then; `--authority` for one council.

mod cli_common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use cli_common::*;
use serde_json::Value;

/// A database with Rutland's 2011 SLAC and Derby's 2011 SLAC, then Rutland's 2024 ILACS
/// imported with `previous` (none: the default).
fn scenario(previous: Option<&str>) -> (tempfile::TempDir, PathBuf, HashMap<&'static str, String>) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let first = ok_json(&db, &["import", &fixture("000_"), &fixture("004_")]);
    let mut args = vec!["import".to_string(), fixture("001_")];
    if let Some(p) = previous {
        args.push("--previous".into());
        args.push(p.into());
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let later = ok_json(&db, &refs);
    let id = |v: &Value| v["report_id"].as_str().unwrap().to_string();
    let reports = HashMap::from([
        ("rutland_2011", id(&first[0])),
        ("derby_2011", id(&first[1])),
        ("rutland_2024", id(&later[0])),
    ]);
    (dir, db, reports)
}

fn count_by_report(list: &Value) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for a in list.as_array().unwrap() {
        *out.entry(a["report_id"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    out
}

fn history_fields(db: &Path, id: &str) -> Vec<(String, Option<String>, String)> {
    ok_json(db, &["history", id])
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["field"].as_str().unwrap().to_string(),
                h["new_value"].as_str().map(str::to_string),
                h["who"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn by_default_the_2011_plan_awaits_a_decision_and_nothing_is_closed() {
    let (_dir, db, r) = scenario(None);
    let s = ok_json(&db, &["summary"]);
    assert_eq!(s["awaiting_decision"], 15, "{s:#}");
    let needed = s["decisions_needed"].as_array().unwrap();
    assert_eq!(needed.len(), 1);
    assert_eq!(needed[0]["report_id"], r["rutland_2011"].as_str());
    assert_eq!(needed[0]["plan"], "the 2011 plan");
    assert_eq!(needed[0]["open_actions"], 15);
    assert_eq!(needed[0]["overtaken_by"], r["rutland_2024"].as_str());
    let state = |id: &str| {
        s["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["report_id"] == id)
            .unwrap()["plan_state"]
            .clone()
    };
    assert_eq!(state(&r["rutland_2011"]), "awaiting_decision");
    assert_eq!(state(&r["derby_2011"]), "current");
    assert_eq!(state(&r["rutland_2024"]), "current");
    // Nothing closed: every action is listed, and counted.
    assert_eq!(s["overall"]["total"], 15 + 24 + 3);
    let all = ok_json(&db, &["list"]);
    let included = ok_json(&db, &["list", "--include-closed"]);
    assert_eq!(all, included);
    assert!(all
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["closed_on"].is_null()));
    // The choice is in the 2011 report's history, with who.
    let h = history_fields(&db, &r["rutland_2011"]);
    assert!(
        h.iter().any(|(f, v, who)| f == "previous_plan"
            && v.as_deref()
                .unwrap_or("")
                .starts_with("keep: 15 open actions")
            && who == WHO),
        "{h:?}"
    );
    // The text summary says it in words.
    let text = stdout(&cli(&db, &["summary"]));
    assert!(
        text.contains("15 open actions from the 2011 plan (Rutland) need a decision"),
        "{text}"
    );
    // As at 2012 the 2024 report was not known: no decision was due then.
    let then = ok_json(&db, &["summary", "--as-of", "2012-02-01"]);
    assert_eq!(then["awaiting_decision"], 0);
}

#[test]
fn with_previous_close_the_15_are_closed_as_overtaken_and_stay_in_the_history() {
    let (_dir, db, r) = scenario(Some("close"));
    let s = ok_json(&db, &["summary"]);
    assert_eq!(s["awaiting_decision"], 0);
    assert_eq!(
        s["overall"]["total"],
        24 + 3,
        "the headline counts current plans"
    );

    let overdue = ok_json(&db, &["list", "--overdue", "--as-of", "2026-12-01"]);
    let by = count_by_report(&overdue);
    assert_eq!(by.len(), 2, "{by:?}");
    assert_eq!(by[&r["rutland_2024"]], 3);
    assert_eq!(by[&r["derby_2011"]], 24);

    let all = ok_json(&db, &["list", "--include-closed"]);
    let closed: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| !a["closed_on"].is_null())
        .collect();
    assert_eq!(closed.len(), 15);
    for a in &closed {
        assert_eq!(a["report_id"], r["rutland_2011"].as_str());
        assert_eq!(
            a["closed_on"], "2024-04-26",
            "closed from the ILACS's last day"
        );
        assert_eq!(
            a["closed_reason"],
            "overtaken by the ILACS inspection of 26 April 2024"
        );
    }
    let id = closed[0]["id"].as_str().unwrap();
    let h = history_fields(&db, id);
    assert!(
        h.iter().any(|(f, v, who)| f == "closed_reason"
            && v.as_deref() == Some("overtaken by the ILACS inspection of 26 April 2024")
            && who == WHO),
        "{h:?}"
    );
    assert!(h.iter().any(|(f, _, _)| f == "closed_on"), "{h:?}");
    let plan = history_fields(&db, &r["rutland_2011"]);
    assert!(plan.iter().any(|(f, _, _)| f == "plan_closed"), "{plan:?}");
    // A closed action is still found by search (with --include-closed) and exported.
    let found = ok_json(
        &db,
        &["list", "--include-closed", "--report", &r["rutland_2011"]],
    );
    assert_eq!(found.as_array().unwrap().len(), 15);

    // As of 2012-02-01 the 2024 report was not known, so nothing had overtaken the 2011
    // plan then: the existing 33 (here from the two SLACs: 9 + 24) are overdue.
    let then = ok_json(&db, &["list", "--overdue", "--as-of", "2012-02-01"]);
    let by = count_by_report(&then);
    assert_eq!(by[&r["rutland_2011"]], 9);
    assert_eq!(by[&r["derby_2011"]], 24);
    assert_eq!(by.len(), 2);
}

#[test]
fn with_previous_carry_the_open_actions_stay_open_linked_to_the_new_plan() {
    let (_dir, db, r) = scenario(Some("carry"));
    let s = ok_json(&db, &["summary"]);
    assert_eq!(s["awaiting_decision"], 0);
    assert_eq!(s["overall"]["total"], 15 + 24 + 3);
    let rutland = ok_json(&db, &["list", "--report", &r["rutland_2011"]]);
    let items = rutland.as_array().unwrap();
    assert_eq!(items.len(), 15);
    assert!(items
        .iter()
        .all(|a| a["carried_to_report"] == r["rutland_2024"].as_str() && a["closed_on"].is_null()));
    let state = s["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["report_id"] == r["rutland_2011"].as_str())
        .unwrap()["plan_state"]
        .clone();
    assert_eq!(state, "closed");
}

#[test]
fn a_person_closes_a_plan_with_a_reason_and_bad_input_changes_nothing() {
    let (_dir, db, r) = scenario(None);
    let before = ok_json(&db, &["list", "--include-closed"]);
    let err = fails(
        &db,
        &["plan", "close", &r["rutland_2011"], "--reason", "  "],
    );
    assert!(err.contains("say why the plan is closed"), "{err}");
    let err = fails(&db, &["import", &fixture("003_"), "--previous", "drop"]);
    assert!(err.contains("give keep, carry or close"), "{err}");
    assert_eq!(ok_json(&db, &["list", "--include-closed"]), before);

    let short = &r["rutland_2011"][r["rutland_2011"].len() - 8..];
    let closed = ok_json(
        &db,
        &[
            "plan",
            "close",
            short,
            "--reason",
            "Superseded by the 2024 ILACS plan",
        ],
    );
    assert_eq!(
        closed["plan_closed_reason"],
        "Superseded by the 2024 ILACS plan"
    );
    assert_eq!(closed["plan_closed_on"], "2024-04-26");
    let s = ok_json(&db, &["summary"]);
    assert_eq!(s["awaiting_decision"], 0);
    assert_eq!(s["overall"]["total"], 24 + 3);
    let err = fails(&db, &["plan", "close", short, "--reason", "again"]);
    assert!(err.contains("already closed"), "{err}");
}

#[test]
fn authority_limits_views_and_papers_to_one_council_and_an_unknown_one_is_named() {
    let (dir, db, r) = scenario(None);
    let derby = ok_json(&db, &["list", "--authority", "Derby City Council"]);
    let by = count_by_report(&derby);
    assert_eq!(by.len(), 1);
    assert_eq!(by[&r["derby_2011"]], 24);
    let s = ok_json(&db, &["summary", "--authority", "rutland"]);
    assert_eq!(s["overall"]["total"], 15 + 3);
    assert!(s["reports"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["local_authority"] == "Rutland"));

    let err = fails(&db, &["list", "--authority", "Leicester"]);
    assert!(
        err.contains("\"Leicester\"") && err.contains("Derby, Rutland"),
        "{err}"
    );
    let out = dir.path().join("leicester.docx");
    let err = fails(
        &db,
        &[
            "export",
            "--format",
            "board-paper",
            "--out",
            out.to_str().unwrap(),
            "--authority",
            "Leicester",
        ],
    );
    assert!(err.contains("\"Leicester\""), "{err}");
    assert!(!out.exists());
    let csv = dir.path().join("derby.csv");
    ok_json(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
            "--authority",
            "Derby",
        ],
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("Derby") && !text.contains("Rutland"),
        "{text}"
    );
}

#[test]
fn the_text_import_says_what_awaits_a_decision() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    ok_json(&db, &["import", &fixture("000_")]);
    let out = cli(&db, &["import", &fixture("001_")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("15 open actions from the 2011 plan of Rutland need a decision"),
        "{text}"
    );
    // With --previous close there is nothing left to decide.
    let dir2 = tempfile::tempdir().unwrap();
    let db2 = dir2.path().join("plan.db");
    ok_json(&db2, &["import", &fixture("000_")]);
    let out = cli(&db2, &["import", &fixture("001_"), "--previous", "close"]);
    assert!(
        !stdout(&out).contains("need a decision"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_four_dated_samples_name_each_plan_awaiting_a_decision_apart() {
    let plan = imported();
    let s = ok_json(&plan.db, &["summary"]);
    let mut named: Vec<(String, i64)> = s["decisions_needed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["plan"].as_str().unwrap().to_string(),
                d["open_actions"].as_i64().unwrap(),
            )
        })
        .collect();
    named.sort();
    // The contact, referral and assessment inspection (May) is overtaken by the October
    // SLAC, which the 2024 ILACS overtakes; Derby has no later report.
    assert_eq!(
        named,
        vec![
            ("the May 2011 plan".to_string(), 5),
            ("the October 2011 plan".to_string(), 15)
        ]
    );
    assert_eq!(s["awaiting_decision"], 20);
}
