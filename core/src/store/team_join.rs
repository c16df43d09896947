//! Joining a team into an empty database in one go (team mode, issue 11): the server's
//! whole log is applied by the same [`super::team_apply::Applier`] as every pull, in one
//! transaction, while the work the schema's triggers and indexes would do row by row is
//! done once at the end.
//!
//! Why: joining a plan of 100,000 actions and 1,000,000 notes spent most of its time on
//! that row-by-row work (each note's full-text entry, its action's last-update date
//! rewritten in the wide covering index, every secondary index growing one row at a time;
//! README, "Tests and figures"). Built once from the finished tables, it is the same index
//! and the same dates: `core/tests/team_join.rs` compares a desktop joined this way with
//! one that applied the same log change by change.
//!
//! Only for a database that holds nothing of the plan and has applied nothing yet, so
//! that the end state depends on the log alone. One transaction: a join cut short (the
//! program killed, the server gone) leaves the database as it was, with every trigger
//! and index in place, and the next sync starts the join again.

use rusqlite::Connection;

use super::team;
use crate::Result;

/// Triggers whose work is done once at the end ([`Deferred::finish`]): the search index
/// kept by migration 0002's `*_search_*` triggers, and each action's last-update date.
/// Every other trigger on the tables below keeps running (the guard test in this module
/// lists them, so a new one has to be looked at here).
const DEFERRED_TRIGGERS: &[&str] = &[
    "recommendations_search_insert",
    "recommendations_search_update",
    "recommendations_search_delete",
    "actions_search_insert",
    "actions_search_update",
    "actions_search_delete",
    "action_updates_search_insert",
    "action_updates_search_delete",
    "action_updates_last_update",
];

/// Tables whose own indexes (not those behind a primary key or UNIQUE) are built once at
/// the end, from their stored definitions: the large ones.
const BULK_TABLES: &[&str] = &["recommendations", "actions", "action_updates", "history"];

/// The triggers and indexes taken away for the join, as their definitions.
#[derive(Debug)]
pub struct Deferred {
    indexes: Vec<String>,
    triggers: Vec<String>,
}

/// Whether this database may join in one go: it has applied nothing from a server, and
/// holds no plan and no change of its own waiting (a plan is empty: only settings and
/// their history are here), and the schema has every trigger this module stands in for.
pub fn may_join_at_once(conn: &Connection) -> Result<bool> {
    let state = team::get_state(conn)?;
    if state.is_none_or(|s| s.last_position != 0) || !team::plan_is_empty(conn)? {
        return Ok(false);
    }
    let (pending, others): (i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM team_outbox),
                (SELECT count(*) FROM recommendations) + (SELECT count(*) FROM action_updates)
                + (SELECT count(*) FROM history WHERE entity <> 'setting')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(pending == 0
        && others == 0
        && definitions(conn, "trigger")?.len() == DEFERRED_TRIGGERS.len())
}

/// Take the deferred triggers and the large tables' indexes away (inside the caller's
/// transaction, which [`Deferred::finish`] must end in).
pub fn begin(conn: &Connection) -> Result<Deferred> {
    let triggers = definitions(conn, "trigger")?;
    let indexes = definitions(conn, "index")?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
    }
    for (name, _) in &indexes {
        conn.execute_batch(&format!("DROP INDEX {name}"))?;
    }
    Ok(Deferred {
        indexes: indexes.into_iter().map(|(_, sql)| sql).collect(),
        triggers: triggers.into_iter().map(|(_, sql)| sql).collect(),
    })
}

