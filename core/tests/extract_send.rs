//! Real area SEND reports (joint Ofsted/CQC inspections of local area partnerships,
//! 2023–2025), read from `../shared/reports/send/` next to the repository: they are not
//! ours to commit. Every one must extract as `area_send` with its area, its dates and its
//! outcome; the eight with a hand-made expected.json must match it exactly (texts compared
//! with white space collapsed). When the folder is absent the tests print a note and pass.

mod extract_common;

use std::path::Path;

use extract_common::{annotated_failures, check_offsets, diff_area_send, files, shared_corpus};
use inspection_tracker::extract::extract;
use inspection_tracker::read::read_file;
use inspection_tracker::ReportKind;

const OUTCOMES: [&str; 3] = [
    "Typically positive experiences and outcomes",
    "Inconsistent experiences and outcomes",
    "Widespread and/or systemic failings",
];

#[test]
fn annotated_area_send_reports_match_their_expected_json() {
    let Some(dir) = shared_corpus("send") else {
        return;
    };
    let failures = annotated_failures(&dir, 8, diff_area_send);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The area's name as the file name gives it ("2024-07-12-west-northamptonshire" →
/// "west northamptonshire"), to check the extracted name against.
fn area_from_stem(stem: &str) -> String {
    stem.splitn(4, '-').nth(3).unwrap_or("").replace('-', " ")
}

#[test]
fn every_area_send_report_has_kind_area_dates_and_outcome() {
    let Some(dir) = shared_corpus("send") else {
        return;
    };
    let pdfs = files(&dir, ".pdf");
    assert!(pdfs.len() >= 40, "expected the 40 area SEND reports");
    let mut failures = Vec::new();
    let mut counts = Vec::new();
    for (stem, path) in &pdfs {
        let doc = match read_file(path) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{stem}: read error {e}"));
                continue;
            }
        };
        let r = extract(&doc.text);
        let mut wrong = Vec::new();
        if r.kind != ReportKind::AreaSend {
            wrong.push(format!("kind {}", r.kind.as_str()));
        }
        let area = r.local_authority.clone().unwrap_or_default().to_lowercase();
        // "Telford and Wrekin" for "telford-wrekin": every word of the file's name.
        let words_ok = area_from_stem(stem)
            .split(' ')
            .all(|w| area.replace(['\'', '\u{2019}'], "").contains(w));
        if !words_ok {
            wrong.push(format!("area {:?}", r.local_authority));
        }
        match (r.inspection_start, r.inspection_end) {
            (Some(a), Some(b)) if a <= b && (b - a).num_days() <= 31 => {}
            other => wrong.push(format!("dates {other:?}")),
        }
        let outcome = r
            .judgements
            .iter()
            .find(|j| j.area == "Inspection outcome")
            .map(|j| j.grade.as_str());
        if r.judgements.len() != 1 || !outcome.is_some_and(|g| OUTCOMES.contains(&g)) {
            wrong.push(format!("judgements {:?}", r.judgements));
        }
        let worst = outcome == Some(OUTCOMES[2]);
        if r.priority_action_plan_required != worst {
            wrong.push("priority action plan".to_string());
        }
        if r.lead_inspector.is_none() {
            wrong.push("no lead inspector".to_string());
        }
        if r.next_inspection.is_none() {
            wrong.push("no next inspection".to_string());
        }
        let priority = r
            .recommendations
            .iter()
            .filter(|x| x.section == "Areas for priority action")
            .count();
        if r.recommendations.is_empty() || worst != (priority > 0) {
            wrong.push(format!(
                "{} recommendations, {priority} priority actions",
                r.recommendations.len()
            ));
        }
        if r.recommendations
            .iter()
            .any(|x| x.section == "Areas for priority action" && x.responsible_body.is_none())
        {
            wrong.push("a priority action without its responsible body".to_string());
        }
        counts.push(format!(
            "{stem} {priority}+{}",
            r.recommendations.len() - priority
        ));
        if !wrong.is_empty() {
            failures.push(format!("{stem}: {}", wrong.join("; ")));
        }
    }
    eprintln!(
        "priority actions + areas for improvement:\n  {}",
        counts.join("\n  ")
    );
    assert!(
        failures.is_empty(),
        "{} of {} area SEND reports failed:\n  {}",
        failures.len(),
        pdfs.len(),
        failures.join("\n  ")
    );
}

/// The sample we wrote in the real layout (tests/fixtures/send, made by
/// scripts/sample-area-send-pdf.sh): runs without the shared corpus.
#[test]
fn the_sample_area_send_pdf_matches_its_expected_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/send");
    let want: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("kestrelford-area-send.expected.json")).unwrap(),
    )
    .unwrap();
    let doc = read_file(&dir.join("kestrelford-area-send.pdf")).unwrap();
    let got = extract(&doc.text);
    let mut d = diff_area_send(&got, &want);
    d.extend(check_offsets(&doc.text, &got));
    assert!(d.is_empty(), "\n  {}", d.join("\n  "));
}
