//! The dates the plan keeps about a report that the report itself may not say: when the
//! council received it (which starts the 70-working-day clock for the written action plan)
//! and the next inspection's date once it is known (until then it is estimated).

use chrono::NaiveDate;

use super::history;
use crate::schedule::action_plan_deadline;
use crate::store::reports::{get_report, update_report_plan_dates, ReportRow};
use crate::store::{dates, Store};
use crate::Result;

/// Set the date the report was received; the statutory deadline is worked out again and
/// stored with it. One transaction, recorded in the history.
pub fn set_received(
    store: &mut Store,
    report_id: &str,
    received: NaiveDate,
    who: &str,
) -> Result<ReportRow> {
    let tx = store.write()?;
    let r = get_report(&tx, report_id)?;
    // An area SEND report's plan deadline is the user's, not 70 working days from receipt.
    let deadline = if r.kind == crate::ReportKind::AreaSend {
        r.action_plan_deadline
    } else {
        Some(action_plan_deadline(received))
    };
    update_report_plan_dates(&tx, report_id, Some(received), deadline, r.next_inspection)?;
    let old = dates::opt_to_sql(r.received);
    let new = dates::to_sql(received);
    if old.as_deref() != Some(new.as_str()) {
        history::record(
            &tx,
            "report",
            report_id,
            "received",
            old.as_deref(),
            Some(&new),
            who,
        )?;
    }
    tx.commit()?;
    get_report(store.conn(), report_id)
}

/// Set (or with `None` clear) the next inspection's date, which then replaces the
/// estimate. One transaction, recorded in the history.
pub fn set_next_inspection(
    store: &mut Store,
    report_id: &str,
    date: Option<NaiveDate>,
    who: &str,
) -> Result<ReportRow> {
    let tx = store.write()?;
    let r = get_report(&tx, report_id)?;
    update_report_plan_dates(&tx, report_id, r.received, r.action_plan_deadline, date)?;
    let (old, new) = (
        dates::opt_to_sql(r.next_inspection),
        dates::opt_to_sql(date),
    );
    if old != new {
        history::record(
            &tx,
            "report",
            report_id,
            "next_inspection",
            old.as_deref(),
            new.as_deref(),
            who,
        )?;
    }
    tx.commit()?;
    get_report(store.conn(), report_id)
}

/// The full id of the report whose id is `text` or starts or ends with it (at least
/// [`super::actions::MIN_ID_PREFIX`] characters), as lists show short ids, or whose local
/// authority or file name is `text` (ignoring case) when that names one report. A text
/// that matches no report is an error naming it: a filter that matches nothing must not
/// turn into an empty paper.
pub fn resolve_report_id(store: &Store, text: &str) -> Result<String> {
    let t = text.trim().to_lowercase();
    let reports = crate::store::reports::list_reports(store.conn())?;
    let by_id: Vec<&str> = reports
        .iter()
        .map(|r| r.id.as_str())
        .filter(|_| t.chars().count() >= super::actions::MIN_ID_PREFIX)
        .filter(|id| id.starts_with(&t) || id.ends_with(&t))
        .collect();
    let by_name: Vec<&crate::store::reports::ReportRow> = reports
        .iter()
        .filter(|r| {
            r.local_authority
                .as_deref()
                .is_some_and(|la| la.trim().to_lowercase() == t)
                || r.source_name.to_lowercase() == t
        })
        .collect();
    match (by_id.as_slice(), by_name.as_slice()) {
        ([one], _) => Ok((*one).to_string()),
        ([], [one]) => Ok(one.id.clone()),
        ([], []) => Err(crate::Error::NotFound {
            what: "report",
            id: text.trim().to_string(),
        }),
        ([], several) => Err(crate::Error::Invalid(format!(
            "{:?} names {} reports ({}); give the id of the one you mean",
            text.trim(),
            several.len(),
            several
                .iter()
                .map(|r| r.id.get(..8).unwrap_or(&r.id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
        _ => Err(crate::Error::Invalid(format!(
            "report id {text:?} matches more than one report; give more of it"
        ))),
    }
}
