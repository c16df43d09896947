//! The report's facts from its title page and labels: local authority, inspection
//! dates, publication (or letter) date and lead inspector. `None` wherever the text
//! does not say: nothing here guesses.

use chrono::NaiveDate;

use super::dates::{parse_date, parse_range};
use super::lines::{make_key, Doc};
use crate::ReportKind;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Facts {
    pub local_authority: Option<String>,
    pub inspection_start: Option<NaiveDate>,
    pub inspection_end: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    pub lead_inspector: Option<String>,
}

pub fn extract(doc: &Doc, kind: ReportKind) -> Facts {
    let (inspection_start, inspection_end) = match inspection_dates(doc) {
        Some((a, b)) => (Some(a), Some(b)),
        None => (None, None),
    };
    Facts {
        local_authority: super::authority::find(doc, kind),
        inspection_start,
        inspection_end,
        published: published(doc, kind),
        lead_inspector: lead_inspector(doc),
    }
}

/// Text after a label on the same line plus the next few content lines.
fn value_after(doc: &Doc, i: usize, label_len: usize, more: usize) -> String {
    let l = &doc.lines[i];
    let mut v = l.plain.chars().skip(label_len).collect::<String>();
    let mut j = i + 1;
    let mut taken = 0;
    while taken < more && j < doc.lines.len() {
        let n = &doc.lines[j];
        j += 1;
        if n.blank || n.noise {
            continue;
        }
        v.push(' ');
        v.push_str(&n.plain);
        taken += 1;
    }
    v
}

/// Length in chars of a label at the start of a key (keys and plain text have the same
/// char count up to the label, apart from collapsed spaces, which labels do not have).
fn label_at(key: &str, labels: &[&str]) -> Option<usize> {
    labels
        .iter()
        .find(|l| key.starts_with(*l))
        .map(|l| l.chars().count())
}

