//! The action-plan commands of the `inspection-tracker` binary, run as a person or a script
//! would run them, on the reference reports in `tests/fixtures` and a throw-away database:
//! import, lists, summary, changes and their history.

mod cli_common;

use cli_common::*;
use serde_json::Value;

#[test]
fn import_then_overdue_lists_the_33_rutland_and_derby_actions_due_by_february_2012() {
    let plan = imported();
    let list = overdue(&plan.db);
    let items = list.as_array().unwrap();
    assert_eq!(items.len(), 33, "{list:#}");
    let from = |prefix: &str| {
        items
            .iter()
            .filter(|a| a["report_id"] == plan.report(prefix))
            .count()
    };
    // Rutland 2011: the 2 "immediately" (14 Oct 2011) and 7 "within three months"
    // (14 Jan 2012); its 6 "within six months" fall due on 14 Apr 2012.
    assert_eq!(from("000_"), 9);
    // Derby: every action fell due by 20 Nov 2011.
    assert_eq!(from("004_"), 24);
    for a in items {
        for field in [
            "id",
            "report_id",
            "local_authority",
            "recommendation",
            "title",
            "owner",
            "due_date",
            "status",
            "progress",
            "rag",
        ] {
            assert!(a.get(field).is_some(), "{field} missing from {a:#}");
        }
        assert_eq!(a["status"], "not_started");
        assert_eq!(a["rag"], "red");
        assert!(a["due_date"].as_str().unwrap() < "2012-02-01");
    }
    let rutland_dates: Vec<&str> = items
        .iter()
        .filter(|a| a["report_id"] == plan.report("000_"))
        .map(|a| a["due_date"].as_str().unwrap())
        .collect();
    assert_eq!(
        rutland_dates.iter().filter(|d| **d == "2011-10-14").count(),
        2
    );
    assert_eq!(
        rutland_dates.iter().filter(|d| **d == "2012-01-14").count(),
        7
    );
    // On the day before the first due date nothing is overdue.
    let early = ok_json(&plan.db, &["list", "--overdue", "--as-of", "2011-05-11"]);
    assert_eq!(early.as_array().unwrap().len(), 0);
}

#[test]
fn completing_an_action_takes_it_off_the_overdue_list_and_the_history_says_who_and_when() {
    let plan = imported();
    let before = ids(&overdue(&plan.db));
    let id = &before[0];
    let updated = ok_json(
        &plan.db,
        &[
            "action",
            "update",
            id,
            "--status",
            "completed",
            "--as-of",
            "2012-01-30",
        ],
    );
    assert_eq!(updated["status"], "completed");
    assert_eq!(updated["completed_on"], "2012-01-30");

    let after = ids(&overdue(&plan.db));
    assert_eq!(after.len(), 32);
    assert!(!after.contains(id));

    let history = ok_json(&plan.db, &["history", id]);
    let change = history
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["field"] == "status")
        .expect("a status change in the history");
    assert_eq!(change["old_value"], "not_started");
    assert_eq!(change["new_value"], "completed");
    assert_eq!(change["who"], WHO);
    let at = change["at"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(at).is_ok(),
        "a timestamp: {at}"
    );
    // The text form says the same, and a short id works too.
    let text = cli(&plan.db, &["history", &id[id.len() - 8..]]);
    assert!(text.status.success(), "{}", stderr(&text));
    let text = stdout(&text);
    assert!(
        text.contains("not_started → completed") && text.contains(WHO) && text.contains(at),
        "{text}"
    );
}

