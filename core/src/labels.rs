//! The words and colours every screen and paper shows for the plan's values, in one place
//! so the window, the board paper, the workbook and the CSV say the same thing (the UI's
//! copy is generated from here into ui/src/gen/labels.ts).

use chrono::NaiveDate;

use crate::model::rules::{PERCENT_AMBER, PERCENT_GREEN};
use crate::model::{
    ActionStatus, DecisionKind, DueDateSource, OverdueBand, PlanState, Rag, RagRule, RagSettings,
    ReportKind, Timeframe,
};

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

/// What blue means, in the words every screen and paper uses.
pub const BLUE_MEANS: &str = "completed and evidenced (evidence attached and signed off)";

/// A RAG convention's name, as the settings and the paper's key name it.
pub fn rag_rule(r: RagRule) -> &'static str {
    match r {
        RagRule::DueDateAndProgress => "By due date and progress",
        RagRule::PercentComplete => "By percentage complete",
        RagRule::OwnerRisk => "By risk, as judged by the owner",
    }
}

/// What each rating means under the rule in force, in words: the key the board paper
/// prints and the screens show. Red, amber, green, blue, in that order.
pub fn rag_key(s: &RagSettings) -> [(Rag, String); 4] {
    let blue = (Rag::Blue, BLUE_MEANS.to_string());
    match s.rule {
        RagRule::DueDateAndProgress => [
            (Rag::Red, "past its due date and not completed".to_string()),
            (
                Rag::Amber,
                format!(
                    "blocked, or due within {} with less than {}% done",
                    plural(i64::from(s.amber_window_days), "day", "days"),
                    s.amber_progress_below
                ),
            ),
            (
                Rag::Green,
                "not overdue, not blocked and not near its due date with little done; or \
                 completed but not yet evidenced"
                    .to_string(),
            ),
            blue,
        ],
        RagRule::PercentComplete => [
            (Rag::Red, format!("less than {PERCENT_AMBER}% complete")),
            (
                Rag::Amber,
                format!("{PERCENT_AMBER}% to {}% complete", PERCENT_GREEN - 1),
            ),
            (
                Rag::Green,
                format!("{PERCENT_GREEN}% or more complete, or completed but not yet evidenced"),
            ),
            blue,
        ],
        RagRule::OwnerRisk => [
            (
                Rag::Red,
                "the owner judges it will not be delivered on time without help".to_string(),
            ),
            (
                Rag::Amber,
                "the owner judges there is a risk to delivery that they are managing".to_string(),
            ),
            (
                Rag::Green,
                "the owner judges it on track, or completed but not yet evidenced (an \
                 action its owner has not rated is rated by due date and progress)"
                    .to_string(),
            ),
            blue,
        ],
    }
}

/// "Red: past its due date …" lines, for a key in one paragraph each.
pub fn rag_key_lines(s: &RagSettings) -> Vec<String> {
    rag_key(s)
        .iter()
        .map(|(r, words)| format!("{}: {words}", rag(*r)))
        .collect()
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

/// How long overdue, as the overdue review's filter and group headings say it.
pub fn overdue_band(b: OverdueBand) -> &'static str {
    match b {
        OverdueBand::UnderThirtyDays => "Overdue under 30 days",
        OverdueBand::ThirtyToNinetyDays => "Overdue 30 to 90 days",
        OverdueBand::OverNinetyDays => "Overdue more than 90 days",
    }
}

/// A report's plan in its council's timeline.
pub fn plan_state(p: PlanState) -> &'static str {
    match p {
        PlanState::Current => "Current",
        PlanState::AwaitingDecision => "Awaiting a decision",
        PlanState::Closed => "Closed",
    }
}

/// A decision on an earlier plan's open action, as the review offers it.
pub fn decision(d: DecisionKind) -> &'static str {
    match d {
        DecisionKind::CarriedForward => "Carried forward",
        DecisionKind::Completed => "Completed",
        DecisionKind::ClosedAsOvertaken => "Closed as overtaken",
    }
}

/// The marker of an action whose recommendation a person confirmed as a repeat finding.
pub const RAISED_BEFORE: &str = "Raised before";

/// Where an action's due date came from, as a phrase after "Due date …".
pub fn due_source(s: DueDateSource) -> &'static str {
    match s {
        DueDateSource::Report => "from the report's timeframe",
        DueDateSource::Default => "default for open-ended timeframes",
        DueDateSource::NextInspection => "by the next inspection",
        DueDateSource::Override => "changed by hand",
        DueDateSource::Waiting => "waiting for a date",
    }
}

/// The timeframes the review screen offers, each with the heading it is given when picked
/// (`None`: no timeframe heading). A recommendation whose extracted timeframe is none of
/// these is offered its own as well.
pub const TIMEFRAME_CHOICES: [(Option<&str>, Timeframe); 7] = [
    (Some("Immediately"), Timeframe::Immediate),
    (Some("Within one month"), Timeframe::Months(1)),
    (Some("Within three months"), Timeframe::Months(3)),
    (Some("Within six months"), Timeframe::Months(6)),
    (Some("Within 12 months"), Timeframe::Months(12)),
    (Some("For action in the longer term"), Timeframe::LongerTerm),
    (None, Timeframe::Unspecified),
];

/// How the review screen names a timeframe choice: the heading as written, marked when it
/// fixes no date (the due date is then the configured default).
pub fn timeframe_choice(heading: Option<&str>, t: Timeframe) -> String {
    match heading {
        None => NO_TIMEFRAME.into(),
        Some(h) if t.is_fixed() => h.into(),
        Some(h) => format!("{h}{OPEN_ENDED_SUFFIX}"),
    }
}

/// The name of the "no timeframe heading" choice.
pub const NO_TIMEFRAME: &str = "No timeframe";
/// Added to a heading that fixes no date.
pub const OPEN_ENDED_SUFFIX: &str = " (no fixed length)";

/// How a draft action is marked everywhere it is shown: it is still the recommendation's
/// words, not yet what will be done.
pub const DRAFT_MARKER: &str = "draft \u{2014} say what will be done";

/// `text` cut to at most `max` characters at a word boundary, with "…" when cut: how a
/// title is shown short anywhere the full text is one step away (lists, messages). Papers
/// print titles in full.
pub fn short_text(text: &str, max: usize) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= max {
        return t;
    }
    let cut: String = t.chars().take(max.saturating_sub(1).max(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '.']))
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
    fn timeframe_choices_say_when_no_date_is_fixed() {
        assert_eq!(
            timeframe_choice(None, Timeframe::Unspecified),
            "No timeframe"
        );
        assert_eq!(
            timeframe_choice(Some("Within six weeks"), Timeframe::Weeks(6)),
            "Within six weeks"
        );
        assert_eq!(
            timeframe_choice(Some("In the longer term"), Timeframe::LongerTerm),
            "In the longer term (no fixed length)"
        );
    }

    #[test]
    fn short_text_cuts_at_a_word_boundary() {
        let t = "Ensure that all vulnerable children have timely access to school places";
        let s = short_text(t, 40);
        assert!(s.ends_with('…') && s.chars().count() <= 40, "{s}");
        let kept = s.trim_end_matches('…');
        assert!(
            t.starts_with(kept) && t[kept.len()..].starts_with(' '),
            "{s}"
        );
        assert_eq!(short_text("Short", 40), "Short");
    }

    #[test]
    fn rag_colours_parse() {
        assert_eq!(rag_rgb(Rag::Red), (0xD4, 0x35, 0x1C));
    }
}
