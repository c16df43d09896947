//! The words and colours exports show for the plan's values, in one place so the paper,
//! the workbook and the CSV say the same thing.

use chrono::NaiveDate;

use crate::plan::{ActionStatus, Rag};
use crate::report::ReportKind;

pub fn status(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::NotStarted => "Not started",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Completed => "Completed",
        ActionStatus::Blocked => "Blocked",
    }
}

pub fn rag(r: Rag) -> &'static str {
    match r {
        Rag::Red => "Red",
        Rag::Amber => "Amber",
        Rag::Green => "Green",
        Rag::Blue => "Blue",
    }
}

/// Fill colour for a RAG cell, as hex RGB without `#`.
pub fn rag_fill(r: Rag) -> &'static str {
    match r {
        Rag::Red => "D4351C",
        Rag::Amber => "F5A623",
        Rag::Green => "00703C",
        Rag::Blue => "1D70B8",
    }
}

/// Text colour that reads on [`rag_fill`].
pub fn rag_text(r: Rag) -> &'static str {
    match r {
        Rag::Amber => "0B0C0C",
        _ => "FFFFFF",
    }
}

/// The fill as an RGB triple (for the chart).
pub fn rag_rgb(r: Rag) -> (u8, u8, u8) {
    let hex = rag_fill(r);
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    (byte(0), byte(2), byte(4))
}

pub fn report_kind(k: ReportKind) -> &'static str {
    match k {
        ReportKind::JointAreaReview => "Joint area review",
        ReportKind::ContactReferralAssessment => "Contact, referral and assessment inspection",
        ReportKind::SafeguardingAndLookedAfterChildren => {
            "Safeguarding and looked after children inspection"
        }
        ReportKind::LookedAfterChildren => "Looked after children inspection",
        ReportKind::ChildProtection => "Child protection inspection",
        ReportKind::SingleInspectionFramework => "Single inspection framework inspection",
        ReportKind::Ilacs => "ILACS inspection",
        ReportKind::FocusedVisit => "Focused visit",
        ReportKind::MonitoringVisit => "Monitoring visit",
        ReportKind::AreaSend => "Area SEND inspection",
        ReportKind::Other => "Inspection",
    }
}

/// A date as people write it in a board paper: "14 October 2011".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// A date in a table: "14 Oct 2011".
pub fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

pub fn opt_short_date(d: Option<NaiveDate>) -> String {
    d.map(short_date).unwrap_or_else(|| "Not set".into())
}

/// "1 action" / "3 actions".
pub fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2011, 10, 4).unwrap();
        assert_eq!(long_date(d), "4 October 2011");
        assert_eq!(short_date(d), "4 Oct 2011");
    }

    #[test]
    fn rag_colours_parse() {
        assert_eq!(rag_rgb(Rag::Red), (0xD4, 0x35, 0x1C));
    }
}
