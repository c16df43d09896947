//! `import FILE…`: read, extract and store reports, each with its recommendations and one
//! action per recommendation, in one transaction per report.

use std::path::PathBuf;

use chrono::NaiveDate;
use inspection_tracker::intake::{intake, Intake};
use inspection_tracker::plan::import::{
    check_authority, check_dates, import_report, imported_report_id, ImportOptions, ImportOutcome,
};
use inspection_tracker::plan::timeline::{previous_plans, PreviousPlan};
use inspection_tracker::Result;

use crate::args::{self, show_date};
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Report files: PDF, Word, HTML or text
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,

    /// The last day of the inspection, for a report that states no date (a joint area
    /// review); reports that state their own dates keep them
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    inspection_date: Option<NaiveDate>,

    /// The local authority, for a report that names none; reports that name their own keep
    /// it
    #[arg(long, value_name = "NAME")]
    local_authority: Option<String>,
    /// What happens to the authority's earlier plan when this report overtakes it: keep
    /// (nothing closed; the earlier plan awaits a decision), carry (its open actions stay
    /// open, linked to the new plan) or close (its open actions are closed as overtaken)
    #[arg(long, value_name = "keep|carry|close", default_value = "keep", value_parser = previous)]
    previous: PreviousPlan,
}

fn previous(s: &str) -> std::result::Result<PreviousPlan, String> {
    PreviousPlan::parse(s).ok_or_else(|| {
        format!("{s:?} is not a choice for the earlier plan: give keep, carry or close")
    })
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    // Read and check every file before writing anything: one unreadable or undated file
    // stops the command with the database untouched.
    let mut files: Vec<Intake> = args
        .files
        .iter()
        .map(|p| intake(p))
        .collect::<Result<_>>()?;
    if let Some(la) = args.local_authority.as_deref().map(str::trim) {
        for f in &mut files {
            if f.report.local_authority.is_none() && !la.is_empty() {
                f.report.local_authority = Some(la.to_string());
            }
        }
    }
    let mut store = db::open(cli)?;
    let opts = ImportOptions {
        inspection_date: args.inspection_date,
        who: db::who(&store)?,
        previous: args.previous,
    };
    let mut new = 0;
    for f in &files {
        if imported_report_id(&store, &f.sha256)?.is_none() {
            check_dates(&f.source_name, &f.report, &opts)?;
            check_authority(&f.source_name, &f.report)?;
            new += 1;
        }
    }
    // Several new reports at once is a bulk change: a backup first, whatever the schedule.
    if new > 1 {
        db::backup_before_bulk(&store)?;
    } else {
        db::backup_before_write(&store)?;
    }
    let mut outcomes = Vec::with_capacity(files.len());
    for f in &files {
        let outcome = import_report(
            &mut store,
            &f.source_name,
            &f.sha256,
            f.format.as_str(),
            &f.text,
            &f.report,
            &opts,
        )?;
        if !cli.json {
            print_outcome(&outcome);
            if !outcome.duplicate {
                // With the default `keep`, say what now waits for a person's decision.
                for p in previous_plans(&store, &outcome.report_id)? {
                    println!(
                        "{}: {} open actions from {} of {} need a decision: carry forward, \
                         completed or closed (the app's review, or `plan close {} --reason TEXT`)",
                        outcome.source_name,
                        p.actions.len(),
                        p.name,
                        p.local_authority.as_deref().unwrap_or("this authority"),
                        args::short(&p.report_id)
                    );
                }
            }
            if f.report.priority_action_plan_required && !outcome.duplicate {
                println!(
                    "{}: the report requires a priority action plan but does not print its \
                     deadline; set it with `inspection-tracker report plan-deadline {} DATE`",
                    outcome.source_name,
                    args::short(&outcome.report_id)
                );
            }
        }
        outcomes.push(outcome);
    }
    if cli.json {
        print_json(&outcomes)?;
    }
    Ok(())
}

fn print_outcome(o: &ImportOutcome) {
    let who = o.local_authority.as_deref().unwrap_or("unknown authority");
    if o.duplicate {
        println!(
            "{}: already imported (report {}); nothing added",
            o.source_name,
            args::short(&o.report_id)
        );
        return;
    }
    println!(
        "{}: imported {} ({}) as report {}: {} recommendations, {} actions; due dates count \
         from {}; action plan due {}",
        o.source_name,
        who,
        o.kind.as_str(),
        args::short(&o.report_id),
        o.recommendations,
        o.actions,
        show_date(o.base_date),
        show_date(o.action_plan_deadline),
    );
    if o.recommendations == 0 {
        // An all-outstanding inspection has no list: say so, so nobody hunts for one.
        println!(
            "{}: no recommendations in this report, so there are no actions to track",
            o.source_name
        );
    }
}
