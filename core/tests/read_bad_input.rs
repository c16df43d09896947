//! Files that are not readable reports each give one clear sentence that says what is
//! wrong with the file (not how a parser failed), through the same `read_file` the app
//! and the CLI use.

mod pdf_common;

use std::io::Write;
use std::path::{Path, PathBuf};

use inspection_tracker::read::{read_bytes, read_file, ReadError};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// Writes `bytes` as `name` in a fresh folder and reads it back as the app would.
fn read_as(name: &str, bytes: &[u8]) -> Result<String, ReadError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    read_file(&path).map(|d| d.text)
}

fn message(name: &str, bytes: &[u8]) -> String {
    match read_as(name, bytes) {
        Ok(text) => panic!("{name}: read as text: {:?}", &text[..text.len().min(80)]),
        Err(e) => {
            let m = e.to_string();
            assert_eq!(m.lines().count(), 1, "one line: {m}");
            m
        }
    }
}

/// A one-page PDF with a correct cross-reference table; `trailer_extra` goes into the
/// trailer dictionary and `extra_objects` are numbered after the three page objects.
fn pdf(extra_objects: &[&str], trailer_extra: &str) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".to_string(),
    ];
    objects.extend(extra_objects.iter().map(|s| s.to_string()));
    pdf_common::pdf_bytes(&objects, trailer_extra)
}

/// A zip holding the given (name, content) entries.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    for (name, content) in entries {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(content).unwrap();
    }
    z.finish().unwrap();
    out.into_inner()
}

#[test]
fn an_empty_file() {
    assert_eq!(message("report.pdf", b""), "the file is empty");
    assert_eq!(message("report.docx", b""), "the file is empty");
}

#[test]
fn a_file_with_only_white_space() {
    let m = message("report.txt", b" \n\r\n\t \x0c ");
    assert_eq!(m, "no text found in the text file");
}

#[test]
fn images_say_what_they_are_whatever_the_name() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    let m = message("report.pdf", png);
    assert_eq!(
        m,
        "this looks like a PNG image, not a report; import a PDF, Word (.docx), HTML or text file"
    );
    assert!(message("scan.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0").contains("a JPEG image"));
    assert!(message("report.docx", b"GIF89a\x01\0\x01\0\0\0\0").contains("a GIF image"));
}

#[test]
fn an_encrypted_pdf() {
    // RC4 40-bit (V1 R2) with the user password "secret": the empty password fails.
    let encrypt = "<< /Filter /Standard /V 1 /R 2 \
        /O <92fe0f4454ad4c9644693f33c07cb54f587dce1e2682fe9ecea6107a1ef630dd> \
        /U <902d6c0d6b77adef97ca1c71e49308c613b917b2ad6ef711a0cb410737994360> /P -4 >>";
    let id = "<30313233343536373839616263646566>";
    let bytes = pdf(&[encrypt], &format!("/Encrypt 4 0 R /ID [{id} {id}]"));
    assert_eq!(
        message("report.pdf", &bytes),
        "the PDF is encrypted (password-protected); save an unprotected copy and import that"
    );
}

#[test]
fn a_pdf_without_text_is_probably_a_scan() {
    let m = message("scan.pdf", &pdf(&[], ""));
    assert_eq!(
        m,
        "no text found in the pdf file (a scanned PDF holds only page images; it needs text \
         recognition first)"
    );
}

#[test]
fn damaged_pdfs() {
    let whole = std::fs::read(fixtures().join("pdf/003_58c395879ae4d1eb.pdf")).unwrap();
    for cut in [20, 200, whole.len() / 3] {
        let m = message("report.pdf", &whole[..cut]);
        assert!(
            m.starts_with("the PDF is damaged and cannot be read")
                || m.starts_with("the pdf reader failed on this file")
                || m.starts_with("no text found in the pdf file"),
            "cut at {cut}: {m}"
        );
    }
    let m = message(
        "report.pdf",
        b"%PDF-1.7\nthis is not really a PDF at all\n%%EOF\n",
    );
    assert!(m.starts_with("the PDF is damaged"), "{m}");
}

#[test]
fn zips_that_are_not_word_documents() {
    let m = message("report.pdf", &zip(&[("notes.txt", b"hello")]));
    assert_eq!(
        m,
        "this looks like a zip archive, not a report; import a PDF, Word (.docx), HTML or text file"
    );
    // Named as Word: the Word reader says what is missing.
    let m = message("report.docx", &zip(&[("notes.txt", b"hello")]));
    assert_eq!(
        m,
        "this is not a Word document that can be read (it has no word/document.xml)"
    );
    let m = message(
        "report.docx",
        &zip(&[
            ("[Content_Types].xml", b"<x/>"),
            ("xl/workbook.xml", b"<x/>"),
        ]),
    );
    assert!(m.contains("an Excel workbook"), "{m}");
    let m = message(
        "report.zip",
        b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    );
    assert!(m.contains("an empty zip archive"), "{m}");
}

#[test]
fn a_word_zip_without_its_document() {
    let m = message("report.docx", &zip(&[("word/styles.xml", b"<w:styles/>")]));
    assert_eq!(
        m,
        "this is not a Word document that can be read (it has no word/document.xml)"
    );
}

#[test]
fn truncated_word_documents() {
    let whole = std::fs::read(fixtures().join("docx/003_58c395879ae4d1eb.docx")).unwrap();
    for cut in [40, whole.len() / 2, whole.len() - 30] {
        let m = message("report.docx", &whole[..cut]);
        assert!(
            m.starts_with("this is not a Word document that can be read"),
            "cut at {cut}: {m}"
        );
    }
}

#[test]
fn damaged_word_xml() {
    let bytes = zip(&[(
        "word/document.xml",
        b"<w:document><w:body><w:p><w:t>x</w:p></w:body>",
    )]);
    let m = message("report.docx", &bytes);
    assert!(
        m.starts_with("this is not a Word document that can be read (damaged XML"),
        "{m}"
    );
}

#[test]
fn binary_junk() {
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let m = message("report.txt", &junk);
    assert!(m.contains("binary data"), "{m}");
}

#[test]
fn a_missing_file_names_the_path() {
    let err = read_file(Path::new("/nonexistent/folder/report.pdf")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/nonexistent/folder/report.pdf: "),
        "{err}"
    );
}

#[test]
fn read_bytes_agrees_with_read_file() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(
        read_bytes(png, Some("a.pdf")).unwrap_err().to_string(),
        message("a.pdf", png)
    );
}
