//! The board paper's exceptions: every red, overdue, blocked or re-scheduled action, each
//! with what a board member needs to act on it — who owns it, its status, both due dates
//! and why it moved, and the mitigation and next step its owner recorded.

use docx_rs::Docx;

use super::data::{ExceptionReason, ExportAction, ExportData};
use super::docx::{self, Cell};
use crate::labels;

/// The section's heading.
pub const EXCEPTIONS: &str = "Exceptions: red, overdue, blocked and re-scheduled actions";

/// The table's columns (header, share of the width).
/// Six, not one per field: on A4 portrait eight columns broke words mid-way ("Designa
/// ted"), so the council and report go under the action, the reason under the dates.
pub const COLUMNS: [(&str, usize); 6] = [
    ("Ref", 5),
    ("Action, council and report", 18),
    ("Owner", 9),
    ("Status", 10),
    ("Due date and any change", 12),
    ("Mitigation and next step", 18),
];

/// What the mitigation cell says when the owner has recorded nothing at all.
pub const NOTHING_RECORDED: &str =
    "None recorded: the owner should record a mitigation and next step";

/// Add the exceptions section.
pub fn add(mut doc: Docx, data: &ExportData) -> Docx {
    doc = doc.add_paragraph(docx::heading1(EXCEPTIONS));
    let exceptions = data.exceptions();
    if exceptions.is_empty() {
        return doc.add_paragraph(docx::para(&format!(
            "No action is red, overdue, blocked or re-scheduled as at {}.",
            labels::long_date(data.as_of)
        )));
    }
    let since = match &data.previous {
        Some(p) => format!("since the previous paper ({})", labels::long_date(p.date)),
        None => "at any time".into(),
    };
    let no_owner = exceptions.iter().filter(|a| a.item.owner.is_none()).count() as i64;
    let drafts = exceptions.iter().filter(|a| a.item.draft).count() as i64;
    let mut intro = format!(
        "{} the board's attention: red, overdue or blocked now, or re-scheduled {since}. \
         The mitigation and next step are as their owners recorded them on the action.",
        labels::plural(exceptions.len() as i64, "action needs", "actions need"),
    );
    if no_owner + drafts > 0 {
        // Said up front: a long list of unowned drafts is itself the finding.
        intro.push_str(&format!(
            " Of these, {} no named owner and {drafts} {} (the recommendation's words, not \
             yet what will be done).",
            labels::plural(no_owner, "has", "have"),
            if drafts == 1 {
                "is still a draft"
            } else {
                "are still drafts"
            }
        ));
    }
    doc.add_paragraph(docx::para(&intro))
        .add_table(docx::table(
            &COLUMNS,
            &exceptions.iter().map(|a| row(data, a)).collect::<Vec<_>>(),
        ))
        .add_paragraph(docx::gap())
}

/// "Derby\nSafeguarding and looked after children inspection, Oct 2011".
fn council_and_report(data: &ExportData, a: &ExportAction) -> String {
    let la = a
        .item
        .local_authority
        .as_deref()
        .unwrap_or("Authority not recorded");
    let report = data.report(&a.item.report_id).map(|r| {
        let kind = labels::report_kind(r.kind);
        match r.inspection_end {
            Some(d) => format!("{kind}, {}", d.format("%b %Y")),
            None => kind.to_string(),
        }
    });
    match report {
        Some(r) => format!("{la}: {r}"),
        None => la.to_string(),
    }
}

fn status(data: &ExportData, a: &ExportAction) -> String {
    let i = &a.item;
    let mut lines = vec![
        format!("{} ({}%)", labels::status(i.status), i.progress),
        format!("RAG: {}", labels::rag(i.rag)),
    ];
    if let Some(d) = i.days_overdue {
        lines.push(labels::plural(d, "day overdue", "days overdue"));
    }
    if data
        .exception_reasons(a)
        .contains(&ExceptionReason::Rescheduled)
    {
        let moved = &data.moved[&i.id];
        lines.push(if moved.was_overdue {
            format!(
                "Re-scheduled on {} after becoming overdue",
                labels::short_date(moved.on)
            )
        } else {
            format!("Re-scheduled on {}", labels::short_date(moved.on))
        });
    }
    lines.join("\n")
}

/// Both dates when they differ.
pub fn due_dates(a: &ExportAction) -> String {
    let i = &a.item;
    if i.rescheduled() {
        format!(
            "Original: {}\nCurrent: {}",
            labels::opt_short_date(i.original_due_date),
            labels::opt_short_date(i.due_date)
        )
    } else {
        labels::opt_short_date(i.due_date)
    }
}

/// The reason the due date moved, or that it has not.
pub fn reason(a: &ExportAction) -> String {
    let i = &a.item;
    if i.rescheduled() {
        i.due_date_reason
            .clone()
            .unwrap_or_else(|| "No reason recorded".into())
    } else {
        "Not re-scheduled".into()
    }
}

/// The owner's mitigation and next step; the latest note only when they have recorded
/// neither.
pub fn mitigation(a: &ExportAction) -> String {
    let e = &a.extra;
    let mut lines = Vec::new();
    if let Some(m) = &e.mitigation {
        lines.push(format!("Mitigation: {m}"));
    }
    if let Some(n) = &e.next_step {
        lines.push(format!("Next step: {n}"));
    }
    if lines.is_empty() {
        match &e.latest_note {
            Some(n) => lines.push(format!(
                "No mitigation recorded. Latest update, {}: {} ({})",
                labels::short_date(n.written_on),
                n.text,
                n.author
            )),
            None => lines.push(NOTHING_RECORDED.into()),
        }
    }
    lines.join("\n")
}

/// The action's text in full, marked when it is still a draft.
pub fn action_text(a: &ExportAction) -> String {
    if a.item.draft {
        format!("{}\n({})", a.item.title, labels::DRAFT_MARKER)
    } else {
        a.item.title.clone()
    }
}

fn row(data: &ExportData, a: &ExportAction) -> Vec<Cell> {
    let due = if a.item.rescheduled() {
        format!("{}\nReason: {}", due_dates(a), reason(a))
    } else {
        due_dates(a)
    };
    vec![
        Cell::text(&a.item.reference),
        Cell::text(format!(
            "{}\n\n{}",
            action_text(a),
            council_and_report(data, a)
        )),
        Cell::text(a.item.owner.as_deref().unwrap_or("No owner named")),
        Cell::text(status(data, a)),
        Cell::text(due),
        Cell::text(mitigation(a)),
    ]
}
