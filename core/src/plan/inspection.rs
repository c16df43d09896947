//! Facts about a report's inspection that several plan views need: its overall grade and
//! the estimated next inspection (the rule itself is [`crate::schedule::next_inspection()`]).

use chrono::NaiveDate;

use crate::model::{Judgement, ReportKind};
use crate::schedule::{next_inspection, NextInspection};

/// The first "overall effectiveness" grade among a report's judgements (for an area SEND
/// report, its "Inspection outcome").
pub fn overall_grade(judgements: &[Judgement]) -> Option<&str> {
    judgements
        .iter()
        .find(|j| {
            let area = j.area.to_lowercase();
            area.contains("overall effectiveness") || area == "inspection outcome"
        })
        .map(|j| j.grade.as_str())
}

/// The next inspection after this report's: the date the user entered (`user_set`), else
/// an estimate. A date the user gave for a report that states none stands in for the
/// inspection's last day.
pub fn next_after(
    kind: ReportKind,
    inspection_end: Option<NaiveDate>,
    user_base_date: Option<NaiveDate>,
    overall_grade: Option<&str>,
    user_set: Option<NaiveDate>,
) -> Option<NextInspection> {
    next_inspection(
        kind,
        inspection_end.or(user_base_date),
        overall_grade,
        user_set,
    )
}
