//! The audit trail. Every change to the plan — creation, each field edited, notes,
//! evidence, settings — is appended through [`record`], inside the same transaction as the
//! change itself, so the history can never disagree with the data.

use rusqlite::Connection;

use crate::store::history::{insert_history, list_history, HistoryRow, NewHistory};
use crate::store::{now_utc, Store};
use crate::Result;

/// Append one change: `field` of `entity` `entity_id` went from `old` to `new`, by `who`,
/// now (UTC).
pub fn record(
    conn: &Connection,
    entity: &str,
    entity_id: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
    who: &str,
) -> Result<()> {
    insert_history(
        conn,
        &[NewHistory {
            entity,
            entity_id,
            field,
            old_value: old,
            new_value: new,
            who,
            at: &now_utc(),
        }],
    )
}

/// Record the creation of several `entity`s, each (id, its new value), as [`record`] would
/// one by one (field "created"), in one statement.
pub fn record_created(
    conn: &Connection,
    entity: &str,
    created: &[(&str, &str)],
    who: &str,
) -> Result<()> {
    let at = now_utc();
    let rows: Vec<NewHistory<'_>> = created
        .iter()
        .map(|&(id, value)| NewHistory {
            entity,
            entity_id: id,
            field: "created",
            old_value: None,
            new_value: Some(value),
            who,
            at: &at,
        })
        .collect();
    insert_history(conn, &rows)
}

/// Everything recorded against an id (an action, report or setting), oldest first.
pub fn history(store: &Store, id: &str) -> Result<Vec<HistoryRow>> {
    list_history(store.conn(), id)
}
