//! PDF: text by page from `pdf-extract` (pure Rust, on `lopdf`), then tidied by
//! [`super::pdf_layout`] into the line structure the other readers give.

use super::guard::guarded;
use super::{pdf_layout, Format, ReadError};

pub(crate) fn read(bytes: &[u8]) -> Result<String, ReadError> {
    let pages = guarded(Format::Pdf, || {
        pdf_extract::extract_text_from_mem_by_pages(bytes).map_err(to_read_error)
    })?;
    Ok(pdf_layout::tidy(&pages))
}

fn to_read_error(e: pdf_extract::OutputError) -> ReadError {
    let detail = e.to_string();
    if detail.to_lowercase().contains("decrypt") || detail.to_lowercase().contains("encrypt") {
        ReadError::EncryptedPdf
    } else {
        ReadError::DamagedPdf { detail }
    }
}

#[cfg(test)]
mod tests {
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
}
