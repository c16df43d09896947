//! Real Ofsted PDFs as published (2012–2025), read from `../shared/reports/real/` next
//! to the repository: they are not ours to commit. The eight with a hand-made
//! expected.json must extract to it; every one must read and give at least one
//! recommendation, a local authority and inspection dates (files that are not PDFs at
//! all, web pages saved under a .pdf name, are listed apart). When the folder is absent
//! (a checkout without the shared corpus) the tests print a note and pass; CI has it.

mod extract_common;

use extract_common::{annotated_failures, diff, files, shared_corpus};
use inspection_tracker::extract::{extract, refusal};
use inspection_tracker::read::{read_file, Format};

#[test]
fn annotated_real_reports_match_their_expected_json() {
    let Some(dir) = shared_corpus("real") else {
        return;
    };
    let failures = annotated_failures(&dir, 8, diff);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_real_report_reads_and_has_the_basics() {
    let Some(dir) = shared_corpus("real") else {
        return;
    };
    let pdfs = files(&dir, ".pdf");
    assert!(!pdfs.is_empty(), "no PDFs in {}", dir.display());
    let mut failures: Vec<(String, String)> = Vec::new();
    let mut not_pdf: Vec<String> = Vec::new();
    for (stem, path) in &pdfs {
        let doc = match read_file(path) {
            Ok(doc) => doc,
            Err(e) => {
                failures.push((stem.clone(), format!("read error: {e}")));
                continue;
            }
        };
        if doc.format != Format::Pdf {
            // A defect of the corpus, not of the reader: a few files named .pdf are the
            // web page the download returned instead ("Report not found"). The reader
            // must see through the name, and the file is refused as no report.
            let r = extract(&doc.text);
            assert!(
                r.recommendations.is_empty(),
                "{stem}: recommendations found in a {} file",
                doc.format
            );
            let refusal = refusal::check(&doc, &r).expect_err("a saved web page is refused");
            assert!(
                refusal.to_string().starts_with("This is a web page ('"),
                "{stem}: {refusal}"
            );
            not_pdf.push(format!("{stem} ({})", doc.format));
            continue;
        }
        let r = extract(&doc.text);
        if let Err(e) = refusal::check(&doc, &r) {
            failures.push((stem.clone(), format!("refused: {e}")));
            continue;
        }
        let mut missing = Vec::new();
        if r.recommendations.is_empty() {
            missing.push("recommendations");
        }
        if r.local_authority.is_none() {
            missing.push("local authority");
        }
        if r.inspection_start.is_none() || r.inspection_end.is_none() {
            missing.push("inspection dates");
        }
        if !missing.is_empty() {
            failures.push((stem.clone(), format!("no {}", missing.join(", no "))));
        }
    }
    if !not_pdf.is_empty() {
        eprintln!(
            "note: {} of {} files are not PDFs (saved web pages, not reports): {}",
            not_pdf.len(),
            pdfs.len(),
            not_pdf.join(", ")
        );
    }
    if !failures.is_empty() {
        let width = failures.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
        let table: Vec<String> = failures
            .iter()
            .map(|(s, why)| format!("  {s:width$}  {why}"))
            .collect();
        panic!(
            "{} of {} real reports failed:\n{}",
            failures.len(),
            pdfs.len(),
            table.join("\n")
        );
    }
}
