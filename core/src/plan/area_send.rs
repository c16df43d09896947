//! What the plan keeps of an area SEND report beyond a children's services one: the
//! responsible body of each priority action (which becomes the action's lead partner),
//! whether a priority action plan is required and its deadline, the previous inspection,
//! and the next inspection the report states.
//!
//! The report does not print the priority action plan's deadline, so it is never
//! invented: the user enters it (at review), and it is kept in the report's action-plan
//! deadline, which the dashboard, the board paper and the statement already track.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::history;
use crate::model::{Report, ReportKind, StatedInspectionKind, StatedNextInspection};
use crate::store::reports::{get_report, update_report_plan_dates};
use crate::store::{dates, Store};
use crate::{Error, Result};

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

/// Store the area SEND facts of a report being imported, and each recommendation's
/// responsible body on it and, as the lead partner, on its action. Called inside the
/// import's transaction, after the rows are inserted.
pub(super) fn store_imported(
    conn: &Connection,
    report_id: &str,
    rec_ids: &[String],
    report: &Report,
) -> Result<()> {
    if report.kind != ReportKind::AreaSend {
        return Ok(());
    }
    let next = report.next_inspection;
    conn.prepare_cached(
        "UPDATE reports SET priority_action_plan_required = ?1, previous_inspection_start = ?2,
             previous_inspection_end = ?3, stated_next_inspection_kind = ?4,
             stated_next_inspection_months = ?5
         WHERE id = ?6",
    )?
    .execute(params![
        report.priority_action_plan_required,
        dates::opt_to_sql(report.previous_inspection_start),
        dates::opt_to_sql(report.previous_inspection_end),
        next.map(|n| kind_name(n.kind)),
        next.map(|n| n.within_months),
        report_id,
    ])?;
    let mut rec =
        conn.prepare_cached("UPDATE recommendations SET responsible_body = ?1 WHERE id = ?2")?;
    let mut action =
        conn.prepare_cached("UPDATE actions SET lead_partner = ?1 WHERE recommendation_id = ?2")?;
    for (id, r) in rec_ids.iter().zip(&report.recommendations) {
        if let Some(body) = &r.responsible_body {
            rec.execute(params![body, id])?;
            action.execute(params![body, id])?;
        }
    }
    Ok(())
}

fn kind_name(k: StatedInspectionKind) -> &'static str {
    match k {
        StatedInspectionKind::Full => "full",
        StatedInspectionKind::Monitoring => "monitoring",
    }
}

/// The area SEND facts of a stored report; `None` for other kinds.
pub fn facts(conn: &Connection, report_id: &str) -> Result<Option<AreaSendFacts>> {
    let row = conn
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
        .optional()?;
    match row {
        None => Err(Error::NotFound {
            what: "report",
            id: report_id.to_string(),
        }),
        Some((kind, f)) if kind == ReportKind::AreaSend.as_str() => Ok(Some(f)),
        Some(_) => Ok(None),
    }
}

/// Set (or with `None` clear) the deadline of the priority action plan an area SEND report
/// requires. Refused, with nothing changed, for a report that requires none. One
/// transaction, recorded in the history.
pub fn set_priority_plan_deadline(
    store: &mut Store,
    report_id: &str,
    deadline: Option<NaiveDate>,
    who: &str,
) -> Result<AreaSendFacts> {
    let tx = store.write()?;
    let required = facts(&tx, report_id)?.is_some_and(|f| f.priority_action_plan_required);
    if !required {
        return Err(Error::Invalid(
            "this report requires no priority action plan (only an area SEND report with \
             widespread and/or systemic failings does), so it has no plan deadline to set; \
             nothing was changed"
                .to_string(),
        ));
    }
    let r = get_report(&tx, report_id)?;
    update_report_plan_dates(&tx, report_id, r.received, deadline, r.next_inspection)?;
    let (old, new) = (
        dates::opt_to_sql(r.action_plan_deadline),
        dates::opt_to_sql(deadline),
    );
    if old != new {
        history::record(
            &tx,
            "report",
            report_id,
            "priority_action_plan_deadline",
            old.as_deref(),
            new.as_deref(),
            who,
        )?;
    }
    tx.commit()?;
    facts(store.conn(), report_id)?.ok_or_else(|| Error::NotFound {
        what: "report",
        id: report_id.to_string(),
    })
}
