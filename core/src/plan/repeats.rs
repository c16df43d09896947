//! Repeat findings: for each recommendation of a report, the recommendations of the same
//! local authority's earlier reports (by inspection date) that ask for the same thing,
//! ranked by [`crate::similarity`], and a person's decision on each suggested link, stored
//! with its history.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::history;
use crate::similarity::Matcher;
use crate::store::recommendations::{get_recommendation, list_recommendations};
use crate::store::repeat_links::{get_link, upsert_link, Decision, RepeatLink};
use crate::store::reports::{get_report, list_reports, ReportRow};
use crate::store::{now_utc, Store};
use crate::{Error, Result};

/// Suggestions per recommendation unless asked otherwise.
pub const DEFAULT_TOP: usize = 3;

/// An earlier recommendation that may be the same finding.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RepeatSuggestion {
    pub recommendation_id: String,
    pub report_id: String,
    pub text: String,
    /// 0 to about 1 (see [`crate::similarity::Match::score`]), to three decimals.
    pub score: f64,
    /// Why: the terms both share, in the new recommendation's words.
    pub shared_terms: Vec<String>,
}

/// One recommendation of the report and its suggestions, best first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RecommendationRepeats {
    pub recommendation_id: String,
    pub text: String,
    pub suggestions: Vec<RepeatSuggestion>,
}

/// The name an authority is compared by: case, "&"/"and", punctuation and the words of a
/// council's title ("London Borough of", "City of … Council") do not make another council.
pub fn authority_key(name: &str) -> String {
    const TITLE: &[&str] = &[
        "borough",
        "city",
        "council",
        "county",
        "london",
        "metropolitan",
        "of",
        "royal",
        "the",
    ];
    let lower = name.to_lowercase().replace('&', " and ");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !TITLE.contains(w))
        .collect();
    // "City of London" is all title words: keep it whole.
    if kept.is_empty() { words } else { kept }.join(" ")
}

/// The date a report's inspection is placed by in the authority's sequence.
pub fn report_date(r: &ReportRow) -> Option<NaiveDate> {
    r.inspection_end
        .or(r.inspection_start)
        .or(r.base_date)
        .or(r.published)
}

/// For each recommendation of `report_id`, in report order, at most `top` suggestions
/// from the same authority's earlier reports, best first. Pairs a person rejected are not
/// suggested again.
pub fn suggest_repeats(
    store: &Store,
    report_id: &str,
    top: usize,
) -> Result<Vec<RecommendationRepeats>> {
    let conn = store.conn();
    let report = get_report(conn, report_id)?;
    let name = report.local_authority.as_deref().ok_or_else(|| {
        Error::Invalid(format!(
            "report {report_id} ({}) names no local authority, so its earlier reports cannot \
             be found",
            report.source_name
        ))
    })?;
    let date = report_date(&report).ok_or_else(|| {
        Error::Invalid(format!(
            "report {report_id} ({}) has no inspection date, so which reports came before it \
             is unknown; import it again with --inspection-date YYYY-MM-DD",
            report.source_name
        ))
    })?;
    let key = authority_key(name);
    let sequence: Vec<ReportRow> = list_reports(conn)?
        .into_iter()
        .filter(|r| r.local_authority.as_deref().map(authority_key) == Some(key.clone()))
        .collect();
    // Every recommendation of the authority: the matcher's document frequencies.
    let mut texts = Vec::new();
    let mut owners: Vec<(usize, String, String)> = Vec::new(); // (report index, rec id, report id)
    for (ri, r) in sequence.iter().enumerate() {
        for rec in list_recommendations(conn, &r.id)? {
            texts.push(rec.text);
            owners.push((ri, rec.id, r.id.clone()));
        }
    }
    let matcher = Matcher::new(&texts);
    let earlier: Vec<usize> = owners
        .iter()
        .enumerate()
        .filter(|(_, (ri, _, _))| report_date(&sequence[*ri]).is_some_and(|d| d < date))
        .map(|(i, _)| i)
        .collect();
    let rejected = rejected_pairs(store, report_id)?;
    let mut out = Vec::new();
    for (i, (_, rec_id, rep)) in owners.iter().enumerate() {
        if rep != report_id {
            continue;
        }
        let kept: Vec<usize>;
        let candidates = if rejected.iter().any(|(r, _)| r == rec_id) {
            kept = earlier
                .iter()
                .copied()
                .filter(|&c| {
                    !rejected
                        .iter()
                        .any(|(r, e)| r == rec_id && *e == owners[c].1)
                })
                .collect();
            &kept
        } else {
            &earlier
        };
        let suggestions = matcher
            .suggest(i, candidates, top)
            .into_iter()
            .map(|m| RepeatSuggestion {
                recommendation_id: owners[m.index].1.clone(),
                report_id: owners[m.index].2.clone(),
                text: texts[m.index].clone(),
                score: (m.score * 1000.0).round() / 1000.0,
                shared_terms: m.shared_terms,
            })
            .collect();
        out.push(RecommendationRepeats {
            recommendation_id: rec_id.clone(),
            text: texts[i].clone(),
            suggestions,
        });
    }
    Ok(out)
}