impl Deferred {
    /// Do once what the triggers would have done row by row, then put the indexes and
    /// triggers back exactly as they were defined.
    pub fn finish(self, conn: &Connection) -> Result<()> {
        // The search index: the same documents as migration 0002's triggers make (a
        // recommendation's text; an action's title, owner, partner agency and measure of
        // success; a note), numbered table by table in the order the rows arrived. Each
        // number comes from the row's rowid, so no document is looked up to index it.
        let mut base: i64 =
            conn.query_row("SELECT coalesce(max(id), 0) FROM search_docs", [], |r| {
                r.get(0)
            })?;
        for (entity, table, body) in [
            ("recommendation", "recommendations", "text"),
            (
                "action",
                "actions",
                "concat_ws(' ', title, owner, partner_agency, measure_of_success)",
            ),
            ("update", "action_updates", "note"),
        ] {
            conn.execute(
                &format!(
                    "INSERT INTO search_docs (id, entity, entity_id)
                     SELECT ?1 + rowid, '{entity}', id FROM {table} ORDER BY rowid"
                ),
                [base],
            )?;
            conn.execute(
                &format!(
                    "INSERT INTO search_fts (rowid, body)
                     SELECT ?1 + rowid, {body} FROM {table} ORDER BY rowid"
                ),
                [base],
            )?;
            base += conn.query_row(
                &format!("SELECT coalesce(max(rowid), 0) FROM {table}"),
                [],
                |r| r.get::<_, i64>(0),
            )?;
        }
        // The latest note's date: what the trigger leaves after every note (an action
        // arrives without one, and a sync never takes a note away). Before the indexes
        // are back, so the wide covering one is built once with the dates in it.
        conn.execute_batch(
            "UPDATE actions SET last_update = m.day
             FROM (SELECT action_id, max(written_on) AS day FROM action_updates
                   GROUP BY action_id) AS m
             WHERE m.action_id = actions.id",
        )?;
        for sql in self.indexes.iter().chain(&self.triggers) {
            conn.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// Give back the space the write-ahead log grew to during a join (copied into the
/// database first; a reader still using it only means the log stays as it is).
pub fn shrink_log(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// (name, definition) of the deferred triggers present, or of the large tables' own
/// indexes.
fn definitions(conn: &Connection, kind: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = ?1 AND sql IS NOT NULL
         ORDER BY name",
    )?;
    let rows = stmt
        .query_map([kind], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let tables: Vec<(String, String)> = {
        let mut stmt = conn.prepare("SELECT name, tbl_name FROM sqlite_master")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let table_of = |name: &str| {
        tables
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    };
    Ok(rows
        .into_iter()
        .filter(|(name, _)| match kind {
            "trigger" => DEFERRED_TRIGGERS.contains(&name.as_str()),
            _ => table_of(name).is_some_and(|t| BULK_TABLES.contains(&t)),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{team_capture, Store};

    /// The triggers on the tables a join fills, other than the deferred ones: each runs
    /// during the join as it does row by row, and none may rely on what is deferred. A
    /// new trigger here must be looked at (and added to one list or the other).
    const KEPT: &[&str] = &[
        "action_updates_no_update",
        "actions_sign_ready",
        "actions_tally_delete",
        "actions_tally_insert",
        "actions_tally_update",
        "evidence_sign_ready_delete",
        "evidence_sign_ready_insert",
        "evidence_sign_ready_update",
        "history_no_delete",
        "history_no_update",
    ];

    #[test]
    fn every_trigger_on_the_joined_tables_is_either_deferred_or_known_to_keep_running() {
        let store = Store::open_in_memory().unwrap();
        let mut stmt = store
            .conn()
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'
                 AND name NOT LIKE 'team_capture_%' ORDER BY name",
            )
            .unwrap();
        let all: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut expected: Vec<&str> = DEFERRED_TRIGGERS.iter().chain(KEPT).copied().collect();
        expected.sort_unstable();
        assert_eq!(all, expected);
    }

    #[test]
    fn begin_takes_the_triggers_and_indexes_away_and_finish_puts_back_the_same_schema() {
        let mut store = Store::open_in_memory().unwrap();
        let schema = |c: &Connection| -> Vec<(String, String)> {
            let mut stmt = c
                .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
                .unwrap();
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            rows
        };
        let tx = store.write().unwrap();
        team::insert_state(&tx, "postgres://x@localhost/t", "ann", "editor", "c1").unwrap();
        team_capture::create_triggers(&tx).unwrap();
        tx.commit().unwrap();
        assert!(may_join_at_once(store.conn()).unwrap());
        let before = schema(store.conn());
        let tx = store.write().unwrap();
        let deferred = begin(&tx).unwrap();
        let during = schema(&tx);
        assert_eq!(deferred.triggers.len(), DEFERRED_TRIGGERS.len());
        assert!(deferred.indexes.len() >= 8, "{deferred:?}");
        for (name, _) in &during {
            assert!(
                !DEFERRED_TRIGGERS.contains(&name.as_str()),
                "{name} still there"
            );
            assert_ne!(name, "actions_open");
        }
        deferred.finish(&tx).unwrap();
        tx.commit().unwrap();
        assert_eq!(schema(store.conn()), before);
    }

    #[test]
    fn a_database_holding_anything_of_a_plan_or_a_pull_joins_change_by_change() {
        let mut store = Store::open_in_memory().unwrap();
        // Not connected.
        assert!(!may_join_at_once(store.conn()).unwrap());
        let tx = store.write().unwrap();
        team::insert_state(&tx, "postgres://x@localhost/t", "ann", "editor", "c1").unwrap();
        tx.commit().unwrap();
        assert!(may_join_at_once(store.conn()).unwrap());
        team::set_last_position(store.conn(), 7).unwrap();
        assert!(!may_join_at_once(store.conn()).unwrap());
        team::set_last_position(store.conn(), 0).unwrap();
        store
            .conn()
            .execute(
                "INSERT INTO team_outbox (id, kind, entity, entity_id, payload, made_at,
                     base_position) VALUES ('o1', 'insert', 'history', 'x', '{}', '', 0)",
                [],
            )
            .unwrap();
        assert!(!may_join_at_once(store.conn()).unwrap());
    }
}
