//! CSV: every exported action, one row each (RFC 4180: comma-separated, CRLF, fields
//! quoted when they need it). It starts with a UTF-8 byte-order mark because Excel
//! otherwise reads the file in the system code page and mangles "–", "’" and accents.

use super::board_paper::report_label;
use super::data::ExportData;
use crate::labels;
use crate::store::dates;

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub const HEADERS: [&str; 22] = [
    "Report",
    "Authority",
    "Section",
    "Ref",
    "Recommendation",
    "Action",
    "Owner",
    "Lead partner",
    "Due date",
    "Status",
    "Progress %",
    "RAG",
    "Days overdue",
    "Update date",
    "Latest update",
    "Measure of success",
    "Action id",
    // Added for issue 16, after the columns people's spreadsheets already read.
    "Original due date",
    "Reason for due date change",
    "Mitigation",
    "Next step",
    "Draft",
];

pub fn render(data: &ExportData) -> Vec<u8> {
    let mut out = String::new();
    push_row(&mut out, HEADERS.iter().map(|h| h.to_string()));
    for a in &data.actions {
        let it = &a.item;
        let report = data.report(&it.report_id);
        let note = a.extra.latest_note.as_ref();
        push_row(
            &mut out,
            [
                report
                    .map(report_label)
                    .unwrap_or_else(|| it.report_id.clone()),
                it.local_authority.clone().unwrap_or_default(),
                it.section.clone(),
                it.reference.clone(),
                it.recommendation.clone(),
                it.title.clone(),
                it.owner.clone().unwrap_or_default(),
                it.lead_partner.clone().unwrap_or_default(),
                // ISO dates: Excel reads them as dates in every locale.
                it.due_date.map(dates::to_sql).unwrap_or_default(),
                labels::status(it.status).to_string(),
                it.progress.to_string(),
                labels::rag(it.rag).to_string(),
                it.days_overdue.map(|d| d.to_string()).unwrap_or_default(),
                note.map(|n| dates::to_sql(n.written_on))
                    .unwrap_or_default(),
                note.map(|n| format!("{} ({})", n.text, n.author))
                    .unwrap_or_default(),
                a.extra.measure_of_success.clone().unwrap_or_default(),
                it.id.clone(),
                it.original_due_date
                    .filter(|_| it.rescheduled())
                    .map(dates::to_sql)
                    .unwrap_or_default(),
                it.due_date_reason
                    .clone()
                    .filter(|_| it.rescheduled())
                    .unwrap_or_default(),
                a.extra.mitigation.clone().unwrap_or_default(),
                a.extra.next_step.clone().unwrap_or_default(),
                if it.draft {
                    labels::DRAFT_MARKER.to_string()
                } else {
                    String::new()
                },
            ]
            .into_iter(),
        );
    }
    let mut bytes = BOM.to_vec();
    bytes.extend_from_slice(out.as_bytes());
    bytes
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(&f));
    }
    out.push_str("\r\n");
}

/// One field, quoted if it holds a comma, quote or line break. Text that a spreadsheet
/// would run as a formula (starting `=`, `+`, `-`, `@`) gets a leading apostrophe,
/// unless it is just a number.
pub fn field(value: &str) -> String {
    let risky =
        value.starts_with(['=', '+', '-', '@', '\t', '\r']) && value.parse::<f64>().is_err();
    let value = if risky {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formulas_are_defused_but_numbers_are_not() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("-3"), "-3");
    }
}
