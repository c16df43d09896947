//! Where a report's plan stands in its council's timeline (the rule that gives it is
//! [`crate::plan::timeline`]), and the decisions a person makes on an earlier plan's open
//! actions.

use serde::Serialize;
use ts_rs::TS;

/// Where a report's plan stands, as at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PlanState {
    Current,
    /// A later inspection of the authority is in; a person has not yet decided on every
    /// open action.
    AwaitingDecision,
    Closed,
}

impl PlanState {
    pub const ALL: [PlanState; 3] = [
        PlanState::Current,
        PlanState::AwaitingDecision,
        PlanState::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PlanState::Current => "current",
            PlanState::AwaitingDecision => "awaiting_decision",
            PlanState::Closed => "closed",
        }
    }
}

/// The three decisions on an earlier plan's open action, by the names the review sends
/// (`ActionDecision`'s `decision` tag in [`crate::plan::timeline`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionKind {
    CarriedForward,
    Completed,
    ClosedAsOvertaken,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 3] = [
        DecisionKind::CarriedForward,
        DecisionKind::Completed,
        DecisionKind::ClosedAsOvertaken,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::CarriedForward => "carried_forward",
            DecisionKind::Completed => "completed",
            DecisionKind::ClosedAsOvertaken => "closed_as_overtaken",
        }
    }
}