fn inspection_dates(doc: &Doc) -> Option<(NaiveDate, NaiveDate)> {
    const LABELS: [&str; 3] = ["inspection dates", "inspection date", "dates of inspection"];
    for (i, l) in doc.lines.iter().enumerate() {
        if l.blank {
            continue;
        }
        let Some(n) = label_at(&l.key, &LABELS) else {
            continue;
        };
        // Only the value up to the next label counts.
        let v = value_after(doc, i, n, 2);
        let v = cut_at_labels(&v);
        if let Some(r) = parse_range(v.trim_start_matches([':', ' ', '*'])) {
            return Some(r);
        }
    }
    // Letters: "... which was conducted on 10 and 11 May 2011."
    const PHRASES: [&str; 5] = [
        "conducted on ",
        "carried out on ",
        "took place on ",
        "took place between ",
        "inspected on ",
    ];
    let head: String = doc
        .lines
        .iter()
        .take(200)
        .filter(|l| !l.blank && !l.noise)
        .map(|l| l.plain.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for p in PHRASES {
        if let Some(pos) = head.find(p) {
            let tail: String = head[pos + p.len()..].chars().take(80).collect();
            if let Some(r) = parse_range(&tail) {
                return Some(r);
            }
        }
    }
    None
}

/// Drop anything from the next label ("Lead inspector:", "Report published:" …) on.
fn cut_at_labels(v: &str) -> &str {
    let lower = v.to_lowercase();
    if lower.len() != v.len() {
        return v;
    }
    let mut cut = v.len();
    for l in [
        "lead inspector",
        "reporting inspector",
        "published",
        "age group",
        "report published",
    ] {
        if let Some(p) = lower.find(l) {
            cut = cut.min(p);
        }
    }
    &v[..cut]
}

fn published(doc: &Doc, kind: ReportKind) -> Option<NaiveDate> {
    const LABELS: [&str; 4] = [
        "report published",
        "published",
        "publication date",
        "date of publication",
    ];
    for (i, l) in doc.lines.iter().enumerate().take(400) {
        if l.blank {
            continue;
        }
        if let Some(n) = label_at(&l.key, &LABELS) {
            // The value may follow a column of other labels ("Age group:", "All").
            let v = value_after(doc, i, n, 3);
            let own: String = l.plain.chars().skip(n).collect();
            if own.trim_start_matches([':', ' ', '*']).starts_with('[') {
                return None;
            }
            if let Some(d) = parse_date(&v) {
                return Some(d);
            }
        }
    }
    if kind == ReportKind::ContactReferralAssessment {
        // A letter's date stands alone on a line near the top.
        for l in doc.lines.iter().take(60).filter(|l| !l.blank && !l.noise) {
            if l.plain.split_whitespace().count() == 3 {
                if let Some(d) = parse_date(&l.plain) {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn lead_inspector(doc: &Doc) -> Option<String> {
    const LABELS: [&str; 3] = ["lead inspectors", "lead inspector", "reporting inspector"];
    for (i, l) in doc.lines.iter().enumerate() {
        if l.blank {
            continue;
        }
        if let Some(n) = label_at(&l.key, &LABELS) {
            let own: String = l.plain.chars().skip(n).collect();
            let own = own.trim_start_matches([':', ' ', '*', '\t']).trim();
            let v = if own.is_empty() {
                doc.next_content(i + 1)
                    .map(|j| doc.lines[j].plain.clone())
                    .unwrap_or_default()
            } else {
                own.to_string()
            };
            if let Some(name) = clean_name(&v) {
                return Some(name);
            }
        }
    }
    // Letters are signed: "Yours sincerely" then the inspector's name and title.
    for (i, l) in doc.lines.iter().enumerate() {
        if l.key.starts_with("yours sincerely") || l.key.starts_with("yours faithfully") {
            let j = doc.next_content(i + 1)?;
            let v = &doc.lines[j].plain;
            if make_key(v).contains("inspector") || make_key(v).contains("hmi") {
                return clean_name(v);
            }
        }
    }
    None
}

/// "Rachel Griffiths, His Majesty's Inspector" → "Rachel Griffiths".
pub fn clean_name(v: &str) -> Option<String> {
    let v = v.replace('\u{2019}', "'");
    let mut name = v
        .split([',', ';', '('])
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    for suffix in [
        "Senior Her Majesty's Inspector",
        "Senior His Majesty's Inspector",
        "Senior HMI",
        "Her Majesty's Inspector",
        "His Majesty's Inspector",
        "HMI",
        "Social Care Regulatory Inspector",
    ] {
        if let Some(p) = name.find(suffix) {
            name.truncate(p);
        }
    }
    let name = name.trim().trim_end_matches(['.', ':']).trim().to_string();
    let words = name.split_whitespace().count();
    let ok = (2..=5).contains(&words)
        && name.chars().next().is_some_and(|c| c.is_uppercase())
        && !name.chars().any(|c| c.is_ascii_digit());
    ok.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn labels_on_the_same_or_next_lines() {
        let text = "Inspection of Wigan local authority children's services\n\nInspection dates:\n\n28 November to 9 December 2016\n\nReporting inspector Jo Bloggs HMI\n\nAge group:\nPublished:\n\nAll\n4 February 2017\n";
        let doc = Doc::new(text);
        let f = extract(&doc, ReportKind::Ilacs);
        assert_eq!(f.inspection_start, d(2016, 11, 28));
        assert_eq!(f.inspection_end, d(2016, 12, 9));
        assert_eq!(f.published, d(2017, 2, 4));
        assert_eq!(f.lead_inspector.as_deref(), Some("Jo Bloggs"));
        assert_eq!(f.local_authority.as_deref(), Some("Wigan"));
    }

    #[test]
    fn letter() {
        let text = "Some House\n\n2 March 2010\n\nMr A Person\nDirector\n\nDear Mr Person\n\nAnnual unannounced inspection of contact, referral and assessment arrangements within Sefton Metropolitan Borough Council children's services\n\nThis letter summarises the inspection which was conducted on 3 and 4 February 2010. It\n\nYours sincerely\n\nPat Smith Her Majesty's Inspector\n";
        let doc = Doc::new(text);
        let f = extract(&doc, ReportKind::ContactReferralAssessment);
        assert_eq!(f.inspection_start, d(2010, 2, 3));
        assert_eq!(f.inspection_end, d(2010, 2, 4));
        assert_eq!(f.published, d(2010, 3, 2));
        assert_eq!(f.lead_inspector.as_deref(), Some("Pat Smith"));
        assert_eq!(f.local_authority.as_deref(), Some("Sefton"));
    }

    #[test]
    fn nothing_guessed() {
        let text = "Joint area review\n\nMidshire Children's Services Authority Area\n\nAudience\tPublished\tReference no.\nAll\t[Date]\t[00000]\n";
        let doc = Doc::new(text);
        let f = extract(&doc, ReportKind::JointAreaReview);
        assert_eq!(f.inspection_start, None);
        assert_eq!(f.published, None);
        assert_eq!(f.lead_inspector, None);
        assert_eq!(f.local_authority.as_deref(), Some("Midshire"));
    }
}
