//! Every recommendation, verbatim, from the lists under the report's list headings
//! ("Areas for improvement", "Recommendations", "What needs to improve?", "Areas for
//! development" …), with the timeframe heading each sits under, its section (decided
//! by where the list is in the report, never by words in the item) and its offsets.
//!
//! A list is read line by line. Items start at a bullet or number; where the PDF lost
//! its bullets, at a blank line or at a capital after a finished sentence. Page
//! furniture between lines of one item is skipped, so an item broken by a page break is
//! still one item. The list ends at the next heading.

use super::lines::{make_key, split_marker, Doc, Marker};
use super::wording::{is_report_part, reads_as_instruction, says_part_is_empty};
use super::Timeframe;
use crate::{Recommendation, ReportKind};

/// The section name the LSCB review's list gets.
pub const LSCB_SECTION: &str = "Local Safeguarding Children Board";

/// Most items one list can have; beyond this the list has run into body text.
const MAX_ITEMS: usize = 60;

/// Headings that open a list of recommendations (as keys).
pub fn is_list_heading(key: &str) -> bool {
    let k = key.trim_end_matches(['?', '.', ':', ' ']);
    matches!(
        k,
        "areas for improvement"
            | "recommendations"
            | "recommendation"
            | "areas for development"
            | "areas for priority action"
            | "what needs to improve"
            | "what needs to improve in this local authority"
            | "what needs to improve in the local authority"
            | "what does the local authority need to improve"
            | "what the local authority needs to improve"
            | "what does the lscb need to improve"
            | "priority and immediate action"
    )
}

/// A sub-heading inside a "what needs to improve" list that restarts the list with no
/// timeframe ("Areas for improvement" after "Priority and immediate action").
fn is_sub_list_heading(key: &str) -> bool {
    let k = key.trim_end_matches(['?', '.', ':', ' ']);
    matches!(k, "areas for improvement" | "areas for development")
}

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

/// Heading text as written, without markup, trailing colon or footnote number.
fn heading_text(plain: &str) -> String {
    let t = plain.trim().trim_end_matches([':', ' ']);
    let t = super::lines::strip_footnote(t);
    t.trim_end_matches([':', ' ']).to_string()
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
                        timeframe_months: it.timeframe.as_ref().and_then(|t| t.1.months()),
                        timeframe: it.timeframe.map(|t| t.0),
                        text: it.text,
                        paragraph: it.paragraph,
                        source_start: it.start,
                        source_end: it.end,
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
        && !starts_with_marker_text(plain)
}

fn starts_with_marker_text(s: &str) -> bool {
    !matches!(split_marker(s).0, Marker::None)
}

/// Enough words to be an instruction rather than a stray heading or page furniture.
fn looks_like_recommendation(text: &str) -> bool {
    text.split_whitespace().count() >= 3 && text.chars().any(|c| c.is_lowercase())
}

#[derive(Debug)]
struct Item {
    section: String,
    timeframe: Option<(String, Timeframe)>,
    paragraph: Option<u32>,
    start: usize,
    end: usize,
    text: String,
}

struct List {
    items: Vec<Item>,
    /// Line index where reading stopped.
    end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Bullets,
    Numbers,
    Plain,
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '\u{2019}', '\u{201d}', ')'])
        .ends_with(['.', ';', '!'])
}

fn starts_lower(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || matches!(c, '(' | ',' | ';' | '&' | '-'))
}

/// An introductory sentence before the items, not an item itself.
fn is_intro(key: &str) -> bool {
    key.starts_with("in order to improve")
        || key.contains("should take the following action")
        || key.contains("the following areas")
        || key.contains("following recommendations")
        || ((key.ends_with(':') || key.ends_with("should"))
            && key.split(' ').count() <= 25
            && Timeframe::parse(key).is_none())
}

/// The whole unit starting at line `j` (until a blank line or a marker), joined.
fn unit_text(doc: &Doc, j: usize) -> String {
    let mut s = doc.lines[j].plain.clone();
    let mut k = j + 1;
    while k < doc.lines.len() && k < j + 4 {
        let l = &doc.lines[k];
        if l.noise {
            k += 1;
            continue;
        }
        if l.blank || starts_with_marker_text(&l.plain) || Timeframe::parse(&l.key).is_some() {
            break;
        }
        if !starts_lower(&l.plain) {
            break;
        }
        s.push(' ');
        s.push_str(&l.plain);
        k += 1;
    }
    s
}

