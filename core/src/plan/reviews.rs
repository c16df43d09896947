//! The overdue review's records: an action reviewed by someone on a day, what was agreed
//! and when to look at it again.
//!
//! A review is kept only in the history, as four lines recorded together in one
//! statement (so they read back as one record, in order): it is as append-only and as
//! attributable as every other change, and the action's own history shows it.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::actions::live_action;
use crate::labels::long_date;
use crate::store::history::{insert_history, list_history_of_fields, NewHistory};
use crate::store::{dates, now_utc, Store};
use crate::{Error, Result};

/// The history's field names for a review, in the order they are recorded; the first
/// starts a record.
pub const REVIEW_FIELDS: [&str; 4] = [
    "reviewed_by",
    "reviewed_on",
    "review_outcome",
    "next_review",
];

/// One review of one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Review {
    pub action_id: String,
    /// Who reviewed it (a person, or a meeting such as "QA panel").
    pub reviewed_by: String,
    pub reviewed_on: NaiveDate,
    /// What was agreed.
    pub outcome: String,
    /// When to look at it again.
    pub next_review: Option<NaiveDate>,
    /// The name the history records for the person who entered it.
    pub recorded_by: String,
    /// When it was entered (UTC).
    pub recorded_at: String,
}

/// A review to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReview {
    /// Who reviewed it; `None` or blank: the person recording it.
    pub reviewed_by: Option<String>,
    pub reviewed_on: NaiveDate,
    pub outcome: String,
    pub next_review: Option<NaiveDate>,
}

/// Check a review before anything is written.
fn check(new: &NewReview, today: NaiveDate) -> Result<()> {
    if new.outcome.trim().is_empty() {
        return Err(Error::Invalid(
            "the review's outcome cannot be empty: say what was agreed".into(),
        ));
    }
    if new.reviewed_on > today {
        return Err(Error::Invalid(format!(
            "a review cannot be dated after today ({}): give the day it took place",
            long_date(today)
        )));
    }
    if let Some(next) = new.next_review {
        if next <= new.reviewed_on {
            return Err(Error::Invalid(format!(
                "the next review ({}) must be after the review itself ({})",
                long_date(next),
                long_date(new.reviewed_on)
            )));
        }
    }
    Ok(())
}

/// Record a review of action `action_id` (live, not in the bin) in its history, in one
/// transaction. `who` is the name the history records; the reviewer defaults to it.
pub fn record_review(
    store: &mut Store,
    action_id: &str,
    new: &NewReview,
    today: NaiveDate,
    who: &str,
) -> Result<Review> {
    check(new, today)?;
    let reviewed_by = new
        .reviewed_by
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(who)
        .to_string();
    let review = Review {
        action_id: action_id.to_string(),
        reviewed_by,
        reviewed_on: new.reviewed_on,
        outcome: new.outcome.trim().to_string(),
        next_review: new.next_review,
        recorded_by: who.to_string(),
        recorded_at: now_utc(),
    };
    let on = dates::to_sql(review.reviewed_on);
    let next = review.next_review.map(dates::to_sql);
    let values = [
        Some(review.reviewed_by.as_str()),
        Some(on.as_str()),
        Some(review.outcome.as_str()),
        next.as_deref(),
    ];
    let tx = store.write()?;
    live_action(&tx, action_id)?;
    let rows: Vec<NewHistory<'_>> = REVIEW_FIELDS
        .iter()
        .zip(values)
        .map(|(field, value)| NewHistory {
            entity: "action",
            entity_id: action_id,
            field,
            old_value: None,
            new_value: value,
            who,
            at: &review.recorded_at,
        })
        .collect();
    insert_history(&tx, &rows)?;
    tx.commit()?;
    Ok(review)
}

/// Every review recorded, oldest first.
pub fn reviews(store: &Store) -> Result<Vec<Review>> {
    let mut out: Vec<Review> = Vec::new();
    for h in list_history_of_fields(store.conn(), "action", &REVIEW_FIELDS)? {
        let value = h.new_value.unwrap_or_default();
        if h.field == REVIEW_FIELDS[0] {
            out.push(Review {
                action_id: h.entity_id,
                reviewed_by: value,
                reviewed_on: NaiveDate::MIN,
                outcome: String::new(),
                next_review: None,
                recorded_by: h.who,
                recorded_at: h.at,
            });
            continue;
        }
        // The other lines of the record just started (same action, same moment).
        let Some(r) = out
            .last_mut()
            .filter(|r| r.action_id == h.entity_id && r.recorded_at == h.at)
        else {
            continue;
        };
        match h.field.as_str() {
            "reviewed_on" => r.reviewed_on = dates::parse(&value).unwrap_or(NaiveDate::MIN),
            "review_outcome" => r.outcome = value,
            _ => r.next_review = dates::parse(&value),
        }
    }
    Ok(out)
}

/// Each reviewed action's latest review, by action id.
pub fn latest_reviews(store: &Store) -> Result<Vec<Review>> {
    let mut latest: std::collections::BTreeMap<String, Review> = Default::default();
    for r in reviews(store)? {
        latest.insert(r.action_id.clone(), r);
    }
    Ok(latest.into_values().collect())
}
