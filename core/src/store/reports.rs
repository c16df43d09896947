//! The `reports` and `judgements` tables: one row per imported report file.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use super::dates;
use crate::model::{Judgement, Report, ReportKind};
use crate::{Error, Result};

/// A stored report, without its (large) source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReportRow {
    pub id: String,
    pub kind: ReportKind,
    pub local_authority: Option<String>,
    pub inspection_start: Option<NaiveDate>,
    pub inspection_end: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    /// When the council received the report (starts the 70-working-day clock).
    pub received: Option<NaiveDate>,
    pub lead_inspector: Option<String>,
    /// The date the user gave for a report that states none.
    pub base_date: Option<NaiveDate>,
    pub source_name: String,
    pub source_sha256: String,
    pub source_format: String,
    pub imported_at: String,
    /// The statutory deadline for the written action plan, worked out at import from
    /// `received` (70 working days).
    pub action_plan_deadline: Option<NaiveDate>,
    /// The next inspection's date, when the user entered it (otherwise it is estimated).
    pub next_inspection: Option<NaiveDate>,
}

/// What `insert_report` writes.
#[derive(Debug, Clone, Copy)]
pub struct NewReport<'a> {
    pub id: &'a str,
    pub report: &'a Report,
    pub received: Option<NaiveDate>,
    pub action_plan_deadline: Option<NaiveDate>,
    pub base_date: Option<NaiveDate>,
    pub source_name: &'a str,
    pub source_sha256: &'a str,
    pub source_format: &'a str,
    pub source_text: &'a str,
    pub imported_at: &'a str,
}

const COLUMNS: &str = "id, kind, local_authority, inspection_start, inspection_end, published, \
                       received, lead_inspector, base_date, source_name, source_sha256, \
                       source_format, imported_at, action_plan_deadline, next_inspection";

fn from_row(r: &Row<'_>) -> rusqlite::Result<ReportRow> {
    let kind: String = r.get(1)?;
    Ok(ReportRow {
        id: r.get(0)?,
        kind: ReportKind::parse(&kind).unwrap_or(ReportKind::Other),
        local_authority: r.get(2)?,
        inspection_start: dates::get_opt(r, 3)?,
        inspection_end: dates::get_opt(r, 4)?,
        published: dates::get_opt(r, 5)?,
        received: dates::get_opt(r, 6)?,
        lead_inspector: r.get(7)?,
        base_date: dates::get_opt(r, 8)?,
        source_name: r.get(9)?,
        source_sha256: r.get(10)?,
        source_format: r.get(11)?,
        imported_at: r.get(12)?,
        action_plan_deadline: dates::get_opt(r, 13)?,
        next_inspection: dates::get_opt(r, 14)?,
    })
}

pub fn insert_report(conn: &Connection, n: &NewReport<'_>) -> Result<()> {
    let r = n.report;
    conn.prepare_cached(&format!(
        "INSERT INTO reports ({COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, NULL)"
    ))?
    .execute(params![
        n.id,
        r.kind.as_str(),
        r.local_authority,
        dates::opt_to_sql(r.inspection_start),
        dates::opt_to_sql(r.inspection_end),
        dates::opt_to_sql(r.published),
        dates::opt_to_sql(n.received),
        r.lead_inspector,
        dates::opt_to_sql(n.base_date),
        n.source_name,
        n.source_sha256,
        n.source_format,
        n.imported_at,
        dates::opt_to_sql(n.action_plan_deadline),
    ])?;
    // Apart from the report's facts, which lists read often and the text never.
    conn.prepare_cached("INSERT INTO report_texts (report_id, source_text) VALUES (?1, ?2)")?
        .execute(params![n.id, n.source_text])?;
    for (position, j) in r.judgements.iter().enumerate() {
        insert_judgement(conn, n.id, position, j)?;
    }
    Ok(())
}

pub fn insert_judgement(
    conn: &Connection,
    report_id: &str,
    position: usize,
    j: &Judgement,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO judgements (id, report_id, position, section, area, grade)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        super::new_id(),
        report_id,
        position as i64,
        j.section,
        j.area,
        j.grade
    ])?;
    Ok(())
}

/// The report already imported from a file with this SHA-256, if any.
pub fn get_report_id_by_sha256(conn: &Connection, sha256: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM reports WHERE source_sha256 = ?1")?
        .query_row([sha256], |r| r.get(0))
        .optional()?)
}

pub fn get_report(conn: &Connection, id: &str) -> Result<ReportRow> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM reports WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "report",
            id: id.to_string(),
        })
}

/// The order reports are shown in (the summary, the plan): oldest inspection first.
const OLDEST_FIRST: &str = "coalesce(inspection_end, published, base_date), imported_at, id";

/// Every report not in the bin, oldest inspection first.
pub fn list_reports(conn: &Connection) -> Result<Vec<ReportRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM reports WHERE deleted_at IS NULL ORDER BY {OLDEST_FIRST}"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Each report's judgements, in report order.
pub fn list_judgements(conn: &Connection, report_id: &str) -> Result<Vec<Judgement>> {
    let mut stmt = conn.prepare_cached(
        "SELECT section, area, grade FROM judgements WHERE report_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([report_id], |r| {
        Ok(Judgement {
            section: r.get(0)?,
            area: r.get(1)?,
            grade: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The local authority of every report not in the bin, as (authority, report id), oldest
/// inspection first.
pub fn live_report_authorities(conn: &Connection) -> Result<Vec<(Option<String>, String)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT local_authority, id FROM reports WHERE deleted_at IS NULL ORDER BY {OLDEST_FIRST}"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every report's judgements, by report id, in report order (one query, for summaries).
pub fn list_all_judgements(
    conn: &Connection,
) -> Result<std::collections::HashMap<String, Vec<Judgement>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT report_id, section, area, grade FROM judgements ORDER BY report_id, position",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: std::collections::HashMap<String, Vec<Judgement>> = Default::default();
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().push(Judgement {
            section: r.get(1)?,
            area: r.get(2)?,
            grade: r.get(3)?,
        });
    }
    Ok(out)
}

/// Set the dates the plan keeps about a report (received, its action-plan deadline, a
/// user-entered next inspection).
pub fn update_report_plan_dates(
    conn: &Connection,
    id: &str,
    received: Option<NaiveDate>,
    action_plan_deadline: Option<NaiveDate>,
    next_inspection: Option<NaiveDate>,
) -> Result<()> {
    let n = conn
        .prepare_cached(
            "UPDATE reports SET received = ?1, action_plan_deadline = ?2, next_inspection = ?3
             WHERE id = ?4",
        )?
        .execute(params![
            dates::opt_to_sql(received),
            dates::opt_to_sql(action_plan_deadline),
            dates::opt_to_sql(next_inspection),
            id
        ])?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "report",
            id: id.to_string(),
        });
    }
    Ok(())
}
