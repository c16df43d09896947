//! Reading the plan: filtered action lists as at a date the caller gives (the list's order
//! and numbering are in `list_order.rs`, its look-ups of recommendations and siblings in
//! `list_lookups.rs`, the reports it may show in `live_reports.rs`; the summary and its
//! types in [`super::summary`]).
//!
//! Each view is a fixed number of SQL queries (never one per action) using the indexes from
//! the migrations, with the RAG rating computed for every row by [`super::actions::rag_of`] —
//! the schedule's one rule — never stored, so it is always right for the date asked about.
//! Full-text search uses the FTS5 index kept by triggers over recommendations, actions and
//! notes.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use rusqlite::types::{ToSql, ValueRef};
use serde::Serialize;
use ts_rs::TS;

use super::actions::days_overdue;
use super::list_lookups::{
    live_action_rowids, recommendations_in_key_order, recommendations_listed,
};
use super::list_order::{number_in_plan, permute, ListOrder};
use super::live_reports::LiveReports;
use super::settings;
use crate::model::{ActionStatus, DueDateSource, OverdueBand, Rag, RagSettings};
use crate::schedule::{rag, RagInput};
use crate::store::repeat_links::confirmed_repeat_ids;
use crate::store::{dates, Store};
use crate::{Error, Result};

pub use super::filter::Filter;

/// One row of the action list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ActionListItem {
    pub id: String,
    pub report_id: String,
    pub local_authority: Option<String>,
    pub recommendation_id: String,
    /// The recommendation's place in its report, from 1 (its reference: "3" = third).
    pub recommendation_number: u32,
    /// The action's reference: the recommendation's number, then the action's place under
    /// it in the order actions were added ("3.2"), counting only actions not in the bin.
    /// The same whatever the filter or the order of the list.
    pub reference: String,
    /// The action's place in the plan's order among the listed actions, from 0: reports
    /// oldest inspection first (as the summary lists them), then recommendations in report
    /// order, then actions as added. Sorting by it gives the plan as the report has it.
    pub plan_order: u32,
    /// The recommendation's full text.
    pub recommendation: String,
    pub section: String,
    pub timeframe: Option<String>,
    pub title: String,
    pub owner: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub due_date_source: DueDateSource,
    pub status: ActionStatus,
    pub progress: u8,
    pub rag: Rag,
    #[ts(type = "number | null")]
    pub days_overdue: Option<i64>,
    /// How long overdue, in the overdue review's bands (`None` when not overdue).
    pub overdue_band: Option<OverdueBand>,
    /// The date of the latest note.
    pub last_update: Option<NaiveDate>,
    /// The organisation leading the action (an area SEND priority action's responsible
    /// body); the owner is a person.
    pub lead_partner: Option<String>,
    /// Closed with its plan as at the list's date ([`super::timeline`]): from when, and why.
    pub closed_on: Option<NaiveDate>,
    pub closed_reason: Option<String>,
    /// Carried forward to this later report's plan.
    pub carried_to_report: Option<String>,
    /// Its recommendation repeats an earlier report's (a person confirmed the link).
    pub raised_before: bool,
    /// The due date the action was first given; differs from `due_date` once re-scheduled.
    pub original_due_date: Option<NaiveDate>,
    /// Why the due date was set by hand, when it was.
    pub due_date_reason: Option<String>,
    /// Still the recommendation's words: to be rewritten as what will be done.
    pub draft: bool,
}

impl ActionListItem {
    /// Re-scheduled: the due date in force is not the one first given.
    pub fn rescheduled(&self) -> bool {
        self.original_due_date.is_some() && self.original_due_date != self.due_date
    }
}

/// Turn words a person typed into an FTS5 query: each word a quoted prefix term, all
/// required. Quoting means no input can be an FTS syntax error.
pub fn fts_query(text: &str) -> Result<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    if terms.is_empty() {
        return Err(Error::Invalid(format!(
            "nothing to search for in {text:?}: give at least one word"
        )));
    }
    Ok(terms.join(" "))
}

