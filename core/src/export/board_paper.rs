//! The board paper: progress on the inspection action plan as at a date, as a Word
//! document a council can drop into its own template.
//!
//! Order, as a board reads it: a one-page summary ([`super::board_summary`]: position,
//! RAG counts with the key of the rule in force, the change since the previous paper, the
//! next inspection, what the board is asked to do); the exceptions
//! ([`super::board_exceptions`]: red, overdue, blocked and re-scheduled actions, each with
//! its owner, both due dates, the reason and the mitigation); the chart; then the full
//! plan as an appendix (RAG by report and section, and every action's progress).

use docx_rs::{Paragraph, Pic, Run};

use super::chart::{self, ChartInput};
use super::data::{ExportAction, ExportData, Note};
use super::docx::{self, Cell};
pub use super::words::{next_inspection_text, percent, report_label};
use super::{board_exceptions, board_summary};
use crate::labels;
use crate::plan::query::Filter;
use crate::plan::summary::Counts;
use crate::Result;

/// What an owner's cell says when nobody owns the action (short, so it never breaks).
pub const NO_OWNER: &str = "No owner";

/// The paper's title, also its first heading.
pub const TITLE: &str = "Inspection action plan: progress report";

/// Headings of the paper's sections (tests and readers find the tables by them).
pub const SUMMARY: &str = board_summary::SUMMARY;
pub const EXCEPTIONS: &str = board_exceptions::EXCEPTIONS;
pub const CHART: &str = "Progress over time";
pub const APPENDIX: &str = "Appendix: the full plan";
pub const RAG_SUMMARY: &str = "RAG summary by report and section";
pub const PROGRESS: &str = "Progress on every action";

pub fn render(data: &ExportData) -> Result<Vec<u8>> {
    let authority = authority_line(data);
    let as_at = labels::long_date(data.as_of);
    let mut doc = docx::new_document(&format!("{authority}: action plan progress as at {as_at}"))
        .add_paragraph(docx::title(TITLE))
        .add_paragraph(docx::labelled("Authority:", &authority))
        .add_paragraph(docx::labelled("Position as at:", &data.position_date()))
        .add_paragraph(docx::labelled("Prepared by:", &data.prepared_by));
    if let Some(scope) = describe_filter(&data.filter, data) {
        doc = doc.add_paragraph(docx::labelled("Scope:", &scope));
    }
    doc = board_summary::add(doc, data);
    doc = board_exceptions::add(doc, data);

    // The chart, with its alt text.
    let next = data.next_inspection();
    let input = ChartInput {
        counts: &data.counts,
        burn_up: &data.burn_up(),
        as_of: data.as_of,
        next_inspection: next,
    };
    let png = chart::render_png(&input)?;
    let alt = chart::alt_text(&input);
    // Twips to EMU: 635 per twip. The chart fills the text width.
    let width_emu = (docx::TEXT_WIDTH as u32) * 635;
    let height_emu = width_emu / chart::WIDTH * chart::HEIGHT;
    doc = doc
        .add_paragraph(docx::heading1(CHART))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_image(
            Pic::new_with_dimensions(png, chart::WIDTH, chart::HEIGHT).size(width_emu, height_emu),
        )))
        .add_paragraph(docx::para(
            "Figure: actions by RAG rating (left); actions completed against actions due, \
             cumulatively, on a date axis with the next inspection window shaded (right).",
        ));

    // Did the same weaknesses come up again? Before the appendix: members ask it first.
    doc = super::repeat_findings::add_section(doc, &data.repeat_findings);

    // The full plan, as an appendix.
    doc = doc
        .add_paragraph(docx::page_break())
        .add_paragraph(docx::heading1(APPENDIX))
        .add_paragraph(docx::heading2(RAG_SUMMARY))
        .add_table(rag_summary_table(data))
        .add_paragraph(docx::gap())
        .add_paragraph(docx::heading2(PROGRESS));
    if data.actions.is_empty() {
        doc = doc.add_paragraph(docx::para("No actions match this paper's scope."));
    }
    for report in data.reports_in_export() {
        let rows: Vec<Vec<Cell>> = data
            .actions
            .iter()
            .filter(|a| a.item.report_id == report.report_id)
            .map(progress_row)
            .collect();
        if rows.is_empty() {
            continue;
        }
        doc = doc
            .add_paragraph(docx::labelled(&report_label(report), ""))
            .add_table(docx::table(&PROGRESS_COLUMNS, &rows))
            .add_paragraph(docx::gap());
    }
    docx::pack_with_alt_texts(doc, &[alt])
}

/// The progress table's columns (header, share of the width).
pub const PROGRESS_COLUMNS: [(&str, usize); 7] = [
    ("Reference", 12),
    ("Action", 12),
    ("Owner", 8),
    ("Due", 8),
    ("Status", 7),
    ("RAG", 6),
    ("Latest update", 11),
];

fn authority_line(data: &ExportData) -> String {
    let all = data.authorities();
    if all.is_empty() {
        "Not recorded".into()
    } else {
        all.join(", ")
    }
}