/// A line next to a bare page number, with the text after them going on in lower
/// case: page furniture between two halves of a sentence.
fn is_page_header(doc: &Doc, j: usize) -> bool {
    let page_number = |k: usize| {
        let l = &doc.lines[k];
        l.noise && !l.key.is_empty() && l.key.bytes().all(|b| b.is_ascii_digit())
    };
    let near = |k: Option<usize>| k.is_some_and(|k| k.abs_diff(j) <= 2 && page_number(k));
    let before = (j.saturating_sub(2)..j)
        .rev()
        .find(|&k| !doc.lines[k].blank);
    let after = (j + 1..(j + 3).min(doc.lines.len())).find(|&k| !doc.lines[k].blank);
    if !(near(before) || near(after)) {
        return false;
    }
    doc.next_content(j + 1)
        .is_some_and(|k| starts_lower(&doc.lines[k].plain))
}

/// A unit of at most eight words: short enough to be a heading rather than the start
/// of a wrapped sentence.
fn short_unit(doc: &Doc, j: usize) -> bool {
    unit_text(doc, j).split_whitespace().count() <= 8
}

/// A heading-like line: capitalised, short, and its unit is not a finished sentence.
fn heading_like(doc: &Doc, j: usize) -> bool {
    let l = &doc.lines[j];
    let first = l.plain.chars().next();
    if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    let u = unit_text(doc, j);
    let uk = make_key(&u);
    if super::grades::grade_word(&uk).is_some() || uk.starts_with("grade ") {
        return true;
    }
    u.len() <= 160 && !ends_sentence(&u) && !u.trim_end().ends_with(',')
}

