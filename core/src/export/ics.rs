//! A calendar (iCalendar, RFC 5545) of due dates: one all-day event per open action.
//!
//! Each event's UID is made from the action's id, so importing a newer export into
//! Outlook or Google Calendar updates the events instead of adding copies; SEQUENCE is
//! the action's count of recorded changes (history is append-only, so it only grows),
//! which tells the calendar the newer copy wins.

use chrono::{DateTime, Days, NaiveDate};

use super::board_paper::report_label;
use super::data::{ExportAction, ExportData};
use crate::labels;
use crate::model::ActionStatus;

/// The domain part of every UID: fixed, so UIDs never change between exports.
pub const UID_DOMAIN: &str = "inspection-action-tracker";

/// The event UID for an action.
pub fn uid(action_id: &str) -> String {
    format!("{action_id}@{UID_DOMAIN}")
}

/// The calendar. `now_utc` (`YYYY-MM-DDTHH:MM:SS.sssZ`) stamps the events (DTSTAMP).
pub fn render(data: &ExportData, now_utc: &str) -> Vec<u8> {
    let stamp = timestamp(now_utc).unwrap_or_else(|| "19700101T000000Z".into());
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(&fold(s));
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Inspection Action Tracker//Exports//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!(
        "X-WR-CALNAME:{}",
        escape("Inspection action plan: due dates")
    ));
    for a in &data.actions {
        let Some(due) = a.item.due_date else { continue };
        if a.item.status == ActionStatus::Completed {
            continue;
        }
        for l in event(data, a, due, &stamp) {
            line(&l);
        }
    }
    line("END:VCALENDAR");
    out.into_bytes()
}

fn event(data: &ExportData, a: &ExportAction, due: NaiveDate, stamp: &str) -> Vec<String> {
    let it = &a.item;
    let owner = it.owner.as_deref().unwrap_or("unassigned");
    let report = data
        .report(&it.report_id)
        .map(report_label)
        .unwrap_or_else(|| it.report_id.clone());
    let mut description = format!(
        "Owner: {owner}\nReport: {report}\nSection: {}\nRecommendation: {}\nStatus: {} ({}%)\nRAG as at {}: {}",
        it.section,
        it.recommendation,
        labels::status(it.status),
        it.progress,
        labels::short_date(data.as_of),
        labels::rag(it.rag),
    );
    if let Some(m) = &a.extra.measure_of_success {
        description.push_str(&format!("\nMeasure of success: {m}"));
    }
    if it.rescheduled() {
        // Re-scheduling stays visible: the date first set and why it moved.
        description.push_str(&format!(
            "\nFirst due {}; moved: {}",
            labels::opt_short_date(it.original_due_date),
            it.due_date_reason
                .as_deref()
                .unwrap_or("no reason recorded")
        ));
    }
    let next_day = due.checked_add_days(Days::new(1)).unwrap_or(due);
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", uid(&it.id)),
        format!("DTSTAMP:{stamp}"),
    ];
    if let Some(modified) = timestamp(&a.extra.updated_at) {
        lines.push(format!("LAST-MODIFIED:{modified}"));
    }
    lines.extend([
        format!("SEQUENCE:{}", a.extra.revision),
        format!("DTSTART;VALUE=DATE:{}", due.format("%Y%m%d")),
        format!("DTEND;VALUE=DATE:{}", next_day.format("%Y%m%d")),
        format!(
            "SUMMARY:{}",
            escape(&format!("Due: {} ({owner})", it.title))
        ),
        format!("DESCRIPTION:{}", escape(&description)),
        format!("CATEGORIES:{}", escape("Inspection action plan")),
        "TRANSP:TRANSPARENT".to_string(),
        "END:VEVENT".to_string(),
    ]);
    lines
}

/// A stored UTC timestamp as iCalendar's basic UTC form (`20250312T101500Z`).
pub fn timestamp(utc: &str) -> Option<String> {
    DateTime::parse_from_rfc3339(utc)
        .ok()
        .map(|t| t.to_utc().format("%Y%m%dT%H%M%SZ").to_string())
}

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded (RFC 5545 3.1): at most 75 octets a line, continuation lines
/// start with a space, never splitting a UTF-8 character; CRLF after each.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let long = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&long);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
    }

    #[test]
    fn short_lines_are_left_alone() {
        assert_eq!(fold("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
    }

    #[test]
    fn timestamps_become_basic_utc() {
        assert_eq!(
            timestamp("2025-03-12T10:15:00.123Z").as_deref(),
            Some("20250312T101500Z")
        );
        assert_eq!(timestamp("nonsense"), None);
    }
}