const SEARCH_SQL: &str = "a.id IN (
    SELECT d.entity_id FROM search_fts f JOIN search_docs d ON d.id = f.rowid
     WHERE search_fts MATCH :q AND d.entity = 'action'
    UNION SELECT x.id FROM search_fts f JOIN search_docs d ON d.id = f.rowid
     JOIN actions x ON x.recommendation_id = d.entity_id
     WHERE search_fts MATCH :q AND d.entity = 'recommendation'
    UNION SELECT u.action_id FROM search_fts f JOIN search_docs d ON d.id = f.rowid
     JOIN action_updates u ON u.id = d.entity_id
     WHERE search_fts MATCH :q AND d.entity = 'update')";

pub(super) fn text(v: ValueRef<'_>) -> Option<&str> {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    }
}

/// A text column read in place: an error when it is not text, as `get::<String>` has it.
fn str_at<'r>(row: &'r rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<&'r str> {
    Ok(row.get_ref(idx)?.as_str()?)
}

pub(super) fn date(v: ValueRef<'_>) -> Option<NaiveDate> {
    text(v).and_then(dates::parse)
}

/// A stored status read in place (the CHECK constraint keeps it one of ours; anything
/// else reads as not started, as a list should rather than fail).
pub(super) fn status_of(v: ValueRef<'_>) -> ActionStatus {
    text(v)
        .and_then(ActionStatus::parse)
        .unwrap_or(ActionStatus::NotStarted)
}

/// What the list reads of each action. Every column must be in the covering index
/// `actions_open` (migration 0009), or the overdue list looks up each row in the table;
/// a test below checks the query plan.
const LIST_COLUMNS: &str = "a.id, a.report_id, a.recommendation_id, a.title, a.owner,
    a.due_date, a.due_date_source, a.status, a.progress, a.rag_override, a.sign_ready,
    a.last_update, a.rowid, a.lead_partner, a.closed_on, a.carried_to_report,
    a.original_due_date, a.due_date_reason, a.draft";

/// The reasons of the listed actions closed with their plan (only with `include_closed`),
/// one statement for all of them.
fn closed_reasons(conn: &rusqlite::Connection, items: &mut [ActionListItem]) -> Result<()> {
    let closed: Vec<&str> = items
        .iter()
        .filter(|a| a.closed_on.is_some())
        .map(|a| a.id.as_str())
        .collect();
    if closed.is_empty() {
        return Ok(());
    }
    let ids = serde_json::to_string(&closed)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.closed_reason FROM json_each(?1) AS j CROSS JOIN actions AS a
         ON a.id = j.value",
    )?;
    let reasons: HashMap<String, Option<String>> = stmt
        .query_map([ids], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for a in items.iter_mut().filter(|a| a.closed_on.is_some()) {
        a.closed_reason = reasons.get(&a.id).cloned().flatten();
    }
    Ok(())
}

