//! `evidence add ID FILE|URL` and `evidence list ID`: files are copied into the data folder
//! (named by SHA-256, original name kept); web addresses are kept as links.

use std::path::PathBuf;

use inspection_tracker::plan::actions::resolve_action_id;
use inspection_tracker::plan::evidence::{
    add_file, add_link, check_summary, set_summary, EvidenceOutcome,
};
use inspection_tracker::store::evidence::list_evidence;
use inspection_tracker::{Error, Result};

use crate::args::short;
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Attach a file (copied into the app's data folder) or a link (https://…) to an action
    Add {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "FILE|URL")]
        file: String,
        /// One line on what it shows (the statement of action's evidence of impact)
        #[arg(long, value_name = "TEXT")]
        summary: Option<String>,
    },
    /// List an action's evidence
    List {
        #[arg(value_name = "ID")]
        id: String,
    },
}

pub fn run(cli: &Cli, command: &Command) -> Result<()> {
    match command {
        Command::Add { id, file, summary } => add(cli, id, file, summary.as_deref()),
        Command::List { id } => list(cli, id),
    }
}

fn is_link(s: &str) -> bool {
    ["http://", "https://", "ftp://", "file://"]
        .iter()
        .any(|p| s.to_lowercase().starts_with(p))
}

fn add(cli: &Cli, id: &str, file: &str, summary: Option<&str>) -> Result<()> {
    let mut store = db::open(cli)?;
    let id = resolve_action_id(store.conn(), id)?;
    let path = PathBuf::from(file);
    if !is_link(file) && !path.is_file() {
        return Err(Error::io(
            &path,
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        ));
    }
    if let Some(text) = summary {
        check_summary(text)?;
    }
    db::backup_before_write(&store)?;
    let who = db::who(&store)?;
    let mut outcome = if is_link(file) {
        add_link(&mut store, &id, file, &who)?
    } else {
        add_file(&mut store, &id, &path, &who)?
    };
    if let Some(text) = summary {
        outcome.evidence = set_summary(&mut store, &outcome.evidence.id, text, &who)?;
    }
    if cli.json {
        return print_json(&outcome);
    }
    print_outcome(&outcome);
    Ok(())
}

fn print_outcome(o: &EvidenceOutcome) {
    let e = &o.evidence;
    let what = e
        .original_name
        .as_deref()
        .or(e.link.as_deref())
        .unwrap_or("");
    if o.already_attached {
        println!(
            "{what} is already attached to action {}; nothing added",
            short(&e.action_id)
        );
        return;
    }
    match &o.stored_at {
        Some(at) => println!(
            "Attached {what} to action {} (copy kept at {at})",
            short(&e.action_id)
        ),
        None => println!("Attached {what} to action {}", short(&e.action_id)),
    }
}

fn list(cli: &Cli, id: &str) -> Result<()> {
    let store = db::open(cli)?;
    let id = resolve_action_id(store.conn(), id)?;
    let rows = list_evidence(store.conn(), &id)?;
    if cli.json {
        return print_json(&rows);
    }
    if rows.is_empty() {
        println!("No evidence for action {}", short(&id));
    }
    for e in &rows {
        let what = e
            .original_name
            .as_deref()
            .or(e.link.as_deref())
            .unwrap_or("");
        let hash = e
            .sha256
            .as_deref()
            .map_or(String::new(), |h| format!(" sha256 {h}"));
        println!(
            "{what} ({}{hash}), added by {} at {}",
            e.kind, e.added_by, e.added_at
        );
        if let Some(s) = &e.summary {
            println!("  {s}");
        }
    }
    Ok(())
}
