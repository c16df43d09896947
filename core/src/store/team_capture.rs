//! Team mode's capture: while a desktop is connected, triggers on the plan's tables record
//! every local change in `team_outbox` in the same transaction as the change itself, so a
//! change is never written without its outbox entry (a crash loses both or neither).
//!
//! Why triggers and not a call in each `plan/` function: every write path (import, action
//! update, notes, evidence, bin/restore, repeat decisions, settings that move due dates) is
//! covered by construction, including the ones added later. The triggers are made at
//! connect time from each table's columns (so a column a later migration adds is synced
//! too) and dropped on disconnect, so a desktop that never connects runs none of them.
//! They are dropped before and made again after a migration (see `Store::setup`).
//!
//! A change is one row inserted (`insert`, every column) or one field set (`set`); the
//! server orders them, and each desktop applies them field by field (`store::team`).
//!
//! Beside them, guard triggers (`team_guard_*`, made and dropped with the capture ones)
//! refuse before it is written a change the role known here may not make
//! (`model::team_role`, the same rule the server applies): a viewer's change, an editor's
//! import. The whole command is undone and the person told why, instead of the change
//! being queued only for the server to refuse it.

use std::collections::BTreeMap;

use rusqlite::Connection;

use crate::model::team_role::{why_not, Change, TeamRole, REFUSAL_MARKER};
use crate::Result;

/// One synced table: its name, the columns that identify a row (joined with `|` into the
/// change's `entity_id`), and the columns kept out of sync because a local trigger derives
/// them from others (each desktop derives them itself).
#[derive(Debug, Clone, Copy)]
pub struct Synced {
    pub table: &'static str,
    pub key: &'static [&'static str],
    pub derived: &'static [&'static str],
    /// Rows kept out of sync (an SQL condition on `NEW`), if any.
    pub local_only: Option<&'static str>,
}

/// The synced tables, parents before children (a publish sends them in this order).
/// Settings stay per desktop (the name shown, reminders, backup schedule).
pub const SYNCED: &[Synced] = &[
    Synced {
        table: "reports",
        key: &["id"],
        derived: &[],
        local_only: None,
    },
    Synced {
        table: "report_texts",
        key: &["report_id"],
        derived: &[],
        local_only: None,
    },
    Synced {
        table: "judgements",
        key: &["id"],
        derived: &[],
        local_only: None,
    },
    Synced {
        table: "recommendations",
        key: &["id"],
        derived: &[],
        local_only: None,
    },
    Synced {
        table: "actions",
        key: &["id"],
        derived: &["last_update", "sign_ready"],
        local_only: None,
    },
    Synced {
        table: "action_updates",
        key: &["id"],
        derived: &[],
        local_only: None,
    },
    Synced {
        table: "evidence",
        key: &["id"],
        derived: &[],
        local_only: None,
    },
    // History is append-only and has no id of its own: its row number differs by desktop.
    Synced {
        table: "history",
        key: &["entity_id"],
        derived: &["seq"],
        // A setting is this desktop's own (its history row too).
        local_only: Some("NEW.entity = 'setting'"),
    },
    Synced {
        table: "repeat_links",
        key: &["recommendation_id", "earlier_id"],
        derived: &[],
        local_only: None,
    },
];

/// The synced table called `name`, if it is one (names from the server are checked
/// against this list before they go into any SQL).
pub fn synced(name: &str) -> Option<&'static Synced> {
    SYNCED.iter().find(|s| s.table == name)
}

/// The columns of `table` that are synced, in the table's order.
pub fn synced_columns(conn: &Connection, s: &Synced) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", s.table))?;
    let cols = stmt
        .query_map([], |r| r.get::<_, String>(1))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cols
        .into_iter()
        .filter(|c| !s.derived.contains(&c.as_str()))
        .collect())
}

/// A random version 4 UUID in SQL (the trigger has no other source of ids).
const UUID_SQL: &str = "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || \
     substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || \
     substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

/// The server position this desktop had reached when the change was made.
const BASE_SQL: &str = "(SELECT last_position FROM team_state WHERE id = 1)";

/// SQL for "now" in the format the store stamps rows with.
const NOW_SQL: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

fn key_sql(s: &Synced, row: &str) -> String {
    s.key
        .iter()
        .map(|k| format!("{row}.{k}"))
        .collect::<Vec<_>>()
        .join(" || '|' || ")
}

/// `json_object('a', NEW.a, …)` over the columns, in pieces of 50 pairs (SQLite's
/// functions take at most 100 arguments) patched together.
pub(crate) fn row_json_sql(cols: &[String], row: &str) -> String {
    let parts: Vec<String> = cols
        .chunks(50)
        .map(|chunk| {
            let pairs: Vec<String> = chunk.iter().map(|c| format!("'{c}', {row}.{c}")).collect();
            format!("json_object({})", pairs.join(", "))
        })
        .collect();
    parts
        .into_iter()
        .reduce(|a, b| format!("json_patch({a}, {b})"))
        .unwrap_or_else(|| "json_object()".into())
}

/// The role this desktop last learnt from the server, in SQL.
const ROLE_SQL: &str = "(SELECT role FROM team_state WHERE id = 1)";

