//! The `paper_exports` table: each board paper written, so the next one's "change since
//! the previous paper" can count from its date without being told.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::dates;
use crate::Result;

/// Record that a paper in `format` as at `as_of` was written by `who` at `at`.
pub fn insert_paper_export(
    conn: &Connection,
    format: &str,
    as_of: NaiveDate,
    who: &str,
    at: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO paper_exports (id, format, as_of, exported_at, who)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        super::new_id(),
        format,
        dates::to_sql(as_of),
        at,
        who
    ])?;
    Ok(())
}

/// The latest as-at date of a paper in `format` written before `before`.
pub fn last_paper_before(
    conn: &Connection,
    format: &str,
    before: NaiveDate,
) -> Result<Option<NaiveDate>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT max(as_of) FROM paper_exports WHERE format = ?1 AND as_of < ?2")?
        .query_row(params![format, dates::to_sql(before)], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(text.as_deref().and_then(dates::parse))
}
