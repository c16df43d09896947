//! Which database a command opens.

use std::path::PathBuf;

use inspection_tracker::store::Store;
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
