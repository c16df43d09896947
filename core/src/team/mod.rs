//! Team mode (issue 11): one action plan shared by a team through a PostgreSQL server,
//! each desktop keeping its full SQLite copy, reading only from it and working offline.
//!
//! - [`server`]: the server's schema (its own numbered migrations), roles, and log of
//!   changes. Rights are the server's: a viewer cannot add a change at all, an editor only
//!   progress, notes and evidence (row-level security on the log).
//! - [`mod@sync`]: send the outbox, apply the log in the server's order.
//! - [`credentials`]: where a password comes from (never this program's own files).
//!
//! Local changes are recorded by the store's capture triggers (`store::team_capture`) in
//! the same transaction as the change; nothing of this module runs for a database that was
//! never connected.

pub mod credentials;
pub mod server;
pub mod sync;

use std::time::Duration;

use chrono::NaiveDateTime;
use postgres::fallible_iterator::FallibleIterator;
use postgres::Client;
use serde::Serialize;

use crate::model::team_role::{self, Permissions, TeamRole};
use crate::plan::settings;
use crate::store::team::{self as local, ConflictRow};
use crate::store::team_capture;
use crate::store::{now_utc, Store};
use crate::{Error, Result};
use server::Server;
pub use sync::{sync, SyncReport, EVIDENCE_LIMIT};

/// `team status --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamStatus {
    pub server: String,
    pub user: String,
    pub role: Option<String>,
    pub last_sync: Option<String>,
    pub pending: i64,
    pub refused: i64,
    pub conflicts: i64,
}

/// What connecting did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connected {
    pub server: String,
    pub user: String,
    pub role: String,
    /// The server already held a plan: it was downloaded (this many changes).
    pub joined: Option<usize>,
    /// The server is empty and this database holds a plan: `team publish` would share it.
    pub may_publish: bool,
    /// The password was saved in the system's credential store (false: there is none).
    pub saved_password: bool,
}

/// `team init-server`: schema and group roles (as a user allowed to create roles).
pub fn init_server(url: &str) -> Result<Vec<String>> {
    let server = Server::parse(url)?;
    let pw = credentials::password(&server, true)?;
    let mut client = server.connect(pw.as_deref())?;
    server::init_server(&server, &mut client)
}

/// `team add-user`: a login role in the viewer, editor or admin group.
pub fn add_user(url: &str, name: &str, role: &str, password: &str) -> Result<()> {
    let server = Server::parse(url)?;
    let pw = credentials::password(&server, true)?;
    let mut client = server.connect(pw.as_deref())?;
    server::check_schema(&server, &mut client)?;
    server::add_user(&server, &mut client, name, role, password)
}

/// `team connect`: remember the server, start recording local changes, and (if the server
/// holds a plan) download it. A database holding a plan of its own cannot join a server
/// that holds one (the two would mix); it can publish to an empty server.
pub fn connect(store: &mut Store, url: &str) -> Result<Connected> {
    let server = Server::parse(url)?;
    let pw = credentials::password(&server, true)?;
    connect_with(store, url, pw)
}

/// [`connect`] with the password given (the app's Settings → Team form); it is kept in
/// memory for this session and saved in the credential store where there is one.
pub fn connect_with(store: &mut Store, url: &str, pw: Option<String>) -> Result<Connected> {
    if let Some(st) = local::get_state(store.conn())? {
        return Err(Error::Invalid(format!(
            "this database is already connected to {} as {}; run `team disconnect` first",
            st.server, st.user_name
        )));
    }
    let server = Server::parse(url)?;
    let user = server
        .user()
        .ok_or_else(|| {
            Error::Invalid(format!(
                "{url} names no user; write it as postgres://NAME@HOST:PORT/DB"
            ))
        })?
        .to_string();
    let mut client = server.connect(pw.as_deref())?;
    server::check_schema(&server, &mut client)?;
    if let Some(p) = pw.as_deref() {
        credentials::remember_for_session(&server, p);
    }
    let role = server::my_role(&server, &mut client)?.ok_or_else(|| {
        Error::Invalid(format!(
            "{user} is not in any of the team's groups on {}; ask IT to add you with \
             `team add-user --url … {user} --role viewer|editor|admin`",
            server.shown()
        ))
    })?;
    let on_server = server::holds_plan(&server, &mut client)?;
    let local_empty = local::plan_is_empty(store.conn())?;
    if on_server && !local_empty {
        return Err(Error::Invalid(format!(
            "the team server {} already holds a plan and this database holds one too, so \
             they cannot be joined (nothing was changed); to join the team, connect a new, \
             empty database (--db NEW_FILE team connect …)",
            server.shown()
        )));
    }
    // The history names the database user, on this desktop as on the others.
    settings::set(store, "user_name", &user, &user)?;
    let client_id = crate::store::new_id();
    let tx = store.write()?;
    local::insert_state(&tx, &server.shown(), &user, role, &client_id)?;
    team_capture::create_triggers(&tx)?;
    tx.commit()?;
    let saved_password = pw.as_deref().is_some_and(|p| credentials::save(&server, p));
    let joined = if on_server {
        Some(sync::sync_with(store, &server, &mut client)?.pulled)
    } else {
        local::update_synced(store.conn(), &now_utc())?;
        None
    };
    Ok(Connected {
        server: server.shown(),
        user,
        role: role.to_string(),
        joined,
        may_publish: !on_server && !local_empty,
        saved_password,
    })
}

