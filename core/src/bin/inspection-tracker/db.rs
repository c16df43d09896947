//! Which database a command opens, who is making changes, and the automatic backup every
//! writing command takes before it writes.

use std::path::PathBuf;

use inspection_tracker::plan::settings;
use inspection_tracker::store::{backup, Store};
use inspection_tracker::{paths, Error, Result};

use crate::Cli;

pub fn path(cli: &Cli) -> Result<PathBuf> {
    cli.db
        .clone()
        .or_else(paths::default_db_path)
        .ok_or_else(|| {
            Error::Invalid("cannot find your data folder; name a database with --db PATH".into())
        })
}

pub fn open(cli: &Cli) -> Result<Store> {
    Store::open(&path(cli)?)
}

/// Take the start-up backup (kept in rotation: `backups_keep` setting) before the first
/// write. Commands call it after checking their input, so bad input leaves no trace.
pub fn backup_before_write(store: &Store) -> Result<()> {
    let keep = settings::load(store.conn())?.backups_keep;
    backup::rotate(store, keep)?;
    Ok(())
}

/// The name the history records for changes made here (the `user_name` setting, by
/// default the operating-system user).
pub fn who(store: &Store) -> Result<String> {
    Ok(settings::load(store.conn())?.user_name)
}
