//! Area SEND inspections (joint Ofsted and CQC inspections of a local area partnership,
//! 2023 framework): the area, the dates of this and the previous inspection, the outcome
//! (one of three), when the next inspection comes, whether a priority action plan is
//! required, and the areas for priority action (each with its responsible body) and for
//! improvement.
//!
//! The framework fixes the wording of the outcome box ("Area SEND framework and
//! handbook", Ofsted and CQC, 2023), so the outcome and the next inspection are read from
//! those sentences; the lists are read by their layout (see [`actions`]).

mod actions;
mod facts;

use super::lines::Doc;
use crate::{Judgement, Report, ReportKind};

/// The judgement's area name and the three outcomes' grade words, best first.
pub const OUTCOME_AREA: &str = "Inspection outcome";
pub const OUTCOMES: [&str; 3] = [
    "Typically positive experiences and outcomes",
    "Inconsistent experiences and outcomes",
    "Widespread and/or systemic failings",
];

pub(super) fn extract(doc: &Doc) -> Report {
    let f = facts::extract(doc);
    let outcome = facts::outcome(doc);
    let next_inspection = facts::next_inspection(doc);
    Report {
        kind: ReportKind::AreaSend,
        local_authority: f.local_authority,
        inspection_start: f.inspection_start,
        inspection_end: f.inspection_end,
        // These reports print no publication date.
        published: None,
        lead_inspector: f.lead_inspector,
        judgements: outcome
            .map(|o| Judgement {
                section: String::new(),
                area: OUTCOME_AREA.to_string(),
                grade: OUTCOMES[o - 1].to_string(),
            })
            .into_iter()
            .collect(),
        recommendations: actions::extract(doc),
        previous_inspection_start: f.previous.map(|p| p.0),
        previous_inspection_end: f.previous.map(|p| p.1),
        next_inspection,
        priority_action_plan_required: outcome == Some(3) || facts::plan_required(doc),
    }
}
