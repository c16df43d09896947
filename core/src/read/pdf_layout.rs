//! Page text → report text. PDFs carry page furniture the other formats do not: running
//! headers and footers repeated on every page, bare page numbers, and bullets drawn with
//! symbol fonts (U+F0B7, "◼"). This removes the furniture, marks bullets as "• ", and
//! joins pages with a form feed so the extractor can still see where a page broke.

use std::collections::HashMap;

/// Lines this close to a page's top or bottom may be running headers or footers.
const EDGE_LINES: usize = 3;

pub(crate) fn tidy(pages: &[String]) -> String {
    let pages: Vec<Vec<String>> = pages.iter().map(|p| page_lines(p)).collect();
    let furniture = running_lines(&pages);
    let mut out = String::new();
    for (n, lines) in pages.iter().enumerate() {
        if n > 0 {
            out.push_str("\n\u{c}");
        }
        let edges = edge_indexes(lines);
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim();
            let at_edge = edges.contains(&i);
            if at_edge && (is_page_number(t) || furniture.contains_key(&shape(t))) {
                continue;
            }
            out.push_str(&bullet(line));
            out.push('\n');
        }
    }
    collapse_blank_runs(&out)
}

/// Splits a page into lines, trimming trailing space; pdf-extract pads with spaces.
fn page_lines(page: &str) -> Vec<String> {
    page.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(|l| l.trim_end().to_owned())
        .collect()
}

/// Indexes of the first and last few non-blank lines of a page.
fn edge_indexes(lines: &[String]) -> Vec<usize> {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let mut v: Vec<usize> = content.iter().take(EDGE_LINES).copied().collect();
    v.extend(content.iter().rev().take(EDGE_LINES).copied());
    v
}

/// Lines that recur at the top or bottom of many pages (digits ignored, so "Page 3"
/// matches "Page 4"): at least three pages and at least a third of them.
fn running_lines(pages: &[Vec<String>]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in pages {
        let mut seen = std::collections::HashSet::new();
        for i in edge_indexes(lines) {
            let key = shape(lines[i].trim());
            if !key.is_empty() && seen.insert(key.clone()) {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let needed = (pages.len() / 3).max(3);
    counts.retain(|_, n| *n >= needed);
    counts
}

/// A line's shape for comparison across pages: lower case, digits and spaces dropped.
fn shape(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "12", "- 12 -", "Page 12", "12 of 40", "Page 12 of 40".
fn is_page_number(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = t.to_lowercase();
    let rest = lower.strip_prefix("page").unwrap_or(&lower).trim();
    let mut parts = rest.split(" of ");
    let first_ok = parts
        .next()
        .is_some_and(|p| !p.trim().is_empty() && p.trim().chars().all(|c| c.is_ascii_digit()));
    let second_ok = parts
        .next()
        .is_none_or(|p| !p.trim().is_empty() && p.trim().chars().all(|c| c.is_ascii_digit()));
    first_ok && second_ok && parts.next().is_none()
}

/// Symbol-font bullets become "• " so every reader marks list items the same way.
fn bullet(line: &str) -> String {
    let t = line.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('\u{f0b7}' | '\u{f0a7}' | '\u{f0d8}' | '◼' | '■' | '▪' | '●' | '•' | '○' | '◦') =>
        {
            format!("• {}", chars.as_str().trim_start())
        }
        _ => line.to_owned(),
    }
}

/// At most one blank line in a row: pdf-extract emits many around positioned text.
fn collapse_blank_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blanks = 0;
    for line in text.split('\n') {
        if line.trim().is_empty() && !line.contains('\u{c}') {
            blanks += 1;
            if blanks > 1 {
                continue;
            }
        } else {
            blanks = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: usize, body: &str) -> String {
        format!("Norfolk County Council Inspection report\n\n{body}\n\n{n}\n")
    }

    #[test]
    fn running_headers_and_page_numbers_are_removed() {
        let pages: Vec<String> = (1..=4)
            .map(|n| {
                page(
                    n,
                    [
                        "Alpha one.\nAlpha two.",
                        "Beta one.\nBeta two.",
                        "Gamma one.\nGamma two.",
                        "Delta one.\nDelta two.",
                    ][n - 1],
                )
            })
            .collect();
        let text = tidy(&pages);
        assert!(
            !text.contains("Norfolk County Council Inspection report"),
            "{text}"
        );
        for body in ["Alpha", "Beta", "Gamma", "Delta"] {
            assert!(
                text.contains(&format!("{body} one.\n{body} two.")),
                "{text}"
            );
        }
        assert!(!text.lines().any(|l| l.trim() == "3"), "{text}");
        assert_eq!(text.matches('\u{c}').count(), 3);
    }

    #[test]
    fn a_number_inside_the_text_is_kept() {
        let text =
            tidy(&["Intro\nOne\nTwo\nThere were\n12\nchildren seen.\nMore\nand more\nend".into()]);
        assert!(text.contains("\n12\n"), "{text}");
    }

    #[test]
    fn symbol_bullets_become_bullets() {
        let text = tidy(&["\u{f0b7} first\n◼ second\nplain".into()]);
        assert_eq!(text, "• first\n• second\nplain\n");
    }

    #[test]
    fn page_number_shapes() {
        for t in ["12", "- 12 -", "Page 12", "12 of 40", "Page 12 of 40"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["12 children", "Page", "", "of 12"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
