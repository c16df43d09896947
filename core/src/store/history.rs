//! The `history` table: append-only (triggers refuse updates and deletes).

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::Result;

/// One recorded change: who changed which field of what, from what to what, and when (UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HistoryRow {
    #[ts(type = "number")]
    pub seq: i64,
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub who: String,
    pub at: String,
}

/// A change to append; `seq` is assigned by the database.
#[derive(Debug, Clone, Copy)]
pub struct NewHistory<'a> {
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub field: &'a str,
    pub old_value: Option<&'a str>,
    pub new_value: Option<&'a str>,
    pub who: &'a str,
    pub at: &'a str,
}

/// Append changes, in order (a multi-row insert: see `store::insert_rows`).
pub fn insert_history(conn: &Connection, rows: &[NewHistory<'_>]) -> Result<()> {
    super::insert_rows(
        conn,
        "INSERT INTO history (entity, entity_id, field, old_value, new_value, who, at)",
        7,
        rows,
        |h, put| {
            put(params![
                h.entity,
                h.entity_id,
                h.field,
                h.old_value,
                h.new_value,
                h.who,
                h.at
            ])
        },
    )
}

/// A row selected as `seq, entity, entity_id, field, old_value, new_value, who, at`.
pub(crate) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryRow> {
    Ok(HistoryRow {
        seq: r.get(0)?,
        entity: r.get(1)?,
        entity_id: r.get(2)?,
        field: r.get(3)?,
        old_value: r.get(4)?,
        new_value: r.get(5)?,
        who: r.get(6)?,
        at: r.get(7)?,
    })
}

/// Every change recorded against `entity_id`, oldest first.
pub fn list_history(conn: &Connection, entity_id: &str) -> Result<Vec<HistoryRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, entity, entity_id, field, old_value, new_value, who, at
         FROM history WHERE entity_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([entity_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every change recorded to one of `fields` of any `entity`, in the order recorded (the
/// overdue review's records, kept only in the history).
pub fn list_history_of_fields(
    conn: &Connection,
    entity: &str,
    fields: &[&str],
) -> Result<Vec<HistoryRow>> {
    let fields_json = serde_json::to_string(fields)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let mut stmt = conn.prepare_cached(
        "SELECT seq, entity, entity_id, field, old_value, new_value, who, at
         FROM history
         WHERE entity = ?1 AND field IN (SELECT value FROM json_each(?2))
         ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![entity, fields_json], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
