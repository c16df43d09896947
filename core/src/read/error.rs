//! Why a file could not be read: one variant per thing a person can act on, each with a
//! one-line message that says what is wrong with the file rather than how the parser failed.

use super::Format;

/// Why a file could not be read as a report.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,

    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("the file is {} MB; the limit is {} MB", mb(*bytes), mb(super::MAX_INPUT_BYTES))]
    TooLarge { bytes: u64 },

    /// Content that is recognisably something other than a report (an image, an archive).
    #[error("this looks like {what}, not a report; import a PDF, Word (.docx), HTML or text file")]
    Unsupported { what: &'static str },

    #[error("the PDF is encrypted (password-protected); save an unprotected copy and import that")]
    EncryptedPdf,

    #[error("the PDF is damaged and cannot be read ({detail})")]
    DamagedPdf { detail: String },

    #[error("this is not a Word document that can be read ({detail})")]
    NotWord { detail: String },

    #[error("the Word document is too large when unpacked (over {} MB of text markup)", mb(*limit))]
    WordTooLarge { limit: u64 },

    #[error("the HTML page is damaged and cannot be read ({detail})")]
    DamagedHtml { detail: String },

    #[error("no text found in the {format} file{}", no_text_hint(*format))]
    NoText { format: Format },

    /// Read, but not an inspection report: a saved web page, or a file of something else.
    /// `found` says what it is instead ("a web page ('Report not found - …')").
    #[error(
        "This is {found}, not an inspection report: it has no report title, inspection dates, \
         judgements or recommendations. Check that you chose the report itself (a download \
         can save an error page in its place)"
    )]
    NotAReport { found: String },

    #[error("the {format} reader failed on this file (an internal error: {detail})")]
    ParserPanic { format: Format, detail: String },
}

/// Whole megabytes for messages, rounded to nearest so "200 MB" reads as written.
fn mb(bytes: u64) -> u64 {
    (bytes + 512 * 1024) / (1024 * 1024)
}

fn no_text_hint(format: Format) -> &'static str {
    match format {
        Format::Pdf => " (a scanned PDF holds only page images; it needs text recognition first)",
        _ => "",
    }
}
