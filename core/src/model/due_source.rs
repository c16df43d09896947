//! Where an action's due date came from, as stored in `actions.due_date_source`: the
//! schedule's three sources plus the plan's own two (a person's override, or no date yet).

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
}

impl From<DueSource> for DueDateSource {
    fn from(s: DueSource) -> Self {
        match s {
            DueSource::Report => DueDateSource::Report,
            DueSource::Default => DueDateSource::Default,
            DueSource::NextInspection => DueDateSource::NextInspection,
        }
    }
}

/// Where a due date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueSource {
    /// The report's own timeframe ("within three months", "immediately").
    Report,
    /// The configured default for open-ended recommendations (a number of months).
    Default,
    /// The configured default "by the next inspection", using the next inspection's date.
    NextInspection,
}

impl DueSource {
    /// True when the report did not set the date (show it as a default, editable).
    pub fn is_default(self) -> bool {
        self != DueSource::Report
    }
}