fn rejected_pairs(store: &Store, report_id: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT l.recommendation_id, l.earlier_id FROM repeat_links l
         JOIN recommendations r ON r.id = l.recommendation_id
         WHERE r.report_id = ?1 AND l.decision = 'rejected'",
    )?;
    let rows = stmt.query_map([report_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The full id of the recommendation whose id is `text` or starts or ends with it (at
/// least [`super::actions::MIN_ID_PREFIX`] characters).
pub fn resolve_recommendation_id(store: &Store, text: &str) -> Result<String> {
    let t = text.trim().to_lowercase();
    let min = super::actions::MIN_ID_PREFIX;
    if t.chars().count() < min {
        return Err(Error::Invalid(format!(
            "recommendation id {text:?} is too short: give at least {min} characters"
        )));
    }
    let mut stmt = store.conn().prepare_cached(
        "SELECT id FROM recommendations WHERE deleted_at IS NULL
         AND (id = ?1 OR substr(id, 1, length(?1)) = ?1 OR substr(id, -length(?1)) = ?1)
         LIMIT 3",
    )?;
    let found: Vec<String> = stmt
        .query_map([&t], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Error::NotFound {
            what: "recommendation",
            id: text.trim().to_string(),
        }),
        _ if found.contains(&t) => Ok(t),
        _ => Err(Error::Invalid(format!(
            "recommendation id {text:?} matches more than one recommendation; give more of it"
        ))),
    }
}

/// Record a person's decision that `rec` does (confirmed) or does not (rejected) repeat
/// `earlier`, an earlier report's recommendation of the same authority. One transaction
/// with its history, on both recommendations; the same decision again changes nothing.
pub fn decide(
    store: &mut Store,
    rec: &str,
    earlier: &str,
    decision: Decision,
    who: &str,
) -> Result<RepeatLink> {
    let tx = store.write()?;
    let later_rec = get_recommendation(&tx, rec)?;
    let earlier_rec = get_recommendation(&tx, earlier)?;
    let later_report = get_report(&tx, &later_rec.report_id)?;
    let earlier_report = get_report(&tx, &earlier_rec.report_id)?;
    let same_authority = match (
        &later_report.local_authority,
        &earlier_report.local_authority,
    ) {
        (Some(a), Some(b)) => authority_key(a) == authority_key(b),
        _ => false,
    };
    let before = match (report_date(&earlier_report), report_date(&later_report)) {
        (Some(e), Some(l)) => e < l,
        _ => false,
    };
    if !same_authority || !before {
        return Err(Error::Invalid(format!(
            "recommendation {earlier} is not from an earlier report of the same local \
             authority as {rec}: give the new report's recommendation first, then the \
             earlier one (see `repeats REPORT`)"
        )));
    }
    let old = get_link(&tx, rec, earlier)?;
    if let Some(link) = old.as_ref().filter(|l| l.decision == decision) {
        return Ok(link.clone());
    }
    let link = RepeatLink {
        recommendation_id: rec.to_string(),
        earlier_id: earlier.to_string(),
        decision,
        decided_by: who.to_string(),
        decided_at: now_utc(),
    };
    upsert_link(&tx, &link)?;
    let value = |d: Decision, other: &str| format!("{} {other}", d.as_str());
    let old_of = |other: &str| old.as_ref().map(|l| value(l.decision, other));
    history::record(
        &tx,
        "recommendation",
        rec,
        "repeat_of",
        old_of(earlier).as_deref(),
        Some(&value(decision, earlier)),
        who,
    )?;
    history::record(
        &tx,
        "recommendation",
        earlier,
        "repeated_by",
        old_of(rec).as_deref(),
        Some(&value(decision, rec)),
        who,
    )?;
    tx.commit()?;
    Ok(link)
}

/// A recommendation linked (or suggested) to another, as the recommendation's page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LinkedRecommendation {
    pub recommendation_id: String,
    pub report_id: String,
    /// "ILACS inspection, 26 Apr 2024"
    pub report: String,
    pub text: String,
    /// The other recommendation is the earlier one (this one repeats it), or the later.
    pub earlier: bool,
    pub decision: Decision,
    pub decided_by: String,
    pub decided_at: String,
}

/// A recommendation's repeat findings: the decisions on it (either side), and the
/// suggestions for it still to decide on, best first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RecommendationLinks {
    pub recommendation_id: String,
    pub links: Vec<LinkedRecommendation>,
    pub suggestions: Vec<RepeatSuggestion>,
}

