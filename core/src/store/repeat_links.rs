//! The `repeat_links` table: a person's decision on whether a recommendation repeats an
//! earlier one (migration 0005).

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::Result;

/// Confirmed (it is the same finding again) or rejected (it is not; not suggested again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Decision {
    Confirmed,
    Rejected,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Confirmed => "confirmed",
            Decision::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Decision> {
        match s {
            "confirmed" => Some(Decision::Confirmed),
            "rejected" => Some(Decision::Rejected),
            _ => None,
        }
    }
}

/// One stored decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RepeatLink {
    /// The later recommendation.
    pub recommendation_id: String,
    /// The earlier recommendation it does (or does not) repeat.
    pub earlier_id: String,
    pub decision: Decision,
    pub decided_by: String,
    pub decided_at: String,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RepeatLink> {
    let d: String = r.get(2)?;
    Ok(RepeatLink {
        recommendation_id: r.get(0)?,
        earlier_id: r.get(1)?,
        decision: Decision::parse(&d).unwrap_or(Decision::Rejected),
        decided_by: r.get(3)?,
        decided_at: r.get(4)?,
    })
}

const COLUMNS: &str = "recommendation_id, earlier_id, decision, decided_by, decided_at";

pub fn get_link(conn: &Connection, rec: &str, earlier: &str) -> Result<Option<RepeatLink>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM repeat_links WHERE recommendation_id = ?1 AND earlier_id = ?2"
        ))?
        .query_row([rec, earlier], from_row)
        .optional()?)
}

/// Insert or replace the decision on a pair.
pub fn upsert_link(conn: &Connection, link: &RepeatLink) -> Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO repeat_links ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (recommendation_id, earlier_id) DO UPDATE SET
             decision = excluded.decision, decided_by = excluded.decided_by,
             decided_at = excluded.decided_at"
    ))?
    .execute(params![
        link.recommendation_id,
        link.earlier_id,
        link.decision.as_str(),
        link.decided_by,
        link.decided_at
    ])?;
    Ok(())
}

/// Every decision that involves a recommendation, on either side, oldest first.
pub fn list_links_of(conn: &Connection, rec: &str) -> Result<Vec<RepeatLink>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM repeat_links WHERE recommendation_id = ?1 OR earlier_id = ?1
         ORDER BY decided_at"
    ))?;
    let rows = stmt.query_map([rec], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether any pair is confirmed (a cheap check before reading them all).
pub fn any_confirmed_repeat(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM repeat_links WHERE decision = 'confirmed')")?
        .query_row([], |r| r.get(0))?)
}

/// The recommendations confirmed as repeating an earlier one (the later side of a link).
pub fn confirmed_repeat_ids(conn: &Connection) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT recommendation_id FROM repeat_links WHERE decision = 'confirmed'",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every confirmed pair, oldest decision first.
pub fn list_confirmed_links(conn: &Connection) -> Result<Vec<RepeatLink>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM repeat_links WHERE decision = 'confirmed' ORDER BY decided_at"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
