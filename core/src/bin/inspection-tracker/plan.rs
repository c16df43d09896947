//! `plan close REPORT --reason TEXT`: a person closes a report's plan (its open actions
//! closed as overtaken, with the reason, in the history).

use inspection_tracker::labels;
use inspection_tracker::plan::report_dates::resolve_report_id;
use inspection_tracker::plan::timeline::{close_plan, plan_name};
use inspection_tracker::{schedule, Result};

use crate::args::short;
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Close a report's plan: its open actions are closed as overtaken, for the reason
    /// given; it stays searchable, exportable and in the history
    Close {
        /// The report (an id, or a unique start or end of one)
        #[arg(value_name = "REPORT")]
        report: String,
        /// Why the plan is closed (kept in the history)
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
}

pub fn run(cli: &Cli, command: &Command) -> Result<()> {
    match command {
        Command::Close { report, reason } => {
            let mut store = db::open(cli)?;
            let id = resolve_report_id(&store, report)?;
            let who = db::who(&store)?;
            db::backup_before_write(&store)?;
            let closed = close_plan(&mut store, &id, reason, schedule::today(), &who)?;
            if cli.json {
                return print_json(&closed);
            }
            println!(
                "Closed {} of {} (report {}) from {}: {}",
                plan_name(&closed),
                closed
                    .local_authority
                    .as_deref()
                    .unwrap_or("unknown authority"),
                short(&closed.id),
                closed
                    .plan_closed_on
                    .map(labels::long_date)
                    .unwrap_or_default(),
                closed.plan_closed_reason.as_deref().unwrap_or_default()
            );
            Ok(())
        }
    }
}
