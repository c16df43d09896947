//! `list`: the actions matching some filters, as at a date, soonest due first.

use chrono::NaiveDate;
use inspection_tracker::plan::query::{list_actions, ActionListItem};
use inspection_tracker::Result;

use crate::args::{self, clip, short, show_date};
use crate::filters::FilterArgs;
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    filters: FilterArgs,

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
    let filter = args.filters.resolved(&opened)?;
    let store = args::plan_store(opened, args.as_of, args.from_history)?;
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
    // Re-scheduled actions: the date first set and why it moved, on lines of their own.
    let moved: Vec<&ActionListItem> = items.iter().filter(|a| a.rescheduled()).collect();
    if !moved.is_empty() {
        println!("Re-scheduled:");
        for a in moved {
            println!(
                "  {:<8}  first due {}, now {}: {}",
                short(&a.id),
                show_date(a.original_due_date),
                show_date(a.due_date),
                a.due_date_reason.as_deref().unwrap_or("no reason recorded")
            );
        }
    }
    let overdue = items.iter().filter(|a| a.days_overdue.is_some()).count();
    println!("{} actions ({overdue} overdue, marked !)", items.len());
}
