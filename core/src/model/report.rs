//! The facts extracted from one inspection report: the shape `extract` produces, the
//! review screen edits and `store` saves.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Timeframe;

/// Which inspection framework a report belongs to; it decides grade scales and the
/// estimated date of the next inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportKind {
    JointAreaReview,
    ContactReferralAssessment,
    SafeguardingAndLookedAfterChildren,
    LookedAfterChildren,
    ChildProtection,
    SingleInspectionFramework,
    Ilacs,
    FocusedVisit,
    MonitoringVisit,
    /// Joint Ofsted/CQC inspection of a local area partnership's SEND arrangements (2023 framework).
    AreaSend,
    Other,
}

impl ReportKind {
    pub const ALL: [ReportKind; 11] = [
        ReportKind::JointAreaReview,
        ReportKind::ContactReferralAssessment,
        ReportKind::SafeguardingAndLookedAfterChildren,
        ReportKind::LookedAfterChildren,
        ReportKind::ChildProtection,
        ReportKind::SingleInspectionFramework,
        ReportKind::Ilacs,
        ReportKind::FocusedVisit,
        ReportKind::MonitoringVisit,
        ReportKind::AreaSend,
        ReportKind::Other,
    ];

    /// The stable snake_case name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::JointAreaReview => "joint_area_review",
            ReportKind::ContactReferralAssessment => "contact_referral_assessment",
            ReportKind::SafeguardingAndLookedAfterChildren => {
                "safeguarding_and_looked_after_children"
            }
            ReportKind::LookedAfterChildren => "looked_after_children",
            ReportKind::ChildProtection => "child_protection",
            ReportKind::SingleInspectionFramework => "single_inspection_framework",
            ReportKind::Ilacs => "ilacs",
            ReportKind::FocusedVisit => "focused_visit",
            ReportKind::MonitoringVisit => "monitoring_visit",
            ReportKind::AreaSend => "area_send",
            ReportKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One graded area, with the grade always as a word ("Good"), whatever the report's scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Judgement {
    pub section: String,
    pub area: String,
    pub grade: String,
}

/// One recommendation, verbatim, with where it came from in the report's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Recommendation {
    /// The list it belongs to ("Safeguarding services", "What needs to improve?" …).
    pub section: String,
    /// The timeframe heading as written ("Within three months"), if there was one: shown
    /// as the report put it, never read again.
    pub timeframe: Option<String>,
    /// The timeframe as a value, parsed once from the heading by the extractor (or chosen
    /// on the review screen); the due date counts from this.
    pub period: Timeframe,
    pub text: String,
    /// The report's paragraph number for the item, where paragraphs are numbered.
    pub paragraph: Option<u32>,
    /// Byte offsets of the item in the report's text (start inclusive, end exclusive).
    pub source_start: usize,
    pub source_end: usize,
    /// The body the report names beside the item (area SEND priority actions: "Oldham
    /// Council and NHS Greater Manchester ICB"); `None` where it names none.
    #[serde(default)]
    pub responsible_body: Option<String>,
}

/// The next inspection as the report itself states it (area SEND reports do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatedNextInspection {
    pub kind: StatedInspectionKind,
    pub within_months: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StatedInspectionKind {
    Full,
    Monitoring,
}

impl Recommendation {
    /// The timeframe in months where it has one (0 = immediately), as the extract JSON
    /// counts it.
    pub fn timeframe_months(&self) -> Option<u32> {
        self.period.months()
    }
}

/// Everything extracted from one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Report {
    pub kind: ReportKind,
    pub local_authority: Option<String>,
    pub inspection_start: Option<NaiveDate>,
    pub inspection_end: Option<NaiveDate>,
    /// Publication date, or the date of the letter for letter-style reports.
    pub published: Option<NaiveDate>,
    pub lead_inspector: Option<String>,
    pub judgements: Vec<Judgement>,
    pub recommendations: Vec<Recommendation>,
    /// Dates of the previous inspection, where the report gives them (area SEND).
    #[serde(default)]
    pub previous_inspection_start: Option<NaiveDate>,
    #[serde(default)]
    pub previous_inspection_end: Option<NaiveDate>,
    /// The soonest next inspection the report itself names; `None` if it names none.
    #[serde(default)]
    pub next_inspection: Option<StatedNextInspection>,
    /// The report requires a priority action plan (area SEND outcome 3).
    #[serde(default)]
    pub priority_action_plan_required: bool,
}

/// An area SEND report's own facts as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AreaSendFacts {
    pub priority_action_plan_required: bool,
    /// The priority action plan's deadline, once the user has entered it.
    pub priority_action_plan_deadline: Option<NaiveDate>,
    pub previous_inspection_start: Option<NaiveDate>,
    pub previous_inspection_end: Option<NaiveDate>,
    pub stated_next_inspection: Option<StatedNextInspection>,
}
