//! `init`: create the database or bring its schema up to date; safe to run twice.

use inspection_tracker::Result;

use crate::{db, print_json, Cli};

pub fn run(cli: &Cli) -> Result<()> {
    let store = db::open(cli)?;
    let info = store.info()?;
    if cli.json {
        print_json(&info)
    } else {
        println!(
            "Database ready at {} (schema version {})",
            info.path, info.schema_version
        );
        Ok(())
    }
}
