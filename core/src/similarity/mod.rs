//! Which earlier recommendations ask for the same thing as a new one: Okapi BM25 over the
//! recommendations' [`mod@terms`] (stemmed words without the stop-lists, two-word phrases,
//! and the areas of practice named, see [`concepts`]), with the inverse document
//! frequencies of one authority's recommendations.
//!
//! Why BM25 and not cosine TF-IDF: the recommendations of one authority differ tenfold in
//! length (a 2013 paragraph against a 2023 one-liner), and BM25's saturation and length
//! normalisation keep a long old recommendation from matching everything. The score is
//! the BM25 sum divided by what the new recommendation would score against itself, so it
//! reads as "how much of the new ask is found in the earlier one" (0 to about 1) and one
//! threshold serves every authority. Three rules make the precision: a suggestion must
//! share at least [`MIN_SHARED`] terms that say what is asked rather than whom it is about
//! ([`terms::WHO`]: the same group of children or the same workers is not the same ask),
//! score at least [`MIN_SCORE`] (a recommendation with no real match gets none) and at
//! least [`RELATIVE_TO_BEST`] of the best suggestion for the same recommendation (a clear
//! match is not followed by weak ones). The figures on real reports, and how the cut-offs
//! hold on authorities they were not chosen on, are measured by `tests/repeats_real.rs`
//! and given in the README.

pub mod concepts;
pub mod terms;

use std::collections::HashMap;

pub use terms::{terms, Term};

/// BM25's term-frequency saturation and length normalisation (the usual values).
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Least score for a suggestion (see the module's note).
pub const MIN_SCORE: f64 = 0.14;

/// Least score for a suggestion as a share of the best one's for the same recommendation.
pub const RELATIVE_TO_BEST: f64 = 0.4;

/// The two cut-offs a suggestion must pass.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Least score.
    pub min_score: f64,
    /// Least share of the best suggestion's score for the same recommendation.
    pub relative_to_best: f64,
}

/// The cut-offs suggestions are made with ([`MIN_SCORE`], [`RELATIVE_TO_BEST`]). Others
/// are for measuring how well these were chosen (`tests/repeats_real.rs`).
pub const THRESHOLDS: Thresholds = Thresholds {
    min_score: MIN_SCORE,
    relative_to_best: RELATIVE_TO_BEST,
};

/// Least number of shared terms that say what is asked (not [`terms::WHO`]): one shared
/// word ("plans", "outcomes") is too little to call two recommendations the same ask.
pub const MIN_SHARED: usize = 2;

/// An area of practice weighs this many times what a word with its document frequency
/// would: sharing the area is the surest sign of the same part of the work.
pub const AREA_WEIGHT: f64 = 2.0;

/// One text, as BM25 sees it: its terms as ids (sorted, so two texts' shared terms are
/// found by one merge), each with its count and the words it was first written with.
#[derive(Debug, Clone)]
struct Doc {
    terms: Vec<(u32, u32, String)>,
    /// Words and areas (not phrases).
    len: usize,
}

/// Shared terms of two texts: (weight, place in the query's terms).
type Shared = Vec<(f64, usize)>;

/// An earlier recommendation that may ask for the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Its place among the texts the [`Matcher`] was built from.
    pub index: usize,
    /// 0 to about 1: the share of the new recommendation's weight found in it.
    pub score: f64,
    /// What they share, in the new recommendation's words: phrases first, then areas of
    /// practice, then words not already in a phrase, weightiest first.
    pub shared_terms: Vec<String>,
}

/// The texts one authority's recommendations are compared within.
#[derive(Debug, Clone)]
pub struct Matcher {
    docs: Vec<Doc>,
    /// Term id → its key, inverse document frequency (times [`AREA_WEIGHT`] for an area)
    /// and whether it names whom rather than what.
    keys: Vec<String>,
    idf: Vec<f64>,
    who: Vec<bool>,
    avg_len: f64,
}

impl Matcher {
    /// Index `texts`: every recommendation of the authority (they give the document
    /// frequencies, so a word common in this council's reports weighs little).
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Matcher {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut who: Vec<bool> = Vec::new();
        let docs: Vec<Doc> = texts
            .iter()
            .map(|t| {
                let mut counts: HashMap<u32, (u32, String)> = HashMap::new();
                let mut len = 0;
                for term in terms(t.as_ref()) {
                    if !term.phrase {
                        len += 1;
                    }
                    let id = *ids.entry(term.key.clone()).or_insert_with(|| {
                        keys.push(term.key);
                        df.push(0);
                        who.push(term.who);
                        (keys.len() - 1) as u32
                    });
                    counts.entry(id).or_insert((0, term.surface)).0 += 1;
                }
                let mut terms: Vec<(u32, u32, String)> =
                    counts.into_iter().map(|(id, (n, s))| (id, n, s)).collect();
                terms.sort_unstable_by_key(|t| t.0);
                for t in &terms {
                    df[t.0 as usize] += 1;
                }
                Doc { terms, len }
            })
            .collect();
        let n = docs.len() as f64;
        let idf = df
            .iter()
            .zip(&keys)
            .map(|(&d, k)| {
                let idf = (1.0 + (n - f64::from(d) + 0.5) / (f64::from(d) + 0.5)).ln();
                if terms::is_area(k) {
                    idf * AREA_WEIGHT
                } else {
                    idf
                }
            })
            .collect();
        let avg_len = if docs.is_empty() {
            1.0
        } else {
            (docs.iter().map(|d| d.len).sum::<usize>() as f64 / n).max(1.0)
        };
        Matcher {
            docs,
            keys,
            idf,
            who,
            avg_len,
        }
    }