/// `team publish`: this database becomes the team's first copy. Refused if the server
/// already holds a plan. Returns the changes sent.
pub fn publish(store: &mut Store) -> Result<usize> {
    let st = sync::state(store)?;
    let (server, mut client) = sync::open_server(store, &st)?;
    if server::holds_plan(&server, &mut client)? {
        return Err(Error::Invalid(format!(
            "the team server {} already holds a plan, so this database was not published \
             (nothing was changed); to work on the team's plan, connect an empty database",
            server.shown()
        )));
    }
    if server::my_role(&server, &mut client)? != Some("admin") {
        return Err(Error::Invalid(format!(
            "only a team admin may publish a plan, and {} is not one; nothing was sent",
            st.user_name
        )));
    }
    let tx = store.write()?;
    // The rows go up whole: changes recorded since connecting are in them already.
    local::delete_pending(&tx)?;
    let queued = local::queue_everything(&tx, &now_utc())?;
    tx.commit()?;
    let report = sync::sync_with(store, &server, &mut client)?;
    if report.pushed < queued {
        return Err(Error::Invalid(format!(
            "only {} of {queued} changes were accepted by the server; run `team sync` to \
             send the rest",
            report.pushed
        )));
    }
    Ok(queued)
}

/// `team disconnect`: stop syncing; the local copy stays as it is. Changes still waiting
/// are sent first if the server can be reached; if any remain, refused unless `discard`.
pub fn disconnect(store: &mut Store, discard: bool) -> Result<String> {
    let st = sync::state(store)?;
    let (pending, _, _) = local::counts(store.conn(), &st.user_name)?;
    if pending > 0 {
        let _ = sync::sync(store);
        let (pending, _, _) = local::counts(store.conn(), &st.user_name)?;
        if pending > 0 && !discard {
            return Err(Error::Invalid(format!(
                "{pending} changes made here have not reached the team server {} yet, so \
                 this database stays connected; run `team sync` once the server can be \
                 reached, or `team disconnect --discard-pending` to keep them in this copy only",
                st.server
            )));
        }
    }
    let tx = store.write()?;
    team_capture::drop_triggers(&tx)?;
    local::delete_state(&tx)?;
    tx.commit()?;
    if let Ok(server) = Server::parse(&st.server) {
        credentials::forget(&server);
    }
    Ok(st.server)
}

/// `team status`, from this desktop's own records (no network).
pub fn status(store: &Store) -> Result<TeamStatus> {
    let st = sync::state(store)?;
    let (pending, refused, conflicts) = local::counts(store.conn(), &st.user_name)?;
    Ok(TeamStatus {
        server: st.server,
        user: st.user_name,
        role: st.role,
        last_sync: st.last_sync,
        pending,
        refused,
        conflicts,
    })
}

/// What the person at this desktop may do, by the role last learnt from the server
/// (`model::team_role`); everything for a database used alone.
pub fn permissions(store: &Store) -> Result<Permissions> {
    let role = local::get_state(store.conn())?
        .and_then(|s| s.role)
        .and_then(|r| TeamRole::parse(&r));
    Ok(team_role::permissions(role))
}

/// Whether this database is connected to a team server.
pub fn is_connected(store: &Store) -> Result<bool> {
    Ok(local::get_state(store.conn())?.is_some())
}

/// The conflicts on one action, in words for the person reading (`me`): "Your progress
/// 40% (3 Mar) was followed by jsmith's 60% (3 Mar)".
pub fn notices(store: &Store, action_id: &str) -> Result<Vec<String>> {
    let me = local::get_state(store.conn())?.map(|s| s.user_name);
    Ok(local::list_conflicts(store.conn(), action_id)?
        .iter()
        .map(|c| notice_words(c, me.as_deref()))
        .collect())
}

fn notice_words(c: &ConflictRow, me: Option<&str>) -> String {
    let field = c.field.replace('_', " ");
    let value = |v: &Option<String>| match (c.field.as_str(), v) {
        (_, None) => "none".to_string(),
        ("progress", Some(v)) => format!("{v}%"),
        (_, Some(v)) => v.replace('_', " "),
    };
    let day = |at: &Option<String>| {
        at.as_deref()
            .and_then(|a| {
                NaiveDateTime::parse_from_str(a.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S%.f").ok()
            })
            .map_or_else(String::new, |d| format!(" ({})", d.format("%-d %b")))
    };
    let whose = if Some(c.overtaken_author.as_str()) == me {
        "Your".to_string()
    } else {
        format!("{}'s", c.overtaken_author)
    };
    format!(
        "{whose} {field} {}{} was followed by {}'s {}{}",
        value(&c.overtaken_value),
        day(&c.overtaken_made_at),
        c.winner_author,
        value(&c.winner_value),
        day(&c.winner_made_at)
    )
}

/// A connection that waits for the server's "something changed" notice, so an online
/// desktop pulls within about a second of another's change without polling hard.
pub struct Listener {
    server: Server,
    client: Client,
}

impl Listener {
    pub fn open(store: &Store) -> Result<Listener> {
        let st = sync::state(store)?;
        let (server, mut client) = sync::open_server(store, &st)?;
        server::listen(&server, &mut client)?;
        Ok(Listener { server, client })
    }

    /// Wait up to `timeout` for a notice; true if one came (several are taken as one).
    pub fn wait(&mut self, timeout: Duration) -> Result<bool> {
        let server = &self.server;
        let mut notes = self.client.notifications();
        let got = notes
            .timeout_iter(timeout)
            .next()
            .map_err(|e| server.error(e))?
            .is_some();
        let mut rest = notes.iter();
        while rest.next().map_err(|e| server.error(e))?.is_some() {}
        Ok(got)
    }
}
