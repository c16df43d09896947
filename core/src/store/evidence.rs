//! The `evidence` table: files (named by SHA-256 in the data folder) and links.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EvidenceRow {
    pub id: String,
    pub action_id: String,
    /// "file" or "link".
    pub kind: String,
    pub original_name: Option<String>,
    pub sha256: Option<String>,
    pub link: Option<String>,
    pub added_by: String,
    pub added_at: String,
    /// One line on what it shows (the statement's evidence of impact).
    pub summary: Option<String>,
}

pub fn insert_evidence(conn: &Connection, e: &EvidenceRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO evidence (id, action_id, kind, original_name, sha256, link, added_by,
             added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        e.id,
        e.action_id,
        e.kind,
        e.original_name,
        e.sha256,
        e.link,
        e.added_by,
        e.added_at
    ])?;
    Ok(())
}

/// Set a piece of evidence's one-line summary (`None` clears it).
pub fn update_evidence_summary(conn: &Connection, id: &str, summary: Option<&str>) -> Result<()> {
    conn.prepare_cached("UPDATE evidence SET summary = ?1 WHERE id = ?2")?
        .execute(params![summary, id])?;
    Ok(())
}

/// An action's evidence (not deleted), oldest first.
pub fn list_evidence(conn: &Connection, action_id: &str) -> Result<Vec<EvidenceRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, action_id, kind, original_name, sha256, link, added_by, added_at, summary
         FROM evidence WHERE action_id = ?1 AND deleted_at IS NULL ORDER BY added_at, id",
    )?;
    let rows = stmt.query_map([action_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The evidence row already attaching this file (by hash) or link to the action, if any.
pub fn find_evidence(
    conn: &Connection,
    action_id: &str,
    sha256: Option<&str>,
    link: Option<&str>,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM evidence WHERE action_id = ?1 AND deleted_at IS NULL
             AND (sha256 = ?2 OR link = ?3) LIMIT 1",
        )?
        .query_row(params![action_id, sha256, link], |r| r.get(0))
        .optional()?)
}

pub fn has_evidence(conn: &Connection, action_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM evidence WHERE action_id = ?1 AND deleted_at IS NULL)",
        )?
        .query_row([action_id], |r| r.get(0))?)
}

/// One piece of evidence by its id (deleted ones too: opening old evidence is harmless).
pub fn get_evidence(conn: &Connection, id: &str) -> Result<EvidenceRow> {
    conn.prepare_cached(
        "SELECT id, action_id, kind, original_name, sha256, link, added_by, added_at, summary
         FROM evidence WHERE id = ?1",
    )?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| crate::Error::NotFound {
        what: "evidence",
        id: id.to_owned(),
    })
}

/// A row of `SELECT id, action_id, kind, original_name, sha256, link, added_by, added_at,
/// summary`.
fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EvidenceRow> {
    Ok(EvidenceRow {
        id: r.get(0)?,
        action_id: r.get(1)?,
        kind: r.get(2)?,
        original_name: r.get(3)?,
        sha256: r.get(4)?,
        link: r.get(5)?,
        added_by: r.get(6)?,
        added_at: r.get(7)?,
        summary: r.get(8)?,
    })
}
