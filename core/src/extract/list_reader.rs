//! Reading one list of recommendations, line by line, from its heading to the next.
//!
//! Items start at a bullet or number; where the PDF lost its bullets, at a blank line or
//! at a capital after a finished sentence. Page furniture between lines of one item is
//! skipped, so an item broken by a page break is still one item. Timeframe headings
//! inside the list ("Within three months") set the timeframe of the items after them.

use super::headings::{is_list_heading, is_sub_list_heading};
use super::lines::{heading_text, make_key, split_marker, starts_with_marker, Doc, Marker};
use super::wording::{
    is_report_part, reads_as_instruction, remarks_on_the_list, says_part_is_empty,
};
use crate::model::Timeframe;

/// Most items one list can have; beyond this the list has run into body text.
const MAX_ITEMS: usize = 60;

#[derive(Debug)]
pub(super) struct Item {
    pub(super) section: String,
    pub(super) timeframe: Option<(String, Timeframe)>,
    pub(super) paragraph: Option<u32>,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
}

pub(super) struct List {
    pub(super) items: Vec<Item>,
    /// Line index where reading stopped.
    pub(super) end: usize,
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
        if l.blank || starts_with_marker(&l.plain) || Timeframe::parse(&l.key).is_some() {
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

/// The items of the list whose heading is line `h`.
pub(super) fn parse_list(doc: &Doc, h: usize) -> List {
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
                if style == Some(Style::Plain) {
                    // Unmarked paragraphs before the first marked item: a finding that
                    // introduces the list, not an item, unless it reads as one.
                    finish(&mut cur, &mut items);
                    items.retain(|it| reads_as_instruction(&it.text));
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
    // A statement that the list (or a part) is empty, or a closing remark about the list
    // read as its last paragraph: not items.
    items.retain(|it| !says_part_is_empty(&make_key(&it.text)));
    if items
        .last()
        .is_some_and(|it| remarks_on_the_list(&make_key(&it.text)))
    {
        items.pop();
    }
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
