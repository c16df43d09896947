//! What the plan keeps of an area SEND report beyond a children's services one: the
//! responsible body of each priority action (which becomes the action's lead partner),
//! whether a priority action plan is required and its deadline, the previous inspection,
//! and the next inspection the report states.
//!
//! The report does not print the priority action plan's deadline, so it is never
//! invented: the user enters it (at review), and it is kept in the report's action-plan
//! deadline, which the dashboard, the board paper and the statement already track.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::history;
pub use crate::model::AreaSendFacts;
use crate::model::{Report, ReportKind};
use crate::store::reports::{get_report, update_report_plan_dates};
use crate::store::{self, dates, Store};
use crate::{Error, Result};

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
    store::area_send::set_report_facts(
        conn,
        report_id,
        report.priority_action_plan_required,
        report.previous_inspection_start,
        report.previous_inspection_end,
        report.next_inspection,
    )?;
    for (id, r) in rec_ids.iter().zip(&report.recommendations) {
        if let Some(body) = &r.responsible_body {
            store::area_send::set_responsible_body(conn, id, body)?;
        }
    }
    Ok(())
}

/// The area SEND facts of a stored report; `None` for other kinds.
pub fn facts(conn: &Connection, report_id: &str) -> Result<Option<AreaSendFacts>> {
    let row = store::area_send::get_facts(conn, report_id)?;
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
