//! The areas for priority action and for improvement of an area SEND report.
//!
//! Priority actions sit in a two-column table: the responsible body on the left (a
//! narrow column of short name lines), the action on the right. A PDF's text gives a
//! row as the body's lines then the action's, the action's first line starting a new
//! text run (indented), or both on one line with a wide gap between them; a row broken by
//! a page goes on with more body lines and an action line that starts in lower case.
//! Rows are told apart by their body cells, so an action's own paragraphs and
//! sub-bullets stay in it. Areas for improvement are a one-column table or paragraphs:
//! one item per paragraph, sub-bullets kept in their item.

use crate::extract::lines::{make_key, split_marker, Doc, Marker};
use crate::extract::wording::{reads_as_instruction, remarks_on_the_list, says_part_is_empty};
use crate::model::{Recommendation, Timeframe};

pub const PRIORITY_SECTION: &str = "Areas for priority action";
pub const IMPROVEMENT_SECTION: &str = "Areas for improvement";

/// Longest line of a responsible-body cell: the left column is narrow.
const BODY_COLUMN_CHARS: usize = 34;

pub(super) fn extract(doc: &Doc) -> Vec<Recommendation> {
    let mut out = Vec::new();
    let priority = heading(doc, "areas for priority action", 0);
    let improvement = heading(doc, "areas for improvement", priority.unwrap_or(0));
    if let Some(p) = priority {
        let end = improvement.unwrap_or(doc.lines.len());
        out.extend(priority_rows(doc, p + 1, end));
    }
    if let Some(a) = improvement {
        out.extend(improvement_items(doc, a + 1));
    }
    // A statement that a part is empty ("The inspection did not identify any areas for
    // priority action") or a closing remark about the list is no item.
    out.retain(|r| {
        let key = make_key(&r.text);
        !says_part_is_empty(&key) && !remarks_on_the_list(&key)
    });
    out
}

/// The first line at or after `from` that is the heading `key` on its own.
fn heading(doc: &Doc, key: &str, from: usize) -> Option<usize> {
    (from..doc.lines.len()).find(|&i| {
        let l = &doc.lines[i];
        !l.blank && !l.noise && l.key == key
    })
}

/// A piece of a line: the whole line, or one side of a line with two cells.
#[derive(Debug)]
struct Seg {
    /// Byte range in the report's text.
    start: usize,
    end: usize,
    text: String,
    /// Starts a new text run: indented, or the right-hand cell of a two-cell line.
    new_run: bool,
    /// The left-hand cell of a two-cell line: a responsible body for certain.
    left_cell: bool,
    /// The right-hand cell of a two-cell line: an action.
    right_cell: bool,
    /// A blank line comes before it.
    after_blank: bool,
}

/// Whether the line starts after white space in the source: a new text run.
fn indented(doc: &Doc, i: usize) -> bool {
    let s = doc.lines[i].start;
    s > 0 && matches!(doc.text.as_bytes()[s - 1], b' ' | b'\t')
}

/// Lines that are page furniture in these reports: the running footer ("Area SEND
/// inspection report: Bexley Local Area Partnership"), its dates and page number.
fn is_furniture(doc: &Doc, i: usize) -> bool {
    let l = &doc.lines[i];
    if l.noise || l.key.starts_with("area send inspection report") {
        return true;
    }
    // "4 to 8 December 2023  6": dates and numbers only.
    l.key.bytes().any(|b| b.is_ascii_digit())
        && l.key.split_whitespace().all(|w| {
            w.chars().all(|c| c.is_ascii_digit() || c == '-')
                || matches!(w, "to" | "and" | "-")
                || crate::extract::dates::month(w).is_some()
        })
}

