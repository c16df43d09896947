//! An area SEND report's facts: the area, the dates, the lead inspector, the outcome, the
//! next inspection and whether a priority action plan is required.

use chrono::NaiveDate;

use crate::extract::dates::{parse_date, parse_range};
use crate::extract::lines::Doc;
use crate::{StatedInspectionKind, StatedNextInspection};

/// Content lines from the top that hold the title, the dates and the outcome box.
const HEAD_LINES: usize = 60;

#[derive(Debug, Default)]
pub(super) struct Facts {
    pub local_authority: Option<String>,
    pub inspection_start: Option<NaiveDate>,
    pub inspection_end: Option<NaiveDate>,
    pub lead_inspector: Option<String>,
    pub previous: Option<(NaiveDate, NaiveDate)>,
}

pub(super) fn extract(doc: &Doc) -> Facts {
    let head = head_key(doc, HEAD_LINES);
    let (inspection_start, inspection_end) = match labelled_range(&head, "inspection dates") {
        Some((a, b)) => (Some(a), Some(b)),
        None => (None, None),
    };
    Facts {
        local_authority: area(doc),
        inspection_start,
        inspection_end,
        lead_inspector: lead_inspector(doc),
        previous: labelled_range(&head, "of previous inspection"),
    }
}

/// The first `n` content lines' keys joined by spaces: labels and their values wrap.
fn head_key(doc: &Doc, n: usize) -> String {
    let mut out = String::new();
    for l in doc.lines.iter().filter(|l| !l.blank && !l.noise).take(n) {
        out.push(' ');
        out.push_str(&l.key);
    }
    out
}

/// The whole text's keys joined, for sentences that wrap over lines.
fn all_key(doc: &Doc) -> String {
    head_key(doc, usize::MAX)
}

/// The date range after `label` (the first time it appears), up to the next label; a
/// single date is both start and end. `None` for "Not previously inspected".
fn labelled_range(head: &str, label: &str) -> Option<(NaiveDate, NaiveDate)> {
    let at = head.find(label)? + label.len();
    let rest = head[at..].trim_start_matches([':', ' ']);
    // The value ends at the next label or sentence.
    let end = [
        "inspection outcome",
        "dates of",
        "lead inspector",
        "inspection dates",
        ". ",
    ]
    .iter()
    .filter_map(|l| rest.find(l))
    .min()
    .unwrap_or(rest.len())
    .min(80);
    let end = (0..=end)
        .rev()
        .find(|&e| rest.is_char_boundary(e))
        .unwrap_or(0);
    let value = &rest[..end];
    if value.starts_with("not ") {
        return None;
    }
    parse_range(value).or_else(|| parse_date(value).map(|d| (d, d)))
}

/// "Area SEND inspection of Bexley Local Area Partnership" → "Bexley".
fn area(doc: &Doc) -> Option<String> {
    let lines: Vec<&str> = doc
        .lines
        .iter()
        .filter(|l| !l.blank && !l.noise)
        .take(12)
        .map(|l| l.plain.as_str())
        .collect();
    let joined = lines.join(" ").replace('\u{2019}', "'");
    let lower = joined.to_lowercase();
    // Lower-casing keeps byte offsets only for ASCII; fall back to the key otherwise.
    let (src, low) = if lower.len() == joined.len() {
        (joined.as_str(), lower.as_str())
    } else {
        (lower.as_str(), lower.as_str())
    };
    let from = low.find("inspection of ")? + "inspection of ".len();
    let to = from + low[from..].find(" local area partnership")?;
    // `get`: lower-casing can move char boundaries even where the length is kept.
    let name = src.get(from..to)?.trim();
    let name = name.strip_prefix("the ").unwrap_or(name).trim();
    (!name.is_empty() && name.len() <= 60).then(|| name.to_string())
}

/// The lead inspector: Ofsted's, in the inspection team's left-hand (Ofsted) column
/// ("Sue Eastwood, Ofsted HMI Lead inspector  Kaye Goodfellow, CQC Lead inspector"), the
/// marker sometimes wrapped onto the next line ("… Ofsted HMI lead" / "inspector").
fn lead_inspector(doc: &Doc) -> Option<String> {
    for l in doc.lines.iter().filter(|l| !l.blank && !l.noise) {
        // Ofsted's column comes first: only the text before the first "lead" marker.
        let lower = l.plain.to_lowercase();
        let at = match lower.find("lead inspector") {
            Some(p) => p,
            None if lower.ends_with(" lead") => lower.len() - " lead".len(),
            None => continue,
        };
        let Some(before) = l.plain.get(..at) else {
            continue;
        };
        let b = before.to_lowercase();
        if b.contains("cqc") || b.contains("care quality") {
            continue;
        }
        let name = strip_title(before);
        let cut = [",", " HMI", " Ofsted", " ("]
            .iter()
            .filter_map(|m| name.find(m))
            .min()
            .unwrap_or(name.len());
        if let Some(n) = super::super::facts::clean_name(&name[..cut]) {
            return Some(n);
        }
    }
    None
}

/// "Dr Jane Smith" → "Jane Smith": titles are not part of a name.
fn strip_title(s: &str) -> &str {
    let s = s.trim();
    for t in ["Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Mx ", "Professor "] {
        if let Some(r) = s.strip_prefix(t) {
            return r.trim_start();
        }
    }
    s
}

