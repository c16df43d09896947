//! The report's text as lines with byte offsets, markup stripped and page furniture
//! (running headers, bare page numbers) flagged, so every other pass can walk lines
//! without caring whether the text came from a PDF, a Word file or a web page.

use std::collections::HashMap;

/// One line of the input.
#[derive(Debug, Clone)]
pub struct Line {
    /// Byte offset of the first non-blank character (after any form feed).
    pub start: usize,
    /// Byte offset just past the last non-blank character.
    pub end: usize,
    /// The line without markdown/HTML emphasis, tabs kept, trimmed.
    pub plain: String,
    /// `plain` lower-cased, quotes straightened, white space collapsed, trailing `:` and
    /// footnote digits removed: what headings are matched against.
    pub key: String,
    /// Empty after trimming.
    pub blank: bool,
    /// Page furniture: a bare page number or a running header.
    pub noise: bool,
}

/// The whole text split into lines.
#[derive(Debug)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub lines: Vec<Line>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let mut lines = Vec::new();
        let mut page_breaks = Vec::new();
        let mut pos = 0;
        for raw in text.split('\n') {
            page_breaks.push(raw.starts_with('\u{c}'));
            let line_start = pos;
            pos += raw.len() + 1;
            let lead = raw.len() - raw.trim_start_matches(is_space).len();
            let trimmed = raw.trim_matches(is_space);
            let start = line_start + lead;
            let end = start + trimmed.len();
            let plain = strip_markup(trimmed);
            let key = make_key(&plain);
            let blank = key.is_empty();
            lines.push(Line {
                start,
                end,
                plain,
                key,
                blank,
                noise: false,
            });
        }
        mark_noise(&mut lines, &page_breaks);
        Doc { text, lines }
    }

    /// Index of the next line at or after `i` that is neither blank nor noise.
    pub fn next_content(&self, i: usize) -> Option<usize> {
        (i..self.lines.len()).find(|&j| !self.lines[j].blank && !self.lines[j].noise)
    }

    /// Index of the previous content line strictly before `i`.
    pub fn prev_content(&self, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .find(|&j| !self.lines[j].blank && !self.lines[j].noise)
    }

    /// The first `n` content lines' plain text joined by single spaces.
    pub fn head_text(&self, n: usize) -> String {
        let mut out = String::new();
        for l in self.lines.iter().filter(|l| !l.blank && !l.noise).take(n) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&l.plain);
        }
        out
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{c}' || c == '\u{feff}' || c == '\u{200b}'
}