/// The content lines from `from` to `to` as segments, two-cell lines split.
fn segments(doc: &Doc, from: usize, to: usize) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut blank = false;
    for i in from..to.min(doc.lines.len()) {
        let l = &doc.lines[i];
        if l.blank || doc.text[l.start..].starts_with('\u{c}') {
            blank = true;
            continue;
        }
        if is_furniture(doc, i) {
            continue;
        }
        let src = &doc.text[l.start..l.end];
        let seg = |a: usize, b: usize, new_run: bool, cell: Option<bool>, blank: bool| Seg {
            start: l.start + a,
            end: l.start + b,
            text: src[a..b].trim().to_string(),
            new_run,
            left_cell: cell == Some(true),
            right_cell: cell == Some(false),
            after_blank: blank,
        };
        match gap(src) {
            Some((a, b)) => {
                out.push(seg(0, a, indented(doc, i), Some(true), blank));
                out.push(seg(b, src.len(), true, Some(false), false));
            }
            None => out.push(seg(0, src.len(), indented(doc, i), None, blank)),
        }
        blank = false;
    }
    out
}

/// The first gap of two or more spaces (or a tab) inside a line: two table cells.
fn gap(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\t' || (b[i] == b' ' && b.get(i + 1) == Some(&b' ')) {
            let end = i + s[i..].len() - s[i..].trim_start().len();
            if i > 0 && end < s.len() {
                return Some((i, end));
            }
            return None;
        }
        i += 1;
    }
    None
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '\u{2019}', '\u{201d}', ')'])
        .ends_with(['.', ';', ':', '!', '?'])
}

fn is_bullet(s: &str) -> bool {
    matches!(split_marker(s).0, Marker::Bullet)
}

/// A line repeating a heading as a table's column title ("Responsible body  Areas for
/// priority action", "Areas for improvement"), or saying the part is empty.
fn is_column_title(key: &str) -> bool {
    key.starts_with("responsible body")
        || key == "areas for priority action"
        || key == "areas for improvement"
        || says_part_is_empty(key)
}

/// The priority-action table between lines `from` and `to`.
fn priority_rows(doc: &Doc, from: usize, to: usize) -> Vec<Recommendation> {
    let segs: Vec<Seg> = segments(doc, from, to)
        .into_iter()
        .filter(|s| !is_column_title(&make_key(&s.text)))
        .collect();
    // An action starts where a new run begins with a capital: indented and longer than
    // the body column, or the right-hand cell of a two-cell line.
    let starts_action = |s: &Seg| {
        !s.left_cell
            && s.new_run
            && starts_upper(&s.text)
            && (s.text.chars().count() > BODY_COLUMN_CHARS || s.right_cell)
    };
    let mut is_body = vec![false; segs.len()];
    for (k, s) in segs.iter().enumerate() {
        let continues = !s.left_cell && s.new_run && s.right_cell && !starts_upper(&s.text);
        if !(starts_action(s) || continues) {
            continue;
        }
        // The body cell is the short lines just before: walk back until a line that
        // ends a sentence (the previous action's last line), a bullet or a long line.
        let mut j = k;
        let mut first = true;
        while j > 0 {
            let p = &segs[j - 1];
            let fits =
                p.left_cell || (p.text.chars().count() <= BODY_COLUMN_CHARS && !is_bullet(&p.text));
            if !fits || is_body[j - 1] || (!first && ends_sentence(&p.text)) {
                break;
            }
            if !first && segs[j].after_blank && !p.left_cell {
                break;
            }
            is_body[j - 1] = true;
            first = false;
            j -= 1;
        }
    }
    let mut out: Vec<Recommendation> = Vec::new();
    let mut body: Vec<&Seg> = Vec::new();
    let mut cur: Option<Recommendation> = None;
    for (k, s) in segs.iter().enumerate() {
        if is_body[k] {
            body.push(s);
            continue;
        }
        let new_row = starts_action(s) && (!body.is_empty() || cur.is_none());
        if new_row {
            out.extend(cur.take());
            let mut r = item(PRIORITY_SECTION, s);
            r.responsible_body = join_body(&body);
            cur = Some(r);
        } else if let Some(r) = cur.as_mut() {
            if !body.is_empty() {
                // A row broken by a page: its body cell goes on too.
                let more = join_body(&body).unwrap_or_default();
                r.responsible_body = match r.responsible_body.take() {
                    Some(b) => Some(format!("{b} {more}")),
                    None => Some(more),
                };
            }
            push_text(r, s);
        } else {
            cur = Some(item(PRIORITY_SECTION, s));
        }
        body.clear();
    }
    out.extend(cur);
    out
}

