//! The `action_updates` table: dated progress notes, append-only (a trigger refuses edits).

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::dates;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UpdateRow {
    pub id: String,
    pub action_id: String,
    /// The date the note is about (the user's "as of"), not when it was typed.
    pub written_on: NaiveDate,
    pub author: String,
    pub note: String,
    pub created_at: String,
}

pub fn insert_update(conn: &Connection, u: &UpdateRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO action_updates (id, action_id, written_on, author, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        u.id,
        u.action_id,
        dates::to_sql(u.written_on),
        u.author,
        u.note,
        u.created_at
    ])?;
    Ok(())
}

/// An action's notes, oldest first.
pub fn list_updates(conn: &Connection, action_id: &str) -> Result<Vec<UpdateRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, action_id, written_on, author, note, created_at FROM action_updates
         WHERE action_id = ?1 ORDER BY written_on, created_at",
    )?;
    let rows = stmt.query_map([action_id], |r| {
        Ok(UpdateRow {
            id: r.get(0)?,
            action_id: r.get(1)?,
            written_on: dates::get_opt(r, 2)?.unwrap_or_default(),
            author: r.get(3)?,
            note: r.get(4)?,
            created_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