#[test]
fn importing_the_same_files_again_adds_nothing_and_keeps_every_update() {
    let plan = imported();
    let id = ids(&overdue(&plan.db))[3].clone();
    ok_json(
        &plan.db,
        &[
            "action",
            "update",
            &id,
            "--status",
            "in_progress",
            "--progress",
            "40",
            "--owner",
            "Head of Safeguarding",
            "--note",
            "Audit tool drafted",
            "--as-of",
            "2012-01-20",
        ],
    );
    let counts = info(&plan.db);
    let history_len = ok_json(&plan.db, &["history", &id])
        .as_array()
        .unwrap()
        .len();

    let files = dated();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let again = ok_json(&plan.db, &args);
    for o in again.as_array().unwrap() {
        assert_eq!(o["duplicate"], true, "{o:#}");
        assert_eq!(o["actions"], 0);
    }
    let text = cli(&plan.db, &args);
    assert!(text.status.success());
    assert_eq!(
        stdout(&text).matches("already imported").count(),
        4,
        "{}",
        stdout(&text)
    );

    assert_eq!(info(&plan.db), counts);
    let shown = ok_json(&plan.db, &["action", "show", &id, "--as-of", "2012-02-01"]);
    assert_eq!(shown["action"]["status"], "in_progress");
    assert_eq!(shown["action"]["progress"], 40);
    assert_eq!(shown["action"]["owner"], "Head of Safeguarding");
    assert_eq!(shown["updates"][0]["note"], "Audit tool drafted");
    assert_eq!(shown["updates"][0]["written_on"], "2012-01-20");
    assert_eq!(
        ok_json(&plan.db, &["history", &id])
            .as_array()
            .unwrap()
            .len(),
        history_len
    );
    assert_eq!(overdue(&plan.db).as_array().unwrap().len(), 33);
}

#[test]
fn the_undated_joint_area_review_needs_an_inspection_date_and_imports_with_one() {
    let plan = imported();
    let jar = fixture("002_");
    let counts = info(&plan.db);
    let err = fails(&plan.db, &["import", &jar]);
    assert!(
        err.starts_with("error: ") && err.contains("--inspection-date") && err.contains("002_"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert_eq!(info(&plan.db), counts, "nothing imported");

    // With other files in the same command: still nothing imported at all.
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.db");
    let derby = fixture("004_");
    fails(&fresh, &["import", &derby, &jar]);
    assert_eq!(info(&fresh)["actions"], 0);

    let out = ok_json(
        &plan.db,
        &["import", &jar, "--inspection-date", "2006-11-24"],
    );
    let o = &out[0];
    assert_eq!(o["duplicate"], false);
    assert_eq!(o["base_date"], "2006-11-24");
    let n = o["actions"].as_u64().unwrap();
    assert!(n >= 10, "{o:#}");
    let list = ok_json(
        &plan.db,
        &["list", "--report", o["report_id"].as_str().unwrap()],
    );
    let dates: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["due_date"].as_str().unwrap())
        .collect();
    assert_eq!(dates.len() as u64, n);
    // Immediately = the date given; the rest count from it.
    assert!(dates.contains(&"2006-11-24"), "{dates:?}");
    assert!(dates.contains(&"2007-05-24"), "{dates:?}");
}

#[test]
fn bad_input_is_refused_with_a_clear_error_and_changes_nothing() {
    let plan = imported();
    let id = ids(&overdue(&plan.db))[0].clone();
    let history_len = ok_json(&plan.db, &["history", &id])
        .as_array()
        .unwrap()
        .len();
    let cases: &[&[&str]] = &[
        &["action", "update", &id, "--progress", "150"],
        &["action", "update", &id, "--status", "finished"],
        &["action", "update", &id, "--due", "2012-06-01"],
        &[
            "action",
            "update",
            &id,
            "--due",
            "2012-06-01",
            "--reason",
            "  ",
        ],
        &[
            "action",
            "update",
            &id,
            "--due",
            "31/12/2012",
            "--reason",
            "board",
        ],
        &["action", "update", &id],
        &["action", "update", &id, "--sign-off"],
        &["action", "update", "ffffffff", "--progress", "10"],
        &["action", "update", &id, "--title", " "],
        &["list", "--as-of", "yesterday"],
        &["list", "--search", "  ?! "],
    ];
    for args in cases {
        let err = fails(&plan.db, args);
        assert!(err.contains("error"), "{args:?}: {err}");
    }
    assert_eq!(
        ok_json(&plan.db, &["history", &id])
            .as_array()
            .unwrap()
            .len(),
        history_len
    );
    let shown = ok_json(&plan.db, &["action", "show", &id]);
    assert_eq!(shown["action"]["progress"], 0);
    assert_eq!(shown["action"]["status"], "not_started");
}

#[test]
fn a_due_date_override_needs_a_reason_and_records_it() {
    let plan = imported();
    let id = ids(&overdue(&plan.db))[0].clone();
    let a = ok_json(
        &plan.db,
        &[
            "action",
            "update",
            &id,
            "--due",
            "2012-06-30",
            "--reason",
            "Agreed by the board",
        ],
    );
    assert_eq!(a["due_date"], "2012-06-30");
    assert_eq!(a["due_date_source"], "override");
    assert_eq!(a["due_date_reason"], "Agreed by the board");
    assert_eq!(overdue(&plan.db).as_array().unwrap().len(), 32);
    let h = ok_json(&plan.db, &["history", &id]);
    let fields: Vec<&str> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"due_date") && fields.contains(&"due_date_reason"),
        "{fields:?}"
    );
}

