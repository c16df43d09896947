//! `backup [--to FILE]` and `restore FILE`: consistent snapshots with SQLite's online
//! backup API; a restore is checked (integrity, schema version, that it is one of our
//! databases) before it replaces anything, and the current database is backed up first.

use std::path::PathBuf;

use inspection_tracker::plan::settings;
use inspection_tracker::store::backup;
use inspection_tracker::Result;
use serde::Serialize;

use crate::{db, print_json, Cli};

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Write the backup here (default: a new file in the backups folder beside the
    /// database, which keeps the last N as the backups_keep setting says)
    #[arg(long, value_name = "FILE")]
    to: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A backup made by `backup` (or an automatic one from the backups folder)
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

#[derive(Debug, Serialize)]
struct BackupOutcome {
    backup: PathBuf,
}

pub fn backup(cli: &Cli, args: &BackupArgs) -> Result<()> {
    let store = db::open(cli)?;
    let path = match &args.to {
        Some(to) => {
            backup::backup_to(&store, to)?;
            to.clone()
        }
        None => {
            // Asked for by hand: made even when automatic backups are off.
            let keep = settings::load(store.conn())?.backups_keep.max(1);
            backup::rotate(&store, keep)?.ok_or_else(|| {
                inspection_tracker::Error::Invalid("an in-memory database has no backups".into())
            })?
        }
    };
    if cli.json {
        return print_json(&BackupOutcome { backup: path });
    }
    println!("Backed up to {}", path.display());
    Ok(())
}

pub fn restore(cli: &Cli, args: &RestoreArgs) -> Result<()> {
    let outcome = match db::open(cli) {
        Ok(mut store) => {
            let keep = settings::load(store.conn())?.backups_keep;
            backup::restore(&mut store, &args.file, keep)?
        }
        // The one command that must work on a database that will not open: it is how a
        // person gets their work back. The damaged file is kept beside the restored one.
        Err(e) if matches!(e.code(), "not_a_database" | "damaged") => {
            backup::restore_over_damaged(&db::path(cli)?, &args.file)?
        }
        Err(e) => return Err(e),
    };
    if cli.json {
        return print_json(&outcome);
    }
    println!(
        "Restored the database from {}",
        outcome.restored_from.display()
    );
    if let Some(safety) = &outcome.safety_backup {
        println!(
            "The database as it was before is kept at {}",
            safety.display()
        );
    }
    Ok(())
}
