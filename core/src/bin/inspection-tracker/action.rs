//! `action add|show|update|delete`: one action at a time. Ids may be shortened to any
//! unique prefix of at least four characters (lists show eight).

use chrono::NaiveDate;
use inspection_tracker::model::{ActionStatus, Rag};
use inspection_tracker::plan::actions::{
    add_action, check_update, delete_action, resolve_action_id, show_action, update_with_note,
    ActionDetail, Change, NewAction,
};
use inspection_tracker::store::actions::{get_action, ActionRow};
use inspection_tracker::store::recommendations::get_recommendation;
use inspection_tracker::{Error, Result};

use crate::args::{self, short, show_date};
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add an action under a recommendation (give the recommendation's id, or the id of an
    /// action already under it)
    Add(AddArgs),
    /// Show an action with its recommendation, report, notes and evidence
    Show(ShowArgs),
    /// Change an action's status, progress, owner or due date, or add a note
    Update(UpdateArgs),
    /// Move an action to the bin (restore it with `bin restore`)
    Delete(IdArg),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Recommendation id, or the id of an action under the same recommendation
    #[arg(value_name = "ID")]
    id: String,
    #[arg(long)]
    title: String,
    #[arg(long)]
    owner: Option<String>,
    #[arg(long, value_name = "AGENCY")]
    partner: Option<String>,
    /// Due date chosen by hand (otherwise the recommendation's timeframe sets it)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    due: Option<NaiveDate>,
    /// How the council will know it worked
    #[arg(long, value_name = "TEXT")]
    measure: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    #[arg(value_name = "ID")]
    id: String,
    /// Rate as at this date instead of today
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    as_of: Option<NaiveDate>,
}

#[derive(Debug, clap::Args)]
pub struct IdArg {
    #[arg(value_name = "ID")]
    id: String,
}

#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    #[arg(value_name = "ID")]
    id: String,
    /// not_started, in_progress, completed or blocked
    #[arg(long, value_parser = args::status)]
    status: Option<ActionStatus>,
    /// Per cent complete, 0 to 100
    #[arg(long, value_name = "PERCENT", value_parser = args::progress)]
    progress: Option<u8>,
    /// Owner ("" clears it)
    #[arg(long)]
    owner: Option<String>,
    /// Partner agency ("" clears it)
    #[arg(long, value_name = "AGENCY")]
    partner: Option<String>,
    /// What will be done (the action's title); ends a draft
    #[arg(long, visible_alias = "what")]
    title: Option<String>,
    /// Mitigation: what is being done about the risk to the action ("" clears it)
    #[arg(long, value_name = "TEXT")]
    mitigation: Option<String>,
    /// The next step and when ("" clears it)
    #[arg(long, value_name = "TEXT")]
    next_step: Option<String>,
    /// Measure of success ("" clears it)
    #[arg(long, value_name = "TEXT")]
    measure: Option<String>,
    /// A new due date; needs --reason
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date, requires = "reason")]
    due: Option<NaiveDate>,
    /// Set the RAG rating by hand (red, amber, green, blue); needs --reason
    #[arg(long, value_parser = args::rag, requires = "reason", conflicts_with = "clear_rag")]
    rag: Option<Rag>,
    /// Go back to the computed RAG rating; needs --reason
    #[arg(long, requires = "reason")]
    clear_rag: bool,
    /// Why the due date or RAG rating was set by hand (recorded in the history)
    #[arg(long)]
    reason: Option<String>,
    /// Sign the completed action off as the current user
    #[arg(long)]
    sign_off: bool,
    /// A progress note to add (dated --as-of, else today)
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// The date of this change: dates a completion and the note (default today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    as_of: Option<NaiveDate>,
}

pub fn run(cli: &Cli, command: &Command) -> Result<()> {
    match command {
        Command::Add(a) => add(cli, a),
        Command::Show(a) => show(cli, a),
        Command::Update(a) => update(cli, a),
        Command::Delete(a) => delete(cli, a),
    }
}

fn add(cli: &Cli, a: &AddArgs) -> Result<()> {
    let mut store = db::open(cli)?;
    let rec_id = match get_recommendation(store.conn(), a.id.trim()) {
        Ok(r) => r.id,
        Err(Error::NotFound { .. }) => {
            let action_id =
                resolve_action_id(store.conn(), &a.id).map_err(|_| Error::NotFound {
                    what: "recommendation or action",
                    id: a.id.clone(),
                })?;
            get_action(store.conn(), &action_id)?.recommendation_id
        }
        Err(e) => return Err(e),
    };
    let new = NewAction {
        title: a.title.clone(),
        owner: a.owner.clone(),
        partner_agency: a.partner.clone(),
        due: a.due,
        measure_of_success: a.measure.clone(),
    };
    if new.title.trim().is_empty() {
        return Err(Error::Invalid("the action's title cannot be empty".into()));
    }
    db::backup_before_write(&store)?;
    let who = db::who(&store)?;
    let action = add_action(&mut store, &rec_id, &new, &who)?;
    if cli.json {
        return print_json(&action);
    }
    println!(
        "Added action {} ({}), due {}",
        short(&action.id),
        action.title,
        show_date(action.due_date)
    );
    Ok(())
}

fn show(cli: &Cli, a: &ShowArgs) -> Result<()> {
    let store = db::open(cli)?;
    let id = resolve_action_id(store.conn(), &a.id)?;
    let d = show_action(&store, &id, args::as_of(a.as_of))?;
    if cli.json {
        return print_json(&d);
    }
    print_detail(&d);
    for notice in inspection_tracker::team::notices(&store, &id)? {
        println!("  Team:        {notice}");
    }
    Ok(())
}

