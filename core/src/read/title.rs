//! A web page's `<title>`: what a saved page says it is ("Report not found - Find an
//! Inspection Report - Ofsted"), so a page that is not a report can be refused in its own
//! words. html5ever's tokenizer decodes entities and copes with any markup around it.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Longest title kept, in chars: enough for any real page title, short for a message.
const MAX_CHARS: usize = 120;

/// The first `<title>` of an HTML source, white space collapsed; `None` if it has none.
pub(crate) fn html_title(source: &str) -> Option<String> {
    let tokenizer = Tokenizer::new(TitleSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(source));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let state = tokenizer.sink.state.into_inner();
    let title = state.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return None;
    }
    Some(shorten(&title, MAX_CHARS))
}

/// `s` cut to at most `max` chars at a word, with "…" when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':', '-']))
}

#[derive(Default)]
struct TitleSink {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    in_title: bool,
    done: bool,
    text: String,
}

impl TokenSink for TitleSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut s = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) if &*tag.name == "title" && !s.done => {
                if tag.kind == TagKind::StartTag {
                    s.in_title = true;
                    return TokenSinkResult::RawData(RawKind::Rcdata);
                }
                s.in_title = false;
                s.done = true;
            }
            // Script text is raw data too, so a "<title>" inside a script string is not one.
            Token::TagToken(tag) if tag.kind == TagKind::StartTag && &*tag.name == "script" => {
                return TokenSinkResult::RawData(RawKind::ScriptData);
            }
            Token::TagToken(tag) if tag.kind == TagKind::StartTag && &*tag.name == "style" => {
                return TokenSinkResult::RawData(RawKind::Rawtext);
            }
            Token::CharacterTokens(t) if s.in_title && s.text.len() < 4 * MAX_CHARS => {
                s.text.push_str(&t);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_decoded_and_collapsed() {
        let page = "<html><head><script>var t='<title>no</title>'</script>\n<title>Report not found -\n  Find an Inspection Report &amp; more</title></head><body><title>second</title></body>";
        assert_eq!(
            html_title(page).as_deref(),
            Some("Report not found - Find an Inspection Report & more")
        );
        assert_eq!(html_title("<p>no title</p>"), None);
        assert_eq!(html_title("<title>  </title>"), None);
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let long = "word ".repeat(60);
        let t = html_title(&format!("<title>{long}</title>")).unwrap();
        assert!(
            t.ends_with("word…") && t.chars().count() <= MAX_CHARS + 1,
            "{t}"
        );
    }
}