/// Remove markdown headings/emphasis and simple HTML tags; keep tabs.
pub fn strip_markup(s: &str) -> String {
    // Most lines carry no markup at all: copy them in one go.
    let b = s.as_bytes();
    if !(b.contains(&b'#') || b.contains(&b'*') || b.contains(&b'<')) {
        return s.trim_matches(is_space).to_string();
    }
    let mut out = String::with_capacity(s.len());
    let s = s.trim_start_matches('#').trim_start_matches(' ');
    let mut rest = s;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("**") {
            rest = r;
            continue;
        }
        if rest.starts_with('<') {
            if let Some(close) = rest[1..].find('>') {
                let tag = &rest[1..1 + close];
                let name = tag.trim_start_matches('/').to_ascii_lowercase();
                if matches!(
                    name.as_str(),
                    "b" | "strong" | "i" | "em" | "u" | "br" | "br/"
                ) {
                    rest = &rest[close + 2..];
                    continue;
                }
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.trim_matches(is_space).to_string()
}

/// Normalise for matching: lower case, straight quotes, single spaces, no trailing
/// colon or footnote digits.
pub fn make_key(plain: &str) -> String {
    if plain.is_ascii() {
        ascii_key(plain)
    } else {
        unicode_key(plain)
    }
}

/// [`make_key`] char by char, mapping curly quotes and dashes.
fn unicode_key(plain: &str) -> String {
    let mut out = String::with_capacity(plain.len());
    let mut space = false;
    for c in plain.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    strip_footnote(&out)
        .trim_end_matches([':', ' '])
        .to_string()
}

/// [`make_key`] for ASCII text (most lines): bytes, not chars; words copied whole,
/// then lower-cased in one pass.
fn ascii_key(plain: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(plain.len());
    // Vertical tab too: `char::is_whitespace` counts it, `u8::is_ascii_whitespace` does not.
    let words = plain
        .as_bytes()
        .split(|b| b.is_ascii_whitespace() || *b == 0x0b)
        .filter(|w| !w.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(word);
    }
    out.make_ascii_lowercase();
    for b in out.iter_mut().filter(|b| **b == b'`') {
        *b = b'\'';
    }
    let mut out = String::from_utf8(out).unwrap_or_default();
    let end = strip_footnote(&out).trim_end_matches([':', ' ']).len();
    out.truncate(end);
    out
}

/// Heading text as written, without markup, trailing colon or footnote number.
pub fn heading_text(plain: &str) -> String {
    let t = plain.trim().trim_end_matches([':', ' ']);
    let t = strip_footnote(t);
    t.trim_end_matches([':', ' ']).to_string()
}

/// "What needs to improve?1" → "What needs to improve?"; "Board1" → "Board".
pub fn strip_footnote(s: &str) -> &str {
    let t = s.trim_end_matches(|c: char| c.is_ascii_digit());
    if t.len() < s.len() && s.len() - t.len() <= 2 {
        if let Some(c) = t.chars().last() {
            if c.is_alphabetic() || c == '?' || c == ':' {
                return t;
            }
        }
    }
    s
}

/// True for a bare page number or "Page 3 of 20".
fn is_page_number(key: &str) -> bool {
    if !key.is_empty() && key.len() <= 3 && key.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if let Some(r) = key.strip_prefix("page ") {
        let r = r.replace(" of ", "");
        return !r.is_empty() && r.len() <= 6 && r.bytes().all(|b| b.is_ascii_digit());
    }
    false
}

/// Lines that repeat next to page breaks (running headers and footers) and bare page
/// numbers.
fn mark_noise(lines: &mut [Line], page_breaks: &[bool]) {
    let page_no: Vec<bool> = lines.iter().map(|l| is_page_number(&l.key)).collect();
    // Within three lines of a page number, a form feed or the end of the text (the last
    // page's footer). Not the start: the title there must stay content.
    let near_break = |i: usize| {
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(lines.len());
        (lo..hi).any(|k| k != i && page_no[k])
            || (lo..hi).any(|k| page_breaks[k])
            || i + 4 > lines.len()
    };
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if is_header_length(&l.key) {
            let e = counts.entry(l.key.as_str()).or_default();
            e.0 += 1;
            if near_break(i) {
                e.1 += 1;
            }
        }
    }
    // A running header repeats on many of the pages, not just on three: a heading that
    // recurs in the contents, the body and a findings table is content.
    let form_feeds = page_breaks.iter().filter(|&&b| b).count();
    let pages = if form_feeds > 0 {
        form_feeds + 1
    } else {
        page_no.iter().filter(|&&b| b).count() + 1
    };
    let needed = (pages / 3).max(3);
    let repeated: Vec<bool> = lines
        .iter()
        .map(|l| {
            let (n, near) = counts.get(l.key.as_str()).copied().unwrap_or((0, 0));
            is_header_length(&l.key) && n >= needed && near * 2 >= n && !is_structural(&l.key)
        })
        .collect();
    for (i, l) in lines.iter_mut().enumerate() {
        if l.blank {
            continue;
        }
        if repeated[i] || page_no[i] {
            l.noise = true;
        }
    }
}

/// Running headers and footers are one short line: long enough not to be a stray word,
/// too short to be a paragraph (which also keeps paragraphs out of the counting).
fn is_header_length(key: &str) -> bool {
    (12..=160).contains(&key.len())
}

/// Repeated lines that are real content: headings, grades and timeframes.
fn is_structural(key: &str) -> bool {
    crate::extract::grades::grade_word(key).is_some()
        || super::headings::is_list_heading(key)
        || crate::model::Timeframe::parse(key).is_some()
        || key.starts_with("grade ")
        || key.contains("(recommendation)")
        || key.split(' ').count() <= 3
        || key == "safeguarding services"
        || key == "services for looked after children"
        || crate::extract::lines::starts_with_marker(key)
}

/// Whether the line begins with a bullet or a list number.
pub fn starts_with_marker(s: &str) -> bool {
    !matches!(split_marker(s).0, Marker::None)
}

/// A list marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    None,
    Bullet,
    Number(u32),
}

