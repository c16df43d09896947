//! The written statement of action: the action plan as sent to the inspectorate, in the
//! shape Ofsted reviews. Each recommendation verbatim, under its report and section, then
//! its actions (what will be done, who, by when, the measure of success), their progress
//! and the evidence of impact kept.

use super::board_paper::report_label;
use super::data::{ExportAction, ExportData, StatementItem};
use super::docx::{self, Cell};
use crate::labels;
use crate::plan::summary::ReportSummary;
use crate::Result;

pub const TITLE: &str = "Written statement of action";
/// The title when every report in it is an area SEND inspection: the partnership's plan
/// answers the areas for priority action.
pub const AREA_SEND_TITLE: &str = "Priority action plan (area SEND)";

/// The table under each recommendation (header, share of the width).
pub const ACTION_COLUMNS: [(&str, usize); 4] = [
    ("What will be done", 6),
    ("Who", 3),
    ("By when", 3),
    ("Measure of success", 6),
];

/// The lead-ins of the lines under each recommendation's table.
pub const PROGRESS: &str = "Progress:";
pub const EVIDENCE: &str = "Evidence of impact:";

pub fn render(data: &ExportData) -> Result<Vec<u8>> {
    build(data, &data.statement)
}

fn build(data: &ExportData, items: &[StatementItem]) -> Result<Vec<u8>> {
    let authorities = data.authorities();
    let authority = if authorities.is_empty() {
        "Not recorded".to_string()
    } else {
        authorities.join(", ")
    };
    let as_at = labels::long_date(data.as_of);
    // Every report in scope an area SEND one: the plan is the partnership's priority plan.
    let area_send = !items.is_empty()
        && items.iter().all(|i| {
            data.report(&i.recommendation.report_id)
                .is_some_and(|r| r.kind == crate::ReportKind::AreaSend)
        });
    let title = if area_send { AREA_SEND_TITLE } else { TITLE };
    let mut doc = docx::new_document(&format!("{authority}: {}", title.to_lowercase()))
        .add_paragraph(docx::title(title))
        .add_paragraph(docx::labelled("Authority:", &authority))
        .add_paragraph(docx::labelled("Prepared:", &as_at))
        .add_paragraph(docx::labelled("Prepared by:", &data.prepared_by));
    if items.is_empty() {
        doc = doc.add_paragraph(docx::para(
            "No recommendations match this statement's scope.",
        ));
    }
    let mut current_report: Option<&str> = None;
    let mut current_section: Option<&str> = None;
    for item in items {
        let rec = &item.recommendation;
        if current_report != Some(rec.report_id.as_str()) {
            current_report = Some(&rec.report_id);
            current_section = None;
            if let Some(report) = data.report(&rec.report_id) {
                doc = doc.add_paragraph(docx::heading1(&report_label(report)));
                for line in report_facts(report) {
                    doc = doc.add_paragraph(line);
                }
            }
        }
        if current_section != Some(rec.section.as_str()) {
            current_section = Some(&rec.section);
            doc = doc.add_paragraph(docx::heading2(&rec.section));
        }
        let mut heading = format!("Recommendation {}", rec.position + 1);
        if let Some(p) = rec.paragraph {
            heading.push_str(&format!(" (paragraph {p})"));
        }
        if let Some(t) = &rec.timeframe {
            heading.push_str(&format!(" – {t}"));
        }
        // The recommendation stays on the page of its actions' table.
        doc = doc
            .add_paragraph(docx::labelled(&heading, "").keep_next(true))
            .add_paragraph(docx::para(&rec.text).keep_next(true));
        let rows: Vec<Vec<Cell>> = item
            .actions
            .iter()
            .map(|&i| {
                let a = &data.actions[i];
                // A draft is still the recommendation's words, printed in full just above:
                // say so rather than print them twice.
                let mut action = if a.item.draft {
                    format!(
                        "Not yet written ({}): until then, the recommendation above",
                        labels::DRAFT_MARKER
                    )
                } else {
                    a.item.title.clone()
                };
                if let Some(p) = &a.item.lead_partner {
                    action.push_str(&format!("\nLead partner: {p}"));
                }
                if let Some(p) = &a.extra.partner_agency {
                    action.push_str(&format!("\nWith: {p}"));
                }
                vec![
                    Cell::text(action),
                    Cell::text(a.item.owner.as_deref().unwrap_or("To be assigned")),
                    Cell::text(timescale(a, rec.timeframe.as_deref())),
                    Cell::text(
                        a.extra
                            .measure_of_success
                            .as_deref()
                            .unwrap_or("To be agreed"),
                    ),
                ]
            })
            .collect();
        doc = if rows.is_empty() {
            doc.add_paragraph(docx::para("No action recorded yet."))
        } else {
            doc.add_table(docx::table(&ACTION_COLUMNS, &rows))
                .add_paragraph(docx::gap())
        };
        let several = item.actions.len() > 1;
        for (n, &i) in item.actions.iter().enumerate() {
            let a = &data.actions[i];
            let which = if several {
                format!(" (action {})", n + 1)
            } else {
                String::new()
            };
            doc = doc
                .add_paragraph(docx::labelled(
                    &format!("{}{which}:", PROGRESS.trim_end_matches(':')),
                    &progress(a),
                ))
                .add_paragraph(docx::labelled(
                    &format!("{}{which}:", EVIDENCE.trim_end_matches(':')),
                    &evidence(a),
                ));
        }
    }
    doc = super::repeat_findings::add_section(doc, &data.repeat_findings);
    docx::pack(doc)
}

