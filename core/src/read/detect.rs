//! Which reader a file needs, decided from its first bytes: reports arrive renamed (a
//! .docx saved as .txt, a PDF with no extension), so the name is only a tie-breaker for
//! content that could be either HTML or text. Things that are clearly not reports
//! (images, archives, executables) are refused here with a message that says what they
//! look like.

use super::{text, Format, ReadError};

/// How far into the file the PDF header may start: PDF readers accept leading junk.
const PDF_HEADER_WINDOW: usize = 1024;

/// Magic numbers of common non-report files, with how to describe them to a person.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old-style Office file (.doc or .xls; save it as .docx or PDF)",
    ),
    (b"{\\rtf", "an RTF document (save it as .docx or PDF)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\x7FELF", "a program file"),
    (b"PK\x05\x06", "an empty zip archive"),
];

pub(crate) fn detect(bytes: &[u8], name_hint: Option<&str>) -> Result<Format, ReadError> {
    let head = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    if head.starts_with(b"%PDF-") || find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_kind(bytes, name_hint);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Err(ReadError::Unsupported {
            what: "a WebP image",
        });
    }
    if let Some((_, what)) = BINARY_MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(ReadError::Unsupported { what });
    }
    if text::looks_binary(bytes) {
        return Err(ReadError::Unsupported {
            what: "binary data",
        });
    }
    if looks_like_html(bytes, name_hint) {
        Ok(Format::Html)
    } else {
        Ok(Format::Text)
    }
}

/// Office files are zips; which one it is shows in the entry names, which zip stores
/// uncompressed in each local header, so a byte search finds them without unpacking.
/// A zip named .docx that shows none of them goes to the Word reader, whose error says
/// what is wrong with it (a download cut short loses the entry names first).
fn zip_kind(bytes: &[u8], name_hint: Option<&str>) -> Result<Format, ReadError> {
    if find(bytes, b"word/").is_some() {
        return Ok(Format::Docx);
    }
    let what = if find(bytes, b"xl/").is_some() {
        "an Excel workbook"
    } else if find(bytes, b"ppt/").is_some() {
        "a PowerPoint presentation"
    } else if find(bytes, b"application/vnd.oasis.opendocument").is_some() {
        "an OpenDocument file (save it as .docx or PDF)"
    } else if has_extension(name_hint, &["docx", "docm", "dotx"]) {
        return Ok(Format::Docx);
    } else {
        "a zip archive"
    };
    Err(ReadError::Unsupported { what })
}

/// HTML if, after any BOM, whitespace and comments, it opens with a doctype or an `<html>`
/// tag; or, when the name says .html/.htm, if it opens with any tag.
fn looks_like_html(bytes: &[u8], name_hint: Option<&str>) -> bool {
    let prefix = &bytes[..bytes.len().min(4096)];
    let (decoded, _) = text::decode(prefix);
    let lower = decoded.trim_start().to_ascii_lowercase();
    let mut rest = lower.as_str();
    // Skip an XML declaration and comments before the real start.
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?xml") {
            match after.find("?>") {
                Some(end) => rest = &after[end + 2..],
                None => return false,
            }
        } else if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = &after[end + 3..],
                None => break,
            }
        } else {
            break;
        }
    }
    if rest.starts_with("<!doctype html") || rest.starts_with("<html") {
        return true;
    }
    let named_html = has_extension(name_hint, &["html", "htm", "xhtml"]);
    let starts_with_tag = rest.starts_with('<')
        && rest[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!');
    // Common fragments saved without <html>: still HTML even without the extension.
    let fragment_start = ["<head", "<body", "<meta", "<title", "<div", "<p>", "<h1"]
        .iter()
        .any(|t| rest.starts_with(t));
    (named_html && starts_with_tag) || fragment_start
}

/// Whether the name ends with one of the extensions (any case).
fn has_extension(name_hint: Option<&str>, extensions: &[&str]) -> bool {
    name_hint
        .and_then(|n| n.rsplit_once('.').map(|(_, ext)| ext))
        .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unsupported(bytes: &[u8]) -> String {
        match detect(bytes, None) {
            Err(e @ ReadError::Unsupported { .. }) => e.to_string(),
            other => panic!("expected Unsupported, got {other:?}"),
        }
    }

    #[test]
    fn pdf_by_magic_whatever_the_name() {
        assert_eq!(
            detect(b"%PDF-1.4\n...", Some("x.txt")).unwrap(),
            Format::Pdf
        );
        assert_eq!(detect(b"\r\n%PDF-1.7 junk", None).unwrap(), Format::Pdf);
    }

    #[test]
    fn docx_renamed_txt_is_docx() {
        let zip = b"PK\x03\x04\x14\0\0\0\x08\0word/document.xml....";
        assert_eq!(detect(zip, Some("report.txt")).unwrap(), Format::Docx);
    }

    #[test]
    fn other_zips_are_refused_by_kind() {
        assert!(unsupported(b"PK\x03\x04....xl/workbook.xml").contains("Excel"));
        assert!(unsupported(b"PK\x03\x04....photos/a.jpg").contains("a zip archive"));
    }

    #[test]
    fn a_zip_named_docx_goes_to_the_word_reader() {
        let cut_short = b"PK\x03\x04\x14\0\0\0\x08\0";
        assert_eq!(detect(cut_short, Some("r.DOCX")).unwrap(), Format::Docx);
        assert!(detect(cut_short, Some("r.zip")).is_err());
    }

    #[test]
    fn images_are_named() {
        let png = unsupported(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert_eq!(
            png,
            "this looks like a PNG image, not a report; import a PDF, Word (.docx), HTML or text file"
        );
        assert!(unsupported(b"\xFF\xD8\xFF\xE0\0\x10JFIF").contains("JPEG"));
        assert!(unsupported(b"GIF89a\x01\0\x01\0").contains("GIF"));
    }

    #[test]
    fn bytes_with_nuls_are_binary() {
        assert!(unsupported(b"abc\0\0\x01\x02def\0\xff\xfe\0").contains("binary data"));
    }

    #[test]
    fn html_sniffed_after_bom_whitespace_and_comment() {
        let cases: [&[u8]; 4] = [
            b"\xEF\xBB\xBF  \n<!DOCTYPE html><p>x",
            b"<HTML><body>x",
            b"<!-- saved page -->\n<html>",
            b"\xFF\xFE<\0h\0t\0m\0l\0>\0",
        ];
        for c in cases {
            assert_eq!(detect(c, Some("a.txt")).unwrap(), Format::Html, "{c:?}");
        }
    }

    #[test]
    fn extension_breaks_the_tie_for_tagged_text() {
        assert_eq!(detect(b"<section>x", Some("a.htm")).unwrap(), Format::Html);
        assert_eq!(detect(b"<section>x", Some("a.txt")).unwrap(), Format::Text);
        assert_eq!(
            detect(b"Plain report", Some("a.html")).unwrap(),
            Format::Text
        );
    }
}