#[test]
fn list_filters_by_owner_status_report_search_and_due_window() {
    let plan = imported();
    let all = ok_json(&plan.db, &["list", "--as-of", "2012-02-01"]);
    assert_eq!(all.as_array().unwrap().len(), 15 + 3 + 5 + 24);
    let first = ids(&overdue(&plan.db))[0].clone();
    ok_json(
        &plan.db,
        &[
            "action",
            "update",
            &first,
            "--owner",
            "Jo Bloggs",
            "--status",
            "blocked",
        ],
    );

    let by_owner = ok_json(&plan.db, &["list", "--owner", "jo bloggs"]);
    assert_eq!(ids(&by_owner), vec![first.clone()]);
    let blocked = ok_json(&plan.db, &["list", "--status", "blocked"]);
    assert_eq!(ids(&blocked), vec![first.clone()]);
    let derby = ok_json(&plan.db, &["list", "--report", plan.report("004_")]);
    assert_eq!(derby.as_array().unwrap().len(), 24);
    assert!(derby
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["local_authority"] == "Derby"));

    // Full-text search finds words in recommendations (with stemming) and in notes.
    let missing = ok_json(&plan.db, &["list", "--search", "missing"]);
    assert!(!missing.as_array().unwrap().is_empty());
    for a in missing.as_array().unwrap() {
        let rec = a["recommendation"].as_str().unwrap().to_lowercase();
        assert!(rec.contains("missing"), "{rec}");
    }
    let none = ok_json(&plan.db, &["list", "--search", "xylophone"]);
    assert_eq!(none.as_array().unwrap().len(), 0);
    ok_json(
        &plan.db,
        &[
            "action",
            "update",
            &first,
            "--note",
            "Spoke to the xylophone team",
        ],
    );
    assert_eq!(
        ids(&ok_json(&plan.db, &["list", "--search", "xylophone"])),
        vec![first]
    );

    // Rutland 2011's six-month actions fall due on 14 Apr 2012: within 30 days of 20 Mar.
    let soon = ok_json(
        &plan.db,
        &["list", "--due-within", "30", "--as-of", "2012-03-20"],
    );
    let soon = soon.as_array().unwrap();
    assert_eq!(soon.len(), 6, "{soon:#?}");
    assert!(soon.iter().all(|a| a["due_date"] == "2012-04-14"));
    // Due within the amber window with no progress: amber.
    assert!(
        soon.iter().all(|a| a["rag"] == "green"),
        "24 days away is outside 14"
    );
    let amber = ok_json(
        &plan.db,
        &["list", "--due-within", "14", "--as-of", "2012-04-01"],
    );
    assert!(amber
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["rag"] == "amber"));
    assert_eq!(amber.as_array().unwrap().len(), 6);
}

