//! File → plain text with line structure kept; one reader per format.

/// Why a file could not be read as a report.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
}
