//! The plan as it was recorded at the end of a past day, rebuilt from the history.
//!
//! `--as-of` alone rates today's statuses as at a date (what is overdue then, RAG then).
//! A board paper for a past meeting needs more: each action's status, progress, owner and
//! due date as they stood that day. Every change is in the append-only history with its
//! old value, so a private in-memory copy of the database is rewound — changes made after
//! the day undone newest first, rows added after it removed — and the ordinary list,
//! summary and export code then reads the copy. One implementation of every view, and
//! the real database is only read.

use chrono::{LocalResult, NaiveDate, TimeZone, Utc};

use crate::schedule::action_plan_deadline;
use crate::store::actions::Column;
use crate::store::backup::copy_to_memory;
use crate::store::rewind::{
    drop_recorded_after, history_since, refresh_derived, reopen_report_plan, set_action_column,
    set_report_next_inspection, set_report_received, set_setting,
};
use crate::store::{dates, team, Store};
use crate::Result;

/// A copy of `store` holding what was recorded by the end of `day` (local time).
pub fn as_recorded(store: &Store, day: NaiveDate) -> Result<Store> {
    let mut copy = copy_to_memory(store)?;
    let cutoff = end_of_day_utc(day);
    let tx = copy.write()?;
    // The copy is private: rewinding it is no change of the team's plan (nothing to
    // queue, and nothing a viewer's role would refuse).
    team::set_capture(&tx, false)?;
    drop_recorded_after(&tx, &cutoff)?;
    for h in history_since(&tx, &cutoff)? {
        let old = h.old_value.as_deref();
        match (h.entity.as_str(), h.field.as_str()) {
            ("action", field) => {
                // "created", "note" and "evidence" lines are undone by removing the rows.
                if let Some(column) = Column::parse(field) {
                    set_action_column(&tx, &h.entity_id, column, old)?;
                }
            }
            ("report", "received") => {
                let received = old.and_then(dates::parse);
                set_report_received(
                    &tx,
                    &h.entity_id,
                    received,
                    received.map(action_plan_deadline),
                )?;
            }
            ("report", "next_inspection") => {
                set_report_next_inspection(&tx, &h.entity_id, old)?;
            }
            // Closed later: the plan was open on that day (see `super::timeline`).
            ("report", "plan_closed") => reopen_report_plan(&tx, &h.entity_id)?,
            ("setting", _) => set_setting(&tx, &h.entity_id, old)?,
            _ => {}
        }
    }
    refresh_derived(&tx)?;
    tx.commit()?;
    Ok(copy)
}

/// The first instant after `day` ends in local time, as the UTC text the tables store
/// (`2012-02-01` in London winter time → `2012-02-02T00:00:00.000Z`).
fn end_of_day_utc(day: NaiveDate) -> String {
    let next = day.succ_opt().unwrap_or(NaiveDate::MAX);
    let midnight = next.and_hms_opt(0, 0, 0).unwrap_or_default();
    let utc = match chrono::Local.from_local_datetime(&midnight) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        // Midnight skipped by a clock change (not in the UK): count the day in UTC.
        LocalResult::None => Utc.from_utc_datetime(&midnight),
    };
    utc.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}
