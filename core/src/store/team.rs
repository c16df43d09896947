//! Team mode's local tables (migration 0008): the connection's state and the outbox of
//! local changes. Applying the server's changes is [`super::team_apply`].
//!
//! Convergence: each field of each row keeps the server position of the value in force
//! (`team_fields.force_position`). A change from the server is applied to a field only if
//! its position is higher, and never over a local change not yet sent (the local one is
//! the newest until the server places it after). Rows inserted (reports, actions, notes,
//! evidence, history) have ids unique across desktops, so appends never conflict.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::team_capture::{synced_columns, SYNCED};
use crate::Result;

/// Fields whose changes are bookkeeping, not a person's decision: never a conflict.
pub(super) const NOT_CONFLICTS: &[&str] = &["updated_at"];

/// This desktop's connection to a team server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamState {
    pub server: String,
    pub user_name: String,
    pub role: Option<String>,
    pub client_id: String,
    pub last_position: i64,
    pub last_sync: Option<String>,
    pub offline_since: Option<String>,
}

/// A local change waiting to go up (or refused by the server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRow {
    pub id: String,
    pub kind: String,
    pub entity: String,
    pub entity_id: String,
    pub field: Option<String>,
    pub payload: String,
    pub made_at: String,
    pub base_position: i64,
}

/// A change as the server's log holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteChange {
    pub position: i64,
    pub id: String,
    pub origin: String,
    pub author: String,
    pub kind: String,
    pub entity: String,
    pub entity_id: String,
    pub field: Option<String>,
    pub payload: String,
    pub base_position: i64,
    pub made_at: String,
}

/// What applying a batch of server changes did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Changes from other desktops applied (or found already here).
    pub pulled: usize,
    pub conflicts: usize,
    /// Changes that could not be applied here (recorded in `team_skipped`).
    pub skipped: usize,
}

/// A conflict as recorded: `overtaken_*` was followed by `winner_*` without having seen it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictRow {
    pub position: i64,
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub overtaken_author: String,
    pub overtaken_value: Option<String>,
    pub overtaken_made_at: Option<String>,
    pub winner_author: String,
    pub winner_value: Option<String>,
    pub winner_made_at: Option<String>,
}

/// Whether the database file at `path` is connected to a team server, read without
/// opening it as a store (no location check, no pragmas, no migration): what a CLI
/// command asks at its end, so a database never connected pays one small read. Opened
/// for writing (nothing is written) so that, as the last connection, closing tidies the
/// WAL files away as the store's own close does; a read-only one would leave them.
pub fn file_is_connected(path: &std::path::Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return false;
    };
    let _ = conn.busy_timeout(std::time::Duration::from_secs(5));
    conn.query_row("SELECT count(*) FROM team_state", [], |r| {
        r.get::<_, i64>(0)
    })
    .is_ok_and(|n| n > 0)
}

pub fn get_state(conn: &Connection) -> Result<Option<TeamState>> {
    Ok(conn
        .query_row(
            "SELECT server, user_name, role, client_id, last_position, last_sync, offline_since
             FROM team_state WHERE id = 1",
            [],
            |r| {
                Ok(TeamState {
                    server: r.get(0)?,
                    user_name: r.get(1)?,
                    role: r.get(2)?,
                    client_id: r.get(3)?,
                    last_position: r.get(4)?,
                    last_sync: r.get(5)?,
                    offline_since: r.get(6)?,
                })
            },
        )
        .optional()?)
}

/// Record the connection (replacing any earlier one's state) with capture on.
pub fn insert_state(
    conn: &Connection,
    server: &str,
    user_name: &str,
    role: &str,
    client_id: &str,
) -> Result<()> {
    conn.execute("DELETE FROM team_state", [])?;
    conn.execute(
        "INSERT INTO team_state (id, server, user_name, role, client_id, capture)
         VALUES (1, ?1, ?2, ?3, ?4, 1)",
        params![server, user_name, role, client_id],
    )?;
    Ok(())
}

/// Forget the connection and everything kept for it (the local plan stays as it is).
pub fn delete_state(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM team_state; DELETE FROM team_outbox; DELETE FROM team_fields;
         DELETE FROM team_conflicts; DELETE FROM team_skipped;",
    )?;
    Ok(())
}

pub fn update_role(conn: &Connection, role: &str) -> Result<()> {
    conn.execute("UPDATE team_state SET role = ?1 WHERE id = 1", [role])?;
    Ok(())
}

/// The server answered: in step as of `at`.
pub fn update_synced(conn: &Connection, at: &str) -> Result<()> {
    conn.execute(
        "UPDATE team_state SET last_sync = ?1, offline_since = NULL WHERE id = 1",
        [at],
    )?;
    Ok(())
}

/// The server could not be reached: offline since the first failure.
pub fn update_offline(conn: &Connection, at: &str) -> Result<()> {
    conn.execute(
        "UPDATE team_state SET offline_since = coalesce(offline_since, ?1) WHERE id = 1",
        [at],
    )?;
    Ok(())
}

/// Counts for `team status`: pending, refused, and conflicts where `me` was overtaken.
pub fn counts(conn: &Connection, me: &str) -> Result<(i64, i64, i64)> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM team_outbox WHERE state = 'pending'),
                (SELECT count(*) FROM team_outbox WHERE state = 'refused'),
                (SELECT count(*) FROM team_conflicts WHERE overtaken_author = ?1)",
        [me],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

