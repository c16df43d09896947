//! The area SEND columns of `reports`, `recommendations` and `actions` (migration 0004):
//! whether a priority action plan is required, the previous inspection, the next
//! inspection the report states, and each priority action's responsible body (on its
//! recommendation, and as the lead partner on its action).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::dates;
use crate::model::{AreaSendFacts, StatedInspectionKind, StatedNextInspection};
use crate::Result;

/// Store a report's area SEND facts (its row must exist).
pub fn set_report_facts(
    conn: &Connection,
    report_id: &str,
    plan_required: bool,
    previous_start: Option<NaiveDate>,
    previous_end: Option<NaiveDate>,
    next: Option<StatedNextInspection>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE reports SET priority_action_plan_required = ?1, previous_inspection_start = ?2,
             previous_inspection_end = ?3, stated_next_inspection_kind = ?4,
             stated_next_inspection_months = ?5
         WHERE id = ?6",
    )?
    .execute(params![
        plan_required,
        dates::opt_to_sql(previous_start),
        dates::opt_to_sql(previous_end),
        next.map(|n| kind_name(n.kind)),
        next.map(|n| n.within_months),
        report_id,
    ])?;
    Ok(())
}

/// The body responsible for a recommendation, kept on it and, as the lead partner, on
/// its actions.
pub fn set_responsible_body(conn: &Connection, recommendation_id: &str, body: &str) -> Result<()> {
    conn.prepare_cached("UPDATE recommendations SET responsible_body = ?1 WHERE id = ?2")?
        .execute(params![body, recommendation_id])?;
    conn.prepare_cached("UPDATE actions SET lead_partner = ?1 WHERE recommendation_id = ?2")?
        .execute(params![body, recommendation_id])?;
    Ok(())
}

/// A report's kind and its area SEND facts as stored (`None`: no such report).
pub fn get_facts(conn: &Connection, report_id: &str) -> Result<Option<(String, AreaSendFacts)>> {
    Ok(conn
        .prepare_cached(
            "SELECT kind, priority_action_plan_required, action_plan_deadline,
                    previous_inspection_start, previous_inspection_end,
                    stated_next_inspection_kind, stated_next_inspection_months
             FROM reports WHERE id = ?1",
        )?
        .query_row([report_id], |r| {
            let kind: String = r.get(0)?;
            let next_kind: Option<String> = r.get(5)?;
            let months: Option<u32> = r.get(6)?;
            let stated = match (next_kind.as_deref(), months) {
                (Some("full"), Some(m)) => Some(StatedNextInspection {
                    kind: StatedInspectionKind::Full,
                    within_months: m,
                }),
                (Some("monitoring"), Some(m)) => Some(StatedNextInspection {
                    kind: StatedInspectionKind::Monitoring,
                    within_months: m,
                }),
                _ => None,
            };
            Ok((
                kind,
                AreaSendFacts {
                    priority_action_plan_required: r.get(1)?,
                    priority_action_plan_deadline: dates::get_opt(r, 2)?,
                    previous_inspection_start: dates::get_opt(r, 3)?,
                    previous_inspection_end: dates::get_opt(r, 4)?,
                    stated_next_inspection: stated,
                },
            ))
        })
        .optional()?)
}

fn kind_name(k: StatedInspectionKind) -> &'static str {
    match k {
        StatedInspectionKind::Full => "full",
        StatedInspectionKind::Monitoring => "monitoring",
    }
}
