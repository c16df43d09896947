//! Repeat findings measured on real reports: each authority of the pair files in
//! `tests/data/` has its reports (read from `../shared/reports/real/`) imported into a
//! database of its own, exactly as `import` does; the suggestions for every later report
//! (top 3) are compared with the pairs a careful reader linked. Precision = suggestions
//! that are linked pairs / suggestions made; recall = linked pairs suggested / linked
//! pairs. The issue's targets: recall ≥ 0.8 with precision ≥ 0.5.
//!
//! Two files: `repeat_pairs.json`, the authorities the method was built on, and
//! `repeat_pairs_heldout.json`, authorities linked blind before the method was measured on
//! them (how: `tests/data/README.md`). Each is reported on its own and both together.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use inspection_tracker::intake::intake;
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::repeats::suggest_repeats;
use inspection_tracker::store::recommendations::list_recommendations;
use inspection_tracker::store::Store;
use serde_json::Value;

const TOP: usize = 3;
const TUNING: &str = "repeat_pairs.json";
const HELD_OUT: &str = "repeat_pairs_heldout.json";

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn real() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reports/real")
}

fn data(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Figures {
    suggested: usize,
    hits: usize,
    pairs: usize,
    missed: Vec<String>,
    /// Suggestions that are not linked pairs, as "later #i → earlier #j".
    wrong: Vec<String>,
}

impl Figures {
    fn precision(&self) -> f64 {
        self.hits as f64 / self.suggested.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.hits as f64 / self.pairs.max(1) as f64
    }
    fn line(&self, what: &str) -> String {
        format!(
            "{what}: {} suggestions, {} of {} linked pairs found: precision {:.2}, recall {:.2}",
            self.suggested,
            self.hits,
            self.pairs,
            self.precision(),
            self.recall()
        )
    }
}

/// The suggestions at the top 3 for every authority of `files`, against their pairs.
fn measure(files: &[&str]) -> Figures {
    let real = real();
    // (file, index) → recommendation id, and back.
    let mut rec_ids: HashMap<(String, usize), String> = HashMap::new();
    let mut suggested: Vec<(String, String)> = Vec::new();
    let mut pairs = Vec::new();
    for file in files {
        let data = data(file);
        pairs.extend(data["pairs"].as_array().unwrap().iter().cloned());
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
                    assert!(
                        rec_ids.insert((name.to_string(), i), r.id).is_none(),
                        "{name} is listed twice"
                    );
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
    }
    let names: HashMap<&String, String> = rec_ids
        .iter()
        .map(|((f, i), id)| (id, format!("{f} #{i}")))
        .collect();
    let mut linked = HashSet::new();
    let mut by_pair = HashMap::new();
    for p in &pairs {
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
            format!("{} → {}", names[&later], names[&earlier]),
        );
        linked.insert((later, earlier));
    }
    let hits = suggested.iter().filter(|s| linked.contains(*s)).count();
    let found: HashSet<&(String, String)> = suggested.iter().collect();
    let mut missed: Vec<String> = by_pair
        .iter()
        .filter(|(k, _)| !found.contains(k))
        .map(|(_, v)| v.clone())
        .collect();
    missed.sort();
    let mut wrong: Vec<String> = suggested
        .iter()
        .filter(|s| !linked.contains(*s))
        .map(|(l, e)| format!("{} → {}", names[l], names[e]))
        .collect();
    wrong.sort();
    Figures {
        suggested: suggested.len(),
        hits,
        pairs: linked.len(),
        missed,
        wrong,
    }
}

#[test]
fn the_pairs_still_name_the_texts_the_extractor_gives() {
    let real = real();
    let mut cache: HashMap<String, Vec<String>> = HashMap::new();
    let mut authorities = HashSet::new();
    for file in [TUNING, HELD_OUT] {
        let data = data(file);
        for a in data["authorities"].as_array().unwrap() {
            // The held-out set is only held out if no authority is in both.
            assert!(
                authorities.insert(a["authority"].as_str().unwrap().to_string()),
                "{} is in both files",
                a["authority"]
            );
        }
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
}

#[test]
fn suggestions_reach_the_issue_targets_at_top_3() {
    let tuning = measure(&[TUNING]);
    let held_out = measure(&[HELD_OUT]);
    let all = measure(&[TUNING, HELD_OUT]);
    for (what, f) in [
        ("tuning set", &tuning),
        ("held-out set", &held_out),
        ("all", &all),
    ] {
        eprintln!("repeat findings at top {TOP}, {}", f.line(what));
    }
    for m in &all.missed {
        eprintln!("  missed {m}");
    }
    for w in &all.wrong {
        eprintln!("  not linked {w}");
    }
    assert!(
        tuning.recall() >= 0.8 && tuning.precision() >= 0.5,
        "{}",
        tuning.line("tuning set")
    );
}
