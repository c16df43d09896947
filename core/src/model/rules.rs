//! The settings the date and RAG rules take: which date timeframes count from, what an
//! open-ended recommendation is given, and when an action turns amber. The rules themselves
//! are in [`crate::schedule`]; the user's choices are stored by [`crate::plan::settings`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Months after the base date used when nothing better is known for an open-ended
/// recommendation.
pub const DEFAULT_OPEN_ENDED_MONTHS: u32 = 12;

/// Which date a recommendation's timeframe counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseDateRule {
    /// The last day of the inspection (what most councils' plans count from).
    #[default]
    LastDayOfInspection,
    /// The report's publication date (or the date of the letter).
    Publication,
}

/// The due date given to "longer term" and unheaded recommendations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenEndedRule {
    /// A fixed number of calendar months after the base date.
    MonthsAfterBase(u32),
    /// The next inspection's date; 12 months after the base date while none is known.
    ByNextInspection,
}

impl Default for OpenEndedRule {
    fn default() -> Self {
        OpenEndedRule::MonthsAfterBase(DEFAULT_OPEN_ENDED_MONTHS)
    }
}

/// The council's convention for rating an action: the three in common use. Each is defined
/// in words by [`crate::labels::rag_key`], which the board paper prints as its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RagRule {
    /// By the due date and progress: red when overdue, amber when blocked or due soon with
    /// little progress, else green.
    #[default]
    DueDateAndProgress,
    /// By the share of the action complete.
    PercentComplete,
    /// By the risk to delivery as the action's owner judges it.
    OwnerRisk,
}

impl RagRule {
    pub const ALL: [RagRule; 3] = [
        RagRule::DueDateAndProgress,
        RagRule::PercentComplete,
        RagRule::OwnerRisk,
    ];

    /// The name the setting takes (`rag_rule`).
    pub fn as_str(self) -> &'static str {
        match self {
            RagRule::DueDateAndProgress => "due_date_and_progress",
            RagRule::PercentComplete => "percent_complete",
            RagRule::OwnerRisk => "owner_risk",
        }
    }

    pub fn parse(s: &str) -> Option<RagRule> {
        let s = s.trim().to_lowercase().replace([' ', '-'], "_");
        RagRule::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// By percentage complete: this much or more is green.
pub const PERCENT_GREEN: u8 = 75;
/// By percentage complete: this much or more (below green) is amber; less is red.
pub const PERCENT_AMBER: u8 = 25;

/// Settings for the RAG rule ([`crate::schedule::rag()`]), stored with the user's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RagSettings {
    /// Days before the due date in which a little-progressed action turns amber.
    pub amber_window_days: u32,
    /// Progress (per cent) below which an action inside the window is amber.
    pub amber_progress_below: u8,
    /// Which convention rates the actions.
    pub rule: RagRule,
}

impl Default for RagSettings {
    fn default() -> Self {
        RagSettings {
            amber_window_days: 14,
            amber_progress_below: 50,
            rule: RagRule::DueDateAndProgress,
        }
    }
}
