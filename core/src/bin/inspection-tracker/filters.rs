//! The filters `list` and `export` share: one set of flags, turned into the core's
//! [`Filter`] in one place.

use chrono::NaiveDate;
use inspection_tracker::model::{ActionStatus, Rag};
use inspection_tracker::plan::query::Filter;
use inspection_tracker::plan::report_dates::resolve_report_id;
use inspection_tracker::store::Store;
use inspection_tracker::Result;

use crate::args;

#[derive(Debug, clap::Args)]
pub struct FilterArgs {
    /// Only actions past their due date and not completed
    #[arg(long)]
    overdue: bool,

    /// Only open actions due within N days of the as-of date (with --overdue: either)
    #[arg(long, value_name = "N", value_parser = args::days)]
    due_within: Option<u32>,

    /// Only actions not completed
    #[arg(long)]
    open: bool,

    /// Only actions due on or after this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    due_from: Option<NaiveDate>,

    /// Only actions due on or before this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    due_to: Option<NaiveDate>,

    /// Only actions with this owner (ignoring case)
    #[arg(long, value_name = "NAME", conflicts_with = "no_owner")]
    owner: Option<String>,

    /// Only actions nobody owns yet
    #[arg(long)]
    no_owner: bool,

    /// Only actions from this report (its id, a unique start or end of it, or its local
    /// authority when that names one report)
    #[arg(long, value_name = "ID")]
    report: Option<String>,

    /// Only actions under sections whose name contains this (ignoring case)
    #[arg(long, value_name = "TEXT")]
    section: Option<String>,

    /// Only actions with this status: not_started, in_progress, completed, blocked
    #[arg(long, value_name = "STATUS", value_parser = args::status)]
    status: Option<ActionStatus>,

    /// Only actions rated red, amber, green or blue
    #[arg(long, value_name = "RAG", value_parser = args::rag)]
    rag: Option<Rag>,

    /// Only actions whose recommendation, text or notes contain these words
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,

    /// Only actions whose lead partner's name contains this (ignoring case)
    #[arg(long, value_name = "TEXT")]
    lead_partner: Option<String>,

    /// Only this local authority's reports (when the database holds several councils)
    #[arg(long, value_name = "NAME")]
    authority: Option<String>,

    /// Also actions closed with their plan (by default only the current plans' actions)
    #[arg(long)]
    include_closed: bool,

    /// Only actions whose recommendation was confirmed as raised before by an earlier
    /// inspection (a repeat finding)
    #[arg(long)]
    raised_before: bool,
}

impl FilterArgs {
    /// [`Self::filter`] with `--report` resolved to one report's id: a report that matches
    /// nothing is an error naming it, never an empty list or paper.
    pub fn resolved(&self, store: &Store) -> Result<Filter> {
        let mut f = self.filter();
        if let Some(r) = &self.report {
            f.report_id = Some(resolve_report_id(store, r)?);
        }
        Ok(f)
    }

    pub fn filter(&self) -> Filter {
        Filter {
            overdue: self.overdue,
            due_within_days: self.due_within,
            owner: self.owner.clone(),
            report_id: self.report.clone(),
            section: self.section.clone(),
            status: self.status,
            rag: self.rag,
            search: self.search.clone(),
            lead_partner: self.lead_partner.clone(),
            open: self.open,
            no_owner: self.no_owner,
            due_from: self.due_from,
            due_to: self.due_to,
            authority: self.authority.clone(),
            include_closed: self.include_closed,
            raised_before: self.raised_before.then_some(true),
            // The overdue review's bands and current plans are the app's; the CLI's
            // --overdue and --due-within cover its lists.
            ..Filter::default()
        }
    }
}
