//! The board paper's first page: where the plan stands, what each rating means under the
//! rule in force, what changed since the previous paper, the next inspection, and what the
//! board is asked to do.

use docx_rs::Docx;

use super::data::ExportData;
use super::docx::{self, Cell};
use super::words::{next_inspection_text, percent, report_label};
use crate::labels;
use crate::model::Rag;
use crate::plan::summary::{Counts, NextInspectionView};

/// The summary's heading (tests and readers find it by this).
pub const SUMMARY: &str = "Summary";
/// The heading of the table of ratings, their meaning and the change since the last paper.
pub const POSITION: &str = "Position and change since the previous paper";
/// The heading of the board's ask.
pub const ASK: &str = "Recommendation to the board";
/// The words the board's ask starts with.
pub const ASK_LEAD: &str = "The board is asked to";
/// What the board is asked when the person writes nothing.
pub const DEFAULT_ASK: &str = "note the progress made since the previous paper; scrutinise \
     the exceptions, including any action re-scheduled since then; and agree the mitigations \
     and next steps their owners propose.";

/// The facts' labels (shared with the tests).
pub const FACT_NEXT: &str = "Next inspection";
pub const FACT_PRIORITY_PLAN: &str = "Priority action plan (area SEND) due";

/// Add the summary page (it ends with a page break).
pub fn add(mut doc: Docx, data: &ExportData) -> Docx {
    let next = data.next_inspection();
    doc = doc
        .add_paragraph(docx::heading1(SUMMARY))
        .add_paragraph(docx::para(&position_sentence(data, next)))
        .add_paragraph(docx::heading2(POSITION))
        .add_paragraph(docx::labelled(
            "RAG rule in force:",
            &format!(
                "{}. The key below says what each rating means.",
                labels::rag_rule(data.rag_settings.rule)
            ),
        ))
        .add_table(position_table(data))
        .add_paragraph(docx::gap())
        .add_paragraph(docx::para(&change_note(data)))
        .add_table(docx::facts_table(&facts(data, next)))
        .add_paragraph(docx::heading2(ASK))
        .add_paragraph(docx::para(&ask(data)))
        .add_paragraph(docx::page_break());
    doc
}

/// "As at 20 January 2012, 3 of 24 actions are complete (12.5%). 5 actions are overdue,
/// 5 rated red and 1 re-scheduled."
pub fn position_sentence(data: &ExportData, next: Option<&NextInspectionView>) -> String {
    let c = &data.counts;
    let mut s = format!(
        "As at {}, {} of {} are complete ({}%). {} overdue, {} rated red, {} blocked and {} \
         re-scheduled from the date first set.",
        labels::long_date(data.as_of),
        c.completed,
        labels::plural(c.total, "action", "actions"),
        percent(c.percent_complete),
        labels::plural(c.overdue, "action is", "actions are"),
        c.red,
        c.blocked,
        c.rescheduled,
    );
    if let Some(n) = next {
        s.push_str(&format!(" Next inspection: {}.", next_inspection_text(n)));
    }
    s
}

/// One row of the position table: the measure, what it means, how to read it from counts.
type Measure = (String, String, fn(&Counts) -> i64);

/// The rows of the position table.
fn measures(data: &ExportData) -> Vec<Measure> {
    let key = labels::rag_key(&data.rag_settings);
    let meaning = |r: Rag| {
        key.iter()
            .find(|(k, _)| *k == r)
            .map(|(_, w)| w.clone())
            .unwrap_or_default()
    };
    vec![
        ("Red".into(), meaning(Rag::Red), |c: &Counts| c.red),
        ("Amber".into(), meaning(Rag::Amber), |c: &Counts| c.amber),
        ("Green".into(), meaning(Rag::Green), |c: &Counts| c.green),
        ("Blue".into(), meaning(Rag::Blue), |c: &Counts| c.blue),
        (
            "Completed".into(),
            "status completed, evidenced or not".into(),
            |c: &Counts| c.completed,
        ),
        (
            "Overdue".into(),
            "past the due date in force and not completed".into(),
            |c: &Counts| c.overdue,
        ),
        (
            "Blocked".into(),
            "cannot go on until something else happens".into(),
            |c: &Counts| c.blocked,
        ),
        (
            "Re-scheduled".into(),
            "due date moved from the one first set, with a reason".into(),
            |c: &Counts| c.rescheduled,
        ),
        ("All actions".into(), String::new(), |c: &Counts| c.total),
    ]
}

