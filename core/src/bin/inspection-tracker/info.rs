//! `info`: where the database is, its schema version and what it holds.

use inspection_tracker::Result;

use crate::{db, print_json, Cli};

pub fn run(cli: &Cli) -> Result<()> {
    let info = db::open(cli)?.info()?;
    if cli.json {
        return print_json(&info);
    }
    println!("Database:        {}", info.path);
    println!("Schema version:  {}", info.schema_version);
    println!("Reports:         {}", info.reports);
    println!("Recommendations: {}", info.recommendations);
    println!(
        "Actions:         {} ({} open)",
        info.actions, info.open_actions
    );
    Ok(())
}
