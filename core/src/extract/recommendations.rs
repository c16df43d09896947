//! Every recommendation, verbatim, from the lists under the report's list headings
//! ("Areas for improvement", "Recommendations", "What needs to improve?", "Areas for
//! development" …), with the timeframe heading each sits under, its section (decided
//! by where the list is in the report, never by words in the item) and its offsets.
//!
//! This module finds the lists and decides each item's section; reading one list's
//! items is `list_reader`'s.

use super::headings::{is_list_heading, LSCB_SECTION};
use super::lines::{starts_with_marker, Doc};
use super::list_reader::parse_list;
use crate::model::{Recommendation, ReportKind, Timeframe};

/// The part of a two-part report a list belongs to.
fn part_heading(key: &str) -> Option<&'static str> {
    let k = key.trim_end_matches(['?', '.', ':', ' ']);
    match k {
        "safeguarding services" => Some("Safeguarding services"),
        "services for looked after children" => Some("Services for looked after children"),
        _ => None,
    }
}

/// A heading that starts the LSCB part of a combined report: a short capitalised line,
/// not a wrapped sentence that happens to begin with "the LSCB".
fn is_lscb_part(plain: &str, key: &str) -> bool {
    let capital = plain.chars().next().is_some_and(char::is_uppercase);
    if !capital
        || key.len() > 110
        || key.ends_with('.')
        || key.contains(". ")
        || key.split(' ').count() > 14
    {
        return false;
    }
    let k = key
        .trim_start_matches("section 2")
        .trim_start_matches([':', ' ', '-']);
    let k = k.strip_prefix("inspection findings - ").unwrap_or(k);
    let k = k.strip_prefix("the ").unwrap_or(k);
    let k = k.strip_prefix("review of the ").unwrap_or(k);
    let k = k.strip_prefix("effectiveness of the ").unwrap_or(k);
    let k = k
        .strip_prefix("review of the effectiveness of the ")
        .unwrap_or(k);
    k.starts_with("local safeguarding children board")
        || k.starts_with("local safeguarding")
        || k.starts_with("lscb")
        || key.starts_with("section 2") && key.contains("safeguarding children")
}