fn report_facts(r: &ReportSummary) -> Vec<docx_rs::Paragraph> {
    let mut out = Vec::new();
    if let Some(d) = r.inspection_end {
        out.push(docx::labelled("Inspection ended:", &labels::long_date(d)));
    }
    if let Some(d) = r.received {
        out.push(docx::labelled("Report received:", &labels::long_date(d)));
    }
    if r.kind == crate::ReportKind::AreaSend {
        if let Some(j) = r.judgements.iter().find(|j| j.area == "Inspection outcome") {
            out.push(docx::labelled("Inspection outcome:", &j.grade));
        }
        if let Some(d) = r.action_plan_deadline {
            // Entered by the council from Ofsted's letter: the report does not print it.
            out.push(docx::labelled(
                "Priority action plan due:",
                &labels::long_date(d),
            ));
        }
    } else if let Some(d) = r.action_plan_deadline {
        out.push(docx::labelled(
            "Statement due (70 working days from receipt):",
            &labels::long_date(d),
        ));
    }
    out
}

/// "By 14 January 2012 (Within three months)", with the date first set and the reason
/// when it has moved.
fn timescale(a: &ExportAction, timeframe: Option<&str>) -> String {
    let i = &a.item;
    let mut out = match (i.due_date, timeframe) {
        (Some(d), Some(t)) => format!("By {}\n({t})", labels::long_date(d)),
        (Some(d), None) => format!("By {}", labels::long_date(d)),
        (None, Some(t)) => t.to_string(),
        (None, None) => "To be agreed".into(),
    };
    if i.rescheduled() {
        out.push_str(&format!(
            "\nFirst set for {}; moved: {}",
            labels::opt_short_date(i.original_due_date),
            i.due_date_reason.as_deref().unwrap_or("no reason recorded")
        ));
    }
    out
}

/// "In progress, 60% complete. 12 Jan 2012: … (Designated Nurse)".
fn progress(a: &ExportAction) -> String {
    let i = &a.item;
    let mut s = if i.status == crate::model::ActionStatus::Completed {
        match a.extra.completed_on {
            Some(d) => format!("Completed on {}.", labels::long_date(d)),
            None => "Completed.".into(),
        }
    } else {
        format!("{}, {}% complete.", labels::status(i.status), i.progress)
    };
    if let Some(n) = &a.extra.latest_note {
        s.push_str(&format!(
            " Latest update ({}): {}",
            labels::short_date(n.written_on),
            n.text
        ));
    }
    s
}

/// Each piece of evidence kept, with what it shows.
fn evidence(a: &ExportAction) -> String {
    if a.extra.evidence.is_empty() {
        return "None kept yet.".into();
    }
    a.extra
        .evidence
        .iter()
        .map(|e| match &e.summary {
            Some(s) => format!("{s} ({})", e.name),
            None => format!("{} (no summary given)", e.name),
        })
        .collect::<Vec<_>>()
        .join("\n")
}
