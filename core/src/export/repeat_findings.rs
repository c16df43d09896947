//! The papers' "Repeat findings" section: each recommendation in the paper that a person
//! confirmed as raised before by an earlier inspection of the same authority
//! ([`crate::plan::repeats`]), beside the earlier recommendation. A section of its own, so
//! the board paper and the statement each add it with one call.

use docx_rs::Docx;

use super::docx::{self, Cell};
use crate::labels;
use crate::plan::timeline::known_by;
use crate::store::recommendations::{get_recommendation, RecommendationRow};
use crate::store::repeat_links::list_confirmed_links;
use crate::store::reports::{get_report, ReportRow};
use crate::store::Store;
use crate::Result;

/// The section's heading (readers find its table by it).
pub const HEADING: &str = "Repeat findings";

/// The table's columns (header, share of the width).
pub const COLUMNS: [(&str, usize); 3] = [
    ("Recommendation in this plan", 8),
    ("Raised before", 8),
    ("Confirmed by", 3),
];

/// One confirmed repeat finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatFinding {
    pub later: RecommendationRow,
    pub later_report: ReportRow,
    pub earlier: RecommendationRow,
    pub earlier_report: ReportRow,
    pub decided_by: String,
    pub decided_at: String,
}

/// The confirmed links whose later recommendation is in the paper (`in_paper`), both
/// reports known by the paper's date, in the paper's order.
pub fn load(
    store: &Store,
    in_paper: &[&str],
    as_of: chrono::NaiveDate,
) -> Result<Vec<RepeatFinding>> {
    let conn = store.conn();
    let mut out = Vec::new();
    for link in list_confirmed_links(conn)? {
        let Some(place) = in_paper.iter().position(|r| *r == link.recommendation_id) else {
            continue;
        };
        let later = get_recommendation(conn, &link.recommendation_id)?;
        let earlier = get_recommendation(conn, &link.earlier_id)?;
        let later_report = get_report(conn, &later.report_id)?;
        let earlier_report = get_report(conn, &earlier.report_id)?;
        if !known_by(&later_report, as_of) || !known_by(&earlier_report, as_of) {
            continue;
        }
        out.push((
            place,
            RepeatFinding {
                later,
                later_report,
                earlier,
                earlier_report,
                decided_by: link.decided_by,
                decided_at: link.decided_at,
            },
        ));
    }
    out.sort_by_key(|(place, f)| (*place, f.earlier.position));
    Ok(out.into_iter().map(|(_, f)| f).collect())
}

/// "Rutland, ILACS inspection, 26 April 2024 – recommendation 2"
fn cite(r: &ReportRow, rec: &RecommendationRow) -> String {
    let when = crate::plan::repeats::report_date(r)
        .map(|d| format!(", {}", labels::long_date(d)))
        .unwrap_or_default();
    format!(
        "{}{when} – recommendation {}",
        labels::report_kind(r.kind),
        rec.position + 1
    )
}

/// Add the section to a paper, with the paper's findings (`ExportData::repeat_findings`).
pub fn add_section(doc: Docx, findings: &[RepeatFinding]) -> Docx {
    let doc = doc.add_paragraph(docx::heading1(HEADING));
    if findings.is_empty() {
        return doc.add_paragraph(docx::para(
            "No recommendation in this paper has been confirmed as raised before by an \
             earlier inspection.",
        ));
    }
    let n = findings.len() as i64;
    let rows: Vec<Vec<Cell>> = findings
        .iter()
        .map(|f| {
            vec![
                Cell::text(format!(
                    "{}\n{}",
                    f.later.text,
                    cite(&f.later_report, &f.later)
                )),
                Cell::text(format!(
                    "{}\n{}",
                    f.earlier.text,
                    cite(&f.earlier_report, &f.earlier)
                )),
                Cell::text(format!(
                    "{}\n{}",
                    f.decided_by,
                    f.decided_at.get(..10).unwrap_or(&f.decided_at)
                )),
            ]
        })
        .collect();
    doc.add_paragraph(docx::para(&format!(
        "{} raised again after an earlier inspection asked for the same thing (confirmed by a \
         person from the app's suggestions):",
        labels::plural(n, "finding was", "findings were")
    )))
    .add_table(docx::table(&COLUMNS, &rows))
    .add_paragraph(docx::gap())
}