#[test]
fn summary_counts_per_report_and_overall_with_deadlines_and_next_inspection() {
    let plan = imported();
    let s = ok_json(&plan.db, &["summary", "--as-of", "2012-02-01"]);
    assert_eq!(s["as_of"], "2012-02-01");
    let overall = &s["overall"];
    assert_eq!(overall["total"], 47);
    assert_eq!(overall["not_started"], 47);
    assert_eq!(overall["overdue"], 33);
    assert_eq!(overall["red"], 33);
    assert_eq!(overall["percent_complete"], 0.0);
    let reports = s["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 4);
    let rutland = reports
        .iter()
        .find(|r| r["report_id"] == plan.report("000_"))
        .unwrap();
    assert_eq!(rutland["counts"]["total"], 15);
    assert_eq!(rutland["counts"]["overdue"], 9);
    // Published 18 Nov 2011: 70 working days later is 29 Feb 2012.
    assert_eq!(rutland["received"], "2011-11-18");
    assert_eq!(rutland["action_plan_deadline"], "2012-02-29");
    let next = &rutland["next_inspection"];
    assert_eq!(next["estimated"], true);
    assert!(next["days_to"].is_i64());
    let derby = reports
        .iter()
        .find(|r| r["report_id"] == plan.report("004_"))
        .unwrap();
    assert_eq!(derby["counts"]["red"], 24);

    // Completing one moves it across every count.
    let id = ids(&overdue(&plan.db))[0].clone();
    ok_json(
        &plan.db,
        &["action", "update", &id, "--status", "completed"],
    );
    let s = ok_json(&plan.db, &["summary", "--as-of", "2012-02-01"]);
    assert_eq!(s["overall"]["completed"], 1);
    assert_eq!(s["overall"]["overdue"], 32);
    assert_eq!(s["overall"]["green"].as_i64().unwrap(), 47 - 32);
    assert_eq!(s["overall"]["percent_complete"], 2.1);

    let text = cli(&plan.db, &["summary", "--as-of", "2012-02-01"]);
    assert!(stdout(&text).contains("2012-02-29"), "{}", stdout(&text));

    // Years later, the windows estimated after the 2011 inspections have closed (those
    // inspections happened); the headline is the one still ahead, after Rutland's 2024.
    let later = ok_json(&plan.db, &["summary", "--as-of", "2026-11-23"]);
    let next = &later["next_inspection"];
    assert!(
        next["latest"].as_str().unwrap() >= "2026-11-23",
        "a closed window was chosen: {next}"
    );
    // Before then, the soonest window is one of the 2011 reports' (2013–14).
    let early = &s["next_inspection"];
    assert!(
        early["earliest"].as_str().unwrap() < "2015-01-01",
        "{early}"
    );
}

#[test]
fn add_show_delete_and_restore_an_action() {
    let plan = imported();
    let first = overdue(&plan.db)[0].clone();
    let id = first["id"].as_str().unwrap();
    let added = ok_json(
        &plan.db,
        &[
            "action",
            "add",
            id,
            "--title",
            "Train team managers",
            "--owner",
            "Workforce lead",
            "--measure",
            "All managers trained",
        ],
    );
    let new_id = added["id"].as_str().unwrap().to_string();
    assert_eq!(added["recommendation_id"], first["recommendation_id"]);
    assert_eq!(
        added["due_date"], first["due_date"],
        "the recommendation's due date"
    );
    let shown = ok_json(&plan.db, &["action", "show", &new_id]);
    assert_eq!(shown["recommendation"]["id"], first["recommendation_id"]);
    assert_eq!(shown["report"]["local_authority"], first["local_authority"]);

    ok_json(&plan.db, &["action", "delete", &new_id]);
    let bin = ok_json(&plan.db, &["bin", "list"]);
    assert_eq!(ids(&bin), vec![new_id.clone()]);
    assert!(!ids(&ok_json(&plan.db, &["list"])).contains(&new_id));
    fails(&plan.db, &["action", "update", &new_id, "--progress", "5"]);

    ok_json(&plan.db, &["bin", "restore", &new_id[new_id.len() - 8..]]);
    assert_eq!(ok_json(&plan.db, &["bin", "list"]), Value::Array(vec![]));
    assert!(ids(&ok_json(&plan.db, &["list"])).contains(&new_id));
    let fields: Vec<String> = ok_json(&plan.db, &["history", &new_id])
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["created", "deleted_at", "deleted_at"]);
}

