//! What every reader shares: the formats a report comes in and the size limit. Apart from
//! `mod.rs` so the readers can use them without a loop back through the dispatcher.

/// Files larger than this are refused before being read: no real report comes close
/// (the largest Ofsted PDFs are a few MB), and it keeps memory use bounded.
pub const MAX_INPUT_BYTES: u64 = 100 * 1024 * 1024;

/// The kind of file a report was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Html,
    Pdf,
    Docx,
}

impl Format {
    /// The stable lower-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
