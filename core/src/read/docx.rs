//! Word (.docx): the text is in `word/document.xml` inside the zip, so no office suite is
//! needed. Each paragraph becomes a line, list paragraphs (`w:numPr`) start with "• ", a
//! table row becomes one line with its cells separated by tabs (as the reference text
//! files show tables), and paragraphs are separated by blank lines.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::guard::guarded;
use super::{Format, ReadError};

/// Unpacked size limit for document.xml: a zip bomb must not exhaust memory.
const MAX_XML_BYTES: u64 = 200 * 1024 * 1024;

pub(crate) fn read(bytes: &[u8]) -> Result<String, ReadError> {
    guarded(Format::Docx, || {
        let xml = document_xml(bytes)?;
        paragraphs(&xml)
    })
}

fn document_xml(bytes: &[u8]) -> Result<Vec<u8>, ReadError> {
    let not_word = |detail: String| ReadError::NotWord { detail };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_word(e.to_string()))?;
    let entry = zip
        .by_name("word/document.xml")
        .map_err(|_| not_word("it has no word/document.xml".to_owned()))?;
    let mut xml = Vec::new();
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| not_word(e.to_string()))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(ReadError::WordTooLarge {
            limit: MAX_XML_BYTES,
        });
    }
    Ok(xml)
}

/// Walks the XML once, building lines from paragraphs and table rows.
fn paragraphs(xml: &[u8]) -> Result<String, ReadError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::new();
    // The paragraph being built, whether it is a list item, and whether we are in `w:t`.
    let mut para = String::new();
    let mut list_item = false;
    let mut in_text = false;
    // Table nesting: cells of the current row, per open table.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell = String::new();
    let mut in_cell = 0usize;

    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ReadError::NotWord {
                detail: format!("damaged XML: {e}"),
            })?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "numPr" => list_item = true,
                "p" => {
                    para.clear();
                    list_item = false;
                }
                "tr" => rows.push(Vec::new()),
                "tc" => {
                    in_cell += 1;
                    cell.clear();
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => para.push('\t'),
                "br" | "cr" => para.push('\n'),
                "numPr" => list_item = true,
                _ => {}
            },
            Event::Text(t) if in_text => para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                // Entity references (&amp; …) arrive apart from the text around them.
                let resolved = match &*r {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                para.extend(resolved);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let text = para.trim();
                    if in_cell > 0 {
                        if !text.is_empty() {
                            if !cell.is_empty() {
                                cell.push(' ');
                            }
                            cell.push_str(text);
                        }
                    } else if !text.is_empty() {
                        if list_item {
                            out.push_str("• ");
                        }
                        out.push_str(text);
                        out.push_str("\n\n");
                    }
                    para.clear();
                    list_item = false;
                }
                "tc" => {
                    in_cell = in_cell.saturating_sub(1);
                    if let Some(row) = rows.last_mut() {
                        row.push(std::mem::take(&mut cell).replace('\n', " "));
                    }
                }
                "tr" => {
                    if let Some(row) = rows.pop() {
                        let line = row.join("\t");
                        if !line.trim().is_empty() {
                            out.push_str(line.trim_end());
                            out.push('\n');
                        }
                    }
                }
                "tbl" => out.push('\n'),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(body: &str) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", opts).unwrap();
        write!(
            zip,
            r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn paragraphs_lists_and_tables() {
        let body = r#"<w:p><w:r><w:t>Areas for improvement</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Ensure that </w:t></w:r><w:r><w:t>plans &amp; reviews are timely</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Overall effectiveness</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Adequate</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        let text = read(&docx(body)).unwrap();
        assert_eq!(
            text,
            "Areas for improvement\n\n• Ensure that plans & reviews are timely\n\nOverall effectiveness\tAdequate\n\n"
        );
    }

    #[test]
    fn a_zip_without_a_document_is_not_word() {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("other.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.finish().unwrap();
        let err = read(&out.into_inner()).unwrap_err();
        assert!(err.to_string().contains("no word/document.xml"), "{err}");
    }

    #[test]
    fn damaged_xml_is_an_error() {
        let err = read(&docx("<w:p><w:r><w:t>x</w:r></w:p>")).unwrap_err();
        assert!(matches!(err, ReadError::NotWord { .. }), "{err:?}");
    }
}
