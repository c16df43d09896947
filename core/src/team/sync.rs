//! One sync: send this desktop's waiting changes, then apply everyone's changes after the
//! last position applied here, in the server's order. Each step is safe to cut short at any
//! point (a killed process, a server that goes away): a change sent twice is stored once
//! (its id), and the position pulled to moves in the same transaction as the changes
//! applied.

use std::path::Path;

use postgres::Client;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::server::{self, Server};
use crate::plan::evidence::evidence_path;
use crate::store::team::{self as local, OutboxRow, RemoteChange, TeamState};
use crate::store::team_apply::Applier;
use crate::store::team_join;
use crate::store::{new_id, now_utc, Store};
use crate::{Error, Result};

/// The largest evidence file the team server takes (its `evidence_blobs` table checks
/// the same figure): 50 MiB.
pub const EVIDENCE_LIMIT: u64 = 50 * 1024 * 1024;

/// Changes sent per round trip, and fetched and applied per transaction, unless
/// `INSPECTION_TRACKER_SYNC_BATCH` says otherwise (the fault tests cut a sync into many
/// small steps with it).
fn batch(default: usize) -> usize {
    std::env::var("INSPECTION_TRACKER_SYNC_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// What one sync moved (`team sync --json`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    pub pushed: usize,
    pub pulled: usize,
    pub refused: usize,
    pub conflicts: usize,
}

/// This desktop's connection, or the error that says how to make one.
pub fn state(store: &Store) -> Result<TeamState> {
    local::get_state(store.conn())?.ok_or_else(|| {
        Error::Invalid(
            "this database is not connected to a team server; connect it with \
             `team connect --url postgres://NAME@HOST:PORT/DB`"
                .into(),
        )
    })
}

/// Connect to the server this desktop is connected to (the password as
/// [`super::credentials::password`] finds it). On failure the desktop is marked offline.
pub fn open_server(store: &Store, state: &TeamState) -> Result<(Server, Client)> {
    let server = Server::parse(&state.server)?;
    let pw = super::credentials::password(&server, false)?;
    match server.connect(pw.as_deref()) {
        Ok(mut client) => {
            server::check_schema(&server, &mut client)?;
            Ok((server, client))
        }
        Err(e) => {
            if matches!(e, Error::Offline { .. }) {
                local::update_offline(store.conn(), &now_utc())?;
            }
            Err(e)
        }
    }
}

/// One push and one pull against the connected server.
pub fn sync(store: &mut Store) -> Result<SyncReport> {
    let st = state(store)?;
    let (server, mut client) = open_server(store, &st)?;
    let outcome = sync_with(store, &server, &mut client);
    if let Err(Error::Offline { .. }) = &outcome {
        local::update_offline(store.conn(), &now_utc())?;
    }
    outcome
}

/// One push and one pull on an open connection.
pub fn sync_with(store: &mut Store, server: &Server, client: &mut Client) -> Result<SyncReport> {
    let mut st = state(store)?;
    // The role may have changed on the server since the last sync: what the desktop
    // allows from now on, and the words of any refusal below, follow the new one.
    if let Some(role) = server::my_role(server, client)? {
        if st.role.as_deref() != Some(role) {
            local::update_role(store.conn(), role)?;
            st.role = Some(role.to_string());
        }
    }
    let mut report = push(store, server, client, &st)?;
    let (pulled, conflicts) = pull(store, server, client, &st.client_id)?;
    report.pulled = pulled;
    report.conflicts = conflicts;
    fetch_evidence(store, server, client)?;
    local::update_synced(store.conn(), &now_utc())?;
    Ok(report)
}

/// Send every waiting change, oldest first. Evidence files go up before the change that
/// names them.
pub fn push(
    store: &mut Store,
    server: &Server,
    client: &mut Client,
    st: &TeamState,
) -> Result<SyncReport> {
    let mut report = SyncReport::default();
    loop {
        let rows = local::list_pending(store.conn(), batch(2_000))?;
        if rows.is_empty() {
            break;
        }
        let mut too_big = Vec::new();
        let mut sendable = Vec::new();
        for row in rows {
            match upload_evidence_of(store, server, client, &row)? {
                Some(why) => too_big.push((row, why)),
                None => sendable.push(row),
            }
        }
        let sent = server::push(server, client, &st.client_id, &sendable)?;
        let tx = store.write()?;
        let pushed: Vec<(OutboxRow, i64)> = sent
            .positions
            .iter()
            .map(|(i, p)| (sendable[*i].clone(), *p))
            .collect();
        local::mark_pushed(&tx, &pushed)?;
        for (i, why) in &sent.refused {
            local::mark_refused(
                &tx,
                &sendable[*i].id,
                &refusal_words(&sendable[*i], why, st),
            )?;
        }
        for (row, why) in &too_big {
            local::mark_refused(&tx, &row.id, why)?;
        }
        tx.commit()?;
        report.pushed += pushed.len();
        report.refused += sent.refused.len() + too_big.len();
    }
    Ok(report)
}

/// The server's refusal in words a person can act on.
fn refusal_words(row: &OutboxRow, why: &str, st: &TeamState) -> String {
    let what = match (row.kind.as_str(), row.field.as_deref()) {
        ("set", Some(f)) => format!(
            "the change to {} of {} {}",
            f.replace('_', " "),
            singular(&row.entity),
            row.entity_id
        ),
        _ => format!("the new {} {}", singular(&row.entity), row.entity_id),
    };
    let role = st.role.as_deref().unwrap_or("no role");
    format!(
        "the server refused {what}: {} is {role} on the team, which may not make it ({why}); \
         it is kept in this copy only — ask an admin to make it, or to change your role",
        st.user_name
    )
}

fn singular(table: &str) -> &str {
    match table {
        "actions" => "action",
        "reports" => "report",
        "recommendations" => "recommendation",
        "action_updates" => "update",
        "judgements" => "judgement",
        "report_texts" => "report text",
        "repeat_links" => "repeat link",
        "history" => "history entry",
        other => other,
    }
}

/// For a new evidence file: send its content if the server lacks it. Returns why the
/// change cannot go up, if it cannot (the file is over the limit).
fn upload_evidence_of(
    store: &Store,
    server: &Server,
    client: &mut Client,
    row: &OutboxRow,
) -> Result<Option<String>> {
    if row.kind != "insert" || row.entity != "evidence" {
        return Ok(None);
    }
    let payload: serde_json::Value = serde_json::from_str(&row.payload)
        .map_err(|e| Error::Invalid(format!("a queued change is not JSON: {e}")))?;
    let Some(sha) = payload.get("sha256").and_then(|v| v.as_str()) else {
        return Ok(None);
    };
    let path = evidence_path(store, sha)?;
    let size = std::fs::metadata(&path)
        .map_err(|e| Error::io(&path, e))?
        .len();
    if size > EVIDENCE_LIMIT {
        return Ok(Some(format!(
            "the evidence file {} is {} MiB, over the team server's limit of {} MiB; attach a \
             link to it instead",
            payload
                .get("original_name")
                .and_then(|v| v.as_str())
                .unwrap_or(sha),
            size / (1024 * 1024),
            EVIDENCE_LIMIT / (1024 * 1024)
        )));
    }
    if !server::has_blob(server, client, sha)? {
        let content = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        server::upload_blob(server, client, sha, &content)?;
    }
    Ok(None)
}

/// Apply every change after the last position applied here. Returns (pulled, conflicts).
/// A database that holds nothing yet (a new desktop joining) takes the whole log in one
/// transaction ([`crate::store::team_join`]); every other pull applies it batch by batch.
pub fn pull(
    store: &mut Store,
    server: &Server,
    client: &mut Client,
    client_id: &str,
) -> Result<(usize, usize)> {
    if team_join::may_join_at_once(store.conn())? && server::last_position(server, client)? > 0 {
        return join_at_once(store, server, client, client_id);
    }
    pull_in_order(store, server, client, client_id)
}

/// Apply the changes after the last position applied here, one transaction per batch,
/// each moving the position applied to (so a pull cut short keeps what it finished).
/// Public so that the tests can build a desktop this way and compare it with a join.
pub fn pull_in_order(
    store: &mut Store,
    server: &Server,
    client: &mut Client,
    client_id: &str,
) -> Result<(usize, usize)> {
    let (mut pulled, mut conflicts) = (0, 0);
    let after = state(store)?.last_position;
    fetch_ahead(server, client, after, |changes| {
        let tx = store.write()?;
        // Another connection (the app's background sync) may have applied some of these
        // since they were asked for: each change is applied once.
        let done = local::get_state(&tx)?.map_or(0, |s| s.last_position);
        let changes: Vec<&RemoteChange> = changes.iter().filter(|c| c.position > done).collect();
        let Some(last) = changes.last().map(|c| c.position) else {
            return Ok(());
        };
        local::set_capture(&tx, false)?;
        let mut applier = Applier::new(&tx, client_id)?;
        for c in changes {
            applier.apply(c)?;
        }
        let applied = applier.finish()?;
        local::set_last_position(&tx, last)?;
        local::set_capture(&tx, true)?;
        tx.commit()?;
        pulled += applied.pulled;
        conflicts += applied.conflicts;
        Ok(())
    })?;
    Ok((pulled, conflicts))
}

/// A new desktop's join: the whole log applied in one transaction, with the search index,
/// the last-update dates and the large tables' indexes built once at the end.
fn join_at_once(
    store: &mut Store,
    server: &Server,
    client: &mut Client,
    client_id: &str,
) -> Result<(usize, usize)> {
    let tx = store.write()?;
    // Decided again now this connection holds the write lock: another (the app's
    // background sync) may have joined meanwhile.
    if !team_join::may_join_at_once(&tx)? {
        drop(tx);
        return pull_in_order(store, server, client, client_id);
    }
    local::set_capture(&tx, false)?;
    let deferred = team_join::begin(&tx)?;
    let mut applier = Applier::new(&tx, client_id)?;
    let mut last = 0;
    fetch_ahead(server, client, 0, |changes| {
        for c in changes {
            applier.apply(c)?;
        }
        last = changes[changes.len() - 1].position;
        Ok(())
    })?;
    let applied = applier.finish()?;
    deferred.finish(&tx)?;
    local::set_last_position(&tx, last)?;
    local::set_capture(&tx, true)?;
    tx.commit()?;
    // The write-ahead log grew to the size of the plan; give the space back now rather
    // than when the program closes.
    team_join::shrink_log(store.conn())?;
    Ok((applied.pulled, applied.conflicts))
}

/// Fetch the log after `after` in batches and hand each to `apply` in order, the next
/// batch being fetched (on a thread of its own) while one is applied, so the transfer
/// adds little to a large pull. Stops at the first error either side.
fn fetch_ahead(
    server: &Server,
    client: &mut Client,
    after: i64,
    mut apply: impl FnMut(&[RemoteChange]) -> Result<()>,
) -> Result<()> {
    let limit = batch(20_000) as i64;
    std::thread::scope(|scope| {
        // One batch waiting while the next is fetched: at most three in memory.
        let (send, batches) = std::sync::mpsc::sync_channel::<Result<Vec<RemoteChange>>>(1);
        scope.spawn(move || {
            let mut after = after;
            loop {
                let fetched = server::pull(server, client, after, limit);
                let next = match &fetched {
                    Ok(b) if b.len() as i64 == limit => b.last().map(|c| c.position),
                    _ => None,
                };
                // A closed channel: the applying side stopped (an error); so does this.
                if send.send(fetched).is_err() {
                    return;
                }
                match next {
                    Some(p) => after = p,
                    None => return,
                }
            }
        });
        for fetched in batches {
            let changes = fetched?;
            if changes.is_empty() {
                break;
            }
            apply(&changes)?;
        }
        Ok(())
    })
}

/// Download the evidence files the plan names that this desktop does not have.
fn fetch_evidence(store: &Store, server: &Server, client: &mut Client) -> Result<()> {
    if store.data_dir().is_none() {
        return Ok(());
    }
    for sha in local::list_evidence_files(store.conn())? {
        let dest = evidence_path(store, &sha)?;
        if dest.is_file() {
            continue;
        }
        if let Some(content) = server::download_blob(server, client, &sha)? {
            let got: String = Sha256::digest(&content)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            if got == sha {
                write_atomically(&dest, &content)?;
            }
        }
    }
    Ok(())
}

fn write_atomically(dest: &Path, content: &[u8]) -> Result<()> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let tmp = dir.join(format!(".partial-{}", new_id()));
    std::fs::write(&tmp, content).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))
}
