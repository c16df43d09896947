//! The `actions` table: one row per tracked action, soft-deleted to a bin.

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use super::dates;
use crate::model::{ActionStatus, DueDateSource, Rag};
use crate::{Error, Result};

/// Every column of an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ActionRow {
    pub id: String,
    pub recommendation_id: String,
    /// The recommendation's report (a copy, for fast summaries).
    pub report_id: String,
    pub title: String,
    pub owner: Option<String>,
    pub partner_agency: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub due_date_source: DueDateSource,
    pub due_date_reason: Option<String>,
    pub status: ActionStatus,
    pub progress: u8,
    pub measure_of_success: Option<String>,
    pub rag_override: Option<Rag>,
    pub rag_override_reason: Option<String>,
    pub signed_off_by: Option<String>,
    pub signed_off_at: Option<String>,
    pub completed_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    /// Closed with its plan (as overtaken by a later report, or with the plan): the day it
    /// took effect (migration 0006).
    pub closed_on: Option<NaiveDate>,
    pub closed_reason: Option<String>,
    /// Carried forward: kept open and linked to a later report's plan.
    pub carried_to_report: Option<String>,
    /// … and to one of that report's recommendations, when the person chose one.
    pub carried_to_recommendation: Option<String>,
    /// The due date the action was first given; differs from `due_date` once re-scheduled.
    pub original_due_date: Option<NaiveDate>,
    /// What is being done about the risk to this action, as its owner records it.
    pub mitigation: Option<String>,
    /// The next step and when, as its owner records it.
    pub next_step: Option<String>,
    /// Still the recommendation's words copied in: to be rewritten as what will be done.
    pub draft: bool,
}

impl ActionRow {
    /// A new action, not started, under `recommendation_id`: every other field empty.
    pub fn new_open(
        recommendation_id: String,
        report_id: String,
        title: String,
        due_date: Option<NaiveDate>,
        due_date_source: DueDateSource,
        now: String,
    ) -> ActionRow {
        ActionRow {
            id: super::new_id(),
            recommendation_id,
            report_id,
            title,
            owner: None,
            partner_agency: None,
            due_date,
            due_date_source,
            due_date_reason: None,
            status: ActionStatus::NotStarted,
            progress: 0,
            measure_of_success: None,
            rag_override: None,
            rag_override_reason: None,
            signed_off_by: None,
            signed_off_at: None,
            completed_on: None,
            created_at: now.clone(),
            updated_at: now,
            deleted_at: None,
            closed_on: None,
            closed_reason: None,
            carried_to_report: None,
            carried_to_recommendation: None,
            original_due_date: due_date,
            mitigation: None,
            next_step: None,
            draft: false,
        }
    }
}

/// The columns a plan change may set (a closed list, so no column name is ever built
/// from input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Title,
    Owner,
    PartnerAgency,
    DueDate,
    DueDateSource,
    DueDateReason,
    Status,
    Progress,
    MeasureOfSuccess,
    RagOverride,
    RagOverrideReason,
    SignedOffBy,
    SignedOffAt,
    CompletedOn,
    DeletedAt,
    ClosedOn,
    ClosedReason,
    CarriedToReport,
    CarriedToRecommendation,
    Mitigation,
    NextStep,
    Draft,
    OriginalDueDate,
}

impl Column {
    pub const ALL: [Column; 23] = [
        Column::Title,
        Column::Owner,
        Column::PartnerAgency,
        Column::DueDate,
        Column::DueDateSource,
        Column::DueDateReason,
        Column::Status,
        Column::Progress,
        Column::MeasureOfSuccess,
        Column::RagOverride,
        Column::RagOverrideReason,
        Column::SignedOffBy,
        Column::SignedOffAt,
        Column::CompletedOn,
        Column::DeletedAt,
        Column::ClosedOn,
        Column::ClosedReason,
        Column::CarriedToReport,
        Column::CarriedToRecommendation,
        Column::Mitigation,
        Column::NextStep,
        Column::Draft,
        Column::OriginalDueDate,
    ];

    /// The column a history line names (its `field`), if it is one a change may set.
    pub fn parse(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Column::Title => "title",
            Column::Owner => "owner",
            Column::PartnerAgency => "partner_agency",
            Column::DueDate => "due_date",
            Column::DueDateSource => "due_date_source",
            Column::DueDateReason => "due_date_reason",
            Column::Status => "status",
            Column::Progress => "progress",
            Column::MeasureOfSuccess => "measure_of_success",
            Column::RagOverride => "rag_override",
            Column::RagOverrideReason => "rag_override_reason",
            Column::SignedOffBy => "signed_off_by",
            Column::SignedOffAt => "signed_off_at",
            Column::CompletedOn => "completed_on",
            Column::DeletedAt => "deleted_at",
            Column::ClosedOn => "closed_on",
            Column::ClosedReason => "closed_reason",
            Column::CarriedToReport => "carried_to_report",
            Column::CarriedToRecommendation => "carried_to_recommendation",
            Column::Mitigation => "mitigation",
            Column::NextStep => "next_step",
            Column::Draft => "draft",
            Column::OriginalDueDate => "original_due_date",
        }
    }
}