/// The oldest `limit` changes waiting to go up, in the order they were made.
pub fn list_pending(conn: &Connection, limit: usize) -> Result<Vec<OutboxRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, entity, entity_id, field, payload, made_at, base_position
         FROM team_outbox WHERE state = 'pending' ORDER BY seq LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], |r| {
        Ok(OutboxRow {
            id: r.get(0)?,
            kind: r.get(1)?,
            entity: r.get(2)?,
            entity_id: r.get(3)?,
            field: r.get(4)?,
            payload: r.get(5)?,
            made_at: r.get(6)?,
            base_position: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Drop the changes waiting to go up (a publish sends the rows whole instead).
pub fn delete_pending(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM team_outbox WHERE state = 'pending'", [])?;
    Ok(())
}

/// Refused changes, oldest first: (what, the server's reason).
pub fn list_refused(conn: &Connection) -> Result<Vec<(OutboxRow, String)>> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, entity, entity_id, field, payload, made_at, base_position, refused_why
         FROM team_outbox WHERE state = 'refused' ORDER BY seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            OutboxRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                entity: r.get(2)?,
                entity_id: r.get(3)?,
                field: r.get(4)?,
                payload: r.get(5)?,
                made_at: r.get(6)?,
                base_position: r.get(7)?,
            },
            r.get(8)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The server has these changes at these positions: they leave the outbox, and each field
/// they set is in force at its position (a server change placed before it will not undo it).
pub fn mark_pushed(conn: &Connection, pushed: &[(OutboxRow, i64)]) -> Result<()> {
    let mut del = conn.prepare_cached("DELETE FROM team_outbox WHERE id = ?1")?;
    let mut force = conn.prepare_cached(
        "INSERT INTO team_fields (entity, entity_id, field, force_position) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (entity, entity_id, field)
         DO UPDATE SET force_position = max(force_position, excluded.force_position)",
    )?;
    for (row, position) in pushed {
        del.execute([&row.id])?;
        if let (Some(field), "set") = (&row.field, row.kind.as_str()) {
            force.execute(params![row.entity, row.entity_id, field, position])?;
        }
    }
    Ok(())
}

/// The server refused this change: it stays here, marked, with the reason.
pub fn mark_refused(conn: &Connection, id: &str, why: &str) -> Result<()> {
    conn.execute(
        "UPDATE team_outbox SET state = 'refused', refused_why = ?2 WHERE id = ?1",
        params![id, why],
    )?;
    Ok(())
}

/// Turn local change capture on or off (off while the server's changes are applied, so
/// they are not sent back up as this desktop's own).
pub fn set_capture(conn: &Connection, on: bool) -> Result<()> {
    conn.execute(
        "UPDATE team_state SET capture = ?1 WHERE id = 1",
        [on as i64],
    )?;
    Ok(())
}

pub fn set_last_position(conn: &Connection, position: i64) -> Result<()> {
    conn.execute(
        "UPDATE team_state SET last_position = ?1 WHERE id = 1",
        [position],
    )?;
    Ok(())
}

/// Queue every row of the plan as an insert (the first copy of a team's plan), parents
/// first, marked as published (base position -1). Returns how many were queued.
pub fn queue_everything(conn: &Connection, made_at: &str) -> Result<usize> {
    let mut n = 0;
    for s in SYNCED {
        let cols = synced_columns(conn, s)?;
        let key = s.key.join(" || '|' || ");
        let row = super::team_capture::row_json_sql(&cols, "t");
        let key_t = key
            .split(" || '|' || ")
            .map(|k| format!("t.{k}"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let order = if s.table == "history" {
            "t.seq"
        } else {
            "t.rowid"
        };
        let filter = s.local_only.map_or(String::new(), |c| {
            format!("WHERE NOT ({})", c.replace("NEW.", "t."))
        });
        n += conn.execute(
            &format!(
                "INSERT INTO team_outbox
                     (id, kind, entity, entity_id, field, payload, made_at, base_position)
                 SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
                        substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2)
                        || '-' || hex(randomblob(6))),
                        'insert', '{t}', {key_t}, NULL, {row}, ?1, -1
                 FROM {t} t {filter} ORDER BY {order}",
                t = s.table
            ),
            [made_at],
        )?;
    }
    Ok(n)
}

/// Whether this database holds any plan at all (a joining desktop must start empty).
pub fn plan_is_empty(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM actions)",
        [],
        |r| r.get(0),
    )?;
    Ok(n == 0)
}

/// The SHA-256 of every evidence file the plan names.
pub fn list_evidence_files(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT sha256 FROM evidence WHERE kind = 'file' AND sha256 IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Conflicts on one row, in the server's order.
pub fn list_conflicts(conn: &Connection, entity_id: &str) -> Result<Vec<ConflictRow>> {
    let mut stmt = conn.prepare(
        "SELECT position, entity, entity_id, field, overtaken_author, overtaken_value,
                overtaken_made_at, winner_author, winner_value, winner_made_at
         FROM team_conflicts WHERE entity_id = ?1 ORDER BY position, field",
    )?;
    let rows = stmt.query_map([entity_id], |r| {
        Ok(ConflictRow {
            position: r.get(0)?,
            entity: r.get(1)?,
            entity_id: r.get(2)?,
            field: r.get(3)?,
            overtaken_author: r.get(4)?,
            overtaken_value: r.get(5)?,
            overtaken_made_at: r.get(6)?,
            winner_author: r.get(7)?,
            winner_value: r.get(8)?,
            winner_made_at: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
