//! `inspection-tracker extract FILE`: JSON in the shape of the expected.json files plus
//! due dates; errors on stderr with a non-zero exit; nothing written.

mod extract_common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn extract(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        // A database path that must stay absent: extract opens no database.
        .env("INSPECTION_TRACKER_DB", dir.path().join("never.db"))
        .current_dir(dir.path())
        .arg("extract")
        .args(args)
        .output()
        .expect("the CLI runs");
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "extract wrote something"
    );
    out
}

/// The top-level keys of a JSON object in the order printed (serde_json's `Value` sorts
/// them, so read the order off the text: top-level keys are indented by two spaces).
fn printed_keys(stdout: &[u8], indent: &str) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter_map(|l| l.strip_prefix(indent))
        .filter(|l| l.starts_with('"'))
        .filter_map(|l| l[1..].split('"').next().map(str::to_string))
        .collect()
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).to_string_lossy().into_owned()
}

#[test]
fn a_pdf_prints_its_expected_json_with_due_dates() {
    let out = extract(&[&fixture("pdf/000_e52ea3f525227045.pdf")]);
    let got = json(&out);
    assert_eq!(
        printed_keys(&out.stdout, "  "),
        [
            "file",
            "kind",
            "local_authority",
            "inspection_start",
            "inspection_end",
            "published",
            "lead_inspector",
            "judgements",
            "recommendations"
        ]
    );
    let want: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("000_e52ea3f525227045.expected.json")).unwrap(),
    )
    .unwrap();
    for k in [
        "kind",
        "local_authority",
        "inspection_start",
        "inspection_end",
        "published",
    ] {
        assert_eq!(got[k], want[k], "{k}");
    }
    assert_eq!(got["judgements"], want["judgements"]);
    let recs = got["recommendations"].as_array().unwrap();
    let wanted = want["recommendations"].as_array().unwrap();
    assert_eq!(recs.len(), wanted.len());
    for (g, w) in recs.iter().zip(wanted) {
        let mut keys: Vec<&str> = g.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "due_date",
                "paragraph",
                "section",
                "text",
                "timeframe",
                "timeframe_months"
            ]
        );
        for k in ["section", "timeframe", "timeframe_months"] {
            assert_eq!(g[k], w[k], "{k}");
        }
        assert_eq!(
            extract_common::norm(g["text"].as_str().unwrap()),
            extract_common::norm(w["text"].as_str().unwrap())
        );
    }
    // Recommendation fields in the expected.json order, then the due date.
    let text = String::from_utf8_lossy(&out.stdout);
    let recs_part = &text[text.find("\"recommendations\"").unwrap()..];
    let rec_keys: Vec<String> = printed_keys(recs_part.as_bytes(), "      ")
        .into_iter()
        .take(6)
        .collect();
    assert_eq!(
        rec_keys,
        [
            "section",
            "timeframe",
            "timeframe_months",
            "text",
            "paragraph",
            "due_date"
        ]
    );
    // Inspected 3–14 October 2011: due dates count from the last day.
    let due = |i: usize| recs[i]["due_date"].as_str().unwrap().to_string();
    assert_eq!(recs[0]["timeframe_months"], 0);
    assert_eq!(due(0), "2011-10-14");
    let three = recs
        .iter()
        .position(|r| r["timeframe_months"] == 3)
        .unwrap();
    assert_eq!(due(three), "2012-01-14");
    let six = recs
        .iter()
        .position(|r| r["timeframe_months"] == 6)
        .unwrap();
    assert_eq!(due(six), "2012-04-14");
    assert_eq!(recs[0]["paragraph"], 16);
}

#[test]
fn base_date_flag_moves_due_dates_and_open_timeframes_have_none() {
    let path = fixture("002_6aeded920cdbecf5.txt");
    // A joint area review states no dates: no base, so no due dates.
    let got = json(&extract(&[&path]));
    assert_eq!(got["inspection_end"], Value::Null);
    for r in got["recommendations"].as_array().unwrap() {
        assert_eq!(r["due_date"], Value::Null, "{r}");
    }
    let got = json(&extract(&[&path, "--base-date", "2006-02-28"]));
    let recs = got["recommendations"].as_array().unwrap();
    let first = &recs[0];
    assert_eq!(first["timeframe"], "For immediate action");
    assert_eq!(first["due_date"], "2006-02-28");
    let six = recs.iter().find(|r| r["timeframe_months"] == 6).unwrap();
    assert_eq!(six["due_date"], "2006-08-28");
    let longer = recs
        .iter()
        .find(|r| r["timeframe"] == "For action in the longer term")
        .unwrap();
    assert_eq!(longer["timeframe_months"], Value::Null);
    assert_eq!(longer["due_date"], Value::Null);
}

#[test]
fn docx_and_text_give_the_same_json_apart_from_the_file_name() {
    let mut a = json(&extract(&[&fixture("004_68b5994d671394d9.txt")]));
    let mut b = json(&extract(&[&fixture("docx/004_68b5994d671394d9.docx")]));
    for v in [&mut a, &mut b] {
        v.as_object_mut().unwrap().remove("file");
        for r in v["recommendations"].as_array_mut().unwrap() {
            let t = extract_common::norm(r["text"].as_str().unwrap());
            r["text"] = Value::String(t);
        }
    }
    assert_eq!(a, b);
}

#[test]
fn unreadable_files_fail_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.pdf");
    let o = extract(&[missing.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("nope.pdf"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");

    let png = dir.path().join("scan.pdf");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let o = extract(&[png.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("PNG image, not a report"), "{err}");
}

#[test]
fn a_bad_base_date_is_a_usage_error() {
    let o = extract(&[
        &fixture("001_04efd66905547271.txt"),
        "--base-date",
        "14/10/2011",
    ]);
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
}
