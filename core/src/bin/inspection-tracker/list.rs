//! `list`: the actions matching some filters, as at a date, soonest due first.

use chrono::NaiveDate;
use inspection_tracker::model::{ActionStatus, Rag};
use inspection_tracker::plan::query::{list_actions, ActionListItem, Filter};
use inspection_tracker::plan::report_dates::resolve_report_id;
use inspection_tracker::Result;

use crate::args::{self, clip, short, show_date};
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only actions past their due date and not completed
    #[arg(long)]
    overdue: bool,

    /// Only open actions due within N days of the as-of date (with --overdue: either)
    #[arg(long, value_name = "N", value_parser = args::days)]
    due_within: Option<u32>,

    /// Only actions with this owner (ignoring case)
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,

    /// Only actions from this report (its id, a unique start or end of it, or its local authority)
    #[arg(long, value_name = "ID")]
    report: Option<String>,

    /// Only actions under sections whose name contains this
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

    /// Rate and filter as at this date instead of today
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    as_of: Option<NaiveDate>,

    /// With --as-of: statuses, progress, owners and due dates as they were recorded by the
    /// end of that day, rebuilt from the history (default: today's, rated as at that date)
    #[arg(long, requires = "as_of")]
    from_history: bool,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let opened = db::open(cli)?;
    // An unknown report is an error naming it, never an empty list.
    let report_id = match &args.report {
        Some(r) => Some(resolve_report_id(&opened, r)?),
        None => None,
    };
    let store = args::plan_store(opened, args.as_of, args.from_history)?;
    let filter = Filter {
        overdue: args.overdue,
        due_within_days: args.due_within,
        owner: args.owner.clone(),
        report_id,
        section: args.section.clone(),
        status: args.status,
        rag: args.rag,
        search: args.search.clone(),
        lead_partner: args.lead_partner.clone(),
    };
    let items = list_actions(&store, &filter, args::as_of(args.as_of))?;
    if cli.json {
        return print_json(&items);
    }
    print_table(&items);
    Ok(())
}

fn print_table(items: &[ActionListItem]) {
    if items.is_empty() {
        println!("No actions match.");
        return;
    }
    println!(
        "{:<8}  {:<10}  {:<5}  {:<11}  {:>4}  {:<16}  {:<14}  TITLE",
        "ID", "DUE", "RAG", "STATUS", "%", "OWNER", "AUTHORITY"
    );
    for a in items {
        let due = match a.days_overdue {
            Some(_) => format!("{}!", show_date(a.due_date)),
            None => show_date(a.due_date),
        };
        println!(
            "{:<8}  {:<10}  {:<5}  {:<11}  {:>4}  {:<16}  {:<14}  {}",
            short(&a.id),
            due,
            a.rag.as_str(),
            a.status.as_str(),
            a.progress,
            clip(a.owner.as_deref().unwrap_or("-"), 16),
            clip(a.local_authority.as_deref().unwrap_or("-"), 14),
            clip(&a.title, 70),
        );
    }
    // Lead partners (area SEND responsible bodies) on lines of their own: they are long.
    let led: Vec<&ActionListItem> = items.iter().filter(|a| a.lead_partner.is_some()).collect();
    if !led.is_empty() {
        println!("Lead partners:");
        for a in led {
            println!(
                "  {:<8}  {}",
                short(&a.id),
                a.lead_partner.as_deref().unwrap_or_default()
            );
        }
    }
    let overdue = items.iter().filter(|a| a.days_overdue.is_some()).count();
    println!("{} actions ({overdue} overdue, marked !)", items.len());
}
