//! HTML (a report saved from the web page): block elements become lines, list items
//! become "• " lines (or "1. " in ordered lists) so the extractor sees the bullets, and
//! scripts, styles and other non-content are dropped. Uses html5ever's tokenizer only: a
//! tree is not needed to find line breaks, and the tokenizer is linear in the input, so a
//! page full of scripts cannot make it hang.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::guard::guarded;
use super::{text, Format, ReadError};

pub(crate) fn read(bytes: &[u8]) -> Result<String, ReadError> {
    let (source, _) = text::decode(bytes);
    guarded(Format::Html, || Ok(html_to_text(&source)))
}

fn html_to_text(source: &str) -> String {
    let tokenizer = Tokenizer::new(Lines::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(source));
    // We never ask the tokenizer to pause for scripts, so one feed consumes everything.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let lines = tokenizer.sink.state.into_inner();
    lines.finish()
}

/// Elements whose content is not report text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "title"
            | "textarea"
    )
}

/// Elements that end a line where they start and end (paragraph-like ones add a blank line).
fn block_kind(name: &str) -> Option<Block> {
    Some(match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "ul" | "ol" | "dl"
        | "blockquote" | "pre" | "section" | "article" | "figure" | "hr" => Block::Paragraph,
        "div" | "li" | "tr" | "br" | "dt" | "dd" | "header" | "footer" | "nav" | "main"
        | "aside" | "address" | "figcaption" | "caption" | "form" | "fieldset" | "details"
        | "summary" | "body" | "thead" | "tbody" | "tfoot" => Block::Line,
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Line,
    Paragraph,
}

#[derive(Default)]
struct Lines {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    out: String,
    line: String,
    /// Depth inside skipped elements; their text is dropped.
    skip: Vec<String>,
    pre: usize,
    /// One entry per open list: `Some(n)` counts ordered-list items, `None` is bulleted.
    lists: Vec<Option<u32>>,
    /// Whether the current table row already has a cell (to place " | " between cells).
    cell_in_row: bool,
}

impl State {
    fn end_line(&mut self) {
        let line = self.line.trim_end();
        if !line.is_empty() {
            self.out.push_str(line);
            self.out.push('\n');
        }
        self.line.clear();
    }

    fn end_paragraph(&mut self) {
        self.end_line();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn text(&mut self, s: &str) {
        if !self.skip.is_empty() {
            return;
        }
        for c in s.chars() {
            let c = if c == '\u{a0}' { ' ' } else { c };
            if self.pre > 0 {
                if c == '\n' {
                    self.end_line();
                } else if c != '\r' {
                    self.line.push(c);
                }
            } else if c.is_whitespace() {
                // Collapse runs of white space as a browser does; none at a line's start.
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
    }

    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        if is_skipped(name) {
            if start && !tag.self_closing {
                self.skip.push(name.to_owned());
            } else if !start {
                if let Some(pos) = self.skip.iter().rposition(|n| n == name) {
                    self.skip.truncate(pos);
                }
            }
            // Script and style content is raw text: tell the tokenizer, so a "<p>" inside
            // a script string is not taken for markup.
            return match (start, name) {
                (true, "script") => TokenSinkResult::RawData(RawKind::ScriptData),
                (true, "style" | "noscript" | "iframe") => {
                    TokenSinkResult::RawData(RawKind::Rawtext)
                }
                (true, "title" | "textarea") => TokenSinkResult::RawData(RawKind::Rcdata),
                _ => TokenSinkResult::Continue,
            };
        }
        if !self.skip.is_empty() {
            return TokenSinkResult::Continue;
        }
        match (start, name) {
            (true, "ul") => self.lists.push(None),
            (true, "ol") => self.lists.push(Some(0)),
            (false, "ul" | "ol") => {
                self.lists.pop();
            }
            (true, "pre") => self.pre += 1,
            (false, "pre") => self.pre = self.pre.saturating_sub(1),
            (true, "tr") => self.cell_in_row = false,
            (true, "td" | "th") => {
                if self.cell_in_row {
                    self.line.truncate(self.line.trim_end().len());
                    self.line.push_str(" | ");
                }
                self.cell_in_row = true;
            }
            _ => {}
        }
        match block_kind(name) {
            Some(Block::Paragraph) => self.end_paragraph(),
            Some(Block::Line) => self.end_line(),
            None => {}
        }
        if start && name == "li" {
            let marker = match self.lists.last_mut() {
                Some(Some(n)) => {
                    *n += 1;
                    format!("{n}. ")
                }
                _ => "• ".to_owned(),
            };
            self.line.push_str(&marker);
        }
        TokenSinkResult::Continue
    }

    fn finish(mut self) -> String {
        self.end_line();
        let trimmed = self.out.trim_end_matches('\n').len();
        self.out.truncate(trimmed);
        self.out.push('\n');
        self.out
    }
}

impl TokenSink for Lines {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => state.tag(&tag),
            Token::CharacterTokens(s) => {
                state.text(&s);
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(s: &str) -> String {
        read(s.as_bytes()).unwrap()
    }

    #[test]
    fn scripts_styles_and_noscript_are_dropped() {
        let out = html(
            "<html><head><title>T</title><style>p{color:red}</style>\
             <script>var s = '<p>not text</p>'; if (a < b) {}</script></head>\
             <body><noscript>Enable JS</noscript><p>Real text</p>\
             <script type=module>alert(1)</script></body></html>",
        );
        assert_eq!(out, "Real text\n");
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            html("<p>Children&rsquo;s &amp; families &pound;5&nbsp;m &#8211; ok</p>"),
            "Children’s & families £5 m – ok\n"
        );
    }

    #[test]
    fn headings_paragraphs_and_list_items_are_lines() {
        let out = html(
            "<h2>What needs to improve?</h2>\n<ul>\n  <li>The quality of\n  plans.</li>\
             <li>Supervision</li></ul><p>Next   para</p><ol><li>One</li><li>Two</li></ol>",
        );
        assert_eq!(
            out,
            "What needs to improve?\n\n• The quality of plans.\n• Supervision\n\nNext para\n\n1. One\n2. Two\n"
        );
    }

    #[test]
    fn table_cells_are_separated() {
        let out = html("<table><tr><th>Area</th><th>Grade</th></tr><tr><td>Help</td><td>Good</td></tr></table>");
        assert_eq!(out, "Area | Grade\nHelp | Good\n");
    }

    #[test]
    fn br_and_pre_keep_lines() {
        assert_eq!(html("<p>a<br>b</p><pre>x\n  y</pre>"), "a\nb\n\nx\n  y\n");
    }

    #[test]
    fn huge_script_page_is_fast_and_empty_of_script() {
        let mut page = String::from("<html><body><p>Keep me</p>");
        for _ in 0..20_000 {
            page.push_str("<script>for(;;){document.write('<div>x</div>')}</script>");
        }
        page.push_str("</body></html>");
        let start = std::time::Instant::now();
        assert_eq!(html(&page), "Keep me\n");
        assert!(start.elapsed().as_secs() < 10);
    }
}