/// "+3", "−2", "no change".
pub fn change(then: i64, now: i64) -> String {
    match now - then {
        0 => "no change".into(),
        d if d > 0 => format!("+{d}"),
        d => format!("\u{2212}{}", -d),
    }
}

fn position_table(data: &ExportData) -> docx_rs::Table {
    let rows: Vec<Vec<Cell>> = measures(data)
        .into_iter()
        .map(|(name, meaning, value)| {
            let rag = Rag::ALL.into_iter().find(|r| labels::rag(*r) == name);
            let first = match rag {
                Some(r) => Cell::Rag(r),
                None => Cell::Bold(name),
            };
            let now = value(&data.counts);
            let mut row = vec![first, Cell::text(meaning)];
            if let Some(p) = &data.previous {
                let then = value(&p.counts);
                row.push(Cell::number(then));
                row.push(Cell::number(now));
                row.push(Cell::number(change(then, now)));
            } else {
                row.push(Cell::number(now));
            }
            row
        })
        .collect();
    match &data.previous {
        Some(p) => {
            let then = format!("At previous paper ({})", labels::short_date(p.date));
            let now = format!("Now ({})", labels::short_date(data.as_of));
            docx::table(
                &[
                    ("Measure", 11),
                    ("What it means", 24),
                    (&then, 8),
                    (&now, 8),
                    ("Change", 7),
                ],
                &rows,
            )
        }
        None => {
            let now = format!("Now ({})", labels::short_date(data.as_of));
            docx::table(&[("Measure", 11), ("What it means", 32), (&now, 8)], &rows)
        }
    }
}

/// Where the change is counted from, in words.
fn change_note(data: &ExportData) -> String {
    match &data.previous {
        Some(p) => format!(
            "The previous paper's figures are the plan as recorded by the end of {}, counted \
             the same way.",
            labels::long_date(p.date)
        ),
        None => "No previous paper is recorded, so no change is shown; give the previous \
                 paper's date to compare with it."
            .into(),
    }
}

fn facts(data: &ExportData, next: Option<&NextInspectionView>) -> Vec<(&'static str, Cell)> {
    let next_text = match next {
        Some(n) => format!("{}\n{}", next_inspection_text(n), n.basis),
        None => "Not known: no inspection date recorded".into(),
    };
    let mut facts = vec![(FACT_NEXT, Cell::text(next_text))];
    // Area SEND: the priority action plan's deadline, as the council entered it.
    let plans: Vec<String> = data
        .summary
        .reports
        .iter()
        .filter(|r| r.kind == crate::ReportKind::AreaSend)
        .filter_map(|r| {
            let d = r.action_plan_deadline?;
            Some(format!("{}: {}", report_label(r), labels::long_date(d)))
        })
        .collect();
    if !plans.is_empty() {
        facts.push((FACT_PRIORITY_PLAN, Cell::text(plans.join("\n"))));
    }
    facts
}

/// "The board is asked to …", from the person's words (with or without the lead-in).
pub fn ask(data: &ExportData) -> String {
    let words = data.board_asked.as_deref().unwrap_or(DEFAULT_ASK).trim();
    let lead_lower = ASK_LEAD.to_lowercase();
    let mut out = if words.to_lowercase().starts_with(&lead_lower) {
        words.to_string()
    } else {
        format!("{ASK_LEAD} {words}")
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_is_signed_in_words() {
        assert_eq!(change(35, 31), "\u{2212}4");
        assert_eq!(change(2, 5), "+3");
        assert_eq!(change(4, 4), "no change");
    }
}
