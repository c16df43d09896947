//! Which database a command opens, who is making changes, and the scheduled backup a
//! writing command takes before it writes when the newest is older than the interval.

use std::path::PathBuf;

use inspection_tracker::plan::settings;
use inspection_tracker::store::{backup, OpenOptions, Store};
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
    let mut options = OpenOptions::from_env();
    options.allow_network_folder |= cli.allow_network_folder;
    Store::open_with(&path(cli)?, options)
}

/// The scheduled backup (`backup_interval_hours`, once a day by default; `backups_keep`
/// kept), taken before the first write once the newest backup is older than the
/// interval. Commands call it after checking their input, so bad input leaves no trace.
pub fn backup_before_write(store: &Store) -> Result<()> {
    let s = settings::load(store.conn())?;
    if let Some(db) = store.path() {
        backup::take_if_due(db, s.backups_keep, s.backup_interval())?;
    }
    Ok(())
}

/// A backup taken now whatever the schedule (at least one kept), before a bulk change
/// such as importing several reports at once.
pub fn backup_before_bulk(store: &Store) -> Result<()> {
    let keep = settings::load(store.conn())?.backups_keep.max(1);
    backup::rotate(store, keep)?;
    Ok(())
}

/// The name the history records for changes made here (the `user_name` setting, by
/// default the operating-system user).
pub fn who(store: &Store) -> Result<String> {
    Ok(settings::load(store.conn())?.user_name)
}
