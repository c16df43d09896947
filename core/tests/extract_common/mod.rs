//! Shared by the extraction tests: compare a [`Report`] with a hand-made
//! `*.expected.json` and describe every difference readably.

// Each test crate that includes this module uses a different part of it.
#![allow(dead_code, reason = "each test binary uses a different part")]

use std::path::{Path, PathBuf};

use inspection_tracker::extract::extract;
use inspection_tracker::read::read_file;
use inspection_tracker::Report;
use serde_json::Value;

/// A folder of `../shared/reports/` (the real PDFs are not ours to commit). When it is
/// absent (a checkout without the shared corpus) the tests print a note and pass; CI has it.
pub fn shared_corpus(folder: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/reports")
        .join(folder);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {} is absent; skipping its tests", dir.display());
        None
    }
}

/// The folder's files ending in `suffix`, sorted, as (stem, path).
pub fn files(dir: &Path, suffix: &str) -> Vec<(String, PathBuf)> {
    let mut v: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .expect("reports folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let stem = name.strip_suffix(suffix)?.to_string();
            Some((stem, e.path()))
        })
        .collect();
    v.sort();
    v
}

/// Every PDF in `dir` with a `*.expected.json` beside it, read, extracted and compared by
/// `diff` (and its offsets checked); one entry per file that differs. At least `at_least`
/// annotated files must be there.
pub fn annotated_failures(
    dir: &Path,
    at_least: usize,
    diff: fn(&Report, &Value) -> Vec<String>,
) -> Vec<String> {
    let annotated = files(dir, ".expected.json");
    assert!(
        annotated.len() >= at_least,
        "expected the {at_least} annotated reports"
    );
    let mut failures = Vec::new();
    for (stem, json) in &annotated {
        let want: Value = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
        let pdf = dir.join(format!("{stem}.pdf"));
        match read_file(&pdf) {
            Ok(doc) => {
                let got = extract(&doc.text);
                let mut d = diff(&got, &want);
                d.extend(check_offsets(&doc.text, &got));
                if !d.is_empty() {
                    failures.push(format!("== {stem}.pdf\n  {}", d.join("\n  ")));
                }
            }
            Err(e) => failures.push(format!("== {stem}.pdf: read error {e}")),
        }
    }
    failures
}

/// Case-insensitive, white space collapsed, straight quotes, trailing `;`/`.` removed.
pub fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    s.trim_end_matches([';', '.', ' ']).to_string()
}

