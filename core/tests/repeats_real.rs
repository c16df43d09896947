//! Repeat findings measured on real reports: each authority of
//! `tests/data/repeat_pairs.json` has its reports (read from `../shared/reports/real/`)
//! imported into a database of its own, exactly as `import` does; the suggestions for
//! every later report (top 3) are compared with the pairs a careful reader linked.
//! Precision = suggestions that are linked pairs / suggestions made; recall = linked
//! pairs suggested / linked pairs. The issue's targets: recall ≥ 0.8 with precision ≥ 0.5.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use inspection_tracker::intake::intake;
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::repeats::suggest_repeats;
use inspection_tracker::store::recommendations::list_recommendations;
use inspection_tracker::store::Store;
use serde_json::Value;

const TOP: usize = 3;

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Figures {
    suggested: usize,
    hits: usize,
    pairs: usize,
    missed: Vec<String>,
}

fn measure() -> Figures {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reports/real");
    let data: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/repeat_pairs.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let pairs = data["pairs"].as_array().unwrap();
    // (file, index) → recommendation id, and the linked pairs by id.
    let mut rec_ids: HashMap<(String, usize), String> = HashMap::new();
    let mut suggested: Vec<(String, String)> = Vec::new();
    for a in data["authorities"].as_array().unwrap() {
        let mut store = Store::open_in_memory().unwrap();
        let opts = ImportOptions {
            who: "test".into(),
            ..ImportOptions::default()
        };
        let mut report_ids = Vec::new();
        for f in a["files"].as_array().unwrap() {
            let name = f.as_str().unwrap();
            let got = intake(&real.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            let out = import_report(
                &mut store,
                &got.source_name,
                &got.sha256,
                got.format.as_str(),
                &got.text,
                &got.report,
                &opts,
            )
            .unwrap_or_else(|e| panic!("{name}: {e}"));
            for (i, r) in list_recommendations(store.conn(), &out.report_id)
                .unwrap()
                .into_iter()
                .enumerate()
            {
                rec_ids.insert((name.to_string(), i), r.id);
            }
            report_ids.push(out.report_id);
        }
        for id in report_ids.iter().skip(1) {
            for r in suggest_repeats(&store, id, TOP).unwrap() {
                assert!(r.suggestions.len() <= TOP);
                for s in r.suggestions {
                    suggested.push((r.recommendation_id.clone(), s.recommendation_id));
                }
            }
        }
    }
    let mut linked = HashSet::new();
    let mut by_pair = HashMap::new();
    for p in pairs {
        let id = |file: &str, idx: &str| {
            let key = (
                p[file].as_str().unwrap().to_string(),
                p[idx].as_u64().unwrap() as usize,
            );
            let id = rec_ids
                .get(&key)
                .unwrap_or_else(|| panic!("{key:?} not imported"));
            id.clone()
        };
        let later = id("later_file", "later_index");
        let earlier = id("earlier_file", "earlier_index");
        by_pair.insert(
            (later.clone(), earlier.clone()),
            format!(
                "{} #{} → {} #{}",
                p["later_file"], p["later_index"], p["earlier_file"], p["earlier_index"]
            ),
        );
        linked.insert((later, earlier));
    }
    let hits = suggested.iter().filter(|s| linked.contains(*s)).count();
    let found: HashSet<&(String, String)> = suggested.iter().collect();
    let missed = by_pair
        .iter()
        .filter(|(k, _)| !found.contains(k))
        .map(|(_, v)| v.clone())
        .collect();
    Figures {
        suggested: suggested.len(),
        hits,
        pairs: linked.len(),
        missed,
    }
}

#[test]
fn the_pairs_still_name_the_texts_the_extractor_gives() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reports/real");
    let data: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/repeat_pairs.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut cache: HashMap<String, Vec<String>> = HashMap::new();
    for p in data["pairs"].as_array().unwrap() {
        for (file, idx, text) in [
            ("later_file", "later_index", "later_text"),
            ("earlier_file", "earlier_index", "earlier_text"),
        ] {
            let name = p[file].as_str().unwrap().to_string();
            let recs = cache.entry(name.clone()).or_insert_with(|| {
                intake(&real.join(&name))
                    .unwrap()
                    .report
                    .recommendations
                    .into_iter()
                    .map(|r| normalise(&r.text))
                    .collect()
            });
            let i = p[idx].as_u64().unwrap() as usize;
            assert_eq!(
                recs.get(i).map(String::as_str),
                Some(normalise(p[text].as_str().unwrap()).as_str()),
                "{name} #{i}"
            );
        }
    }
}

#[test]
fn suggestions_reach_the_issue_targets_at_top_3() {
    let f = measure();
    let precision = f.hits as f64 / f.suggested.max(1) as f64;
    let recall = f.hits as f64 / f.pairs as f64;
    eprintln!(
        "repeat findings at top {TOP}: {} suggestions, {} of {} linked pairs found: \
         precision {precision:.2}, recall {recall:.2}",
        f.suggested, f.hits, f.pairs
    );
    for m in &f.missed {
        eprintln!("  missed {m}");
    }
    assert!(
        recall >= 0.8 && precision >= 0.5,
        "precision {precision:.2} (target ≥ 0.5), recall {recall:.2} (target ≥ 0.8)"
    );
}
