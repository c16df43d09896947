//! Applying the server's changes to this desktop's copy, in the server's order (team
//! mode, migration 0008): field by field, by the position of the value in force (see
//! [`super::team`]).

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use super::team::{Applied, RemoteChange, NOT_CONFLICTS};
use super::team_capture::{synced, synced_columns, SYNCED};
use crate::Result;

/// Applies the server's changes in order inside one transaction, keeping prepared
/// statements and each table's columns between changes.
pub struct Applier<'c> {
    conn: &'c Connection,
    client_id: String,
    columns: HashMap<&'static str, Vec<String>>,
    queued: Option<Queued>,
    applied: Applied,
}

/// Inserts into one table with the same columns, waiting to go in one statement: each
/// row's server position, values, and whether it came from this desktop.
struct Queued {
    table: &'static str,
    names: Vec<String>,
    rows: Vec<(i64, Vec<Value>, bool)>,
}

impl<'c> Applier<'c> {
    pub fn new(conn: &'c Connection, client_id: &str) -> Result<Applier<'c>> {
        let mut columns = HashMap::new();
        for s in SYNCED {
            columns.insert(s.table, synced_columns(conn, s)?);
        }
        Ok(Applier {
            conn,
            client_id: client_id.to_string(),
            columns,
            queued: None,
            applied: Applied::default(),
        })
    }

    /// Apply one change from the server. A change this desktop sent is already here (only
    /// its place in the order is noted); a change that cannot be applied here is recorded
    /// in `team_skipped` with the reason, so nothing disappears unexplained.
    pub fn apply(&mut self, c: &RemoteChange) -> Result<()> {
        let own = c.origin == self.client_id;
        let outcome = match c.kind.as_str() {
            // This desktop's own history rows are here already and have no id to tell a
            // second copy by; its other rows are inserted again only if missing (after a
            // restore from a backup older than them).
            "insert" if own && c.entity == "history" => Ok(()),
            "insert" => match self.row_of(c) {
                Ok((table, names, values)) => {
                    return self.queue_insert(table, names, values, c.position, own);
                }
                Err(e) => Err(e),
            },
            "set" => {
                self.flush()?;
                self.set(c)
            }
            other => Err(format!("unknown kind of change {other:?}")),
        };
        match outcome {
            Ok(()) => {
                if !own {
                    self.applied.pulled += 1;
                }
            }
            Err(reason) => self.skip(c.position, &reason)?,
        }
        Ok(())
    }

    /// Apply what is still queued; call once after the last [`Applier::apply`].
    pub fn finish(&mut self) -> Result<Applied> {
        self.flush()?;
        Ok(self.applied)
    }

    fn skip(&mut self, position: i64, reason: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO team_skipped (position, reason) VALUES (?1, ?2)",
            params![position, reason],
        )?;
        self.applied.skipped += 1;
        Ok(())
    }

    /// Rows inserted one after another into the same table go in multi-row statements
    /// (as `store::insert_rows` explains, one statement per row made a new full-text
    /// index segment per row: joining a large plan was several times slower).
    fn queue_insert(
        &mut self,
        table: &'static str,
        names: Vec<String>,
        values: Vec<Value>,
        position: i64,
        own: bool,
    ) -> Result<()> {
        let same = self
            .queued
            .as_ref()
            .is_some_and(|q| q.table == table && q.names == names);
        if !same {
            self.flush()?;
            self.queued = Some(Queued {
                table,
                names,
                rows: Vec::new(),
            });
        }
        let q = self.queued.as_mut().expect("queued just now");
        q.rows.push((position, values, own));
        let limit = (30_000 / q.names.len().max(1)).min(500);
        if q.rows.len() >= limit {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let Some(q) = self.queued.take() else {
            return Ok(());
        };
        if q.rows.is_empty() {
            return Ok(());
        }
        let one = format!("({})", vec!["?"; q.names.len()].join(", "));
        let head = format!("INSERT INTO {} ({}) VALUES ", q.table, q.names.join(", "));
        let sql = format!(
            "{head}{} ON CONFLICT DO NOTHING",
            vec![one.as_str(); q.rows.len()].join(", ")
        );
        let all = q.rows.iter().flat_map(|(_, v, _)| v.iter());
        let done = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut st| st.execute(rusqlite::params_from_iter(all)));
        if done.is_ok() {
            self.applied.pulled += q.rows.iter().filter(|r| !r.2).count();
            return Ok(());
        }
        // One row refused the statement: row by row, so only that one is skipped.
        let single = format!("{head}{one} ON CONFLICT DO NOTHING");
        for (position, values, own) in &q.rows {
            let r = self
                .conn
                .prepare_cached(&single)
                .and_then(|mut st| st.execute(rusqlite::params_from_iter(values.iter())));
            match r {
                Ok(_) if !own => self.applied.pulled += 1,
                Ok(_) => {}
                Err(e) => self.skip(*position, &e.to_string())?,
            }
        }
        Ok(())
    }

