//! PDF: text by page from `pdf-extract` (pure Rust, on `lopdf`), then tidied by
//! [`super::pdf_layout`] into the line structure the other readers give.
//!
//! Pages are extracted on all the machine's cores: nearly all of pdf-extract's time is
//! spent per page (it sets up every font again on each page), and pages share only the
//! parsed document, which is read-only. The pages are exactly those
//! `pdf_extract::extract_text_from_mem_by_pages` gives.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use pdf_extract::{Document, OutputError, PlainTextOutput};

use super::guard::guarded;
use super::{pdf_layout, Format, ReadError};

pub(crate) fn read(bytes: &[u8]) -> Result<String, ReadError> {
    let threads = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let pages = guarded(Format::Pdf, || page_texts(bytes, threads))?;
    Ok(pdf_layout::tidy(&pages))
}

/// Each page's text, on up to `threads` threads. Like pdf-extract's own loop, the text
/// stops before the first page it cannot read, and a panic on a page before that one is
/// the result.
fn page_texts(bytes: &[u8], threads: usize) -> Result<Vec<String>, ReadError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| to_read_error(e.into()))?;
    // As pdf-extract does: the empty password opens files locked only against printing or
    // copying; any other encryption is an error.
    if doc.is_encrypted() {
        doc.decrypt("").map_err(|e| to_read_error(e.into()))?;
    }
    let count = doc.get_pages().len();
    // Index of the first page found unreadable so far: no later page is worth extracting.
    let stop = AtomicUsize::new(usize::MAX);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count || i > stop.load(Ordering::Relaxed) {
                return done;
            }
            // Caught per page, so a panic keeps its own message and the other pages go on.
            let outcome = guarded(Format::Pdf, || Ok(page_text(&doc, i as u32 + 1)));
            if !matches!(outcome, Ok(Ok(_))) {
                stop.fetch_min(i, Ordering::Relaxed);
            }
            done.push((i, outcome));
        }
    };
    let mut slots: Vec<Option<_>> = (0..count).map(|_| None).collect();
    thread::scope(|s| {
        let helpers: Vec<_> = (1..threads.min(count)).map(|_| s.spawn(work)).collect();
        let mut done = work();
        for helper in helpers {
            // Pages catch their own panics; anything else goes on to the caller's `guarded`.
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        for (i, outcome) in done {
            slots[i] = Some(outcome);
        }
    });
    let mut texts = Vec::with_capacity(count);
    // Every page before the first unreadable one was done; the pages skipped come after it.
    for outcome in slots.into_iter().map_while(|slot| slot) {
        match outcome? {
            Ok(text) => texts.push(text),
            Err(_) => break,
        }
    }
    Ok(texts)
}

/// One page (numbered from 1), as `pdf_extract::extract_text_from_mem_by_pages` gives it.
fn page_text(doc: &Document, page: u32) -> Result<String, OutputError> {
    let mut text = String::new();
    pdf_extract::output_doc_page(doc, &mut PlainTextOutput::new(&mut text), page)?;
    Ok(text)
}

fn to_read_error(e: OutputError) -> ReadError {
    let detail = e.to_string();
    if detail.to_lowercase().contains("decrypt") || detail.to_lowercase().contains("encrypt") {
        ReadError::EncryptedPdf
    } else {
        ReadError::DamagedPdf { detail }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use pdf_extract::{dictionary, Object, Stream};

    use super::*;

    #[test]
    fn garbage_after_a_pdf_header_is_a_damaged_pdf() {
        let err = read(b"%PDF-1.7\n this is not really a pdf").unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::DamagedPdf { .. } | ReadError::ParserPanic { .. }
            ),
            "{err:?}"
        );
    }

    /// pdf-extract's own sequential reading, which `page_texts` must match exactly.
    fn sequential(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
        guarded(Format::Pdf, || {
            pdf_extract::extract_text_from_mem_by_pages(bytes).map_err(to_read_error)
        })
    }

    fn on_threads(bytes: &[u8], threads: usize) -> Result<Vec<String>, ReadError> {
        guarded(Format::Pdf, || page_texts(bytes, threads))
    }

    /// The five reference PDFs, and every 20th of the real ones when that corpus is here.
    fn sample_pdfs() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let sorted_pdfs = |dir: PathBuf| {
            let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
                .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
                .unwrap_or_default();
            v.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
            v.sort();
            v
        };
        let mut pdfs = sorted_pdfs(root.join("../tests/fixtures/pdf"));
        assert_eq!(pdfs.len(), 5, "the five reference PDFs");
        let real = sorted_pdfs(root.join("../../shared/reports/real"));
        pdfs.extend(real.into_iter().step_by(20));
        pdfs
    }

    #[test]
    fn pages_on_several_threads_are_pdf_extracts_pages() {
        for path in sample_pdfs() {
            let bytes = std::fs::read(&path).unwrap();
            let want = format!("{:?}", sequential(&bytes));
            for threads in [1, 2, 3] {
                let got = format!("{:?}", on_threads(&bytes, threads));
                assert!(got == want, "{} on {threads} threads", path.display());
            }
        }
    }

    /// Three pages saying "one", "two", "three"; `no_media_box` leaves that page (from 1)
    /// without the MediaBox pdf-extract insists on, which makes it panic there.
    fn three_pages(no_media_box: Option<u32>) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let mut kids = Vec::new();
        for (n, word) in ["one", "two", "three"].into_iter().enumerate() {
            let content = format!("BT /F1 12 Tf 72 720 Td ({word}) Tj ET");
            let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
            let mut page = dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            };
            if no_media_box != Some(n as u32 + 1) {
                page.set("MediaBox", vec![0.into(), 0.into(), 612.into(), 792.into()]);
            }
            kids.push(Object::Reference(doc.add_object(page)));
        }
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Count" => 3, "Kids" => kids }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn every_page_comes_back_in_order() {
        let bytes = three_pages(None);
        let want = sequential(&bytes).unwrap();
        assert_eq!(want.len(), 3);
        assert!(want[2].contains("three"), "{want:?}");
        for threads in [1, 2, 3, 4] {
            assert_eq!(on_threads(&bytes, threads).unwrap(), want);
        }
    }

    #[test]
    fn a_panic_on_one_page_is_a_parser_panic_as_before() {
        for page in [1, 2, 3] {
            let bytes = three_pages(Some(page));
            let want = sequential(&bytes);
            assert!(
                matches!(&want, Err(ReadError::ParserPanic { detail, .. }) if detail == "MediaBox"),
                "{want:?}"
            );
            for threads in [1, 2, 3] {
                assert_eq!(
                    format!("{:?}", on_threads(&bytes, threads)),
                    format!("{want:?}")
                );
            }
        }
    }
}
