//! The burn-up: how many actions were due, and how many completed, by each date. One rule
//! for the dashboard's chart and the board paper's.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::timeline;
use crate::model::ActionStatus;
use crate::store::reports::list_reports;
use crate::store::{dates, Store};
use crate::Result;

/// Cumulative counts by date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BurnUp {
    /// Cumulative count due on or before each date where it changes, in date order.
    pub due: Vec<(NaiveDate, u32)>,
    /// Cumulative count completed on or before each date, up to the as-of date.
    pub completed: Vec<(NaiveDate, u32)>,
}

impl BurnUp {
    /// From each action's due date, status and completion date, as at `as_of`.
    pub fn count(
        actions: impl IntoIterator<Item = (Option<NaiveDate>, ActionStatus, Option<NaiveDate>)>,
        as_of: NaiveDate,
    ) -> BurnUp {
        let mut due = Vec::new();
        let mut completed = Vec::new();
        for (due_date, status, completed_on) in actions {
            due.extend(due_date);
            if status == ActionStatus::Completed {
                completed.extend(completed_on.filter(|d| *d <= as_of));
            }
        }
        BurnUp {
            due: cumulative(due),
            completed: cumulative(completed),
        }
    }
}

/// The burn-up over every action in the plan (not in the bin, nor under a recommendation
/// or report in the bin, nor of a report inspected after `as_of` or closed with its plan
/// by then — the actions the list shows), as at `as_of`.
///
/// One query over three columns: the dashboard draws it at every visit, so it must not
/// cost what gathering a whole export does. The bin is checked against the few binned
/// recommendations and reports (each list made once), not by looking every action's
/// recommendation and report up: a join did that 100,000 times on a large plan.
pub fn burn_up(store: &Store, as_of: NaiveDate) -> Result<BurnUp> {
    // The live reports known by then (the timeline's as-at rule); reports are few.
    let known: HashSet<String> = list_reports(store.conn())?
        .into_iter()
        .filter(|r| timeline::known_by(r, as_of))
        .map(|r| r.id)
        .collect();
    let mut stmt = store.conn().prepare_cached(
        "SELECT a.due_date, a.status, a.completed_on, a.report_id, a.closed_on
         FROM actions a
         WHERE a.deleted_at IS NULL
           AND a.recommendation_id NOT IN
               (SELECT id FROM recommendations WHERE deleted_at IS NOT NULL AND id IS NOT NULL)",
    )?;
    let mut rows = stmt.query([])?;
    let mut actions = Vec::new();
    while let Some(row) = rows.next()? {
        let report = super::query::text(row.get_ref(3)?).unwrap_or_default();
        if !known.contains(report) {
            continue;
        }
        if dates::get_opt(row, 4)?.is_some_and(|closed| closed <= as_of) {
            continue;
        }
        let status = super::query::status_of(row.get_ref(1)?);
        actions.push((dates::get_opt(row, 0)?, status, dates::get_opt(row, 2)?));
    }
    Ok(BurnUp::count(actions, as_of))
}

/// Running totals by date: one point per distinct date.
fn cumulative(mut dates: Vec<NaiveDate>) -> Vec<(NaiveDate, u32)> {
    dates.sort_unstable();
    let mut out: Vec<(NaiveDate, u32)> = Vec::new();
    for (i, d) in dates.into_iter().enumerate() {
        let n = i as u32 + 1;
        match out.last_mut() {
            Some(last) if last.0 == d => last.1 = n,
            _ => out.push((d, n)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn cumulative_counts_one_point_per_date() {
        assert_eq!(
            cumulative(vec![
                d("2025-03-01"),
                d("2025-01-05"),
                d("2025-03-01"),
                d("2025-02-02")
            ]),
            vec![
                (d("2025-01-05"), 1),
                (d("2025-02-02"), 2),
                (d("2025-03-01"), 4)
            ]
        );
        assert!(cumulative(vec![]).is_empty());
    }

    #[test]
    fn counts_due_dates_and_completions_up_to_the_as_of_date() {
        use ActionStatus::*;
        let b = BurnUp::count(
            [
                (Some(d("2012-01-14")), Completed, Some(d("2012-01-10"))),
                (Some(d("2012-01-14")), InProgress, None),
                (Some(d("2012-04-14")), Completed, Some(d("2012-05-01"))),
                // Completed after the as-of date: not yet counted.
                (None, Completed, Some(d("2013-01-01"))),
                // A completion date left on an action reopened since: not counted.
                (Some(d("2012-02-01")), NotStarted, Some(d("2012-01-20"))),
            ],
            d("2012-12-31"),
        );
        assert_eq!(
            b.due,
            vec![
                (d("2012-01-14"), 2),
                (d("2012-02-01"), 3),
                (d("2012-04-14"), 4)
            ]
        );
        assert_eq!(
            b.completed,
            vec![(d("2012-01-10"), 1), (d("2012-05-01"), 2)]
        );
    }
}