fn opt_str(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn show<T: std::fmt::Debug>(v: &T) -> String {
    format!("{v:?}")
}

/// Every difference between `got` and the expected JSON, one per line; empty if equal.
pub fn diff(got: &Report, want: &Value) -> Vec<String> {
    let mut d = Vec::new();
    let field = |name: &str| want.get(name).cloned().unwrap_or(Value::Null);
    if got.kind.as_str() != field("kind").as_str().unwrap_or("") {
        d.push(format!(
            "kind: got {} want {}",
            got.kind.as_str(),
            field("kind")
        ));
    }
    let la = opt_str(&field("local_authority"));
    if got.local_authority.as_deref().map(norm) != la.as_deref().map(norm) {
        d.push(format!(
            "local_authority: got {:?} want {:?}",
            got.local_authority, la
        ));
    }
    for (name, g) in [
        ("inspection_start", got.inspection_start),
        ("inspection_end", got.inspection_end),
        ("published", got.published),
    ] {
        let w = opt_str(&field(name));
        let g = g.map(|d| d.to_string());
        if g != w {
            d.push(format!("{name}: got {g:?} want {w:?}"));
        }
    }
    let li = opt_str(&field("lead_inspector"));
    if got.lead_inspector.as_deref().map(norm) != li.as_deref().map(norm) {
        d.push(format!(
            "lead_inspector: got {:?} want {:?}",
            got.lead_inspector, li
        ));
    }

    let wj = field("judgements").as_array().cloned().unwrap_or_default();
    let n = wj.len().max(got.judgements.len());
    for i in 0..n {
        let g = got.judgements.get(i);
        let w = wj.get(i);
        let gk = g.map(|j| {
            let sec = Some(norm(&j.section)).filter(|s| !s.is_empty());
            (sec, norm(&j.area), j.grade.clone())
        });
        let wk = w.map(|w| {
            (
                w["section"].as_str().map(norm),
                norm(w["area"].as_str().unwrap_or("")),
                w["grade"].as_str().unwrap_or("").to_string(),
            )
        });
        if gk != wk {
            d.push(format!(
                "judgement {i}:\n    got  {}\n    want {}",
                g.map(|j| show(&(&j.section, &j.area, &j.grade)))
                    .unwrap_or("-".into()),
                w.map(|w| format!("({}, {}, {})", w["section"], w["area"], w["grade"]))
                    .unwrap_or("-".into())
            ));
        }
    }

    let wr = field("recommendations")
        .as_array()
        .cloned()
        .unwrap_or_default();
    if wr.len() != got.recommendations.len() {
        d.push(format!(
            "recommendations: got {} want {}",
            got.recommendations.len(),
            wr.len()
        ));
    }
    let n = wr.len().max(got.recommendations.len());
    for i in 0..n {
        let g = got.recommendations.get(i);
        let w = wr.get(i);
        let gk = g.map(|r| {
            (
                norm(&r.section),
                r.timeframe.as_deref().map(norm),
                r.timeframe_months(),
                norm(&r.text),
            )
        });
        let wk = w.map(|w| {
            (
                norm(w["section"].as_str().unwrap_or("")),
                w["timeframe"].as_str().map(norm),
                w["timeframe_months"].as_u64().map(|m| m as u32),
                norm(w["text"].as_str().unwrap_or("")),
            )
        });
        if gk != wk {
            d.push(format!(
                "recommendation {i}:\n    got  {}\n    want {}",
                g.map(|r| format!(
                    "[{} | {:?} | {:?}] {}",
                    r.section,
                    r.timeframe,
                    r.timeframe_months(),
                    r.text
                ))
                .unwrap_or("-".into()),
                w.map(|w| format!(
                    "[{} | {} | {}] {}",
                    w["section"], w["timeframe"], w["timeframe_months"], w["text"]
                ))
                .unwrap_or("-".into())
            ));
        }
    }
    d
}

/// Offsets must slice the text on char boundaries and contain the item's first word.
pub fn check_offsets(text: &str, r: &Report) -> Vec<String> {
    let mut d = Vec::new();
    for (i, rec) in r.recommendations.iter().enumerate() {
        let ok = rec.source_start <= rec.source_end
            && rec.source_end <= text.len()
            && text.is_char_boundary(rec.source_start)
            && text.is_char_boundary(rec.source_end);
        if !ok {
            d.push(format!(
                "recommendation {i}: bad offsets {}..{}",
                rec.source_start, rec.source_end
            ));
            continue;
        }
        let slice = &text[rec.source_start..rec.source_end];
        let first = rec.text.split_whitespace().next().unwrap_or("");
        if !slice.starts_with(first) {
            d.push(format!(
                "recommendation {i}: source slice {:?} does not start with {first:?}",
                slice.chars().take(40).collect::<String>()
            ));
        }
        let last = rec.text.split_whitespace().last().unwrap_or("");
        if !slice.ends_with(last) {
            d.push(format!(
                "recommendation {i}: source slice does not end with {last:?}"
            ));
        }
    }
    d
}

/// [`diff`] plus the area SEND fields: previous inspection dates, the next inspection,
/// whether a priority action plan is required, and each recommendation's responsible
/// body. Fields absent from `want` are compared as null/false.
pub fn diff_area_send(got: &Report, want: &Value) -> Vec<String> {
    let mut d = diff(got, want);
    let field = |name: &str| want.get(name).cloned().unwrap_or(Value::Null);
    for (name, g) in [
        ("previous_inspection_start", got.previous_inspection_start),
        ("previous_inspection_end", got.previous_inspection_end),
    ] {
        let w = opt_str(&field(name));
        let g = g.map(|d| d.to_string());
        if g != w {
            d.push(format!("{name}: got {g:?} want {w:?}"));
        }
    }
    let g = serde_json::to_value(got.next_inspection).unwrap_or(Value::Null);
    if g != field("next_inspection") {
        d.push(format!(
            "next_inspection: got {g} want {}",
            field("next_inspection")
        ));
    }
    let w = field("priority_action_plan_required")
        .as_bool()
        .unwrap_or(false);
    if got.priority_action_plan_required != w {
        d.push(format!(
            "priority_action_plan_required: got {} want {w}",
            got.priority_action_plan_required
        ));
    }
    let wr = field("recommendations")
        .as_array()
        .cloned()
        .unwrap_or_default();
    for (i, (g, w)) in got.recommendations.iter().zip(&wr).enumerate() {
        let wb = w["responsible_body"].as_str().map(norm);
        if g.responsible_body.as_deref().map(norm) != wb {
            d.push(format!(
                "recommendation {i} responsible_body: got {:?} want {:?}",
                g.responsible_body, w["responsible_body"]
            ));
        }
    }
    d
}
