//! A file on disk → what it would import as: its name, SHA-256, format, text and the
//! extracted report. One path for the CLI and the desktop app, so both hash and read a
//! file the same way.

use std::path::Path;

use crate::extract::extract;
use crate::plan::import::sha256_hex;
use crate::read::{read_bytes, read_file_bytes, Format};
use crate::{Report, Result};

/// A read and extracted report file; nothing stored yet.
#[derive(Debug, Clone)]
pub struct Intake {
    pub source_name: String,
    pub sha256: String,
    pub format: Format,
    pub text: String,
    pub report: Report,
}

/// Reads `path` (refusing files over [`crate::read::MAX_INPUT_BYTES`]), hashes it and
/// extracts it.
pub fn intake(path: &Path) -> Result<Intake> {
    let bytes = read_file_bytes(path)?;
    let source_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let doc = read_bytes(&bytes, Some(&source_name))?;
    let report = extract(&doc.text);
    // A file that reads but is no report (a saved error page) is refused before any write.
    crate::extract::refusal::check(&doc, &report)?;
    Ok(Intake {
        source_name,
        sha256: sha256_hex(&bytes),
        format: doc.format,
        text: doc.text,
        report,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_report_is_read_hashed_and_extracted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letter.txt");
        std::fs::write(&path, "Areas for development\n\n• Improve plans.\n").unwrap();
        let got = intake(&path).unwrap();
        assert_eq!(got.source_name, "letter.txt");
        assert_eq!(got.format, Format::Text);
        assert_eq!(got.sha256.len(), 64);
        assert_eq!(got.sha256, sha256_hex(&std::fs::read(&path).unwrap()));
    }

    #[test]
    fn a_missing_file_names_the_path() {
        let err = intake(Path::new("/no/such/report.pdf")).unwrap_err();
        assert!(err.to_string().contains("/no/such/report.pdf"), "{err}");
    }
}
