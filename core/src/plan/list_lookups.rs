//! The list's look-ups of what its actions refer to, each one statement for the whole
//! list (never one per action): the recommendations, the live actions of each (to number
//! them). Used by
//! [`super::query::list_actions`].

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::list_order::IdHasher;
use crate::Result;

/// A recommendation's fields as the list shows them.
pub(super) struct RecFields {
    pub(super) position: i64,
    pub(super) section: String,
    pub(super) timeframe: Option<String>,
    pub(super) text: String,
    /// Listed actions still to be given these fields: the last one takes them, the others
    /// get copies.
    pub(super) uses: usize,
}

/// The live actions of the recommendations in the JSON array `:ids`: one walk of the
/// covering index `actions_recommendation` (migration 0009) per id.
pub(super) const SIBLINGS_SQL: &str = "SELECT j.key, a.rowid
     FROM json_each(:ids) AS j CROSS JOIN actions AS a ON a.recommendation_id = j.value
     WHERE a.deleted_at IS NULL";

/// The rowids of the live actions of each of the `n` recommendations in the JSON array
/// `ids_json`, in the same slots.
pub(super) fn live_action_rowids(
    conn: &rusqlite::Connection,
    ids_json: &str,
    n: usize,
) -> Result<Vec<Vec<i64>>> {
    let mut out: Vec<Vec<i64>> = vec![Vec::new(); n];
    if n == 0 {
        return Ok(out);
    }
    let mut stmt = conn.prepare_cached(SIBLINGS_SQL)?;
    let mut rows = stmt.query(rusqlite::named_params! {":ids": ids_json})?;
    while let Some(row) = rows.next()? {
        if let Some(slot) = usize::try_from(row.get::<_, i64>(0)?)
            .ok()
            .and_then(|k| out.get_mut(k))
        {
            slot.push(row.get(1)?);
        }
    }
    Ok(out)
}

/// The distinct ids of `rec_ids` (each listed action's recommendation), sorted, and each
/// action's place in them.
/// Looked up in key order, each search goes down much the same path through an index as
/// the one before, already in the processor's cache.
pub(super) fn recommendations_in_key_order<'a>(rec_ids: &[&'a str]) -> (Vec<usize>, Vec<&'a str>) {
    let mut slot: HashMap<&str, usize, BuildHasherDefault<IdHasher>> =
        HashMap::with_capacity_and_hasher(rec_ids.len(), Default::default());
    let mut ids: Vec<&str> = Vec::new();
    let first_seen: Vec<usize> = rec_ids
        .iter()
        .map(|&id| {
            *slot.entry(id).or_insert_with(|| {
                ids.push(id);
                ids.len() - 1
            })
        })
        .collect();
    let mut by_key: Vec<(&str, usize)> = ids.into_iter().zip(0..).collect();
    by_key.sort_unstable();
    let mut place = vec![0; by_key.len()];
    for (sorted, &(_, seen)) in by_key.iter().enumerate() {
        place[seen] = sorted;
    }
    let rec_of = first_seen.into_iter().map(|seen| place[seen]).collect();
    (rec_of, by_key.into_iter().map(|(id, _)| id).collect())
}

/// The recommendations of the `n` ids in the JSON array `ids_json` that are not in the bin
/// (and, given `section`, whose section contains it, ignoring case), in the same slots:
/// one statement.
pub(super) fn recommendations_listed(
    conn: &rusqlite::Connection,
    ids_json: &str,
    n: usize,
    section: Option<&str>,
) -> Result<Vec<Option<RecFields>>> {
    let mut out: Vec<Option<RecFields>> = Vec::new();
    out.resize_with(n, || None);
    if n == 0 {
        return Ok(out);
    }
    // CROSS JOIN keeps the ids as the outer loop: a search per id, never a scan of every
    // recommendation.
    let mut stmt = conn.prepare_cached(
        "SELECT j.key, r.position, r.section, r.timeframe, r.text
         FROM json_each(:ids) AS j CROSS JOIN recommendations AS r ON r.id = j.value
         WHERE r.deleted_at IS NULL
           AND (:section IS NULL OR instr(lower(r.section), lower(:section)) > 0)",
    )?;
    let section = section.map(str::trim);
    let mut rows = stmt.query(rusqlite::named_params! {":ids": ids_json, ":section": section})?;
    while let Some(row) = rows.next()? {
        let Some(slot) = usize::try_from(row.get::<_, i64>(0)?)
            .ok()
            .and_then(|k| out.get_mut(k))
        else {
            continue;
        };
        *slot = Some(RecFields {
            position: row.get(1)?,
            section: row.get(2)?,
            timeframe: row.get(3)?,
            text: row.get(4)?,
            uses: 0,
        });
    }
    Ok(out)
}
