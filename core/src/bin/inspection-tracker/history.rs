//! `history ID`: every recorded change to an action (or a report, or a setting by key):
//! who, when, which field, old and new value.

use inspection_tracker::plan::actions::resolve_action_id;
use inspection_tracker::plan::history::history;
use inspection_tracker::store::history::HistoryRow;
use inspection_tracker::{Error, Result};

use crate::args::clip;
use crate::{db, print_json, Cli};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An action id (or unique prefix), a report id, or a setting's name
    #[arg(value_name = "ID")]
    id: String,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let store = db::open(cli)?;
    let id = match resolve_action_id(store.conn(), &args.id) {
        Ok(id) => id,
        Err(Error::NotFound { .. } | Error::Invalid(_)) => args.id.trim().to_string(),
        Err(e) => return Err(e),
    };
    let rows = history(&store, &id)?;
    if rows.is_empty() {
        return Err(Error::NotFound {
            what: "history for",
            id: args.id.clone(),
        });
    }
    if cli.json {
        return print_json(&rows);
    }
    println!("History of {} {}", rows[0].entity, id);
    for h in &rows {
        println!("{}", line(h));
    }
    Ok(())
}

fn line(h: &HistoryRow) -> String {
    let value = |v: &Option<String>| v.as_deref().map_or("(none)".into(), |v| clip(v, 60));
    let change = match (h.old_value.is_some(), h.new_value.is_some()) {
        (false, true) => value(&h.new_value),
        _ => format!("{} → {}", value(&h.old_value), value(&h.new_value)),
    };
    format!("{}  {:<12}  {:<18}  {change}", h.at, h.who, h.field)
}
