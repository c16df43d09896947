//! The domain's types, at the bottom of the core: what a report says (its facts,
//! judgements and recommendations, each with its [`Timeframe`]), an action's status and RAG
//! rating, where a due date came from, and the settings the date rules take.
//!
//! Nothing here imports from the rest of the crate, so every layer above (read, extract,
//! schedule, store, plan, export) can use these types without pulling in another layer.
//! Rules that give these values live with their layer: the timeframe parser in
//! [`crate::extract::timeframe`], due dates and RAG in [`crate::schedule`].

pub mod due_source;
pub mod overdue;
pub mod report;
pub mod rules;
pub mod status;
pub mod team_role;
pub mod timeframe;
pub mod timeline;

pub use due_source::DueDateSource;
pub use overdue::OverdueBand;
pub use report::{
    AreaSendFacts, Judgement, Recommendation, Report, ReportKind, StatedInspectionKind,
    StatedNextInspection,
};
pub use rules::{BaseDateRule, OpenEndedRule, RagRule, RagSettings, DEFAULT_OPEN_ENDED_MONTHS};
pub use status::{ActionStatus, Rag};
pub use team_role::{Capability, Permissions, TeamRole};
pub use timeframe::Timeframe;
pub use timeline::{DecisionKind, PlanState};
