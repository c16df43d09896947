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

#[test]
fn an_export_warns_of_drafts_and_owner_less_actions_on_stderr_and_still_writes() {
    let plan = imported();
    let derby = plan.report("004_");
    let list = ok_json(&plan.db, &["list", "--report", derby]);
    let first = list[0]["id"].as_str().unwrap();
    ok_json(
        &plan.db,
        &[
            "action",
            "update",
            first,
            "--what",
            "Audit every case file monthly",
            "--owner",
            "Jo Adams",
        ],
    );
    let out = plan.db.parent().unwrap().join("paper.docx");
    let o = cli(
        &plan.db,
        &[
            "export",
            "--format",
            "board-paper",
            "--out",
            out.to_str().unwrap(),
            "--report",
            derby,
            "--as-of",
            "2012-01-20",
            "--since",
            "2011-12-01",
            "--board-asked",
            "approve the plan",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.exists(), "written all the same");
    let err = stderr(&o);
    let n = list.as_array().unwrap().len() - 1;
    assert!(
        err.starts_with(&format!(
            "warning: {n} actions in this export are still drafts"
        )),
        "{err}"
    );
    assert!(
        err.contains("draft — say what will be done; no owner"),
        "{err}"
    );
    assert!(
        !err.contains("Audit every case file monthly"),
        "the finished one is not listed"
    );
    // The flags reach the paper.
    let bytes = std::fs::read(&out).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("The board is asked to approve the plan."));
    assert!(xml.contains("At previous paper (1 Dec 2011)"));
    // A previous paper's date on or after the paper's own is refused, naming both.
    let err = fails(
        &plan.db,
        &[
            "export",
            "--format",
            "board-paper",
            "--out",
            out.to_str().unwrap(),
            "--force",
            "--as-of",
            "2012-01-20",
            "--since",
            "2012-02-01",
        ],
    );
    assert!(
        err.contains("1 February 2012") && err.contains("20 January 2012"),
        "{err}"
    );
}