    fn weight(&self, id: u32, tf: f64, len: usize) -> f64 {
        let norm = 1.0 - B + B * len as f64 / self.avg_len;
        self.idf[id as usize] * tf * (K1 + 1.0) / (tf + K1 * norm)
    }

    /// The best `top` of `candidates` (indexes into the texts) for the text at `query`,
    /// best first, each above the thresholds. Ties keep the candidates' order.
    pub fn suggest(&self, query: usize, candidates: &[usize], top: usize) -> Vec<Match> {
        self.suggest_with(query, candidates, top, THRESHOLDS)
    }

    /// [`Matcher::suggest`] with other cut-offs.
    pub fn suggest_with(
        &self,
        query: usize,
        candidates: &[usize],
        top: usize,
        cut: Thresholds,
    ) -> Vec<Match> {
        let Some(q) = self.docs.get(query) else {
            return Vec::new();
        };
        let self_score: f64 = q.terms.iter().map(|t| self.weight(t.0, 1.0, q.len)).sum();
        if self_score <= 0.0 || top == 0 {
            return Vec::new();
        }
        // (score, candidate, its shared terms as (weight, place in the query's terms)).
        let mut found: Vec<(f64, usize, Shared)> = Vec::new();
        for &c in candidates {
            let Some(d) = self.docs.get(c).filter(|_| c != query) else {
                continue;
            };
            let mut shared: Shared = Vec::new();
            let (mut i, mut j) = (0, 0);
            while i < q.terms.len() && j < d.terms.len() {
                match q.terms[i].0.cmp(&d.terms[j].0) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        let w = self.weight(d.terms[j].0, f64::from(d.terms[j].1), d.len);
                        shared.push((w, i));
                        i += 1;
                        j += 1;
                    }
                }
            }
            let what = shared
                .iter()
                .filter(|&&(_, i)| !self.who[q.terms[i].0 as usize])
                .count();
            let score = shared.iter().map(|s| s.0).sum::<f64>() / self_score;
            if what >= MIN_SHARED && score >= cut.min_score {
                found.push((score, c, shared));
            }
        }
        // Stable sort: equal scores keep the candidates' (report) order.
        found.sort_by(|a, b| b.0.total_cmp(&a.0));
        if let Some(best) = found.first().map(|m| m.0) {
            found.retain(|m| m.0 >= cut.relative_to_best * best);
        }
        found.truncate(top);
        found
            .into_iter()
            .map(|(score, index, shared)| Match {
                index,
                score,
                shared_terms: shown(
                    shared
                        .iter()
                        .map(|&(w, i)| {
                            let t = &q.terms[i];
                            (w, self.keys[t.0 as usize].as_str(), t.2.as_str())
                        })
                        .collect(),
                ),
            })
            .collect()
    }
}

/// Shared terms as a person reads them: phrases first, then areas of practice, then the
/// words no shown phrase already contains, each group weightiest first, none twice.
fn shown(mut shared: Vec<(f64, &str, &str)>) -> Vec<String> {
    shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(b.2)));
    let phrases: Vec<(&str, &str)> = shared
        .iter()
        .filter(|(_, k, _)| k.contains(' '))
        .map(|(_, k, s)| (*k, *s))
        .collect();
    let mut out: Vec<String> = phrases.iter().map(|(_, s)| s.to_string()).collect();
    let areas = shared.iter().filter(|(_, k, _)| terms::is_area(k));
    let words = shared
        .iter()
        .filter(|(_, k, _)| !k.contains(' ') && !terms::is_area(k))
        .filter(|(_, k, _)| !phrases.iter().any(|(pk, _)| pk.split(' ').any(|w| w == *k)));
    for (_, _, s) in areas.chain(words) {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> Matcher {
        Matcher::new(&[
            // 0, 1, 2: earlier
            "Ensure that managers provide regular supervision that is well recorded and that \
             management oversight of casework decisions is clearly recorded.",
            "Ensure that all care leavers have a pathway plan of high quality.",
            "Develop a targeted recruitment campaign to increase the number of foster carers.",
            // 3, 4: later
            "The regularity and effectiveness of management oversight.",
            "The support for children who present as homeless.",
        ])
    }

    #[test]
    fn the_same_ask_in_other_words_is_found_with_what_they_share() {
        let m = matcher();
        let got = m.suggest(3, &[0, 1, 2], 3);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].index, 0);
        assert!(got[0].score >= MIN_SCORE && got[0].score <= 1.5, "{got:?}");
        assert_eq!(got[0].shared_terms, ["management oversight"]);
    }

    #[test]
    fn a_recommendation_with_no_real_match_gets_no_suggestion() {
        assert!(matcher().suggest(4, &[0, 1, 2], 3).is_empty());
    }

    #[test]
    fn top_limits_the_suggestions_and_the_query_never_matches_itself() {
        let m = Matcher::new(&[
            "management oversight and supervision",
            "management oversight and supervision of plans",
            "management oversight and supervision records",
        ]);
        assert_eq!(m.suggest(0, &[0, 1, 2], 1).len(), 1);
        assert!(m.suggest(0, &[0], 3).is_empty());
        assert!(m.suggest(0, &[1, 2], 0).is_empty());
    }
}
