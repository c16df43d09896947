//! The five reference reports extract to their hand-made expected.json, from the text
//! and (through the readers) from the PDF and Word versions of the same text.

mod extract_common;

use std::path::{Path, PathBuf};

use extract_common::{check_offsets, diff};
use inspection_tracker::extract::extract;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn stems() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixtures folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter_map(|n| n.strip_suffix(".expected.json").map(str::to_string))
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "five reference reports");
    v
}

fn expected(stem: &str) -> serde_json::Value {
    let p = fixtures().join(format!("{stem}.expected.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// Check one text against its expectation; returns a failure description.
fn check(label: &str, text: &str, stem: &str) -> Option<String> {
    let got = extract(text);
    let mut d = diff(&got, &expected(stem));
    d.extend(check_offsets(text, &got));
    (!d.is_empty()).then(|| format!("== {label}\n  {}", d.join("\n  ")))
}

#[test]
fn reference_texts() {
    let mut failures = Vec::new();
    for stem in stems() {
        let text = std::fs::read_to_string(fixtures().join(format!("{stem}.txt"))).unwrap();
        if let Some(f) = check(&format!("{stem}.txt"), &text, &stem) {
            failures.push(f);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn via_reader(ext: &str) {
    let mut failures = Vec::new();
    for stem in stems() {
        let path = fixtures().join(ext).join(format!("{stem}.{ext}"));
        match inspection_tracker::read::read_file(&path) {
            Ok(doc) => {
                if let Some(f) = check(&format!("{stem}.{ext}"), &doc.text, &stem) {
                    failures.push(f);
                }
            }
            Err(e) => failures.push(format!("== {stem}.{ext}: read error {e}")),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn reference_pdfs() {
    via_reader("pdf");
}

#[test]
fn reference_docx() {
    via_reader("docx");
}