/// The actions matching `filter`, as at `as_of`, soonest due first.
///
/// A fixed number of queries: the actions (from the covering index of open actions when
/// the filter allows), then each of their recommendations once and, when the filter may
/// have left some of a recommendation's actions out, its live actions (to number them),
/// both looked up by id in key order. A join read the recommendation for every action row
/// instead: a b-tree search each, which cost more than all the rest of the list, and
/// actions share recommendations. The rows are then put in order where they are: building
/// the list allocates no more than the list itself.
pub fn list_actions(
    store: &Store,
    filter: &Filter,
    as_of: NaiveDate,
) -> Result<Vec<ActionListItem>> {
    let conn = store.conn();
    let rag_settings = settings::load(conn)?.rag;
    let reports = LiveReports::read(
        conn,
        as_of,
        filter.authority.as_deref(),
        filter.current_only,
    )?;
    let raised = if filter.raised_before.is_some() || reports.any_links {
        confirmed_repeat_ids(conn)?
    } else {
        HashSet::new()
    };
    let mut clauses: Vec<&str> = vec!["a.deleted_at IS NULL"];
    let mut params: Vec<(&str, Box<dyn ToSql>)> = Vec::new();
    match (filter.overdue, filter.due_within_days) {
        (false, None) => {}
        // `status <> 'completed'` word for word as in the partial index `actions_open`'s
        // WHERE: only then may SQLite use that covering index (no table look-ups).
        (true, None) => {
            clauses.push("a.status <> 'completed' AND a.due_date < :as_of");
            params.push((":as_of", Box::new(dates::to_sql(as_of))));
        }
        (overdue, Some(n)) => {
            let end = as_of
                .checked_add_days(Days::new(n.into()))
                .unwrap_or(NaiveDate::MAX);
            params.push((":within_end", Box::new(dates::to_sql(end))));
            if overdue {
                clauses.push("a.status <> 'completed' AND a.due_date <= :within_end");
            } else {
                clauses.push(
                    "a.status <> 'completed' AND a.due_date >= :as_of AND a.due_date <= :within_end",
                );
                params.push((":as_of", Box::new(dates::to_sql(as_of))));
            }
        }
    }
    if let Some(owner) = &filter.owner {
        clauses.push("a.owner = :owner COLLATE NOCASE");
        params.push((":owner", Box::new(owner.trim().to_string())));
    }
    if let Some(report) = &filter.report_id {
        clauses.push("a.report_id = :report");
        params.push((":report", Box::new(report.trim().to_string())));
    }
    if let Some(status) = filter.status {
        clauses.push("a.status = :status");
        params.push((":status", Box::new(status.as_str())));
    }
    if let Some(lead) = &filter.lead_partner {
        clauses.push("instr(lower(a.lead_partner), lower(:lead)) > 0");
        params.push((":lead", Box::new(lead.trim().to_string())));
    }
    if filter.open {
        clauses.push("a.status <> 'completed'");
    }
    if filter.no_owner {
        clauses.push("(a.owner IS NULL OR trim(a.owner) = '')");
    }
    if let Some(from) = filter.due_from {
        clauses.push("a.due_date >= :due_from");
        params.push((":due_from", Box::new(dates::to_sql(from))));
    }
    if let Some(to) = filter.due_to {
        clauses.push("a.due_date <= :due_to");
        params.push((":due_to", Box::new(dates::to_sql(to))));
    }
    if let Some(band) = filter.overdue_band {
        // d days overdue ⇔ due d days before the as-of date: the band's days, as due dates.
        let (first, last) = band.days();
        let back = |days: i64| {
            as_of
                .checked_sub_days(Days::new(days.unsigned_abs()))
                .unwrap_or(NaiveDate::MIN)
        };
        clauses.push("a.status <> 'completed' AND a.due_date <= :band_latest");
        params.push((":band_latest", Box::new(dates::to_sql(back(first)))));
        if let Some(last) = last {
            clauses.push("a.due_date >= :band_earliest");
            params.push((":band_earliest", Box::new(dates::to_sql(back(last)))));
        }
    }
    if let Some(search) = &filter.search {
        clauses.push(SEARCH_SQL);
        params.push((":q", Box::new(fts_query(search)?)));
    }
    let sql = format!(
        "SELECT {LIST_COLUMNS} FROM actions a WHERE {}",
        clauses.join(" AND ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let bound: Vec<(&str, &dyn ToSql)> = params.iter().map(|(k, v)| (*k, v.as_ref())).collect();
    let mut rows = stmt.query(bound.as_slice())?;
    let mut items: Vec<ActionListItem> = Vec::new();
    // Each item's report rank and rowid, for the order.
    let mut placed: Vec<(u32, i64)> = Vec::new();
    while let Some(row) = rows.next()? {
        // Values are read in place (no copy) until the row is known to be listed.
        let report_id = str_at(row, 1)?;
        let Some(report_rank) = reports.rank(report_id) else {
            continue; // its report is in the bin
        };
        let status = status_of(row.get_ref(7)?);
        let due = dates::get_opt(row, 5)?;
        let stub = RagRow {
            due,
            status,
            progress: row.get(8)?,
            rag_override: text(row.get_ref(9)?).and_then(Rag::parse),
        };
        // Closed as at the list's date: a closing takes effect on its day (see
        // `super::timeline`), so a list as at an earlier day still shows the action open.
        let closed_on = dates::get_opt(row, 14)?.filter(|d| *d <= as_of);
        if closed_on.is_some() && !filter.include_closed {
            continue;
        }
        if filter.current_only
            && !reports.is_current(report_rank)
            && row.get_ref(15)?.data_type() == rusqlite::types::Type::Null
        {
            continue; // an overtaken plan's action, not carried forward
        }
        let recommendation_id = str_at(row, 2)?;
        let raised_before = raised.contains(recommendation_id);
        if filter
            .raised_before
            .is_some_and(|want| want != raised_before)
        {
            continue;
        }
        let rag = stub.rag(row.get(10)?, as_of, &rag_settings);
        if filter.rag.is_some_and(|want| want != rag) {
            continue;
        }
        let late = days_overdue(due, status, as_of);
        items.push(ActionListItem {
            id: row.get(0)?,
            report_id: report_id.to_string(),
            local_authority: reports.authority(report_rank).map(str::to_string),
            recommendation_id: recommendation_id.to_string(),
            // Filled in from the recommendation below.
            recommendation_number: 0,
            reference: String::new(),
            plan_order: 0,
            recommendation: String::new(),
            section: String::new(),
            timeframe: None,
            title: row.get(3)?,
            owner: row.get(4)?,
            due_date: due,
            due_date_source: text(row.get_ref(6)?)
                .and_then(DueDateSource::parse)
                .unwrap_or(DueDateSource::Report),
            status,
            progress: stub.progress,
            rag,
            days_overdue: late,
            overdue_band: late.and_then(OverdueBand::of),
            last_update: dates::get_opt(row, 11)?,
            lead_partner: row.get(13)?,
            // Read below for the few closed ones: the column is not in the covering index.
            closed_reason: None,
            closed_on,
            carried_to_report: row.get(15)?,
            raised_before,
            original_due_date: dates::get_opt(row, 16)?,
            due_date_reason: row.get(17)?,
            draft: row.get(18)?,
        });
        placed.push((report_rank, row.get(12)?));
    }
    drop(rows);
    drop(stmt);
    closed_reasons(conn, &mut items)?;

    // Each distinct recommendation once: `rec_of[i]` is the one of `items[i]`.
    let (rec_of, mut recs, mut siblings) = {
        let rec_ids: Vec<&str> = items.iter().map(|a| a.recommendation_id.as_str()).collect();
        let (rec_of, ids) = recommendations_in_key_order(&rec_ids);
        // One JSON array for both look-ups below.
        let ids_json = serde_json::to_string(&ids)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let recs = recommendations_listed(conn, &ids_json, ids.len(), filter.section.as_deref())?;
        // The live actions of each recommendation, to number them: the list itself holds
        // them all unless the filter left some out.
        let siblings = if filter.keeps_whole_recommendations() {
            let mut s: Vec<Vec<i64>> = vec![Vec::new(); ids.len()];
            for (&rec, &(_, rowid)) in rec_of.iter().zip(&placed) {
                s[rec].push(rowid);
            }
            s
        } else {
            live_action_rowids(conn, &ids_json, ids.len())?
        };
        (rec_of, recs, siblings)
    };
    for &rec in &rec_of {
        if let Some(r) = &mut recs[rec] {
            r.uses += 1;
        }
    }
    // Soonest due first (no date last), then by authority, report, the recommendation's
    // place in it, and the order actions were added (rowid: every index carries it, and
    // rows are numbered as they are inserted). An action whose recommendation is in the
    // bin (or outside the section asked for) is not listed: it goes after the listed ones
    // and is cut off.
    let mut order: Vec<(ListOrder, usize)> = Vec::with_capacity(items.len());
    let mut unlisted: Vec<usize> = Vec::new();
    for (i, (item, &rec)) in items.iter_mut().zip(&rec_of).enumerate() {
        let Some(r) = &mut recs[rec] else {
            unlisted.push(i);
            continue;
        };
        item.recommendation_number = r
            .position
            .checked_add(1)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0);
        r.uses -= 1;
        if r.uses == 0 {
            item.recommendation = std::mem::take(&mut r.text);
            item.section = std::mem::take(&mut r.section);
            item.timeframe = r.timeframe.take();
        } else {
            item.recommendation = r.text.clone();
            item.section = r.section.clone();
            item.timeframe = r.timeframe.clone();
        }
        let (report_rank, rowid) = placed[i];
        let due = item.due_date;
        order.push(((due.is_none(), due, report_rank, r.position, rowid), i));
    }
    order.sort_unstable();
    let listed = order.len();
    for (i, number, plan_order) in number_in_plan(&order, &rec_of, &mut siblings, |rank| {
        reports.plan_rank(rank)
    }) {
        let item = &mut items[i];
        item.reference = format!("{}.{number}", item.recommendation_number);
        item.plan_order = plan_order;
    }
    let from: Vec<usize> = order.into_iter().map(|(_, i)| i).chain(unlisted).collect();
    permute(&mut items, &from);
    items.truncate(listed);
    Ok(items)
}

/// The fields of an action the RAG rule reads.
pub(super) struct RagRow {
    pub(super) due: Option<NaiveDate>,
    pub(super) status: ActionStatus,
    pub(super) progress: u8,
    pub(super) rag_override: Option<Rag>,
}

impl RagRow {
    /// `evidenced_and_signed_off` comes from the query: signed off and at least one piece
    /// of evidence (as [`super::actions::rag_of`] has it).
    pub(super) fn rag(
        &self,
        evidenced_and_signed_off: bool,
        as_of: NaiveDate,
        s: &RagSettings,
    ) -> Rag {
        let input = RagInput {
            due: self.due,
            status: self.status,
            progress: self.progress,
            evidenced_and_signed_off,
            override_rag: self.rag_override,
        };
        rag(&input, as_of, s)
    }
}

#[cfg(test)]
mod tests {
    use super::super::list_lookups::SIBLINGS_SQL;
    use super::LIST_COLUMNS;
    use crate::store::Store;

    fn query_plan(sql: &str, params: &[(&str, &dyn rusqlite::ToSql)]) -> Vec<String> {
        let store = Store::open_in_memory().unwrap();
        let plan = store
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(params, |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        plan
    }

    #[test]
    fn numbering_reads_the_siblings_from_the_index_alone() {
        let plan = query_plan(SIBLINGS_SQL, &[(":ids", &"[\"r1\"]")]);
        assert!(
            plan.iter().any(|step| step
                == "SEARCH a USING COVERING INDEX actions_recommendation \
                    (recommendation_id=? AND deleted_at=?)"),
            "{plan:?}"
        );
    }

    #[test]
    fn the_overdue_list_is_one_walk_of_the_covering_index() {
        let plan = query_plan(
            &format!(
                "SELECT {LIST_COLUMNS} FROM actions a
             WHERE a.deleted_at IS NULL AND a.status <> 'completed' AND a.due_date < '2024-07-01'"
            ),
            &[],
        );
        assert_eq!(
            plan,
            ["SEARCH a USING COVERING INDEX actions_open (due_date<?)"],
            "a column the list reads is missing from the index"
        );
    }
}
