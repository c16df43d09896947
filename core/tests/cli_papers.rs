//! Issue 16 at the command line: filters that match nothing are errors, a report without a
//! local authority makes no plan.

mod cli_common;

use cli_common::*;

#[test]
fn an_unknown_report_is_an_error_naming_it_not_an_empty_paper() {
    let plan = imported();
    let out = plan.db.parent().unwrap().join("paper.docx");
    let out = out.to_str().unwrap();
    for args in [
        vec![
            "export",
            "--format",
            "board-paper",
            "--out",
            out,
            "--report",
            "import",
        ],
        vec!["list", "--report", "Nowhereshire"],
        vec![
            "export",
            "--format",
            "csv",
            "--out",
            out,
            "--report",
            "ffffffffffff",
        ],
    ] {
        let err = fails(&plan.db, &args);
        let named = args[args.len() - 1];
        assert!(err.contains(named), "{args:?}: {err}");
        assert!(!std::path::Path::new(out).exists(), "{args:?} wrote a file");
    }
    // A report named by its local authority, when that names one report, is found.
    let derby = ok_json(&plan.db, &["list", "--report", "derby"]);
    assert!(!derby.as_array().unwrap().is_empty());
    assert!(derby
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["report_id"] == plan.report("004_")));
    // Rutland has three reports: the name is refused, saying so.
    let err = fails(&plan.db, &["list", "--report", "Rutland"]);
    assert!(err.contains("3 reports"), "{err}");
    // A filter on the actions that matches none refuses to write an empty paper.
    let err = fails(
        &plan.db,
        &[
            "export",
            "--format",
            "board-paper",
            "--out",
            out,
            "--owner",
            "Nobody",
        ],
    );
    assert!(err.contains("no action matches"), "{err}");
    assert!(!std::path::Path::new(out).exists());
}

#[test]
fn a_report_naming_no_local_authority_makes_no_plan_until_one_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    // The Derby report with its authority's name taken out.
    let text = std::fs::read_to_string(fixture("004_")).unwrap();
    let file = dir.path().join("nameless.txt");
    std::fs::write(
        &file,
        text.replace("Derby City", "the city")
            .replace("Derby", "the city"),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let extracted = ok_json(&db, &["extract", file]);
    assert!(
        extracted["local_authority"].is_null(),
        "the test needs a report naming no authority: {}",
        extracted["local_authority"]
    );
    let err = fails(&db, &["import", file]);
    assert!(err.contains("names no local authority"), "{err}");
    assert!(err.contains("--local-authority"), "{err}");
    assert_eq!(ok_json(&db, &["list"]).as_array().unwrap().len(), 0);
    let done = ok_json(&db, &["import", file, "--local-authority", "Derby"]);
    assert_eq!(done[0]["local_authority"], "Derby");
}

#[test]
fn a_rescheduled_action_keeps_its_original_date_and_is_counted() {
    let plan = imported();
    let list = ok_json(&plan.db, &["list", "--report", plan.report("004_")]);
    let first = &list[0];
    let id = first["id"].as_str().unwrap();
    let original = first["due_date"].as_str().unwrap().to_string();
    assert_eq!(first["original_due_date"], original.as_str());
    assert_eq!(first["draft"], true, "imported actions start as drafts");
    let before = ok_json(&plan.db, &["summary"])["overall"]["rescheduled"]
        .as_i64()
        .unwrap();
    assert_eq!(before, 0);
    ok_json(
        &plan.db,
        &[
            "action",
            "update",
            id,
            "--due",
            "2013-03-31",
            "--reason",
            "New system late",
        ],
    );
    ok_json(
        &plan.db,
        &[
            "action",
            "update",
            id,
            "--due",
            "2013-06-30",
            "--reason",
            "Moved again",
        ],
    );
    let list = ok_json(&plan.db, &["list", "--report", plan.report("004_")]);
    let moved = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap();
    assert_eq!(moved["due_date"], "2013-06-30");
    assert_eq!(
        moved["original_due_date"],
        original.as_str(),
        "the first date, not the last"
    );
    assert_eq!(moved["due_date_reason"], "Moved again");
    assert_eq!(ok_json(&plan.db, &["summary"])["overall"]["rescheduled"], 1);
}