/// The filter in words, or `None` for the whole plan.
fn describe_filter(f: &Filter, data: &ExportData) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(id) = &f.report_id {
        let name = data
            .report(id.trim())
            .map(report_label)
            .unwrap_or_else(|| format!("report {id}"));
        parts.push(name);
    }
    if let Some(s) = &f.section {
        parts.push(format!("sections matching \u{201c}{}\u{201d}", s.trim()));
    }
    if let Some(o) = &f.owner {
        parts.push(format!("owner {}", o.trim()));
    }
    if let Some(s) = f.status {
        parts.push(format!("status {}", labels::status(s).to_lowercase()));
    }
    if let Some(r) = f.rag {
        parts.push(format!("rated {}", labels::rag(r).to_lowercase()));
    }
    if f.overdue {
        parts.push("overdue actions only".into());
    }
    if let Some(n) = f.due_within_days {
        parts.push(format!("due within {n} days"));
    }
    if let Some(q) = &f.search {
        parts.push(format!("matching \u{201c}{}\u{201d}", q.trim()));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

pub use board_summary::{FACT_NEXT, FACT_PRIORITY_PLAN};

pub fn status_counts_text(c: &Counts) -> String {
    format!(
        "{} not started, {} in progress, {} blocked, {} completed",
        c.not_started, c.in_progress, c.blocked, c.completed
    )
}

pub fn rag_counts_text(c: &Counts) -> String {
    format!(
        "{} red, {} amber, {} green, {} blue",
        c.red, c.amber, c.green, c.blue
    )
}

fn rag_summary_table(data: &ExportData) -> docx_rs::Table {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for s in data.section_counts() {
        let report = data
            .report(&s.report_id)
            .map(report_label)
            .unwrap_or_else(|| s.report_id.clone());
        rows.push(counts_row(
            Cell::text(report),
            Cell::text(&s.section),
            &s.counts,
        ));
    }
    rows.push(counts_row(
        Cell::Bold("All".into()),
        Cell::Bold(String::new()),
        &data.counts,
    ));
    docx::table(
        &[
            // Wide enough that no header breaks mid-word on A4.
            ("Report", 18),
            ("Section", 14),
            ("Actions", 10),
            ("Red", 7),
            ("Amber", 9),
            ("Green", 9),
            ("Blue", 7),
            ("Overdue", 11),
            ("% complete", 12),
        ],
        &rows,
    )
}

fn counts_row(report: Cell, section: Cell, c: &Counts) -> Vec<Cell> {
    vec![
        report,
        section,
        Cell::number(c.total),
        Cell::number(c.red),
        Cell::number(c.amber),
        Cell::number(c.green),
        Cell::number(c.blue),
        Cell::number(c.overdue),
        Cell::number(percent(c.percent_complete)),
    ]
}

/// "12 Mar 2025: text (author)", or a plain statement that there is none.
pub fn note_text(note: Option<&Note>) -> String {
    match note {
        Some(n) => format!(
            "{}: {} ({})",
            labels::short_date(n.written_on),
            n.text,
            n.author
        ),
        None => "No update recorded".into(),
    }
}

/// Longest stretch of a recommendation's text the progress table quotes (the statement
/// of action has it in full).
const RECOMMENDATION_CHARS: usize = 100;

/// "3.2 (para 12): first words of the recommendation…": the action's reference (the
/// list's, as every screen and export shows it), the paragraph, the recommendation.
pub fn recommendation_ref(a: &ExportAction) -> String {
    let mut r = a.item.reference.clone();
    if let Some(p) = a.extra.paragraph {
        r.push_str(&format!(" (para {p})"));
    }
    let text = a
        .item
        .recommendation
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let short: String = if text.chars().count() > RECOMMENDATION_CHARS {
        let cut: String = text.chars().take(RECOMMENDATION_CHARS - 1).collect();
        let cut = cut.rfind(' ').map(|i| &cut[..i]).unwrap_or(&cut);
        format!("{cut}…")
    } else {
        text
    };
    format!("{r}: {short}")
}

fn progress_row(a: &ExportAction) -> Vec<Cell> {
    let i = &a.item;
    // A recorded mitigation is said, never "No update recorded".
    let update = match (&a.extra.latest_note, &a.extra.mitigation) {
        (None, Some(m)) => format!("Mitigation: {m}"),
        (note, _) => note_text(note.as_ref()),
    };
    let due = if i.rescheduled() {
        format!(
            "{}
(first set {}; {})",
            labels::opt_short_date(i.due_date),
            labels::opt_short_date(i.original_due_date),
            i.due_date_reason.as_deref().unwrap_or("no reason recorded")
        )
    } else {
        labels::opt_short_date(i.due_date)
    };
    // A draft's action is the recommendation's words in full: the reference alone, not
    // the same words cut short beside them.
    let recommendation = if i.draft {
        format!("{}\n(the action is still its words)", i.reference)
    } else {
        recommendation_ref(a)
    };
    vec![
        Cell::text(recommendation),
        Cell::text(board_exceptions::action_text(a)),
        Cell::text(i.owner.as_deref().unwrap_or(NO_OWNER)),
        Cell::text(due),
        Cell::text(labels::status(i.status)),
        Cell::Rag(i.rag),
        Cell::text(update),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_drops_a_trailing_zero() {
        assert_eq!(percent(50.0), "50");
        assert_eq!(percent(29.8), "29.8");
        assert_eq!(percent(0.0), "0");
    }
}
