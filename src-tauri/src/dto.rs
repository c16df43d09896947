//! The shapes the front end sends and receives that are not core types: filters, edits,
//! the import preview. TypeScript twins are generated into ui/src/gen by ts-rs.

use chrono::NaiveDate;
use inspection_tracker::model::{ActionStatus, OverdueBand, Rag};
use inspection_tracker::Report;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which actions to list; every field optional (an empty filter lists every action).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct ActionFilter {
    pub overdue: Option<bool>,
    pub due_within_days: Option<u32>,
    pub owner: Option<String>,
    pub report_id: Option<String>,
    pub section: Option<String>,
    pub status: Option<ActionStatus>,
    pub rag: Option<Rag>,
    pub search: Option<String>,
    /// Part of the lead partner's name (an area SEND responsible body).
    pub lead_partner: Option<String>,
    /// Only actions not completed.
    pub open: Option<bool>,
    /// Only actions nobody owns yet.
    pub no_owner: Option<bool>,
    /// Due on or after this date.
    pub due_from: Option<NaiveDate>,
    /// Due on or before this date.
    pub due_to: Option<NaiveDate>,
    /// How long overdue (the overdue review's bands).
    pub overdue_band: Option<OverdueBand>,
    /// Only current plans (the overdue review's default).
    pub current_only: Option<bool>,
    /// One local authority's reports only.
    pub authority: Option<String>,
    /// Also actions closed with their plan.
    pub include_closed: Option<bool>,
    /// Only actions raised before (true) or not (false) by an earlier inspection.
    pub raised_before: Option<bool>,
}

/// A review of one action from the overdue review.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct ReviewInput {
    /// Who reviewed it; empty: the person's name from the settings.
    pub reviewed_by: Option<String>,
    /// The day of the review; empty: today.
    pub reviewed_on: Option<NaiveDate>,
    /// What was agreed.
    pub outcome: String,
    pub next_review: Option<NaiveDate>,
}

/// One change made to several actions at once from the overdue review.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum BulkChange {
    /// A new owner for all (`null`: none).
    Reassign { owner: Option<String> },
    /// A new due date for all, with the one reason the history keeps for each.
    Reschedule { date: NaiveDate, reason: String },
}

/// One edit to an action, tagged by `kind`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ActionChange {
    Status { status: ActionStatus },
    Progress { progress: u8 },
    Owner { owner: Option<String> },
    PartnerAgency { partner_agency: Option<String> },
    Title { title: String },
    MeasureOfSuccess { measure_of_success: Option<String> },
    Mitigation { mitigation: Option<String> },
    NextStep { next_step: Option<String> },
    DueDate { date: NaiveDate, reason: String },
    RagOverride { rag: Option<Rag>, reason: String },
    SignOff,
}

/// A new action under a recommendation.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NewActionInput {
    pub title: String,
    pub owner: Option<String>,
    pub partner_agency: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub measure_of_success: Option<String>,
}

/// What a file would import as, before anything is stored.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub path: String,
    pub source_name: String,
    pub sha256: String,
    /// "pdf", "docx", "html" or "text".
    pub format: String,
    /// The report's text; recommendations' `source_start`/`source_end` are UTF-8 byte
    /// offsets into it.
    pub text: String,
    pub report: Report,
    /// Set when the same file (by SHA-256) is already in the database.
    pub duplicate_of: Option<DuplicateInfo>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DuplicateInfo {
    pub report_id: String,
    pub source_name: String,
    pub imported_at: String,
}

/// The reviewed report to store ("Create action plan").
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CreatePlanInput {
    pub path: String,
    /// The preview's hash: the file must not have changed since the preview.
    pub sha256: String,
    pub report: Report,
    /// The inspection's last day, required when the report states no date.
    pub inspection_date: Option<NaiveDate>,
    /// The priority action plan's deadline, entered at review for an area SEND report that
    /// requires a plan (the report does not print it).
    #[serde(default)]
    #[ts(optional)]
    pub priority_action_plan_deadline: Option<NaiveDate>,
}

/// One setting as the settings screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SettingView {
    pub key: String,
    pub value: String,
    /// Still the default (never set by the user).
    pub is_default: bool,
}

/// One setting to store (Settings → Save changes).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SettingChange {
    pub key: String,
    pub value: String,
}

/// One backup file.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub name: String,
    /// File modification time, UTC, RFC 3339.
    pub modified: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// One day of the burn-up chart: actions due by then against actions completed by then.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BurnUpPoint {
    pub date: NaiveDate,
    pub due: u32,
    pub completed: u32,
}

/// What "Try the sample reports" did: the dated samples are imported at once; a sample
/// that states no inspection date (the 2006 joint area review) comes back for review,
/// because its date must come from the user, never a guess.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SampleLoad {
    pub imported: Vec<inspection_tracker::plan::import::ImportOutcome>,
    pub needs_review: Vec<ImportPreview>,
}

/// Merges the two cumulative series into one point per date where either changes.
pub fn burn_up_points(b: &inspection_tracker::plan::burn_up::BurnUp) -> Vec<BurnUpPoint> {
    let mut dates: Vec<NaiveDate> = b.due.iter().chain(&b.completed).map(|p| p.0).collect();
    dates.sort_unstable();
    dates.dedup();
    // The count reached on or before `d` in a cumulative series.
    let at = |series: &[(NaiveDate, u32)], d: NaiveDate| {
        series
            .iter()
            .take_while(|p| p.0 <= d)
            .last()
            .map_or(0, |p| p.1)
    };
    dates
        .into_iter()
        .map(|date| BurnUpPoint {
            date,
            due: at(&b.due, date),
            completed: at(&b.completed, date),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use inspection_tracker::plan::burn_up::BurnUp;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2012, m, day).unwrap()
    }

    #[test]
    fn burn_up_points_carry_each_series_forward() {
        let b = BurnUp {
            due: vec![(d(1, 10), 2), (d(3, 1), 5)],
            completed: vec![(d(2, 1), 1), (d(3, 1), 3)],
        };
        let got: Vec<(NaiveDate, u32, u32)> = burn_up_points(&b)
            .into_iter()
            .map(|p| (p.date, p.due, p.completed))
            .collect();
        assert_eq!(
            got,
            vec![(d(1, 10), 2, 0), (d(2, 1), 2, 1), (d(3, 1), 5, 3)]
        );
        assert!(burn_up_points(&BurnUp::default()).is_empty());
    }
}

/// A team connection's status (Settings → Team and the header).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TeamView {
    pub server: String,
    pub user: String,
    /// viewer, editor or admin
    pub role: Option<String>,
    pub last_sync: Option<String>,
    /// Set while the server cannot be reached: since when (UTC).
    pub offline_since: Option<String>,
    #[ts(type = "number")]
    pub pending: i64,
    #[ts(type = "number")]
    pub refused: i64,
    #[ts(type = "number")]
    pub conflicts: i64,
}

/// What one sync moved.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TeamSyncView {
    pub pushed: u32,
    pub pulled: u32,
    pub refused: u32,
    pub conflicts: u32,
}
