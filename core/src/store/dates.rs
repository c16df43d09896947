//! Dates as the schema stores them: ISO 8601 text (`YYYY-MM-DD`), so the database stays
//! readable with any SQLite tool and sorts correctly as text.

use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::Row;

/// `2011-10-14`.
pub fn to_sql(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn opt_to_sql(d: Option<NaiveDate>) -> Option<String> {
    d.map(to_sql)
}

/// Read a nullable date column; a malformed value is a conversion error, not a panic.
pub fn get_opt(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
    })
    .transpose()
}
