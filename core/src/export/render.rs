//! What a document-writing library's failure becomes, for every export that uses one.

use crate::Error;

/// An error from a document-writing library, as the crate's error.
pub(crate) fn render_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("could not write the {what}: {e}"))
}
