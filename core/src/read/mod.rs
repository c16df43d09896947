//! File → plain text with line structure kept; one reader per format.
//!
//! The extractor downstream works on lines (headings, bullets, numbered items), so every
//! reader keeps one paragraph or list item per line, marks list items with "• ", and
//! separates paragraphs with blank lines. The format is found from the content, not the
//! file name, because reports arrive renamed, and every third-party parser runs behind a
//! size limit and a panic guard so a hostile file gives an error, never a crash or a hang.

mod detect;
mod docx;
mod error;
mod format;
mod guard;
mod html;
mod pdf;
mod pdf_layout;
mod text;
mod title;

use std::io::Read;
use std::path::Path;

pub use error::ReadError;
pub use format::{Format, MAX_INPUT_BYTES};

/// A report's text: `\n` line endings, one paragraph or list item per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub format: Format,
    pub text: String,
    /// What the file calls itself, where it says: a web page's `<title>`.
    pub title: Option<String>,
}

/// Reads a report file, refusing files over [`MAX_INPUT_BYTES`] before reading them.
pub fn read_file(path: &Path) -> Result<Document, ReadError> {
    let bytes = read_file_bytes(path)?;
    let name = path.file_name().and_then(|n| n.to_str());
    read_bytes(&bytes, name)
}

/// A file's bytes, refusing files over [`MAX_INPUT_BYTES`] before reading them.
pub fn read_file_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let io_err = |source| ReadError::Io {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_err)?;
    let len = file.metadata().map_err(io_err)?.len();
    if len > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { bytes: len });
    }
    // Read through `take` as well: the file may grow between the check and the read.
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Reads a report from memory. `name_hint` (a file name or extension) is used only when
/// the content itself does not say what it is.
pub fn read_bytes(bytes: &[u8], name_hint: Option<&str>) -> Result<Document, ReadError> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let format = detect::detect(bytes, name_hint)?;
    let text = match format {
        Format::Text => text::read(bytes)?,
        Format::Html => html::read(bytes)?,
        Format::Pdf => pdf::read(bytes)?,
        Format::Docx => docx::read(bytes)?,
    };
    let title = match format {
        Format::Html => title::html_title(&text::decode(bytes).0),
        _ => None,
    };
    if text.trim().is_empty() {
        if format == Format::Html {
            // A page of scripts and markup only: a web page, whatever else it is.
            return Err(ReadError::NotAReport {
                found: web_page(title.as_deref()),
            });
        }
        return Err(ReadError::NoText { format });
    }
    Ok(Document {
        format,
        text,
        title,
    })
}

/// "a web page ('Its title')", or "a web page" when it has no title.
pub fn web_page(title: Option<&str>) -> String {
    match title {
        Some(t) => format!("a web page ('{t}')"),
        None => "a web page".to_string(),
    }
}

/// The start of a text for a message: its first line, cut at a word.
pub fn beginning(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    Some(title::shorten(first, 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_are_snake_case_and_match_serde() {
        for f in [Format::Text, Format::Html, Format::Pdf, Format::Docx] {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.as_str()));
            assert_eq!(serde_json::from_str::<Format>(&json).unwrap(), f);
        }
    }

    #[test]
    fn empty_and_blank_inputs_are_refused() {
        let err = read_bytes(b"", Some("a.txt")).unwrap_err();
        assert_eq!(err.to_string(), "the file is empty");
        let err = read_bytes(b" \r\n\t ", Some("a.txt")).unwrap_err();
        assert!(err.to_string().contains("no text"), "{err}");
    }

    #[test]
    fn oversized_file_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.txt");
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(200 * 1024 * 1024).unwrap();
        let err = read_file(&path).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the file is 200 MB; the limit is 100 MB",
            "{err:?}"
        );
    }
}
