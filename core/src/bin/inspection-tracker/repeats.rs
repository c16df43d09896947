//! `repeats REPORT [--top N]`: for each of a report's recommendations, the earlier
//! recommendations of the same authority that ask for the same thing; `repeats confirm|
//! reject NEW_REC EARLIER_REC`: a person's decision on one suggested link.

use inspection_tracker::plan::repeats::{
    decide, resolve_recommendation_id, suggest_repeats, DEFAULT_TOP,
};
use inspection_tracker::plan::report_dates::resolve_report_id;
use inspection_tracker::store::repeat_links::Decision;
use inspection_tracker::Result;

use crate::args::{clip, short};
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    /// The report: its id, or a unique start or end of it (as `report list` shows)
    #[arg(value_name = "REPORT", required = true)]
    report: Option<String>,

    /// At most this many suggestions per recommendation
    #[arg(long, value_name = "N", default_value_t = DEFAULT_TOP)]
    top: usize,

    #[command(subcommand)]
    decision: Option<DecisionCommand>,
}

#[derive(Debug, clap::Subcommand)]
pub enum DecisionCommand {
    /// Record that NEW_REC repeats EARLIER_REC (the same finding raised again)
    Confirm(Pair),
    /// Record that NEW_REC does not repeat EARLIER_REC (it is not suggested again)
    Reject(Pair),
}

#[derive(Debug, clap::Args)]
pub struct Pair {
    /// The new report's recommendation (id, or a unique start or end of it)
    #[arg(value_name = "NEW_REC")]
    new_rec: String,
    /// The earlier report's recommendation it is compared with
    #[arg(value_name = "EARLIER_REC")]
    earlier_rec: String,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    match (&args.decision, &args.report) {
        (Some(DecisionCommand::Confirm(p)), _) => record(cli, p, Decision::Confirmed),
        (Some(DecisionCommand::Reject(p)), _) => record(cli, p, Decision::Rejected),
        (None, Some(report)) => show(cli, report, args.top),
        // clap requires REPORT when there is no subcommand.
        (None, None) => Ok(()),
    }
}

fn show(cli: &Cli, report: &str, top: usize) -> Result<()> {
    let store = db::open(cli)?;
    let id = resolve_report_id(&store, report)?;
    let found = suggest_repeats(&store, &id, top)?;
    if cli.json {
        return print_json(&found);
    }
    if found.is_empty() {
        println!("Report {} has no recommendations.", short(&id));
        return Ok(());
    }
    for (n, r) in found.iter().enumerate() {
        println!(
            "{}. [{}] {}",
            n + 1,
            short(&r.recommendation_id),
            clip(&r.text, 100)
        );
        if r.suggestions.is_empty() {
            println!("     no earlier recommendation asks for the same thing");
        }
        for s in &r.suggestions {
            println!(
                "     raised before? [{}] score {:.2} (report {}): {}",
                short(&s.recommendation_id),
                s.score,
                short(&s.report_id),
                clip(&s.text, 90)
            );
            println!("       shares: {}", s.shared_terms.join(", "));
        }
    }
    if found.iter().all(|r| r.suggestions.is_empty()) {
        println!(
            "\nNo suggestions: either no earlier report of this authority is in the database \
             (import one to compare), or none of its recommendations asks for the same thing."
        );
    } else {
        println!(
            "\nConfirm a link with `inspection-tracker repeats confirm NEW EARLIER`, or reject \
             it with `repeats reject NEW EARLIER`."
        );
    }
    Ok(())
}

fn record(cli: &Cli, pair: &Pair, decision: Decision) -> Result<()> {
    let mut store = db::open(cli)?;
    let rec = resolve_recommendation_id(&store, &pair.new_rec)?;
    let earlier = resolve_recommendation_id(&store, &pair.earlier_rec)?;
    let who = db::who(&store)?;
    db::backup_before_write(&store)?;
    let link = decide(&mut store, &rec, &earlier, decision, &who)?;
    if cli.json {
        return print_json(&link);
    }
    let verb = match link.decision {
        Decision::Confirmed => "repeats",
        Decision::Rejected => "does not repeat",
    };
    println!(
        "Recorded: recommendation {} {verb} earlier recommendation {} ({} by {}).",
        short(&link.recommendation_id),
        short(&link.earlier_id),
        link.decided_at,
        link.decided_by
    );
    Ok(())
}