/// The roles that may be refused something (an admin may make every change).
const REFUSABLE: [TeamRole; 2] = [TeamRole::Viewer, TeamRole::Editor];

/// `SELECT RAISE(ABORT, …)` for `role` when `cond` holds, with the rule's words.
fn raise_sql(role: TeamRole, words: &str, cond: Option<&str>) -> String {
    let text = format!("{REFUSAL_MARKER}{words}").replace('\'', "''");
    let and = cond.map_or(String::new(), |c| format!(" AND ({c})"));
    format!(
        "SELECT RAISE(ABORT, '{text}') WHERE {ROLE_SQL} = '{}'{and};",
        role.as_str()
    )
}

/// The guard triggers of one table: before a row is added, and before fields are set,
/// refuse what the role known here may not do (one check per role and reason).
fn guard_sql(s: &Synced, cols: &[String], when_insert: &str, when: &str) -> String {
    let t = s.table;
    let mut sql = String::new();
    let inserts: Vec<String> = REFUSABLE
        .iter()
        .filter_map(|r| why_not(*r, Change::Insert { table: t }).map(|w| raise_sql(*r, &w, None)))
        .collect();
    if !inserts.is_empty() {
        sql.push_str(&format!(
            "CREATE TRIGGER team_guard_{t}_insert BEFORE INSERT ON {t} {when_insert}
             BEGIN {} END;\n",
            inserts.join("\n")
        ));
    }
    let mut sets = Vec::new();
    for r in REFUSABLE {
        // Fields refused for the same reason share one check.
        let mut by_words: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for c in cols.iter().filter(|c| !s.key.contains(&c.as_str())) {
            if let Some(w) = why_not(r, Change::Set { table: t, field: c }) {
                by_words
                    .entry(w)
                    .or_default()
                    .push(format!("OLD.{c} IS NOT NEW.{c}"));
            }
        }
        for (words, changed) in by_words {
            sets.push(raise_sql(r, &words, Some(&changed.join(" OR "))));
        }
    }
    if !sets.is_empty() {
        sql.push_str(&format!(
            "CREATE TRIGGER team_guard_{t}_update BEFORE UPDATE ON {t} {when}
             BEGIN {} END;\n",
            sets.join("\n")
        ));
    }
    sql
}

/// Make (again) the capture and guard triggers on every synced table.
pub fn create_triggers(conn: &Connection) -> Result<()> {
    drop_triggers(conn)?;
    let when = "WHEN (SELECT capture FROM team_state WHERE id = 1) = 1";
    let mut sql = String::new();
    for s in SYNCED {
        let cols = synced_columns(conn, s)?;
        let when_insert = match s.local_only {
            Some(cond) => format!("{when} AND NOT ({cond})"),
            None => when.to_string(),
        };
        sql.push_str(&guard_sql(s, &cols, &when_insert, when));
        sql.push_str(&format!(
            "CREATE TRIGGER team_capture_{t}_insert AFTER INSERT ON {t} {when_insert}
             BEGIN
                 INSERT INTO team_outbox (id, kind, entity, entity_id, field, payload, made_at, base_position)
                 VALUES ({UUID_SQL}, 'insert', '{t}', {key}, NULL, {row}, {NOW_SQL}, {BASE_SQL});
             END;\n",
            t = s.table,
            key = key_sql(s, "NEW"),
            row = row_json_sql(&cols, "NEW"),
        ));
        let sets: Vec<String> = cols
            .iter()
            .filter(|c| !s.key.contains(&c.as_str()))
            .map(|c| {
                format!(
                    "INSERT INTO team_outbox (id, kind, entity, entity_id, field, payload, made_at, base_position)
                     SELECT {UUID_SQL}, 'set', '{t}', {key}, '{c}', json_object('v', NEW.{c}),
                            {NOW_SQL}, {BASE_SQL}
                     WHERE OLD.{c} IS NOT NEW.{c};",
                    t = s.table,
                    key = key_sql(s, "NEW"),
                )
            })
            .collect();
        if !sets.is_empty() {
            sql.push_str(&format!(
                "CREATE TRIGGER team_capture_{t}_update AFTER UPDATE ON {t} {when}
                 BEGIN {body} END;\n",
                t = s.table,
                body = sets.join("\n"),
            ));
        }
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// Drop the capture and guard triggers (disconnect, and around a migration).
pub fn drop_triggers(conn: &Connection) -> Result<()> {
    let names: Vec<String> = {
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'
             AND (name LIKE 'team_capture_%' OR name LIKE 'team_guard_%')",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for n in names {
        conn.execute_batch(&format!("DROP TRIGGER IF EXISTS {n}"))?;
    }
    Ok(())
}

/// Whether this database has the capture triggers (it is, or was being, connected), and
/// whether it has the guard triggers too (a database connected by a version before them
/// has not).
pub fn has_triggers(conn: &Connection) -> Result<(bool, bool)> {
    let (capture, guard): (i64, i64) = conn.query_row(
        "SELECT count(*) FILTER (WHERE name LIKE 'team_capture_%'),
                count(*) FILTER (WHERE name LIKE 'team_guard_%')
         FROM sqlite_master WHERE type = 'trigger'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((capture > 0, guard > 0))
}
