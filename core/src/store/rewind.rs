//! SQL that turns a private copy of the database back to what it held at an earlier
//! moment (see [`crate::plan::as_recorded`]). Every function here is meant for that copy
//! only: it deletes rows and sets columns back without recording history.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::actions::Column;
use super::dates;
use super::history::{self, HistoryRow};
use crate::Result;

/// Remove everything first recorded at or after `cutoff` (a UTC timestamp as the tables
/// store them): reports imported later (with their recommendations, actions, notes and
/// evidence, by cascade), actions added later, notes written into the plan later and
/// evidence attached later. Evidence taken out later is put back.
pub fn drop_recorded_after(conn: &Connection, cutoff: &str) -> Result<()> {
    conn.execute("DELETE FROM reports WHERE imported_at >= ?1", [cutoff])?;
    conn.execute("DELETE FROM actions WHERE created_at >= ?1", [cutoff])?;
    conn.execute(
        "DELETE FROM action_updates WHERE created_at >= ?1",
        [cutoff],
    )?;
    conn.execute("DELETE FROM evidence WHERE added_at >= ?1", [cutoff])?;
    conn.execute(
        "UPDATE evidence SET deleted_at = NULL WHERE deleted_at >= ?1",
        [cutoff],
    )?;
    Ok(())
}

/// History lines recorded at or after `cutoff`, newest first (the order to undo them in).
pub fn history_since(conn: &Connection, cutoff: &str) -> Result<Vec<HistoryRow>> {
    let mut stmt = conn.prepare(
        "SELECT seq, entity, entity_id, field, old_value, new_value, who, at
         FROM history WHERE at >= ?1 ORDER BY seq DESC",
    )?;
    let rows = stmt.query_map([cutoff], history::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Put one column of an action back to `value` (an action removed above is skipped).
pub fn set_action_column(
    conn: &Connection,
    id: &str,
    column: Column,
    value: Option<&str>,
) -> Result<()> {
    let sql = format!("UPDATE actions SET {} = ?1 WHERE id = ?2", column.as_str());
    match column {
        // Stored as a number; the history holds its text.
        Column::Progress | Column::Draft => {
            let n: i64 = value.and_then(|v| v.parse().ok()).unwrap_or(0);
            conn.prepare_cached(&sql)?.execute(params![n, id])?
        }
        _ => conn.prepare_cached(&sql)?.execute(params![value, id])?,
    };
    Ok(())
}

/// Put a report's received date back, with the action-plan deadline it gives.
pub fn set_report_received(
    conn: &Connection,
    report_id: &str,
    received: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
) -> Result<()> {
    conn.execute(
        "UPDATE reports SET received = ?1, action_plan_deadline = ?2 WHERE id = ?3",
        params![
            dates::opt_to_sql(received),
            dates::opt_to_sql(deadline),
            report_id
        ],
    )?;
    Ok(())
}

/// Put a report's next-inspection date back to `value` as stored (`None`: not set).
pub fn set_report_next_inspection(
    conn: &Connection,
    report_id: &str,
    value: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE reports SET next_inspection = ?1 WHERE id = ?2",
        params![value, report_id],
    )?;
    Ok(())
}

/// Undo the closing of a report's plan (its actions' columns are put back one by one from
/// their own history lines).
pub fn reopen_report_plan(conn: &Connection, report_id: &str) -> Result<()> {
    conn.execute(
        "UPDATE reports SET plan_closed_on = NULL, plan_closed_reason = NULL,
                plan_closed_by_report = NULL
         WHERE id = ?1",
        [report_id],
    )?;
    Ok(())
}

/// Put a setting back to `value` (`None`: it was not set, so the default applied).
pub fn set_setting(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(v) => conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, '')
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, v],
        )?,
        None => conn.execute("DELETE FROM settings WHERE key = ?1", [key])?,
    };
    Ok(())
}

/// Work out again the facts triggers keep on each action (latest note; signed off with
/// evidence), which the rows removed above may have changed.
pub fn refresh_derived(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "UPDATE actions SET
             last_update = (SELECT max(u.written_on) FROM action_updates u
                            WHERE u.action_id = actions.id),
             sign_ready = (signed_off_at IS NOT NULL AND EXISTS (SELECT 1 FROM evidence e
                           WHERE e.action_id = actions.id AND e.deleted_at IS NULL));",
    )?;
    Ok(())
}
