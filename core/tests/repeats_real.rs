//! Repeat findings measured on real reports: each authority of the pair files in
//! `tests/data/` has its reports (read from `../shared/reports/real/`) imported into a
//! database of its own, exactly as `import` does; the suggestions for every later report
//! (top 3) are compared with the pairs a careful reader linked. Precision = suggestions
//! that are linked pairs / suggestions made; recall = linked pairs suggested / linked
//! pairs. The issue's targets: recall ≥ 0.8 with precision ≥ 0.5.
//!
//! Two files: `repeat_pairs.json`, the authorities the method was first built on, and
//! `repeat_pairs_heldout.json`, authorities linked blind before the method was measured on
//! them (how: `tests/data/README.md`). Each is reported on its own and both together, and
//! the cut-offs are checked across authorities: chosen again without each authority and
//! applied to it (leave one authority out), and chosen on one file and applied to the other.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use inspection_tracker::intake::intake;
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::repeats::suggest_repeats;
use inspection_tracker::similarity::{Matcher, Thresholds, THRESHOLDS};
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

/// A later recommendation and the earlier ones it may repeat.
struct Later {
    /// Its place in [`Authority::ids`].
    index: usize,
    /// The places of the earlier reports' recommendations.
    earlier: Vec<usize>,
}

/// One authority's reports, imported.
struct Authority {
    file: &'static str,
    /// Every recommendation, in report order: ids, and "file #i" to name them.
    ids: Vec<String>,
    names: Vec<String>,
    matcher: Matcher,
    later: Vec<Later>,
    /// What `suggest_repeats` suggests, as (later id, earlier id).
    suggested: Vec<(String, String)>,
    linked: HashSet<(String, String)>,
}

impl Authority {
    /// The suggestions with other cut-offs, as places in [`Authority::ids`].
    fn suggest_with(&self, cut: Thresholds) -> Vec<(usize, usize)> {
        self.later
            .iter()
            .flat_map(|l| {
                self.matcher
                    .suggest_with(l.index, &l.earlier, TOP, cut)
                    .into_iter()
                    .map(move |m| (l.index, m.index))
            })
            .collect()
    }
}

/// Every authority of both files, imported once for all the tests.
fn authorities() -> &'static [Authority] {
    static ALL: OnceLock<Vec<Authority>> = OnceLock::new();
    ALL.get_or_init(|| {
        [TUNING, HELD_OUT]
            .iter()
            .flat_map(|file| {
                let data = data(file);
                let pairs: Vec<Value> = data["pairs"].as_array().unwrap().clone();
                data["authorities"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| import(file, a, &pairs))
                    .collect::<Vec<_>>()
            })
            .collect()
    })
}