pub fn extract(doc: &Doc, kind: ReportKind) -> Vec<Recommendation> {
    let mut out: Vec<Recommendation> = Vec::new();
    let mut part: Option<&'static str> = None;
    let mut prev_list_end: Option<usize> = None;
    let mut in_lscb = false;
    let mut i = 0;
    while i < doc.lines.len() {
        let l = &doc.lines[i];
        if l.blank || l.noise {
            i += 1;
            continue;
        }
        if let Some(p) = part_heading(&l.key) {
            part = Some(p);
        }
        if is_list_heading(&l.key) && is_heading_line(&l.plain) {
            let list = parse_list(doc, i);
            if list
                .items
                .iter()
                .any(|it| looks_like_recommendation(&it.text))
            {
                // The LSCB part comes last: once a list is in it, so are the rest.
                in_lscb = in_lscb
                    || prev_list_end.is_some_and(|from| {
                        doc.lines[from..i]
                            .iter()
                            .any(|x| !x.blank && is_lscb_part(&x.plain, &x.key))
                    });
                let lscb = in_lscb;
                for it in list.items {
                    if !looks_like_recommendation(&it.text) && it.text.len() < 12 {
                        continue;
                    }
                    let section = if lscb {
                        LSCB_SECTION.to_string()
                    } else if kind == ReportKind::SafeguardingAndLookedAfterChildren
                        && part.is_some()
                    {
                        part.unwrap_or_default().to_string()
                    } else {
                        it.section.clone()
                    };
                    let dup = out
                        .iter()
                        .any(|r| r.section == section && r.text == it.text);
                    if dup {
                        continue;
                    }
                    out.push(Recommendation {
                        section,
                        period: it
                            .timeframe
                            .as_ref()
                            .map_or(Timeframe::Unspecified, |t| t.1),
                        timeframe: it.timeframe.map(|t| t.0),
                        text: it.text,
                        paragraph: it.paragraph,
                        source_start: it.start,
                        source_end: it.end,
                        responsible_body: None,
                    });
                }
                prev_list_end = Some(list.end);
                i = list.end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// A heading starts with a capital and is not the end of a wrapped sentence
/// ("… to inform outcomes and" / "recommendations.").
fn is_heading_line(plain: &str) -> bool {
    plain.chars().next().is_some_and(char::is_uppercase)
        && !plain.ends_with('.')
        && !starts_with_marker(plain)
}

/// Enough words to be an instruction rather than a stray heading or page furniture.
fn looks_like_recommendation(text: &str) -> bool {
    text.split_whitespace().count() >= 3 && text.chars().any(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recs(text: &str, kind: ReportKind) -> Vec<Recommendation> {
        extract(&Doc::new(text), kind)
    }

    fn texts(r: &[Recommendation]) -> Vec<&str> {
        r.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn bullets_with_timeframes_and_offsets() {
        let text = "Areas for improvement\n\n16. In order to improve services in Anytown, the council should take the following action.\n\nImmediately:\n\n- ensure that plans are reviewed\n- ensure that visits happen.\n\nWITHIN THREE MONTHS:\n\n- improve the quality of assessments;\n\nQuality of provision\n\nGrade 3 (Adequate)\n";
        let r = recs(text, ReportKind::LookedAfterChildren);
        assert_eq!(
            texts(&r),
            [
                "ensure that plans are reviewed",
                "ensure that visits happen.",
                "improve the quality of assessments;"
            ]
        );
        assert_eq!(r[0].timeframe.as_deref(), Some("Immediately"));
        assert_eq!(r[0].timeframe_months(), Some(0));
        assert_eq!(r[2].timeframe.as_deref(), Some("WITHIN THREE MONTHS"));
        assert_eq!(r[2].timeframe_months(), Some(3));
        assert_eq!(r[0].paragraph, Some(16));
        assert_eq!(r[0].section, "Areas for improvement");
        for x in &r {
            assert_eq!(&text[x.source_start..x.source_end], x.text);
        }
    }

    #[test]
    fn page_break_inside_an_item() {
        let text = "Recommendations\n\n1. Ensure that social workers always provide a written report on the\n\nMidshire Council Inspection of services for children\n\n7\n\nchild, shared with the family.\n2. Improve supervision.\n\nSummary for children and young people\n\n3. Children said that they felt safe.\nMidshire Council Inspection of services for children\nMidshire Council Inspection of services for children\n";
        let r = recs(text, ReportKind::SingleInspectionFramework);
        assert_eq!(texts(&r), ["Ensure that social workers always provide a written report on the child, shared with the family.", "Improve supervision."]);
        assert_eq!(r[0].paragraph, Some(1));
        assert!(text[r[0].source_start..r[0].source_end].contains("7"));
    }

    #[test]
    fn markers_in_body_text_ignored() {
        let text = "Inspection findings\n\n12. Assessments are weak. (Recommendation)\n\n13. Plans drift.\n(Recommendation)\n";
        assert!(recs(text, ReportKind::SingleInspectionFramework).is_empty());
    }

    #[test]
    fn lscb_list_is_its_own_section() {
        let text = "Recommendations\n\n1. Ensure that managers audit all cases.\n2. Improve the timeliness of plans.\n\nSummary for children\n\nThe Local Safeguarding Children Board (LSCB)\n\nRecommendations\n\n40. The LSCB should monitor training for staff.\n\nInspection findings\n\n41. The board is good.\n";
        let r = recs(text, ReportKind::SingleInspectionFramework);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].section, "Recommendations");
        assert_eq!(r[2].section, LSCB_SECTION);
        assert_eq!(r[2].paragraph, Some(40));
    }

    #[test]
    fn priority_and_areas_for_improvement() {
        let text = "What does the local authority need to improve?\nPriority and immediate action\n24. Strengthen management capacity now.\n25. Ensure that audits are robust.\nAreas for improvement:\n26. Review assessment processes.\nLeadership\n27. Improve the corporate parenting board.\n\nSummary for children\n\n28. Children are safe.\n";
        let r = recs(text, ReportKind::SingleInspectionFramework);
        assert_eq!(r.len(), 4, "{r:#?}");
        assert_eq!(r[0].timeframe_months(), Some(0));
        assert_eq!(
            r[0].section,
            "What does the local authority need to improve?"
        );
        assert_eq!(r[2].section, "Areas for improvement");
        assert_eq!(r[2].timeframe, None);
        assert_eq!(r[3].text, "Improve the corporate parenting board.");

        let none = "What does the local authority need to improve?\nPriority and immediate action\nThere are no areas for priority or immediate action.\nAreas for improvement\n1. Improve plans for children.\n";
        let r = recs(none, ReportKind::SingleInspectionFramework);
        assert_eq!(texts(&r), ["Improve plans for children."]);
        assert_eq!(r[0].timeframe, None);
    }

    #[test]
    fn lost_bullets_blank_line_separated() {
        let text = "What needs to improve?\n\nThe timeliness of strategy meetings and that partners\nattend them.\n\nWhen children go missing, they are offered an interview.\n\nThe experiences and progress of children who need help and\nprotection: good\n\n1. Children are safe.\n";
        let r = recs(text, ReportKind::Ilacs);
        assert_eq!(
            texts(&r),
            [
                "The timeliness of strategy meetings and that partners attend them.",
                "When children go missing, they are offered an interview."
            ]
        );
        assert_eq!(r[0].section, "What needs to improve?");
    }

    #[test]
    fn lone_bullets_and_blank_line_inside_list() {
        let text = "Areas for development\n\n\u{f0b7}\n\nRates of repeat referrals remain high.\n\n\u{f0b7}\n\nThe quality of assessments is too\nvariable.\n\n- Most assessments are late.\n\nAny areas for development identified above will be considered.\n";
        let r = recs(text, ReportKind::ContactReferralAssessment);
        assert_eq!(
            texts(&r),
            [
                "Rates of repeat referrals remain high.",
                "The quality of assessments is too variable.",
                "Most assessments are late."
            ]
        );
    }

    #[test]
    fn contents_entries_are_not_lists() {
        let text = "Contents\n\nRecommendations\n\n8\n\nSummary for children and young people\n\n9\n\nRecommendations\n\n1. Improve plans for children in care.\n";
        let r = recs(text, ReportKind::SingleInspectionFramework);
        assert_eq!(texts(&r), ["Improve plans for children in care."]);
    }
}
