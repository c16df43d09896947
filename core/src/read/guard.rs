//! Third-party parsers can panic on hostile input; a panic must become a `ReadError`, never
//! take the app down.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::{Format, ReadError};

/// Runs `parse`, turning a panic into [`ReadError::ParserPanic`]. The default panic hook
/// still prints the message to stderr, which is useful in a bug report.
pub(crate) fn guarded<T>(
    format: Format,
    parse: impl FnOnce() -> Result<T, ReadError>,
) -> Result<T, ReadError> {
    // AssertUnwindSafe: everything `parse` touches is dropped with it on a panic.
    match catch_unwind(AssertUnwindSafe(parse)) {
        Ok(result) => result,
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(ReadError::ParserPanic {
                format,
                detail: first_line(&detail),
            })
        }
    }
}

/// Keeps the message to one short line.
fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    line.chars().take(160).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_becomes_error() {
        let err = guarded::<()>(Format::Pdf, || panic!("boom\nsecond line")).unwrap_err();
        assert!(matches!(
            err,
            ReadError::ParserPanic {
                format: Format::Pdf,
                ..
            }
        ));
        assert_eq!(
            err.to_string(),
            "the pdf reader failed on this file (an internal error: boom)"
        );
    }

    #[test]
    fn result_passes_through() {
        assert_eq!(guarded(Format::Text, || Ok(3)).unwrap(), 3);
    }
}