fn parse_list(doc: &Doc, h: usize) -> List {
    let lines = &doc.lines;
    let mut section = heading_text(&lines[h].plain);
    let mut timeframe: Option<(String, Timeframe)> = None;
    if let Some(t) = Timeframe::parse(&lines[h].key) {
        // A list that opens with "Priority and immediate action".
        timeframe = Some((heading_text(&lines[h].plain), t));
    }
    let mut items: Vec<Item> = Vec::new();
    let mut cur: Option<Item> = None;
    let mut style: Option<Style> = None;
    let mut pending: Option<Marker> = None;
    let mut seen_blank = false;
    let mut intro_para: Option<u32> = None;
    let mut last_num: Option<u32> = None;
    let mut in_intro: Option<u32> = None;

    let finish = |cur: &mut Option<Item>, items: &mut Vec<Item>| {
        if let Some(it) = cur.take() {
            items.push(it);
        }
    };

    let mut j = h + 1;
    let mut end = lines.len();
    while j < lines.len() {
        let l = &lines[j];
        if l.noise {
            j += 1;
            continue;
        }
        if l.blank {
            seen_blank = true;
            j += 1;
            continue;
        }
        if items.len() >= MAX_ITEMS {
            end = j;
            break;
        }
        let (marker, off) = split_marker(&l.plain);
        let rest = &l.plain[off..];

        // Still inside an introductory paragraph.
        if let Some(p) = in_intro {
            if marker == Marker::None && Timeframe::parse(&l.key).is_none() {
                if ends_sentence(&l.plain) || l.plain.ends_with(':') {
                    in_intro = None;
                }
                intro_para = Some(p).filter(|p| *p > 0);
                seen_blank = false;
                j += 1;
                continue;
            }
            in_intro = None;
        }

        if marker == Marker::None && l.plain.len() <= 80 {
            if let Some(t) = Timeframe::parse(&l.key) {
                finish(&mut cur, &mut items);
                timeframe = Some((heading_text(&l.plain), t));
                pending = None;
                seen_blank = false;
                j += 1;
                continue;
            }
            if is_list_heading(&l.key) {
                if items.is_empty() && cur.is_none() && timeframe.is_none() {
                    // "What does the local authority need to improve?" then
                    // "Areas for improvement": the inner heading names the list.
                    section = heading_text(&l.plain);
                    j += 1;
                    continue;
                }
                if is_sub_list_heading(&l.key)
                    && timeframe
                        .as_ref()
                        .is_some_and(|t| t.1 == Timeframe::Immediate)
                {
                    finish(&mut cur, &mut items);
                    section = heading_text(&l.plain);
                    timeframe = None;
                    seen_blank = false;
                    j += 1;
                    continue;
                }
                end = j;
                break;
            }
            if says_part_is_empty(&l.key) {
                // "There are no areas for priority or immediate action."
                finish(&mut cur, &mut items);
                seen_blank = false;
                j += 1;
                continue;
            }
        }

        // "… when they reach the age of" / "17.": a number wrapped onto its own line is
        // the end of an unfinished item, not a new one out of sequence.
        if let (Marker::Number(n), Some(it)) = (marker, cur.as_mut()) {
            let out_of_sequence = style == Some(Style::Bullets)
                || last_num.is_some_and(|p| n != p + 1)
                || (style == Some(Style::Plain) && last_num.is_none());
            if !ends_sentence(&it.text) && out_of_sequence && !seen_blank {
                append(it, doc, j, 0);
                j += 1;
                continue;
            }
        }
        match marker {
            Marker::Bullet | Marker::Number(_) => {
                if let Marker::Number(n) = marker {
                    if cur.is_none() && items.is_empty() && is_intro(&make_key(rest)) {
                        in_intro = Some(n);
                        intro_para = Some(n);
                        if ends_sentence(rest) || rest.ends_with(':') {
                            in_intro = None;
                        }
                        j += 1;
                        continue;
                    }
                    if style == Some(Style::Bullets) && !items.is_empty() {
                        end = j;
                        break;
                    }
                    if style == Some(Style::Numbers) && last_num.is_some_and(|p| n != p + 1) {
                        end = j;
                        break;
                    }
                    last_num = Some(n);
                }
                if marker == Marker::Bullet && style == Some(Style::Numbers) {
                    // A sub-bullet inside a numbered item: part of that item.
                    if let Some(it) = cur.as_mut() {
                        append(it, doc, j, off);
                        j += 1;
                        continue;
                    }
                }
                finish(&mut cur, &mut items);
                if style.is_none() || style == Some(Style::Plain) {
                    style = Some(if marker == Marker::Bullet {
                        Style::Bullets
                    } else {
                        Style::Numbers
                    });
                }
                if rest.is_empty() {
                    pending = Some(marker);
                    cur = None;
                    // Remember the paragraph for the item text on a later line.
                    if let Marker::Number(n) = marker {
                        last_num = Some(n);
                    }
                    seen_blank = false;
                    j += 1;
                    continue;
                }
                let para = match marker {
                    Marker::Number(n) => Some(n),
                    _ => intro_para,
                };
                cur = Some(new_item(doc, j, off, &section, &timeframe, para));
                pending = None;
            }
            Marker::None => {
                if let Some(m) = pending.take() {
                    let para = match m {
                        Marker::Number(_) => last_num,
                        _ => intro_para,
                    };
                    cur = Some(new_item(doc, j, 0, &section, &timeframe, para));
                } else if let Some(it) = cur.as_mut() {
                    let finished = ends_sentence(&it.text);
                    let lower = starts_lower(&l.plain);
                    let marked = style != Some(Style::Plain);
                    if marked {
                        let heading = heading_like(doc, j);
                        if lower || (!finished && !seen_blank) {
                            append(it, doc, j, 0);
                        } else if heading
                            && style == Some(Style::Numbers)
                            && next_unit_is_number(doc, j, last_num, false)
                        {
                            // A theme sub-heading between numbered items.
                            j += 1;
                            seen_blank = false;
                            continue;
                        } else if !(seen_blank || heading && short_unit(doc, j)) {
                            // A further sentence of the same item.
                            append(it, doc, j, 0);
                        } else if !finished && !heading {
                            // A page break inside an item.
                            append(it, doc, j, 0);
                        } else if !finished && is_page_header(doc, j) {
                            // A header printed once, beside the page number, inside an
                            // unfinished item: furniture, not the end of the list.
                            j += 1;
                            continue;
                        } else {
                            end = j;
                            break;
                        }
                    } else if heading_like(doc, j) && (seen_blank || finished) {
                        end = j;
                        break;
                    } else if seen_blank || (finished && !lower) {
                        finish(&mut cur, &mut items);
                        cur = Some(new_item(doc, j, 0, &section, &timeframe, intro_para));
                    } else {
                        append(it, doc, j, 0);
                    }
                } else {
                    // Text before any item.
                    if heading_like(doc, j) {
                        if style != Some(Style::Plain)
                            && next_unit_is_number(doc, j, last_num.or(Some(0)), last_num.is_none())
                        {
                            // A theme sub-heading before the first numbered item of a part.
                            j += 1;
                            seen_blank = false;
                            continue;
                        }
                        end = j;
                        break;
                    }
                    if is_intro(&l.key) && items.is_empty() {
                        if !(ends_sentence(&l.plain) || l.plain.ends_with(':')) {
                            in_intro = Some(0);
                        }
                        j += 1;
                        seen_blank = false;
                        continue;
                    }
                    if !items.is_empty() && style != Some(Style::Plain) && style.is_some() {
                        end = j;
                        break;
                    }
                    style.get_or_insert(Style::Plain);
                    cur = Some(new_item(doc, j, 0, &section, &timeframe, intro_para));
                }
            }
        }
        seen_blank = false;
        j += 1;
    }
    if j >= lines.len() {
        end = lines.len();
    }
    finish(&mut cur, &mut items);
    List { items, end }
}

