//! Where an action's due date came from, as stored in `actions.due_date_source`: the
//! due-date rule gives the first three (the report, the open-ended default, the next
//! inspection), the plan the other two (a person's override, or no date yet). One type for
//! both, so nothing converts between two lists of the same words.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DueDateSource {
    /// The report's timeframe.
    Report,
    /// The configured default for open-ended recommendations.
    Default,
    /// The next inspection's date.
    NextInspection,
    /// Set by a person, with a reason.
    Override,
    /// No date yet.
    Waiting,
}

impl DueDateSource {
    pub const ALL: [DueDateSource; 5] = [
        DueDateSource::Report,
        DueDateSource::Default,
        DueDateSource::NextInspection,
        DueDateSource::Override,
        DueDateSource::Waiting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DueDateSource::Report => "report",
            DueDateSource::Default => "default",
            DueDateSource::NextInspection => "next_inspection",
            DueDateSource::Override => "override",
            DueDateSource::Waiting => "waiting",
        }
    }

    pub fn parse(s: &str) -> Option<DueDateSource> {
        DueDateSource::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True when the report did not set the date (show it as a default, editable).
    pub fn is_default(self) -> bool {
        self != DueDateSource::Report
    }
}
