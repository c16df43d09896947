//! The words an action's state is told in: its status and its RAG rating.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionStatus {
    NotStarted,
    InProgress,
    Completed,
    Blocked,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Completed,
        ActionStatus::Blocked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Completed => "completed",
            ActionStatus::Blocked => "blocked",
        }
    }

    pub fn parse(s: &str) -> Option<ActionStatus> {
        // Exact stored names first: lists parse one per row.
        if let Some(k) = ActionStatus::ALL.into_iter().find(|k| k.as_str() == s) {
            return Some(k);
        }
        let s = s.trim().to_lowercase().replace([' ', '-'], "_");
        ActionStatus::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Red / amber / green, plus blue for completed, evidenced and signed off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rag {
    Red,
    Amber,
    Green,
    Blue,
}

impl Rag {
    pub const ALL: [Rag; 4] = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue];

    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
            Rag::Blue => "blue",
        }
    }

    pub fn parse(s: &str) -> Option<Rag> {
        let s = s.trim().to_lowercase();
        Rag::ALL.into_iter().find(|k| k.as_str() == s)
    }
}