/// After a theme sub-heading, the numbered list goes on with the next number (any
/// number when `any_number`, for the first item) and another instruction.
fn next_unit_is_number(doc: &Doc, j: usize, last: Option<u32>, any_number: bool) -> bool {
    if doc.lines[j].plain.split_whitespace().count() > 8 || is_report_part(&doc.lines[j].key) {
        return false;
    }
    let mut k = j + 1;
    while let Some(n) = doc.next_content(k) {
        let (m, off) = split_marker(&doc.lines[n].plain);
        match m {
            Marker::Number(x) => {
                let mut text = doc.lines[n].plain[off..].to_string();
                if text.is_empty() {
                    if let Some(t) = doc.next_content(n + 1) {
                        text = doc.lines[t].plain.clone();
                    }
                }
                return (any_number || last.is_some_and(|p| x == p + 1))
                    && reads_as_instruction(&text);
            }
            Marker::Bullet => return false,
            Marker::None => {
                // Allow a heading wrapped over two lines.
                if n > j + 3 {
                    return false;
                }
                k = n + 1;
            }
        }
    }
    false
}

fn new_item(
    doc: &Doc,
    j: usize,
    off: usize,
    section: &str,
    timeframe: &Option<(String, Timeframe)>,
    paragraph: Option<u32>,
) -> Item {
    let l = &doc.lines[j];
    // `off` is a byte offset into `plain`; map it onto the source line.
    let (start, text) = locate(doc, j, off);
    Item {
        section: section.to_string(),
        timeframe: timeframe.clone(),
        paragraph,
        start,
        end: l.end.max(start),
        text,
    }
}

fn append(it: &mut Item, doc: &Doc, j: usize, off: usize) {
    let (_, text) = locate(doc, j, off);
    if text.is_empty() {
        return;
    }
    if !it.text.is_empty() && !joins_hyphen(&it.text, &text) {
        it.text.push(' ');
    }
    it.text.push_str(&text);
    it.end = doc.lines[j].end.max(it.end);
}

/// "multi-" at a line's end then "agency": one hyphenated word, not "multi- agency".
/// "16- and 17-year-olds" keeps its space.
fn joins_hyphen(before: &str, after: &str) -> bool {
    let mut end = before.chars().rev();
    let hyphen = end.next() == Some('-') && end.next().is_some_and(char::is_alphabetic);
    let next_word = after.split_whitespace().next().unwrap_or("");
    hyphen
        && next_word.chars().next().is_some_and(char::is_lowercase)
        && !matches!(next_word, "and" | "or" | "to")
}

/// Source offset where the item text starts on line `j` and the text itself (the
/// source slice from there, markup removed).
fn locate(doc: &Doc, j: usize, off: usize) -> (usize, String) {
    let l = &doc.lines[j];
    let src = &doc.text[l.start..l.end];
    let plain_rest = &l.plain[off.min(l.plain.len())..];
    // Find where the remaining plain text begins in the source line.
    let probe: String = plain_rest.chars().take(12).collect();
    let start = if probe.is_empty() {
        l.end
    } else {
        match src.find(probe.as_str()) {
            Some(p) => l.start + p,
            None => {
                // Markup inside the probe: skip the marker only.
                let skip = src.len() - src.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                l.start + skip
            }
        }
    };
    let text = plain_rest.split_whitespace().collect::<Vec<_>>().join(" ");
    (start.min(l.end), text)
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
        assert_eq!(r[0].timeframe_months, Some(0));
        assert_eq!(r[2].timeframe.as_deref(), Some("WITHIN THREE MONTHS"));
        assert_eq!(r[2].timeframe_months, Some(3));
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
        assert_eq!(r[0].timeframe_months, Some(0));
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
