//! The readers never panic and never hang: arbitrary bytes under every kind of name,
//! bytes behind each format's magic number (so the PDF, Word and HTML parsers really
//! run), and damaged copies of the reference PDF and Word files. Every outcome is a
//! document with text or a `ReadError` with a one-line message.
//! With `fuzz_extract.rs` this runs over 100,000 cases.

use std::path::Path;
use std::sync::LazyLock;

use inspection_tracker::read::{read_bytes, Format};
use proptest::prelude::*;

/// `cases` in the normal test run, times `$SOAK_CASE_FACTOR` under `cargo xtask soak`.
fn config(cases: u32) -> ProptestConfig {
    let factor: f64 = std::env::var("SOAK_CASE_FACTOR")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1.0);
    ProptestConfig {
        cases: (f64::from(cases) * factor).round() as u32,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const NAMES: &[Option<&str>] = &[
    None,
    Some("report.pdf"),
    Some("report.docx"),
    Some("report.html"),
    Some("report.htm"),
    Some("report.txt"),
    Some("report"),
    Some(".docx"),
];

/// Reads and checks the outcome's shape; the extractor must take any text read.
fn check(bytes: &[u8], name: Option<&str>) {
    match read_bytes(bytes, name) {
        Ok(doc) => {
            assert!(!doc.text.trim().is_empty());
            let _ = inspection_tracker::extract::extract(&doc.text);
        }
        Err(e) => {
            let m = e.to_string();
            assert!(!m.is_empty() && m.lines().count() == 1, "{m:?}");
        }
    }
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(path),
    )
    .unwrap()
}

/// The starts of each format, so the PDF, Word, HTML and UTF-16 paths all run.
const MAGIC: &[&[u8]] = &[
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"<!DOCTYPE html><html><body>",
    b"<ul><li>",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
];

static PDF: LazyLock<Vec<u8>> = LazyLock::new(|| fixture("pdf/003_58c395879ae4d1eb.pdf"));
static DOCX: LazyLock<Vec<u8>> = LazyLock::new(|| fixture("docx/003_58c395879ae4d1eb.docx"));

/// Byte flips, a truncation and an inserted run: damage as a bad download or disk does.
fn damage(original: &[u8], flips: &[(usize, u8)], cut: Option<usize>, insert: &[u8]) -> Vec<u8> {
    let mut b = original.to_vec();
    for &(at, v) in flips {
        let n = b.len();
        if n > 0 {
            b[at % n] = v;
        }
    }
    if !insert.is_empty() {
        let at = flips.first().map_or(0, |f| f.0) % (b.len() + 1);
        b.splice(at..at, insert.iter().copied());
    }
    if let Some(c) = cut {
        b.truncate(c % (b.len() + 1));
    }
    b
}

proptest! {
    #![proptest_config(config(25_000))]
    #[test]
    fn arbitrary_bytes_under_any_name(
        bytes in proptest::collection::vec(any::<u8>(), 0..1024),
        name in proptest::sample::select(NAMES),
    ) {
        check(&bytes, name);
    }
}

proptest! {
    #![proptest_config(config(8_000))]
    #[test]
    fn bytes_behind_a_magic_number(
        magic in proptest::sample::select(MAGIC),
        tail in proptest::collection::vec(any::<u8>(), 0..512),
        text in "[ -~\n]{0,200}",
        name in proptest::sample::select(NAMES),
    ) {
        let mut bytes = magic.to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(&tail);
        check(&bytes, name);
    }
}

proptest! {
    #![proptest_config(config(5_000))]
    #[test]
    fn damaged_word_documents(
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..6),
        cut in proptest::option::of(any::<usize>()),
        insert in proptest::collection::vec(any::<u8>(), 0..16),
    ) {
        check(&damage(&DOCX, &flips, cut, &insert), Some("report.docx"));
    }
}

proptest! {
    #![proptest_config(config(3_000))]
    #[test]
    fn damaged_pdfs(
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..6),
        cut in proptest::option::of(any::<usize>()),
        insert in proptest::collection::vec(any::<u8>(), 0..16),
    ) {
        check(&damage(&PDF, &flips, cut, &insert), Some("report.pdf"));
    }
}

#[test]
fn the_undamaged_originals_read() {
    assert_eq!(read_bytes(&PDF, None).unwrap().format, Format::Pdf);
    assert_eq!(read_bytes(&DOCX, None).unwrap().format, Format::Docx);
}
