//! A recommendation's timeframe as a value: what the extractor finds under a heading, what
//! the store keeps (`timeframe_unit`/`timeframe_amount`), what the due-date rule counts and
//! what the review screen offers. The heading is parsed once, in
//! [`crate::extract::timeframe`]; nothing downstream reads the heading's words again.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A recommendation's timeframe, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "unit", content = "amount", rename_all = "snake_case")]
#[ts(export)]
pub enum Timeframe {
    /// "Immediately", "For immediate action", "Priority and immediate action".
    Immediate,
    Months(u32),
    Weeks(u32),
    Days(u32),
    /// "For action in the longer term": no fixed date.
    LongerTerm,
    /// No timeframe heading at all.
    Unspecified,
}

impl Timeframe {
    /// The timeframe in months where it has one (0 = immediately), as reports and the
    /// JSON output count it.
    pub fn months(self) -> Option<u32> {
        match self {
            Timeframe::Immediate => Some(0),
            Timeframe::Months(n) => Some(n),
            _ => None,
        }
    }

    /// True when the report fixes a date (so a due date is the report's, not a default).
    pub fn is_fixed(self) -> bool {
        !matches!(self, Timeframe::LongerTerm | Timeframe::Unspecified)
    }
}