fn print_detail(d: &ActionDetail) {
    let a = &d.action;
    println!("Action {}", a.id);
    println!("  Title:       {}", a.title);
    if a.draft {
        println!(
            "               {}",
            inspection_tracker::labels::DRAFT_MARKER
        );
    }
    if a.deleted_at.is_some() {
        println!(
            "  In the bin since {}",
            a.deleted_at.as_deref().unwrap_or("")
        );
    }
    println!("  Status:      {} ({}%)", a.status.as_str(), a.progress);
    println!("  RAG:         {}", d.rag.as_str());
    if let (Some(r), Some(why)) = (a.rag_override, &a.rag_override_reason) {
        println!("               set by hand to {}: {why}", r.as_str());
    }
    let overdue = d
        .days_overdue
        .map_or(String::new(), |n| format!(", {n} days overdue"));
    println!(
        "  Due:         {} ({}{overdue})",
        show_date(a.due_date),
        a.due_date_source.as_str()
    );
    if a.original_due_date.is_some() && a.original_due_date != a.due_date {
        println!(
            "               originally {}",
            show_date(a.original_due_date)
        );
    }
    if let Some(why) = &a.due_date_reason {
        println!("               reason: {why}");
    }
    if let Some(m) = &a.mitigation {
        println!("  Mitigation:  {m}");
    }
    if let Some(m) = &a.next_step {
        println!("  Next step:   {m}");
    }
    println!("  Owner:       {}", a.owner.as_deref().unwrap_or("-"));
    if let Some(p) = &a.partner_agency {
        println!("  Partner:     {p}");
    }
    if let Some(m) = &a.measure_of_success {
        println!("  Measure:     {m}");
    }
    if let (Some(by), Some(at)) = (&a.signed_off_by, &a.signed_off_at) {
        println!("  Signed off:  by {by} at {at}");
    }
    let r = &d.report;
    println!(
        "  Report:      {} {} ({}) [{}]",
        r.local_authority.as_deref().unwrap_or("Unknown authority"),
        r.kind.as_str(),
        r.source_name,
        short(&r.id)
    );
    let rec = &d.recommendation;
    println!(
        "  Recommendation [{}] {} — {}:",
        short(&rec.id),
        rec.section,
        rec.timeframe.as_deref().unwrap_or("no timeframe")
    );
    println!("    {}", rec.text);
    if !d.updates.is_empty() {
        println!("  Notes:");
        for u in &d.updates {
            println!("    {} {}: {}", u.written_on, u.author, u.note);
        }
    }
    if !d.evidence.is_empty() {
        println!("  Evidence:");
        for e in &d.evidence {
            let what = e
                .link
                .as_deref()
                .or(e.original_name.as_deref())
                .unwrap_or("");
            println!(
                "    {} ({}, added by {} at {})",
                what, e.kind, e.added_by, e.added_at
            );
        }
    }
}

fn changes(a: &UpdateArgs) -> Vec<Change> {
    let reason = a.reason.clone().unwrap_or_default();
    let mut out = Vec::new();
    if let Some(t) = &a.title {
        out.push(Change::Title(t.clone()));
    }
    if let Some(s) = a.status {
        out.push(Change::Status(s));
    }
    if let Some(p) = a.progress {
        out.push(Change::Progress(p));
    }
    if let Some(o) = &a.owner {
        out.push(Change::Owner(Some(o.clone())));
    }
    if let Some(p) = &a.partner {
        out.push(Change::PartnerAgency(Some(p.clone())));
    }
    if let Some(m) = &a.measure {
        out.push(Change::MeasureOfSuccess(Some(m.clone())));
    }
    if let Some(m) = &a.mitigation {
        out.push(Change::Mitigation(Some(m.clone())));
    }
    if let Some(m) = &a.next_step {
        out.push(Change::NextStep(Some(m.clone())));
    }
    if let Some(date) = a.due {
        out.push(Change::DueDate {
            date,
            reason: reason.clone(),
        });
    }
    if a.rag.is_some() || a.clear_rag {
        out.push(Change::RagOverride { rag: a.rag, reason });
    }
    // After a status change, so `--status completed --sign-off` works in one go.
    if a.sign_off {
        out.push(Change::SignOff);
    }
    out
}

fn update(cli: &Cli, a: &UpdateArgs) -> Result<()> {
    let mut store = db::open(cli)?;
    let id = resolve_action_id(store.conn(), &a.id)?;
    let today = args::as_of(a.as_of);
    let changes = changes(a);
    let note = a.note.as_deref().map(|n| (today, n));
    check_update(&changes, a.note.as_deref())?;
    db::backup_before_write(&store)?;
    let who = db::who(&store)?;
    let action = update_with_note(&mut store, &id, &changes, note, today, &who)?;
    if cli.json {
        return print_json(&action);
    }
    print_updated(&action);
    Ok(())
}

fn print_updated(a: &ActionRow) {
    println!(
        "Updated action {}: {} ({}%), due {}, owner {}",
        short(&a.id),
        a.status.as_str(),
        a.progress,
        show_date(a.due_date),
        a.owner.as_deref().unwrap_or("-")
    );
}

fn delete(cli: &Cli, a: &IdArg) -> Result<()> {
    let mut store = db::open(cli)?;
    let id = resolve_action_id(store.conn(), &a.id)?;
    db::backup_before_write(&store)?;
    let who = db::who(&store)?;
    let action = delete_action(&mut store, &id, &who)?;
    if cli.json {
        return print_json(&action);
    }
    println!(
        "Moved action {} to the bin (bin restore {} brings it back)",
        short(&action.id),
        short(&action.id)
    );
    Ok(())
}
