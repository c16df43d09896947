//! `inspection-tracker export`: writes each format, never overwrites a file without
//! `--force`, and leaves nothing half-written behind.

mod cli_common;
mod export_common;

use std::path::Path;

use cli_common::cli;
use export_common::*;
use inspection_tracker::store::Store;

fn db_with_plan(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("plan.db");
    let mut store = Store::open(&path).unwrap();
    import_fixtures(&mut store);
    record_progress(&mut store);
    path
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_format_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_plan(dir.path());
    for (format, file, magic) in [
        ("board-paper", "paper.docx", &b"PK"[..]),
        ("statement", "statement.docx", b"PK"),
        ("xlsx", "plan.xlsx", b"PK"),
        ("csv", "plan.csv", b"\xEF\xBB\xBF"),
        ("ics", "due.ics", b"BEGIN:VCALENDAR"),
    ] {
        let out = dir.path().join(file);
        let o = cli(
            &db,
            &[
                "export",
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
                "--as-of",
                "2012-01-20",
            ],
        );
        assert!(
            o.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(stdout.contains("as at 2012-01-20"), "{stdout}");
        assert!(std::fs::read(&out).unwrap().starts_with(magic), "{format}");
    }
}

#[test]
fn an_existing_file_is_refused_without_force_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_plan(dir.path());
    let out = dir.path().join("paper.docx");
    std::fs::write(&out, b"the council's own edited paper").unwrap();
    let before = files_in(dir.path());
    let args = [
        "export",
        "--format",
        "board-paper",
        "--out",
        out.to_str().unwrap(),
    ];
    let o = cli(&db, &args);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"the council's own edited paper"
    );
    assert_eq!(files_in(dir.path()), before, "no temporary file left");

    let mut forced = args.to_vec();
    forced.push("--force");
    let o = cli(&db, &forced);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    assert_eq!(
        files_in(dir.path()),
        before,
        "replaced in place, nothing else"
    );
}

#[test]
fn filters_and_json_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_plan(dir.path());
    let out = dir.path().join("red.csv");
    let o = cli(
        &db,
        &[
            "--json",
            "export",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
            "--as-of",
            "2012-01-20",
            "--rag",
            "red",
            "--overdue",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["format"], "csv");
    assert_eq!(v["as_of"], "2012-01-20");
    let n = v["actions"].as_u64().unwrap();
    assert!(n > 0);
    let text = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    // Header plus one line per action (no field in these rows spans lines).
    let rows: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(rows[1..].iter().all(|r| r.contains(",Red,")));
    assert_eq!(v["path"], out.display().to_string());
}

#[test]
fn bad_arguments_are_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_plan(dir.path());
    let out = dir.path().join("x.pdf");
    let o = cli(
        &db,
        &["export", "--format", "pdf", "--out", out.to_str().unwrap()],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("board-paper, statement, xlsx, csv, ics"),
        "{err}"
    );
    let missing = dir.path().join("no/such/folder/x.csv");
    let o = cli(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            missing.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not exist"));
    assert!(!out.exists());
}

#[test]
fn from_history_rebuilds_list_summary_and_export_as_recorded_by_that_day() {
    use cli_common::{fails, ok_json};
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_plan(dir.path());
    // Everything was recorded today, so as recorded by yesterday the plan was empty;
    // today's plan rated as at yesterday is not.
    let yesterday = (inspection_tracker::schedule::today() - chrono::Days::new(1)).to_string();
    let today = inspection_tracker::schedule::today().to_string();
    let rated = ok_json(&db, &["summary", "--as-of", &yesterday]);
    assert!(rated["overall"]["total"].as_i64().unwrap() > 0);
    let then = ok_json(&db, &["summary", "--as-of", &yesterday, "--from-history"]);
    assert_eq!(then["overall"]["total"], 0);
    assert_eq!(then["reports"].as_array().unwrap().len(), 0);
    let list = ok_json(&db, &["list", "--as-of", &yesterday, "--from-history"]);
    assert_eq!(list.as_array().unwrap().len(), 0);
    let out = dir.path().join("then.csv");
    let o = ok_json(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--as-of",
            &yesterday,
            "--from-history",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o["actions"], 0);
    // As recorded by the end of today: the plan as it is.
    assert_eq!(
        ok_json(&db, &["list", "--as-of", &today, "--from-history"]),
        ok_json(&db, &["list", "--as-of", &today])
    );
    // Rebuilding needs a day to rebuild.
    let err = fails(&db, &["list", "--from-history"]);
    assert!(err.contains("--as-of"), "{err}");
}
