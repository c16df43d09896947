//! Which actions a list, a paper or a screen asks for: the one `Filter` the CLI's flags,
//! the plan screen and the exports all fill (issue 14: the UI offers no filter of its own).

use chrono::NaiveDate;

use crate::model::{ActionStatus, OverdueBand, Rag};

/// Which actions to list. Empty filter = every action not in the bin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Due before the as-of date and not completed.
    pub overdue: bool,
    /// Due from the as-of date to this many days after it, and not completed (with
    /// `overdue` too: either).
    pub due_within_days: Option<u32>,
    /// Owner, ignoring case.
    pub owner: Option<String>,
    pub report_id: Option<String>,
    /// Part of the section name, ignoring case ("looked after").
    pub section: Option<String>,
    pub status: Option<ActionStatus>,
    pub rag: Option<Rag>,
    /// Words to find in the recommendation, the action or its notes.
    pub search: Option<String>,
    /// Part of the lead partner's name, ignoring case ("ICB").
    pub lead_partner: Option<String>,
    /// Only actions not completed.
    pub open: bool,
    /// Only actions nobody owns yet.
    pub no_owner: bool,
    /// Due on or after this date (actions without a due date are left out).
    pub due_from: Option<NaiveDate>,
    /// Due on or before this date (actions without a due date are left out).
    pub due_to: Option<NaiveDate>,
    /// Open and overdue by as many days as the band holds, as at the as-of date.
    pub overdue_band: Option<OverdueBand>,
    /// Only the actions of current plans (the overdue review's default): a plan a later
    /// inspection has overtaken ([`super::timeline`]) is left out, even while it awaits a
    /// decision, except for the actions carried forward from it.
    pub current_only: bool,
    /// One local authority's reports only (its name as the reports give it, or without
    /// "Council", "London Borough of" …); an authority with no report is an error.
    pub authority: Option<String>,
    /// Also list actions closed with their plan ([`super::timeline`]); by default only the
    /// current plans' actions are listed.
    pub include_closed: bool,
    /// Only actions whose recommendation a person confirmed as raised before (`Some(true)`)
    /// or not (`Some(false)`).
    pub raised_before: Option<bool>,
}

impl Filter {
    /// True when the filter keeps or drops whole recommendations only, so every live
    /// action of a listed recommendation is listed too.
    pub(super) fn keeps_whole_recommendations(&self) -> bool {
        let Filter {
            overdue,
            due_within_days,
            owner,
            report_id: _,
            section: _,
            status,
            rag,
            search,
            lead_partner,
            open,
            no_owner,
            due_from,
            due_to,
            overdue_band,
            current_only: _,
            authority: _,
            include_closed: _,
            raised_before,
        } = self;
        !overdue
            && due_within_days.is_none()
            && owner.is_none()
            && status.is_none()
            && rag.is_none()
            && search.is_none()
            && lead_partner.is_none()
            && !open
            && !no_owner
            && due_from.is_none()
            && due_to.is_none()
            && overdue_band.is_none()
            && raised_before.is_none()
    }
}
