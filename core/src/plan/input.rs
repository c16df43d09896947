//! Parsing what people type (CLI flags, form fields) into plan values, with one clear error
//! per mistake; the plan's functions take the parsed values.

use chrono::NaiveDate;

use crate::model::{ActionStatus, Rag};
use crate::{Error, Result};

/// `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::Invalid(format!(
            "invalid date {s:?}: use YYYY-MM-DD, for example 2012-02-01"
        ))
    })
}

pub fn parse_status(s: &str) -> Result<ActionStatus> {
    ActionStatus::parse(s).ok_or_else(|| {
        Error::Invalid(format!(
            "invalid status {s:?}: use one of {}",
            ActionStatus::ALL.map(ActionStatus::as_str).join(", ")
        ))
    })
}

pub fn parse_rag(s: &str) -> Result<Rag> {
    Rag::parse(s).ok_or_else(|| {
        Error::Invalid(format!(
            "invalid RAG rating {s:?}: use one of {}",
            Rag::ALL.map(Rag::as_str).join(", ")
        ))
    })
}

/// A whole number of per cent, 0 to 100 (a trailing "%" is allowed).
pub fn parse_progress(s: &str) -> Result<u8> {
    let t = s.trim().trim_end_matches('%').trim();
    t.parse::<i64>()
        .ok()
        .and_then(|n| u8::try_from(n).ok())
        .filter(|n| *n <= 100)
        .ok_or_else(|| {
            Error::Invalid(format!(
                "invalid progress {s:?}: use a whole number from 0 to 100"
            ))
        })
}

/// A whole number of days, 0 or more.
pub fn parse_days(s: &str) -> Result<u32> {
    s.trim().parse::<u32>().map_err(|_| {
        Error::Invalid(format!(
            "invalid number of days {s:?}: use a whole number, 0 or more"
        ))
    })
}