/// The outcome, 1 to 3, from the framework's fixed wording in the outcome box (the first
/// of the three phrases the report uses).
pub(super) fn outcome(doc: &Doc) -> Option<usize> {
    let text = all_key(doc);
    let phrases: [(usize, &[&str]); 3] = [
        (1, &["typically lead to positive experiences and outcomes"]),
        (2, &["lead to inconsistent experiences and outcomes"]),
        (
            3,
            &[
                "widespread and/or systemic failings",
                "widespread and systemic failings",
            ],
        ),
    ];
    phrases
        .iter()
        .filter_map(|(n, ps)| {
            ps.iter()
                .filter_map(|p| text.find(p))
                .min()
                .map(|at| (at, *n))
        })
        .min()
        .map(|(_, n)| n)
}

/// The soonest next inspection the report names: "a monitoring inspection … within
/// approximately 18 months", "The next full area SEND inspection will be within
/// approximately 3 years".
pub(super) fn next_inspection(doc: &Doc) -> Option<StatedNextInspection> {
    let text = all_key(doc);
    let mut best: Option<StatedNextInspection> = None;
    let mut from = 0;
    while let Some(p) = text[from..].find("within ") {
        let at = from + p;
        from = at + "within ".len();
        let mut words = text[from..].split_whitespace().peekable();
        // "within approximately 18 months", "within five years".
        if words.peek() == Some(&"approximately") {
            words.next();
        }
        let (Some(n), Some(unit)) = (words.next(), words.next()) else {
            continue;
        };
        let Some(n) = crate::extract::timeframe::number(n) else {
            continue;
        };
        let months = if unit.starts_with("year") {
            n * 12
        } else if unit.starts_with("month") {
            n
        } else {
            continue;
        };
        // The sentence the window is in says which inspection it is.
        let start = text[..at].rfind(". ").map_or(0, |s| s + 2);
        let sentence = &text[start..at];
        let kind = if sentence.contains("monitoring") {
            StatedInspectionKind::Monitoring
        } else if sentence.contains("inspection") || sentence.contains("reinspect") {
            StatedInspectionKind::Full
        } else {
            continue;
        };
        if best.is_none_or(|b| months < b.within_months) {
            best = Some(StatedNextInspection {
                kind,
                within_months: months,
            });
        }
    }
    best
}

/// The report says the partnership must prepare a priority action plan.
pub(super) fn plan_required(doc: &Doc) -> bool {
    let text = all_key(doc);
    let mut from = 0;
    while let Some(p) = text[from..].find("priority action plan") {
        let at = from + p;
        from = at + 1;
        let start = text[..at].rfind(". ").map_or(0, |s| s + 2);
        let sentence = &text[start..at];
        let negated = sentence.contains(" not ") || sentence.contains("no requirement");
        if !negated && (sentence.contains("must") || sentence.contains("required to")) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const BOX: &str = "Area SEND inspection of Bexley Local\nArea Partnership\n\nInspection dates: 4 December 2023 to 8 December 2023\nDates of previous inspection: 9 May 2019\n\nInspection outcome\nThere are widespread and/or systemic failings leading to significant concerns about the experiences and outcomes of children and young people with SEND, which the local area partnership must address urgently.\nA monitoring inspection will be carried out within approximately 18 months. The next full reinspection will be within approximately 3 years.\nThe local area partnership must prepare and submit a priority action plan (area SEND).\n\nInspectors\nOfsted\tCare Quality Commission\nMr Ann Other, His Majesty's Inspector (lead inspector)\tJo Bloggs, CQC inspector\n";

    #[test]
    fn the_outcome_box() {
        let doc = Doc::new(BOX);
        let f = extract(&doc);
        assert_eq!(f.local_authority.as_deref(), Some("Bexley"));
        assert_eq!(f.inspection_start, Some(d(2023, 12, 4)));
        assert_eq!(f.inspection_end, Some(d(2023, 12, 8)));
        assert_eq!(f.previous, Some((d(2019, 5, 9), d(2019, 5, 9))));
        assert_eq!(f.lead_inspector.as_deref(), Some("Ann Other"));
        assert_eq!(outcome(&doc), Some(3));
        assert_eq!(
            next_inspection(&doc),
            Some(StatedNextInspection {
                kind: StatedInspectionKind::Monitoring,
                within_months: 18
            })
        );
        assert!(plan_required(&doc));
    }

    #[test]
    fn not_previously_inspected_and_a_full_inspection_only() {
        let text = "Area SEND inspection of Midshire Local Area Partnership\nInspection dates: 11 to 19 May 2023\nDates of previous inspection: Not previously inspected\nInspection outcome\nThe local area partnership's special educational needs and/or disabilities (SEND) arrangements typically lead to positive experiences and outcomes for children and young people with SEND.\nThe next full area SEND inspection will be within approximately 5 years.\nA priority action plan is not required.\n";
        let doc = Doc::new(text);
        let f = extract(&doc);
        assert_eq!(f.inspection_start, Some(d(2023, 5, 11)));
        assert_eq!(f.previous, None);
        assert_eq!(outcome(&doc), Some(1));
        assert_eq!(
            next_inspection(&doc),
            Some(StatedNextInspection {
                kind: StatedInspectionKind::Full,
                within_months: 60
            })
        );
        assert!(!plan_required(&doc));
    }
}