fn report_words(r: &ReportRow) -> String {
    let kind = crate::labels::report_kind(r.kind);
    match report_date(r) {
        Some(d) => format!("{kind}, {}", crate::labels::short_date(d)),
        None => kind.to_string(),
    }
}

/// Everything the recommendation's page shows about repeat findings for `rec`.
pub fn links_of(store: &Store, rec: &str, top: usize) -> Result<RecommendationLinks> {
    let conn = store.conn();
    let me = get_recommendation(conn, rec)?;
    let mut links = Vec::new();
    for l in crate::store::repeat_links::list_links_of(conn, rec)? {
        let earlier = l.recommendation_id == rec;
        let other_id = if earlier {
            &l.earlier_id
        } else {
            &l.recommendation_id
        };
        let other = get_recommendation(conn, other_id)?;
        let report = get_report(conn, &other.report_id)?;
        links.push(LinkedRecommendation {
            recommendation_id: other.id,
            report_id: report.id.clone(),
            report: report_words(&report),
            text: other.text,
            earlier,
            decision: l.decision,
            decided_by: l.decided_by,
            decided_at: l.decided_at,
        });
    }
    // Suggestions need a dated report of a named authority; without one there are none.
    let report = get_report(conn, &me.report_id)?;
    let suggestions = if report.local_authority.is_some() && report_date(&report).is_some() {
        suggest_repeats(store, &me.report_id, top)?
            .into_iter()
            .find(|r| r.recommendation_id == rec)
            .map(|r| r.suggestions)
            .unwrap_or_default()
            .into_iter()
            .filter(|s| {
                !links
                    .iter()
                    .any(|l| l.recommendation_id == s.recommendation_id)
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(RecommendationLinks {
        recommendation_id: rec.to_string(),
        links,
        suggestions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn council_titles_do_not_make_another_authority() {
        assert_eq!(authority_key("London Borough of Merton"), "merton");
        assert_eq!(
            authority_key("Telford & Wrekin Council"),
            "telford and wrekin"
        );
        assert_eq!(authority_key("City of London"), "city of london");
        assert_ne!(authority_key("Westminster"), authority_key("Wandsworth"));
    }
}
