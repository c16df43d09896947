//! `summary`: counts by status and RAG per report and overall, the statutory action-plan
//! deadlines and the next inspection, as at a date.

use chrono::NaiveDate;
use inspection_tracker::plan::summary::summary_of;
use inspection_tracker::plan::summary::{Counts, NextInspectionView};
use inspection_tracker::Result;

use crate::args::{self, short, show_date};
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Count as at this date instead of today
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    as_of: Option<NaiveDate>,

    /// With --as-of: statuses, progress, owners and due dates as they were recorded by the
    /// end of that day, rebuilt from the history (default: today's, rated as at that date)
    #[arg(long, requires = "as_of")]
    from_history: bool,

    /// Only this local authority's reports (when the database holds several councils)
    #[arg(long, value_name = "NAME")]
    authority: Option<String>,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let store = args::plan_store(db::open(cli)?, args.as_of, args.from_history)?;
    let s = summary_of(&store, args::as_of(args.as_of), args.authority.as_deref())?;
    if cli.json {
        return print_json(&s);
    }
    println!("Action plan as at {}", s.as_of);
    println!("Overall: {}", counts(&s.overall));
    if let Some(n) = &s.next_inspection {
        println!("Next inspection: {}", next(n));
    }
    for d in &s.decisions_needed {
        println!(
            "{} open actions from {} ({}) need a decision: carry forward, completed or closed \
             (`plan close {} --reason TEXT`, or the app's review)",
            d.open_actions,
            d.plan,
            d.local_authority.as_deref().unwrap_or("unknown authority"),
            short(&d.report_id)
        );
    }
    for r in &s.reports {
        println!();
        println!(
            "{} {} ({}), inspection ended {} [report {}]",
            r.local_authority.as_deref().unwrap_or("Unknown authority"),
            r.kind.as_str(),
            r.source_name,
            show_date(r.inspection_end),
            short(&r.report_id),
        );
        println!("  {}", counts(&r.counts));
        println!(
            "  Action plan due (70 working days from receipt {}): {}",
            show_date(r.received),
            show_date(r.action_plan_deadline)
        );
        if let Some(n) = &r.next_inspection {
            println!("  Next inspection: {}", next(n));
        }
    }
    Ok(())
}

fn counts(c: &Counts) -> String {
    format!(
        "{} actions, {}% complete — {} not started, {} in progress, {} completed, {} blocked; \
         RAG {} red, {} amber, {} green, {} blue; {} overdue; {} re-scheduled; {} due after the \
         next inspection starts",
        c.total,
        c.percent_complete,
        c.not_started,
        c.in_progress,
        c.completed,
        c.blocked,
        c.red,
        c.amber,
        c.green,
        c.blue,
        c.overdue,
        c.rescheduled,
        c.due_after_next_inspection
    )
}

fn next(n: &NextInspectionView) -> String {
    let when = if n.earliest == n.latest {
        n.earliest.to_string()
    } else {
        format!("between {} and {}", n.earliest, n.latest)
    };
    let days = if n.days_to >= 0 {
        format!("{} days to go", n.days_to)
    } else {
        format!("{} days ago", -n.days_to)
    };
    let kind = if n.estimated { "estimated" } else { "date set" };
    format!("{when} ({kind}; {days}). {}", n.basis)
}
