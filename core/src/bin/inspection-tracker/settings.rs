//! `settings [get KEY | set KEY VALUE]`: the same settings the desktop app's Settings
//! screen shows (your name for the history, date rules, amber window, backups, reminders).

use inspection_tracker::plan::settings;
use inspection_tracker::Result;

use crate::{db, print_json, Cli};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Every setting with its value ("(default)" when never set)
    List,
    /// One setting's value
    Get {
        #[arg(value_name = "KEY")]
        key: String,
    },
    /// Change a setting (checked, and recorded in the history)
    Set {
        #[arg(value_name = "KEY")]
        key: String,
        #[arg(value_name = "VALUE")]
        value: String,
    },
}

#[derive(serde::Serialize)]
struct Row<'a> {
    key: &'a str,
    value: &'a str,
    is_default: bool,
}

pub fn run(cli: &Cli, command: Option<&Command>) -> Result<()> {
    match command.unwrap_or(&Command::List) {
        Command::List => list(cli),
        Command::Get { key } => {
            let store = db::open(cli)?;
            let value = settings::get(store.conn(), key)?;
            if cli.json {
                return print_json(&serde_json::json!({ "key": key, "value": value }));
            }
            println!("{value}");
            Ok(())
        }
        Command::Set { key, value } => {
            let mut store = db::open(cli)?;
            let who = db::who(&store)?;
            settings::canonical(key, value)?; // bad input: refused before the backup
            db::backup_before_write(&store)?;
            let stored = settings::set(&mut store, key, value, &who)?;
            if cli.json {
                return print_json(&serde_json::json!({ "key": key, "value": stored }));
            }
            println!("{key} = {stored}");
            Ok(())
        }
    }
}

fn list(cli: &Cli) -> Result<()> {
    let store = db::open(cli)?;
    let all = settings::list(store.conn())?;
    if cli.json {
        let rows: Vec<Row<'_>> = all
            .iter()
            .map(|(key, value, is_default)| Row {
                key,
                value,
                is_default: *is_default,
            })
            .collect();
        return print_json(&rows);
    }
    for (key, value, is_default) in &all {
        let note = if *is_default { "  (default)" } else { "" };
        println!("{key:<22} {value}{note}");
    }
    Ok(())
}
