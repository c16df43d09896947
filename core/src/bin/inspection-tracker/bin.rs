//! `bin list|restore`: actions moved to the bin, and taking them back out.

use inspection_tracker::plan::actions::{list_bin, resolve_action_id, restore_action};
use inspection_tracker::Result;

use crate::args::{clip, short};
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List the actions in the bin, most recently deleted first
    List,
    /// Take an action back out of the bin
    Restore {
        #[arg(value_name = "ID")]
        id: String,
    },
}

pub fn run(cli: &Cli, command: &Command) -> Result<()> {
    match command {
        Command::List => list(cli),
        Command::Restore { id } => restore(cli, id),
    }
}

fn list(cli: &Cli) -> Result<()> {
    let store = db::open(cli)?;
    let rows = list_bin(&store)?;
    if cli.json {
        return print_json(&rows);
    }
    if rows.is_empty() {
        println!("The bin is empty.");
    }
    for a in &rows {
        println!(
            "{:<8}  deleted {}  {}",
            short(&a.id),
            a.deleted_at.as_deref().unwrap_or("-"),
            clip(&a.title, 80)
        );
    }
    Ok(())
}

fn restore(cli: &Cli, id: &str) -> Result<()> {
    let mut store = db::open(cli)?;
    let id = resolve_action_id(store.conn(), id)?;
    db::backup_before_write(&store)?;
    let who = db::who(&store)?;
    let a = restore_action(&mut store, &id, &who)?;
    if cli.json {
        return print_json(&a);
    }
    println!("Restored action {} ({})", short(&a.id), clip(&a.title, 80));
    Ok(())
}
