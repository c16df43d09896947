//! The `recommendations` table: each recommendation verbatim, with its timeframe both as
//! written and normalised (`timeframe_unit`/`timeframe_amount`).

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use crate::model::{Recommendation, Timeframe};
use crate::{Error, Result};

/// A stored recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RecommendationRow {
    pub id: String,
    pub report_id: String,
    #[ts(type = "number")]
    pub position: i64,
    pub section: String,
    /// The heading as written ("Within three months").
    pub timeframe: Option<String>,
    /// The heading normalised, as due dates count it.
    pub period: Timeframe,
    pub text: String,
    pub paragraph: Option<u32>,
}

/// The schema's (unit, amount) pair for a timeframe.
pub fn timeframe_columns(t: Timeframe) -> (&'static str, Option<u32>) {
    match t {
        Timeframe::Immediate => ("immediate", None),
        Timeframe::Months(n) => ("months", Some(n)),
        Timeframe::Weeks(n) => ("weeks", Some(n)),
        Timeframe::Days(n) => ("days", Some(n)),
        Timeframe::LongerTerm => ("longer_term", None),
        Timeframe::Unspecified => ("unspecified", None),
    }
}

/// The timeframe back from its columns; anything unreadable counts as unspecified.
pub fn timeframe_from_columns(unit: &str, amount: Option<u32>) -> Timeframe {
    match (unit, amount) {
        ("immediate", _) => Timeframe::Immediate,
        ("months", Some(n)) => Timeframe::Months(n),
        ("weeks", Some(n)) => Timeframe::Weeks(n),
        ("days", Some(n)) => Timeframe::Days(n),
        ("longer_term", _) => Timeframe::LongerTerm,
        _ => Timeframe::Unspecified,
    }
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<RecommendationRow> {
    let unit: String = r.get(4)?;
    Ok(RecommendationRow {
        id: r.get(0)?,
        report_id: r.get(1)?,
        position: r.get(2)?,
        section: r.get(3)?,
        period: timeframe_from_columns(&unit, r.get(5)?),
        timeframe: r.get(6)?,
        text: r.get(7)?,
        paragraph: r.get(8)?,
    })
}

const COLUMNS: &str =
    "id, report_id, position, section, timeframe_unit, timeframe_amount, timeframe, text, paragraph";

/// A recommendation to store.
#[derive(Debug, Clone, Copy)]
pub struct NewRecommendation<'a> {
    pub id: &'a str,
    pub report_id: &'a str,
    /// Its place in the report, from 0.
    pub position: usize,
    pub rec: &'a Recommendation,
}

/// Insert recommendations, in order (a multi-row insert: see `store::insert_rows`).
pub fn insert_recommendations(conn: &Connection, recs: &[NewRecommendation<'_>]) -> Result<()> {
    super::insert_rows(
        conn,
        "INSERT INTO recommendations (id, report_id, position, section, timeframe,
             timeframe_unit, timeframe_amount, text, paragraph, source_start, source_end)",
        11,
        recs,
        |n, put| {
            let (unit, amount) = timeframe_columns(n.rec.period);
            put(params![
                n.id,
                n.report_id,
                n.position as i64,
                n.rec.section,
                n.rec.timeframe,
                unit,
                amount,
                n.rec.text,
                n.rec.paragraph,
                n.rec.source_start as i64,
                n.rec.source_end as i64,
            ])
        },
    )
}

pub fn get_recommendation(conn: &Connection, id: &str) -> Result<RecommendationRow> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM recommendations WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "recommendation",
        id: id.to_string(),
    })
}

/// A report's recommendations in report order.
pub fn list_recommendations(conn: &Connection, report_id: &str) -> Result<Vec<RecommendationRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM recommendations WHERE report_id = ?1 AND deleted_at IS NULL
         ORDER BY position"
    ))?;
    let rows = stmt.query_map([report_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