/// The list carries each action's reference ("3.2") and its place in the plan's order,
/// the same whatever the filter; the open, no-owner and due-range filters are the core's.
#[test]
fn the_list_gives_references_plan_order_and_the_plans_filters() {
    let plan = imported();
    let all = ok_json(&plan.db, &["list", "--as-of", "2012-02-01"]);
    let all = all.as_array().unwrap();
    let reference = |a: &Value| a["reference"].as_str().unwrap().to_string();

    // Every action so far is its recommendation's first: "n.1".
    for a in all {
        assert_eq!(
            reference(a),
            format!("{}.1", a["recommendation_number"]),
            "{a}"
        );
    }
    // A second action under a recommendation is "n.2", and keeps that under any filter.
    let first = &all[0];
    let added = ok_json(
        &plan.db,
        &[
            "action",
            "add",
            first["id"].as_str().unwrap(),
            "--title",
            "Audit the case files",
        ],
    );
    let added_id = added["id"].as_str().unwrap();
    let n = first["recommendation_number"].as_u64().unwrap();
    let no_owner = ok_json(
        &plan.db,
        &["list", "--no-owner", "--search", "audit case files"],
    );
    let found: Vec<&Value> = no_owner
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["id"] == added_id)
        .collect();
    assert_eq!(found.len(), 1, "{no_owner:#}");
    assert_eq!(reference(found[0]), format!("{n}.2"));

    // Plan order: sorting by it reads the reports oldest first, then the recommendations
    // in report order, then the actions as added.
    let all = ok_json(&plan.db, &["list"]);
    let mut in_plan: Vec<&Value> = all.as_array().unwrap().iter().collect();
    in_plan.sort_by_key(|a| a["plan_order"].as_u64().unwrap());
    let orders: Vec<u64> = in_plan
        .iter()
        .map(|a| a["plan_order"].as_u64().unwrap())
        .collect();
    assert_eq!(orders, (0..in_plan.len() as u64).collect::<Vec<_>>());
    let summary = ok_json(&plan.db, &["summary"]);
    let report_order: Vec<&str> = summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["report_id"].as_str().unwrap())
        .collect();
    let key = |a: &Value| {
        let r = report_order
            .iter()
            .position(|id| *id == a["report_id"].as_str().unwrap())
            .unwrap();
        let (rec, act) = reference(a)
            .split_once('.')
            .map(|(x, y)| (x.parse::<u32>().unwrap(), y.parse::<u32>().unwrap()))
            .unwrap();
        (r, rec, act)
    };
    let keys: Vec<_> = in_plan.iter().map(|a| key(a)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "plan order is report, recommendation, action");

    // Owner set on one action: --no-owner leaves it out; --open leaves out the completed.
    let some = in_plan[1]["id"].as_str().unwrap().to_string();
    ok_json(
        &plan.db,
        &[
            "action",
            "update",
            &some,
            "--owner",
            "Jo Bloggs",
            "--status",
            "completed",
        ],
    );
    let unowned = ids(&ok_json(&plan.db, &["list", "--no-owner"]));
    assert_eq!(unowned.len(), in_plan.len() - 1);
    assert!(!unowned.contains(&some));
    let open = ids(&ok_json(&plan.db, &["list", "--open"]));
    assert_eq!(open.len(), in_plan.len() - 1);
    assert!(!open.contains(&some));
    fails(&plan.db, &["list", "--owner", "Jo", "--no-owner"]);

    // Due range, both ends included; actions without a due date are left out.
    let range = ok_json(
        &plan.db,
        &["list", "--due-from", "2012-04-14", "--due-to", "2012-04-14"],
    );
    let range = range.as_array().unwrap();
    assert_eq!(range.len(), 6, "Rutland 2011's six-month actions");
    let from = ok_json(&plan.db, &["list", "--due-from", "2012-04-15"]);
    for a in from.as_array().unwrap() {
        assert!(a["due_date"].as_str().unwrap() >= "2012-04-15", "{a}");
    }
    let to = ok_json(&plan.db, &["list", "--due-to", "2012-04-14"]);
    assert_eq!(
        to.as_array().unwrap().len() + from.as_array().unwrap().len(),
        in_plan.iter().filter(|a| !a["due_date"].is_null()).count()
    );
}