    /// An insert's table, columns and values, checked against this version's schema.
    fn row_of(
        &self,
        c: &RemoteChange,
    ) -> std::result::Result<(&'static str, Vec<String>, Vec<Value>), String> {
        let s = synced(&c.entity).ok_or_else(|| format!("unknown table {:?}", c.entity))?;
        let cols = &self.columns[s.table];
        let serde_json::Value::Object(mut row) = serde_json::from_str(&c.payload)
            .map_err(|e| format!("the change's row is not JSON: {e}"))?
        else {
            return Err("the change's row is not a JSON object".into());
        };
        if s.table == "history" && c.base_position >= 0 {
            // The history names the database user the server recorded, not what the
            // sending desktop wrote (a published plan's earlier history is kept as it was
            // recorded: base position -1, which only an admin may send).
            row.insert("who".into(), serde_json::Value::String(c.author.clone()));
        }
        if row.keys().any(|k| !cols.contains(k)) {
            return Err(format!(
                "the row of {} names columns this version does not know",
                s.table
            ));
        }
        let names: Vec<String> = row.keys().cloned().collect();
        let values = row.values().map(json_value).collect();
        Ok((s.table, names, values))
    }

    fn set(&mut self, c: &RemoteChange) -> std::result::Result<(), String> {
        let s = synced(&c.entity).ok_or_else(|| format!("unknown table {:?}", c.entity))?;
        let field = c
            .field
            .as_deref()
            .ok_or("a change of a field names no field")?;
        if !self.columns[s.table].iter().any(|col| col == field) || s.key.contains(&field) {
            return Err(format!(
                "{}.{field} is not a field this version syncs",
                s.table
            ));
        }
        let payload: serde_json::Value =
            serde_json::from_str(&c.payload).map_err(|e| format!("not JSON: {e}"))?;
        let value = payload.get("v").cloned().unwrap_or(serde_json::Value::Null);
        let shown = match &value {
            serde_json::Value::Null => None,
            serde_json::Value::String(t) => Some(t.clone()),
            other => Some(other.to_string()),
        };
        let tracked: Option<Tracked> = self
            .conn
            .prepare_cached(
                "SELECT force_position, last_position, last_origin, last_author, last_value,
                        last_made_at
                 FROM team_fields WHERE entity = ?1 AND entity_id = ?2 AND field = ?3",
            )
            .and_then(|mut st| {
                st.query_row(params![s.table, c.entity_id, field], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })
                .optional()
            })
            .map_err(|e| e.to_string())?;
        let (force, last, last_origin, last_author, last_value, last_made_at) =
            tracked.unwrap_or((0, 0, None, None, None, None));
        // Overtaken: the previous change to this field came from another desktop, after
        // the last position this change's desktop had seen.
        if last > c.base_position
            && last_origin.as_deref().is_some_and(|o| o != c.origin)
            && !NOT_CONFLICTS.contains(&field)
        {
            self.conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO team_conflicts (position, entity, entity_id, field,
                         overtaken_author, overtaken_value, overtaken_made_at, winner_author,
                         winner_value, winner_made_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .and_then(|mut st| {
                    st.execute(params![
                        c.position,
                        s.table,
                        c.entity_id,
                        field,
                        last_author.unwrap_or_default(),
                        last_value,
                        last_made_at,
                        c.author,
                        shown,
                        c.made_at
                    ])
                })
                .map_err(|e| e.to_string())?;
            self.applied.conflicts += 1;
        }
        let waiting: bool = self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM team_outbox WHERE entity_id = ?1 AND field = ?2
                                AND state = 'pending' AND entity = ?3)",
            )
            .and_then(|mut st| st.query_row(params![c.entity_id, field, s.table], |r| r.get(0)))
            .map_err(|e| e.to_string())?;
        let mut new_force = force;
        // A change of this desktop's own is already in force unless a restore took it
        // back; either way its position decides, like anyone's.
        if !waiting && c.position > force {
            let where_key = s
                .key
                .iter()
                .map(|k| format!("{k} = ?"))
                .collect::<Vec<_>>()
                .join(" AND ");
            let sql = format!("UPDATE {} SET {field} = ? WHERE {where_key}", s.table);
            let mut values = vec![json_value(&value)];
            values.extend(c.entity_id.split('|').map(|k| Value::Text(k.to_string())));
            if values.len() != s.key.len() + 1 {
                return Err(format!(
                    "the row id {:?} does not fit {}",
                    c.entity_id, s.table
                ));
            }
            let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| e.to_string())?;
            stmt.execute(rusqlite::params_from_iter(values))
                .map_err(|e| e.to_string())?;
            new_force = c.position;
        }
        self.conn
            .prepare_cached(
                "INSERT INTO team_fields (entity, entity_id, field, force_position, last_position,
                     last_origin, last_author, last_value, last_made_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (entity, entity_id, field) DO UPDATE SET
                     force_position = excluded.force_position,
                     last_position = excluded.last_position,
                     last_origin = excluded.last_origin,
                     last_author = excluded.last_author,
                     last_value = excluded.last_value,
                     last_made_at = excluded.last_made_at",
            )
            .and_then(|mut st| {
                st.execute(params![
                    s.table,
                    c.entity_id,
                    field,
                    new_force,
                    c.position,
                    c.origin,
                    c.author,
                    shown,
                    c.made_at
                ])
            })
            .map_err(|e| e.to_string())?;
        Ok(())
    }
}

/// A field's `team_fields` row: force position, last position, and the last change's
/// desktop, author, value and time.
type Tracked = (
    i64,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A JSON scalar as the SQLite value the capture trigger read it from.
fn json_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(*b as i64),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .or_else(|| n.as_f64().map(Value::Real))
            .unwrap_or(Value::Null),
        serde_json::Value::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}
