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

/// `YYYY-MM-DD` to a date: the stored form, read directly (lists read several per row and
/// chrono's format parser is comparatively slow); anything else through chrono.
pub fn parse(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()
}

/// Read a nullable date column; a malformed value is a conversion error, not a panic.
pub fn get_opt(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<&str> = match row.get_ref(idx)? {
        rusqlite::types::ValueRef::Null => None,
        v => Some(v.as_str()?),
    };
    text.map(|t| {
        parse(t).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                idx,
                Type::Text,
                format!("not a date: {t:?}").into(),
            )
        })
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_stored_form_and_refuses_nonsense() {
        assert_eq!(parse("2012-02-29"), NaiveDate::from_ymd_opt(2012, 2, 29));
        assert_eq!(parse("2011-02-29"), None);
        assert_eq!(parse("2011-13-01"), None);
        assert_eq!(parse("2011-1x-01"), None);
        assert_eq!(parse("20110101"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse(&to_sql(NaiveDate::MAX)), Some(NaiveDate::MAX));
    }
}