fn import(file: &'static str, a: &Value, pairs: &[Value]) -> Authority {
    let real = real();
    let mut store = Store::open_in_memory().unwrap();
    let opts = ImportOptions {
        who: "test".into(),
        ..ImportOptions::default()
    };
    let mut ids = Vec::new();
    let mut names = Vec::new();
    let mut texts = Vec::new();
    let mut later = Vec::new();
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
        let earlier: Vec<usize> = (0..ids.len()).collect();
        for (i, r) in list_recommendations(store.conn(), &out.report_id)
            .unwrap()
            .into_iter()
            .enumerate()
        {
            if !report_ids.is_empty() {
                later.push(Later {
                    index: ids.len(),
                    earlier: earlier.clone(),
                });
            }
            ids.push(r.id);
            names.push(format!("{name} #{i}"));
            texts.push(r.text);
        }
        report_ids.push(out.report_id);
    }
    let mut suggested = Vec::new();
    for id in report_ids.iter().skip(1) {
        for r in suggest_repeats(&store, id, TOP).unwrap() {
            assert!(r.suggestions.len() <= TOP);
            for s in r.suggestions {
                suggested.push((r.recommendation_id.clone(), s.recommendation_id));
            }
        }
    }
    let place = |file: &str, idx: u64| {
        let key = format!("{file} #{idx}");
        let at = names
            .iter()
            .position(|n| *n == key)
            .unwrap_or_else(|| panic!("{key} not imported"));
        ids[at].clone()
    };
    let authority = a["authority"].as_str().unwrap();
    let linked = pairs
        .iter()
        .filter(|p| p["authority"] == authority)
        .map(|p| {
            (
                place(
                    p["later_file"].as_str().unwrap(),
                    p["later_index"].as_u64().unwrap(),
                ),
                place(
                    p["earlier_file"].as_str().unwrap(),
                    p["earlier_index"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    Authority {
        file,
        matcher: Matcher::new(&texts),
        ids,
        names,
        later,
        suggested,
        linked,
    }
}

/// Suggestions made, of them linked pairs, linked pairs.
#[derive(Debug, Clone, Copy, Default)]
struct Count {
    suggested: usize,
    hits: usize,
    pairs: usize,
}

impl Count {
    fn add(self, o: Count) -> Count {
        Count {
            suggested: self.suggested + o.suggested,
            hits: self.hits + o.hits,
            pairs: self.pairs + o.pairs,
        }
    }
    fn precision(&self) -> f64 {
        self.hits as f64 / self.suggested.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.hits as f64 / self.pairs.max(1) as f64
    }
    /// How near both targets are, the worse of the two (≥ 1: both reached).
    fn nearness(&self) -> f64 {
        (self.precision() / 0.5).min(self.recall() / 0.8)
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

fn count(a: &Authority, suggested: &[(String, String)]) -> Count {
    Count {
        suggested: suggested.len(),
        hits: suggested.iter().filter(|s| a.linked.contains(*s)).count(),
        pairs: a.linked.len(),
    }
}

/// The figures of `suggest_repeats` over the authorities `which` keeps.
fn measure(which: impl Fn(&Authority) -> bool) -> Count {
    authorities()
        .iter()
        .filter(|a| which(a))
        .map(|a| count(a, &a.suggested))
        .fold(Count::default(), Count::add)
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
    let tuning = measure(|a| a.file == TUNING);
    let held_out = measure(|a| a.file == HELD_OUT);
    let all = measure(|_| true);
    for (what, f) in [
        ("tuning set", tuning),
        ("held-out set", held_out),
        ("all", all),
    ] {
        eprintln!("repeat findings at top {TOP}, {}", f.line(what));
    }
    for a in authorities() {
        let found: HashSet<&(String, String)> = a.suggested.iter().collect();
        let name = |id: &String| &a.names[a.ids.iter().position(|i| i == id).unwrap()];
        for (l, e) in &a.linked {
            if !found.contains(&(l.clone(), e.clone())) {
                eprintln!("  missed {} → {}", name(l), name(e));
            }
        }
        for (l, e) in a.suggested.iter().filter(|s| !a.linked.contains(*s)) {
            eprintln!("  not linked {} → {}", name(l), name(e));
        }
    }
    // Reached on the edge: 60 of 75 pairs in 120 suggestions is 0.50 / 0.80 exactly, so
    // one pair lost or one more wrong suggestion fails this. The cut-offs were chosen
    // across authorities (the next test); on authorities left out of the choice the
    // method gives 0.49 / 0.80, and on the held-out file alone 0.39 / 0.73 (README).
    assert!(
        all.recall() >= 0.8 && all.precision() >= 0.5,
        "{}",
        all.line("all authorities")
    );
}

/// The cut-offs tried when they are chosen again: every least score from 0.10 to 0.24 by
/// 0.01, each with no relative cut-off and with 0.3 to 0.7 of the best.
fn grid() -> Vec<Thresholds> {
    (10..=24)
        .flat_map(|m| {
            [0.0, 0.3, 0.4, 0.5, 0.6, 0.7].map(|r| Thresholds {
                min_score: f64::from(m) / 100.0,
                relative_to_best: r,
            })
        })
        .collect()
}

/// Per authority, per cut-off of [`grid`]: the figures.
fn by_cut_off() -> Vec<Vec<Count>> {
    let grid = grid();
    authorities()
        .iter()
        .map(|a| {
            grid.iter()
                .map(|&cut| {
                    let s: Vec<(String, String)> = a
                        .suggest_with(cut)
                        .into_iter()
                        .map(|(l, e)| (a.ids[l].clone(), a.ids[e].clone()))
                        .collect();
                    count(a, &s)
                })
                .collect()
        })
        .collect()
}

/// The cut-off of [`grid`] nearest both targets over the authorities `on` keeps (the first
/// of equals).
fn choose(table: &[Vec<Count>], on: impl Fn(usize) -> bool) -> usize {
    let total = |g: usize| {
        (0..table.len())
            .filter(|&a| on(a))
            .map(|a| table[a][g])
            .fold(Count::default(), Count::add)
    };
    (0..grid().len()).fold(0, |best, g| {
        if total(g).nearness() > total(best).nearness() {
            g
        } else {
            best
        }
    })
}

#[test]
fn the_cut_offs_hold_on_authorities_they_were_not_chosen_on() {
    let all = authorities();
    // The figures by cut-off come from the same matcher `repeats` uses: at the chosen
    // cut-offs they are its suggestions exactly.
    for a in all {
        let mut got: Vec<(String, String)> = a
            .suggest_with(THRESHOLDS)
            .into_iter()
            .map(|(l, e)| (a.ids[l].clone(), a.ids[e].clone()))
            .collect();
        let mut want = a.suggested.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{}", a.names[0]);
    }
    let grid = grid();
    let table = by_cut_off();
    // Leave one authority out: the cut-offs chosen on all the others, applied to it.
    let mut loao = Count::default();
    let mut chosen: HashMap<usize, usize> = HashMap::new();
    for (i, row) in table.iter().enumerate() {
        let g = choose(&table, |a| a != i);
        *chosen.entry(g).or_default() += 1;
        loao = loao.add(row[g]);
    }
    let mut chosen: Vec<(usize, usize)> = chosen.into_iter().collect();
    chosen.sort_by_key(|c| std::cmp::Reverse(c.1));
    eprintln!(
        "{} (cut-offs chosen without the authority: {})",
        loao.line("leave one authority out"),
        chosen
            .iter()
            .map(|(g, n)| format!(
                "{:.2}/{:.1} ×{n}",
                grid[*g].min_score, grid[*g].relative_to_best
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    // The two files: chosen on one, applied to the other.
    for (from, to) in [(TUNING, HELD_OUT), (HELD_OUT, TUNING)] {
        let g = choose(&table, |a| all[a].file == from);
        let got = (0..all.len())
            .filter(|&a| all[a].file == to)
            .map(|a| table[a][g])
            .fold(Count::default(), Count::add);
        eprintln!(
            "{} (cut-offs {:.2}/{:.1}, chosen on {from})",
            got.line(&format!("on {to}")),
            grid[g].min_score,
            grid[g].relative_to_best
        );
    }
    // Measured 6 Dec 2026: 0.49 / 0.80 (60 of 75 pairs in 122 suggestions), the cut-offs
    // in use chosen in 23 of the 29 folds. Asserted a little below that, so that only a
    // real loss fails.
    assert!(
        loao.precision() >= 0.45 && loao.recall() >= 0.75,
        "{}",
        loao.line("leave one authority out")
    );
}
