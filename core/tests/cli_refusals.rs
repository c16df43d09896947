//! Files that are not inspection reports are refused in words, with nothing written:
//! Ofsted's "Report not found" page saved under a .pdf name (four in the real corpus,
//! read from `../shared/reports/real/`), an HTML page of scripts only, a text file of
//! prose. `extract` and `import` exit non-zero with the message, and the database is
//! byte-for-byte as it was. A real report with no recommendations (an all-outstanding
//! inspection) is imported with no actions, and the output says so plainly.

mod cli_common;

mod pdf_common;

use std::path::{Path, PathBuf};

use cli_common::{cli, fails, ok_json, stdout};

const NOT_FOUND: [&str; 4] = [
    "2012-07-13-blackpool",
    "2012-08-10-rotherham",
    "2012-08-17-bromley",
    "2012-10-19-birmingham",
];

fn real_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reports/real");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} is absent; skipping the saved web pages",
            dir.display()
        );
        None
    }
}

/// Every file of the database (the database, its WAL and shared memory), by name.
fn snapshot(db: &Path) -> Vec<(String, Vec<u8>)> {
    let dir = db.parent().unwrap();
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// A database holding one imported report, so "unchanged" means something.
fn plan() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db").join("plan.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    ok_json(&db, &["import", &cli_common::fixture("001_")]);
    (dir, db)
}

/// `extract` and `import` of `file` both fail with a message starting `want`, and the
/// database's files are byte-for-byte what they were.
fn refused(db: &Path, file: &Path, want: &str) {
    let before = snapshot(db);
    let f = file.to_string_lossy();
    let m = fails(db, &["extract", &f]);
    assert!(m.contains(want), "extract: {m}");
    let m = fails(db, &["import", &f]);
    assert!(m.contains(want), "import: {m}");
    assert!(m.contains("not an inspection report"), "{m}");
    let m = fails(db, &["import", "--json", &f]);
    assert!(m.contains("not an inspection report"), "import --json: {m}");
    assert!(snapshot(db) == before, "{f}: the database changed");
}

#[test]
fn the_saved_report_not_found_pages_are_refused_by_their_title() {
    let Some(real) = real_corpus() else { return };
    let (_dir, db) = plan();
    for stem in NOT_FOUND {
        refused(
            &db,
            &real.join(format!("{stem}.pdf")),
            "This is a web page ('Report not found - Find an Inspection Report - Ofsted'), \
             not an inspection report",
        );
    }
}

#[test]
fn a_page_of_scripts_and_a_text_of_prose_are_refused() {
    let (dir, db) = plan();
    let page = dir.path().join("download.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><title>Loading&hellip;</title>\
         <script src=\"/app.js\"></script><script>window.location = '/report';</script>\
         </head><body><script>document.write('<p>Please wait</p>')</script></body></html>",
    )
    .unwrap();
    refused(
        &db,
        &page,
        "This is a web page ('Loading…'), not an inspection report",
    );

    let prose = dir.path().join("notes.txt");
    std::fs::write(
        &prose,
        "Notes from the team away day\n\nWe talked about the new office and the summer \
         rota. Everyone agreed that the kitchen needs a new kettle.\n\nNext meeting in \
         the spring.\n",
    )
    .unwrap();
    refused(
        &db,
        &prose,
        "This is a text file beginning 'Notes from the team away day', not an inspection report",
    );
}

#[test]
fn one_refused_file_among_good_ones_imports_nothing() {
    let (dir, db) = plan();
    let prose = dir.path().join("notes.txt");
    std::fs::write(
        &prose,
        "A shopping list: bread, milk and eggs for the week.\n",
    )
    .unwrap();
    let before = snapshot(&db);
    let m = fails(
        &db,
        &[
            "import",
            &cli_common::fixture("003_"),
            &prose.to_string_lossy(),
        ],
    );
    assert!(m.contains("not an inspection report"), "{m}");
    assert!(snapshot(&db) == before, "the database changed");
}

const ALL_OUTSTANDING: &str = "\
Inspection of Greyford local authority children's services

Inspection dates: 9 to 20 June 2025

Lead inspector: Sam Example, His Majesty's Inspector

Judgement\tGrade
The impact of leaders on social work practice with children and families\tOutstanding
The experiences and progress of children who need help and protection\tOutstanding
The experiences and progress of children in care\tOutstanding
The experiences and progress of care leavers\tOutstanding
Overall effectiveness\tOutstanding

Children in Greyford receive consistently excellent help and protection.

The experiences and progress of children who need help and protection: outstanding

1. Children and families receive help at the right time.
";

#[test]
fn an_all_outstanding_report_is_imported_with_no_actions_and_says_so() {
    let (dir, db) = plan();
    let file = dir.path().join("greyford.txt");
    std::fs::write(&file, ALL_OUTSTANDING).unwrap();
    let f = file.to_string_lossy();
    let o = cli(&db, &["import", &f]);
    assert!(o.status.success(), "{}", cli_common::stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "greyford.txt: no recommendations in this report, so there are no actions to track"
        ),
        "{out}"
    );
    assert!(out.contains("0 recommendations, 0 actions"), "{out}");
    let reports = ok_json(&db, &["report", "list"]);
    let greyford = reports
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["local_authority"] == "Greyford")
        .unwrap_or_else(|| panic!("Greyford not listed: {reports}"));
    assert_eq!(greyford["kind"], "ilacs");
}

/// A one-page PDF whose text is `lines` (Helvetica, one line each).
fn text_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 11 Tf 40 760 Td ");
    for l in lines {
        content.push_str(&format!("({l}) Tj 0 -16 Td "));
    }
    content.push_str("ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ];
    pdf_common::pdf_bytes(&objects, "")
}

#[test]
fn a_pdf_of_something_else_is_refused() {
    let (dir, db) = plan();
    let file = dir.path().join("report.pdf");
    std::fs::write(
        &file,
        text_pdf(&[
            "Minutes of the cabinet meeting",
            "The chair welcomed members and the budget was agreed.",
            "The next meeting is in the spring.",
        ]),
    )
    .unwrap();
    refused(
        &db,
        &file,
        "This is a PDF beginning 'Minutes of the cabinet meeting', not an inspection report",
    );
}
