//! `report list|set`: the stored reports, and the dates the plan keeps about one that the
//! report may not say (when it was received, the next inspection once it is announced).

use chrono::NaiveDate;
use inspection_tracker::labels;
use inspection_tracker::plan::area_send::set_priority_plan_deadline;
use inspection_tracker::plan::report_dates::{
    resolve_report_id, set_next_inspection, set_received,
};
use inspection_tracker::store::reports::list_reports;
use inspection_tracker::{Error, Result};

use crate::args::{date, short, show_date};
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The reports in the database, oldest inspection first
    List,
    /// Set a report's received date (the 70-working-day deadline follows it) or its next
    /// inspection date
    Set {
        #[arg(value_name = "ID")]
        id: String,
        /// When the council received the report (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = date)]
        received: Option<NaiveDate>,
        /// The next inspection's date (YYYY-MM-DD), or "none" to go back to the estimate
        #[arg(long, value_name = "DATE|none")]
        next_inspection: Option<String>,
    },
    /// Set the deadline of the priority action plan an area SEND report requires (the
    /// report does not print it), or "none" to clear it
    PlanDeadline {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "DATE|none")]
        deadline: String,
    },
}

pub fn run(cli: &Cli, command: &Command) -> Result<()> {
    match command {
        Command::List => list(cli),
        Command::Set {
            id,
            received,
            next_inspection,
        } => set(cli, id, *received, next_inspection.as_deref()),
        Command::PlanDeadline { id, deadline } => plan_deadline(cli, id, deadline),
    }
}

fn plan_deadline(cli: &Cli, id: &str, deadline: &str) -> Result<()> {
    let deadline = match deadline.trim() {
        d if d.eq_ignore_ascii_case("none") => None,
        d => Some(date(d).map_err(Error::Invalid)?),
    };
    let mut store = db::open(cli)?;
    let id = resolve_report_id(&store, id)?;
    let who = db::who(&store)?;
    db::backup_before_write(&store)?;
    let facts = set_priority_plan_deadline(&mut store, &id, deadline, &who)?;
    if cli.json {
        return print_json(&facts);
    }
    println!(
        "Report {}: priority action plan due {}",
        short(&id),
        show_date(facts.priority_action_plan_deadline)
    );
    Ok(())
}

fn list(cli: &Cli) -> Result<()> {
    let store = db::open(cli)?;
    let reports = list_reports(store.conn())?;
    if cli.json {
        return print_json(&reports);
    }
    if reports.is_empty() {
        println!("No reports yet: import one with `inspection-tracker import FILE`.");
    }
    for r in &reports {
        println!(
            "{:<8}  {:<28}  {:<40}  inspected to {}  deadline {}  next {}",
            short(&r.id),
            r.local_authority
                .as_deref()
                .unwrap_or("(authority unknown)"),
            labels::report_kind(r.kind),
            show_date(r.inspection_end.or(r.base_date)),
            show_date(r.action_plan_deadline),
            r.next_inspection
                .map_or_else(|| "estimated".to_string(), |d| show_date(Some(d))),
        );
    }
    Ok(())
}

fn set(cli: &Cli, id: &str, received: Option<NaiveDate>, next: Option<&str>) -> Result<()> {
    if received.is_none() && next.is_none() {
        return Err(Error::Invalid(
            "nothing to set: give --received DATE and/or --next-inspection DATE|none".into(),
        ));
    }
    // Check everything before writing anything.
    let next = match next.map(str::trim) {
        None => None,
        Some(n) if n.eq_ignore_ascii_case("none") => Some(None),
        Some(n) => Some(Some(date(n).map_err(Error::Invalid)?)),
    };
    let mut store = db::open(cli)?;
    let id = resolve_report_id(&store, id)?;
    let who = db::who(&store)?;
    db::backup_before_write(&store)?;
    let mut row = None;
    if let Some(d) = received {
        row = Some(set_received(&mut store, &id, d, &who)?);
    }
    if let Some(n) = next {
        row = Some(set_next_inspection(&mut store, &id, n, &who)?);
    }
    let Some(r) = row else { return Ok(()) };
    if cli.json {
        return print_json(&r);
    }
    println!(
        "Report {}: received {}, action-plan deadline {}, next inspection {}",
        short(&r.id),
        show_date(r.received),
        show_date(r.action_plan_deadline),
        r.next_inspection
            .map_or_else(|| "estimated".to_string(), |d| show_date(Some(d))),
    );
    Ok(())
}