fn is_bullet_char(c: char) -> bool {
    matches!(
        c,
        '•' | '◼' | '■' | '▪' | '●' | '◦' | '○' | '►' | '▶' | '➢' | '✓' | '·' | '§'
    ) || ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// Split a list marker from the start of `s`: returns the marker and the byte offset
/// where the item's own text begins (== `s.len()` for a marker alone on its line).
pub fn split_marker(s: &str) -> (Marker, usize) {
    let mut chars = s.char_indices();
    let Some((_, c)) = chars.next() else {
        return (Marker::None, 0);
    };
    let after = c.len_utf8();
    let rest_start = |from: usize| from + (s.len() - from - s[from..].trim_start().len());
    if is_bullet_char(c) {
        return (Marker::Bullet, rest_start(after));
    }
    if matches!(c, '-' | '*' | '\u{2013}' | '\u{2212}' | 'o') {
        let next = s[after..].chars().next();
        if next.is_none() && c != 'o' {
            return (Marker::Bullet, after);
        }
        if next.is_some_and(|n| n == ' ' || n == '\t') {
            return (Marker::Bullet, rest_start(after));
        }
        return (Marker::None, 0);
    }
    if c.is_ascii_digit() {
        let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
        if digits > 3 {
            return (Marker::None, 0);
        }
        let n: u32 = s[..digits].parse().unwrap_or(0);
        let tail = &s[digits..];
        if let Some(t) = tail.strip_prefix(['.', ')']) {
            if t.is_empty() {
                return (Marker::Number(n), s.len());
            }
            if t.starts_with([' ', '\t']) {
                return (Marker::Number(n), rest_start(digits + 1));
            }
        }
    }
    (Marker::None, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(split_marker("- ensure x"), (Marker::Bullet, 2));
        assert_eq!(split_marker("\u{f0b7} Ensure"), (Marker::Bullet, 4));
        assert_eq!(split_marker("◼ Clarity"), (Marker::Bullet, 4));
        assert_eq!(split_marker("12. Ensure"), (Marker::Number(12), 4));
        assert_eq!(split_marker("3."), (Marker::Number(3), 2));
        assert_eq!(split_marker("2014 was"), (Marker::None, 0));
        assert_eq!(split_marker("4.7% of"), (Marker::None, 0));
        assert_eq!(split_marker("over"), (Marker::None, 0));
    }

    #[test]
    fn ascii_and_unicode_keys_agree() {
        for s in [
            "  What NEEDS\tto\x0bimprove?1 ",
            "Children`s  Services:",
            "Board12",
            "Areas for improvement:",
            "",
            " \t ",
        ] {
            assert_eq!(ascii_key(s), unicode_key(s), "{s:?}");
        }
        assert_eq!(
            make_key("  What NEEDS\tto\x0bimprove?1 "),
            "what needs to improve?"
        );
        assert_eq!(
            make_key("Children’s “Services” – x:"),
            "children's \"services\" - x"
        );
    }

    #[test]
    fn keys_and_noise() {
        let header = "Norfolk County Council Inspection of services";
        let heading = "Performance management and quality";
        let text = format!(
            "## **What needs to improve?**1\n{header}\n3\nx\n{header}\n4\n\n\u{c}{header}\na\nb\nc\nd\n{heading}\na\nb\nc\nd\n{heading}\na\nb\nc\nd\n{heading}\n"
        );
        let d = Doc::new(&text);
        assert_eq!(d.lines[0].key, "what needs to improve?");
        assert!(d.lines[1].noise && d.lines[2].noise && !d.lines[3].noise);
        assert_eq!(&text[d.lines[3].start..d.lines[3].end], "x");
        assert!(d.lines[7].noise);
        // Repeated, but never next to a page break: content.
        assert!(!d.lines[12].noise && !d.lines[22].noise);
    }
}