const COLUMNS: &str = "id, recommendation_id, title, owner, partner_agency, due_date, \
     due_date_source, due_date_reason, status, progress, measure_of_success, rag_override, \
     rag_override_reason, signed_off_by, signed_off_at, completed_on, created_at, updated_at, \
     deleted_at, report_id, closed_on, closed_reason, carried_to_report, \
     carried_to_recommendation, original_due_date, mitigation, next_step, draft";

fn bad_value(idx: usize, what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        idx,
        rusqlite::types::Type::Text,
        format!("unknown {what} {value:?}").into(),
    )
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<ActionRow> {
    let source: String = r.get(6)?;
    let status: String = r.get(8)?;
    let rag: Option<String> = r.get(11)?;
    Ok(ActionRow {
        id: r.get(0)?,
        recommendation_id: r.get(1)?,
        title: r.get(2)?,
        owner: r.get(3)?,
        partner_agency: r.get(4)?,
        due_date: dates::get_opt(r, 5)?,
        due_date_source: DueDateSource::parse(&source)
            .ok_or_else(|| bad_value(6, "due date source", &source))?,
        due_date_reason: r.get(7)?,
        status: ActionStatus::parse(&status).ok_or_else(|| bad_value(8, "status", &status))?,
        progress: r.get(9)?,
        measure_of_success: r.get(10)?,
        rag_override: match rag {
            Some(s) => Some(Rag::parse(&s).ok_or_else(|| bad_value(11, "RAG", &s))?),
            None => None,
        },
        rag_override_reason: r.get(12)?,
        signed_off_by: r.get(13)?,
        signed_off_at: r.get(14)?,
        completed_on: dates::get_opt(r, 15)?,
        created_at: r.get(16)?,
        updated_at: r.get(17)?,
        deleted_at: r.get(18)?,
        report_id: r.get(19)?,
        closed_on: dates::get_opt(r, 20)?,
        closed_reason: r.get(21)?,
        carried_to_report: r.get(22)?,
        carried_to_recommendation: r.get(23)?,
        original_due_date: dates::get_opt(r, 24)?,
        mitigation: r.get(25)?,
        next_step: r.get(26)?,
        draft: r.get(27)?,
    })
}

/// Insert actions, in order (a multi-row insert: see `store::insert_rows`).
pub fn insert_actions(conn: &Connection, actions: &[ActionRow]) -> Result<()> {
    super::insert_rows(
        conn,
        &format!("INSERT INTO actions ({COLUMNS})"),
        28,
        actions,
        |a, put| {
            put(params![
                a.id,
                a.recommendation_id,
                a.title,
                a.owner,
                a.partner_agency,
                dates::opt_to_sql(a.due_date),
                a.due_date_source.as_str(),
                a.due_date_reason,
                a.status.as_str(),
                a.progress,
                a.measure_of_success,
                a.rag_override.map(Rag::as_str),
                a.rag_override_reason,
                a.signed_off_by,
                a.signed_off_at,
                dates::opt_to_sql(a.completed_on),
                a.created_at,
                a.updated_at,
                a.deleted_at,
                a.report_id,
                dates::opt_to_sql(a.closed_on),
                a.closed_reason,
                a.carried_to_report,
                a.carried_to_recommendation,
                dates::opt_to_sql(a.original_due_date),
                a.mitigation,
                a.next_step,
                a.draft,
            ])
        },
    )
}

/// An action by id, whether or not it is in the bin.
pub fn get_action(conn: &Connection, id: &str) -> Result<ActionRow> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM actions WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "action",
            id: id.to_string(),
        })
}

/// Set one column of one action and its `updated_at`.
pub fn update_action_column(
    conn: &Connection,
    id: &str,
    column: Column,
    value: &dyn ToSql,
    updated_at: &str,
) -> Result<()> {
    let n = conn
        .prepare_cached(&format!(
            "UPDATE actions SET {} = ?1, updated_at = ?2 WHERE id = ?3",
            column.as_str()
        ))?
        .execute(params![value, updated_at, id])?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "action",
            id: id.to_string(),
        });
    }
    Ok(())
}

/// The actions in the bin, most recently deleted first.
pub fn list_deleted_actions(conn: &Connection) -> Result<Vec<ActionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM actions WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A recommendation's actions not in the bin, oldest first.
pub fn list_actions_for_recommendation(
    conn: &Connection,
    recommendation_id: &str,
) -> Result<Vec<ActionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM actions WHERE recommendation_id = ?1 AND deleted_at IS NULL
         ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([recommendation_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Up to `limit` action ids (in the bin or not) starting or ending with `prefix`.
pub fn list_action_ids_matching(
    conn: &Connection,
    prefix: &str,
    limit: usize,
) -> Result<Vec<String>> {
    // Ids are lower-case hex and dashes; anything else cannot match (and never reaches a
    // LIKE pattern as a wildcard).
    if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Ok(Vec::new());
    }
    // Ids that start with the text (a range of the primary key) or end with it (lists
    // show the end; a scan, which a person's typing can afford).
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM actions WHERE id >= ?1 AND id < ?1 || '~' AND substr(id, 1, length(?1)) = ?1
         UNION
         SELECT id FROM actions WHERE id LIKE '%' || ?1
         ORDER BY id LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![prefix.to_lowercase(), limit as i64], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