/// The areas for improvement from line `from` to the end of the list.
fn improvement_items(doc: &Doc, from: usize) -> Vec<Recommendation> {
    let segs = segments(doc, from, doc.lines.len());
    // A paragraph's last line is short against the column's full lines.
    // (Measured near the heading: the pages after the list have other layouts.)
    let width = segs
        .iter()
        .take(40)
        .map(|s| s.text.chars().count())
        .max()
        .unwrap_or(0);
    let mut out: Vec<Recommendation> = Vec::new();
    let mut cur: Option<Recommendation> = None;
    let mut prev_short = false;
    let mut in_bullets = false;
    for s in &segs {
        let key = make_key(&s.text);
        if is_column_title(&key) {
            continue;
        }
        let (marker, _) = split_marker(&s.text);
        let bullet = marker == Marker::Bullet;
        let number = match marker {
            Marker::Number(n) => Some(n),
            _ => None,
        };
        let open = cur
            .as_ref()
            .is_some_and(|r| !ends_sentence(&r.text) || r.text.ends_with(':'));
        // Inside an unfinished sentence a short line is its wrapped end, not a heading.
        if marker == Marker::None && !open && is_heading(&s.text) {
            break;
        }
        // A new paragraph starts a new item: after a blank line, at a new text run, after
        // a short last line, or after the item's sub-bullets; never inside a sentence.
        let new_item = !bullet
            && (starts_upper(&s.text) || number.is_some())
            && (cur.is_none() || !open && (s.after_blank || s.new_run || prev_short || in_bullets));
        if new_item {
            out.extend(cur.take());
            let mut r = item(IMPROVEMENT_SECTION, s);
            r.paragraph = number;
            cur = Some(r);
            in_bullets = false;
        } else if let Some(r) = cur.as_mut() {
            push_text(r, s);
            in_bullets |= bullet;
        }
        prev_short = ends_sentence(&s.text) && s.text.chars().count() * 20 < width * 17;
    }
    out.extend(cur);
    // A finding placed before the items introduces them: every area for improvement is
    // an instruction to someone.
    if out.len() > 1 && !reads_as_instruction(&out[0].text) {
        out.remove(0);
    }
    out
}

/// A heading after the list ("Local area partnership details"): a short capitalised
/// line that does not end a sentence.
fn is_heading(s: &str) -> bool {
    starts_upper(s) && s.chars().count() <= 60 && !ends_sentence(s) && !s.ends_with(',')
}

fn item(section: &str, s: &Seg) -> Recommendation {
    let mut r = Recommendation {
        section: section.to_string(),
        timeframe: None,
        period: Timeframe::Unspecified,
        text: String::new(),
        paragraph: None,
        source_start: s.start,
        source_end: s.end,
        responsible_body: None,
    };
    push_text(&mut r, s);
    r.source_start = s.start + (s.text.len() - strip_bullet(&s.text).len()).min(s.end - s.start);
    r
}

/// The text after a bullet glyph or an item number.
fn strip_bullet(t: &str) -> &str {
    match split_marker(t) {
        (Marker::None, _) => t,
        (_, off) => &t[off..],
    }
}

/// Append a segment's text, bullet glyph dropped, joining "multi-" / "agency".
fn push_text(r: &mut Recommendation, s: &Seg) {
    let t = strip_bullet(&s.text);
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return;
    }
    if !r.text.is_empty() {
        let hyphen = r.text.ends_with('-')
            && !r.text.ends_with(" -")
            && t.chars().next().is_some_and(char::is_lowercase);
        if !hyphen {
            r.text.push(' ');
        }
    }
    r.text.push_str(&t);
    r.source_end = r.source_end.max(s.end);
}

/// The body cell's lines on one line; `None` when there are none.
fn join_body(body: &[&Seg]) -> Option<String> {
    let mut out = String::new();
    for s in body {
        let t = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if out.ends_with('-') && t.chars().next().is_some_and(char::is_lowercase) {
            out.push_str(&t);
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t);
    }
    let out = out.trim_end_matches(['.', ',', ' ']).to_string();
    (!out.is_empty()).then_some(out)
}
