//! Text → [`Report`]: the report's facts, judgements and every
//! recommendation. Works on structure only (headings, lists, labels, tables), so it
//! generalises to reports it has never seen; it never panics, whatever the input.

mod area_send;
pub mod authority;
pub mod dates;
pub mod facts;
pub mod grades;
pub mod headings;
pub mod judgements;
pub mod kind;
pub mod lines;
mod list_reader;
pub mod recommendations;
pub mod refusal;
pub mod timeframe;
mod wording;

use crate::{Report, ReportKind};

/// Extract everything the app needs from a report's plain text.
pub fn extract(text: &str) -> Report {
    let doc = lines::Doc::new(text);
    let kind = kind::detect(&doc);
    if kind == ReportKind::AreaSend {
        return area_send::extract(&doc);
    }
    let f = facts::extract(&doc, kind);
    Report {
        kind,
        local_authority: f.local_authority,
        inspection_start: f.inspection_start,
        inspection_end: f.inspection_end,
        published: f.published,
        lead_inspector: f.lead_inspector,
        judgements: judgements::extract(&doc, kind),
        recommendations: recommendations::extract(&doc, kind),
        previous_inspection_start: None,
        previous_inspection_end: None,
        next_inspection: None,
        priority_action_plan_required: false,
    }
}
