//! `team …`: share the plan through the team's PostgreSQL server (issue 11), and the sync
//! every other command runs at its end while the database is connected.

use inspection_tracker::store::Store;
use inspection_tracker::team::{self, credentials};
use inspection_tracker::{Error, Result};
use serde_json::json;

use crate::{db, print_json, Cli};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// For IT: create the team's schema and the groups inspection_tracker_viewer,
    /// _editor and _admin on an empty database (again: changes nothing)
    InitServer {
        #[arg(long, value_name = "URL")]
        url: String,
    },
    /// For IT: create a login for one person in a group (password from
    /// INSPECTION_TRACKER_NEW_PASSWORD or asked for)
    AddUser {
        #[arg(long, value_name = "URL")]
        url: String,
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(long, value_name = "viewer|editor|admin")]
        role: String,
    },
    /// Connect this database to the team's server (password from
    /// INSPECTION_TRACKER_PASSWORD, libpq's .pgpass, or asked for); an empty database
    /// downloads the team's plan
    Connect {
        #[arg(long, value_name = "postgres://NAME@HOST:PORT/DB")]
        url: String,
    },
    /// Make this database's plan the team's first copy (refused if the server holds one)
    Publish,
    /// Send the changes made here and fetch everyone else's
    Sync,
    /// Server, user, role, last sync, changes waiting, refused, conflicts
    Status,
    /// Stop syncing (the plan stays in this database)
    Disconnect {
        /// Disconnect even though changes made here have not reached the server
        #[arg(long)]
        discard_pending: bool,
    },
    /// Stay connected and fetch each change as the server announces it (Ctrl+C stops)
    Watch,
}

pub fn run(cli: &Cli, command: &Command) -> Result<()> {
    match command {
        Command::InitServer { url } => {
            let applied = team::init_server(url)?;
            if cli.json {
                return print_json(&json!({ "applied": applied }));
            }
            if applied.is_empty() {
                println!("The server was already set up; nothing was changed.");
            } else {
                println!(
                    "Set up the team server: groups inspection_tracker_viewer, _editor and \
                     _admin; schema {}.",
                    applied.join(", ")
                );
            }
            Ok(())
        }
        Command::AddUser { url, name, role } => {
            let password = credentials::new_password(name)?;
            team::add_user(url, name, role, &password)?;
            if cli.json {
                return print_json(&json!({ "user": name, "role": role }));
            }
            println!("Added {name} as {role}.");
            Ok(())
        }
        Command::Connect { url } => {
            let mut store = db::open(cli)?;
            let c = team::connect(&mut store, url)?;
            if cli.json {
                return print_json(&json!({
                    "server": c.server, "user": c.user, "role": c.role,
                    "pulled": c.joined, "may_publish": c.may_publish,
                    "saved_password": c.saved_password,
                }));
            }
            println!("Connected to {} as {} ({}).", c.server, c.user, c.role);
            if c.saved_password {
                println!("The password is saved in this computer's credential store.");
            } else {
                println!(
                    "This computer has no credential store, so the password was not saved: \
                     each command reads {} or libpq's .pgpass file.",
                    credentials::PASSWORD_ENV
                );
            }
            match c.joined {
                Some(n) => println!("Downloaded the team's plan ({n} changes)."),
                None if c.may_publish => println!(
                    "The server holds no plan yet: `team publish` makes this database's plan \
                     the team's first copy."
                ),
                None => println!("The server holds no plan yet."),
            }
            Ok(())
        }
        Command::Publish => {
            let mut store = db::open(cli)?;
            let n = team::publish(&mut store)?;
            if cli.json {
                return print_json(&json!({ "published": n }));
            }
            println!("Published this plan to the team server ({n} changes).");
            Ok(())
        }
        Command::Sync => {
            let mut store = db::open(cli)?;
            let r = team::sync(&mut store)?;
            if cli.json {
                return print_json(&r);
            }
            print_sync(&store, &r)
        }
        Command::Status => {
            let store = db::open(cli)?;
            let s = team::status(&store)?;
            if cli.json {
                return print_json(&s);
            }
            println!("Server:    {}", s.server);
            println!(
                "User:      {} ({})",
                s.user,
                s.role.as_deref().unwrap_or("no role")
            );
            println!("Last sync: {}", s.last_sync.as_deref().unwrap_or("never"));
            println!("Waiting:   {}", s.pending);
            println!("Refused:   {}", s.refused);
            println!("Conflicts: {}", s.conflicts);
            Ok(())
        }
        Command::Disconnect { discard_pending } => {
            let mut store = db::open(cli)?;
            let server = team::disconnect(&mut store, *discard_pending)?;
            if cli.json {
                return print_json(&json!({ "disconnected": server }));
            }
            println!("Disconnected from {server}; the plan stays in this database.");
            Ok(())
        }
        Command::Watch => watch(cli),
    }
}

fn print_sync(store: &Store, r: &team::SyncReport) -> Result<()> {
    println!(
        "Sent {} changes, received {}; {} refused, {} conflicts.",
        r.pushed, r.pulled, r.refused, r.conflicts
    );
    let refused = inspection_tracker::store::team::list_refused(store.conn())?;
    if !refused.is_empty() {
        println!("Refused by the server (kept in this copy only):");
        for (_, why) in refused {
            println!("  {why}");
        }
    }
    Ok(())
}

fn watch(cli: &Cli) -> Result<()> {
    let mut store = db::open(cli)?;
    let mut listener = team::Listener::open(&store)?;
    let r = team::sync(&mut store)?;
    print_sync(&store, &r)?;
    loop {
        if listener.wait(std::time::Duration::from_secs(60))? {
            let r = team::sync(&mut store)?;
            print_sync(&store, &r)?;
        }
    }
}

/// After any other command: if the database is connected, sync, and say so if the server
/// cannot be reached (the change stays queued). A database never connected costs one
/// read-only query here, nothing more. Printed on stderr, so `--json` output stays one document.
pub fn after_command(cli: &Cli) {
    let Ok(path) = db::path(cli) else { return };
    if !path.is_file() || !inspection_tracker::store::team::file_is_connected(&path) {
        return;
    }
    let Ok(mut store) = db::open(cli) else { return };
    match team::sync(&mut store) {
        Ok(r) if r.pushed + r.pulled + r.refused > 0 => eprintln!(
            "team: sent {} changes, received {}{}",
            r.pushed,
            r.pulled,
            if r.refused > 0 {
                format!("; {} refused by the server (see `team sync`)", r.refused)
            } else {
                String::new()
            }
        ),
        Ok(_) => {}
        Err(e @ Error::Offline { .. }) => {
            let waiting = team::status(&store).map_or(0, |s| s.pending);
            eprintln!("team: {e} ({waiting} changes waiting)");
        }
        Err(e) => eprintln!("team: the sync did not complete: {e}"),
    }
}
