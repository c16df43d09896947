//! Changing actions: add, edit field by field, notes, sign-off, the bin.
//!
//! Every function here validates its input first, then does its work in one write
//! transaction that also appends a history entry (who, when, field, old, new) for each
//! field that really changed; an error leaves the database as it was.

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{history, settings};
use crate::model::{ActionStatus, DueDateSource, Rag, RagSettings};
use crate::schedule::{base_date, due_date, rag, RagInput};
use crate::store::actions::{
    get_action, insert_actions, list_action_ids_matching, list_deleted_actions,
    update_action_column, ActionRow, Column,
};
use crate::store::evidence::{has_evidence, list_evidence, EvidenceRow};
use crate::store::recommendations::{get_recommendation, RecommendationRow};
use crate::store::reports::{get_report, list_judgements, ReportRow};
use crate::store::updates::{insert_update, list_updates, UpdateRow};
use crate::store::{dates, new_id, now_utc, Store};
use crate::{Error, Result};

/// A new action under a recommendation.
#[derive(Debug, Clone, Default)]
pub struct NewAction {
    pub title: String,
    pub owner: Option<String>,
    pub partner_agency: Option<String>,
    /// A due date chosen by hand; without one the recommendation's timeframe sets it.
    pub due: Option<NaiveDate>,
    pub measure_of_success: Option<String>,
}

/// One edit to an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Status(ActionStatus),
    /// Per cent, 0–100.
    Progress(u8),
    Owner(Option<String>),
    PartnerAgency(Option<String>),
    Title(String),
    MeasureOfSuccess(Option<String>),
    /// What is being done about the risk to the action (the board paper's mitigation).
    Mitigation(Option<String>),
    /// The next step and when.
    NextStep(Option<String>),
    /// A due date set by hand; the reason is required and recorded.
    DueDate {
        date: NaiveDate,
        reason: String,
    },
    /// A RAG rating set by hand (`None` clears it); the reason is required and recorded.
    RagOverride {
        rag: Option<Rag>,
        reason: String,
    },
    /// Signed off by the person making the change; only a completed action can be.
    SignOff,
}

/// Everything about one action, for `action show` and the detail screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ActionDetail {
    pub action: ActionRow,
    pub recommendation: RecommendationRow,
    pub report: ReportRow,
    pub updates: Vec<UpdateRow>,
    pub evidence: Vec<EvidenceRow>,
    /// As of the date asked for, by [`crate::schedule::rag()`].
    pub rag: Rag,
    /// Days past the due date, when overdue.
    #[ts(type = "number | null")]
    pub days_overdue: Option<i64>,
}

/// The one way the plan rates an action: [`crate::schedule::rag()`] with "evidenced and signed
/// off" meaning at least one piece of evidence and a sign-off.
pub fn rag_of(a: &ActionRow, evidenced: bool, today: NaiveDate, settings: &RagSettings) -> Rag {
    rag(
        &RagInput {
            due: a.due_date,
            status: a.status,
            progress: a.progress,
            evidenced_and_signed_off: evidenced && a.signed_off_at.is_some(),
            override_rag: a.rag_override,
        },
        today,
        settings,
    )
}

/// Days an open action is past its due date (`None` when not overdue).
pub fn days_overdue(due: Option<NaiveDate>, status: ActionStatus, today: NaiveDate) -> Option<i64> {
    let days = (today - due?).num_days();
    (days > 0 && status != ActionStatus::Completed).then_some(days)
}

fn required(what: &str, s: &str) -> Result<String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Error::Invalid(format!("{what} cannot be empty")));
    }
    Ok(t.to_string())
}

fn optional(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// Shortest id prefix a person may type for an action (lists show 8 characters).
pub const MIN_ID_PREFIX: usize = 4;

/// The full id of the action whose id is `text` or starts or ends with it (at least
/// [`MIN_ID_PREFIX`] characters), so people can type the short ids lists show.
pub fn resolve_action_id(conn: &Connection, text: &str) -> Result<String> {
    let t = text.trim().to_lowercase();
    let not_found = || Error::NotFound {
        what: "action",
        id: text.trim().to_string(),
    };
    if t.chars().count() < MIN_ID_PREFIX {
        return Err(Error::Invalid(format!(
            "action id {text:?} is too short: give at least {MIN_ID_PREFIX} characters"
        )));
    }
    let found = list_action_ids_matching(conn, &t, 2)?;
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(not_found()),
        _ if found.contains(&t) => Ok(t),
        _ => Err(Error::Invalid(format!(
            "action id {text:?} matches more than one action; give more of it"
        ))),
    }
}

/// An action that exists and is not in the bin.
pub(crate) fn live_action(conn: &Connection, id: &str) -> Result<ActionRow> {
    let a = get_action(conn, id)?;
    if a.deleted_at.is_some() {
        return Err(Error::Invalid(format!(
            "action {id} is in the bin; restore it first (bin restore {id})"
        )));
    }
    Ok(a)
}

/// Add an action under a recommendation. Without a due date it gets the recommendation's
/// (from the report's dates and the settings, as at import).
pub fn add_action(
    store: &mut Store,
    recommendation_id: &str,
    new: &NewAction,
    who: &str,
) -> Result<ActionRow> {
    let title = required("the action's title", &new.title)?;
    let tx = store.write()?;
    let rec = get_recommendation(&tx, recommendation_id)?;
    let (due_date_value, source, reason) = match new.due {
        Some(d) => (
            Some(d),
            DueDateSource::Override,
            Some("set when the action was added".to_string()),
        ),
        None => {
            let report = get_report(&tx, &rec.report_id)?;
            let s = settings::load(&tx)?;
            let base = base_date(
                s.base_date_rule,
                report.inspection_end,
                report.published,
                report.base_date,
            );
            match base {
                Some(b) => {
                    let judgements = list_judgements(&tx, &report.id)?;
                    let next = super::inspection::next_after(
                        report.kind,
                        report.inspection_end,
                        report.base_date,
                        super::inspection::overall_grade(&judgements),
                        report.next_inspection,
                    )
                    .map(|n| n.prepare_by());
                    let due = due_date(b, rec.period, s.open_ended, next);
                    (Some(due.date), due.source, None)
                }
                None => (None, DueDateSource::Waiting, None),
            }
        }
    };
    let now = now_utc();
    let action = ActionRow {
        owner: optional(&new.owner),
        partner_agency: optional(&new.partner_agency),
        due_date_reason: reason,
        measure_of_success: optional(&new.measure_of_success),
        ..ActionRow::new_open(rec.id, rec.report_id, title, due_date_value, source, now)
    };
    insert_new(&tx, std::slice::from_ref(&action), who)?;
    tx.commit()?;
    Ok(action)
}

/// Store new actions and their "created" lines in the history (inside the caller's
/// transaction), a statement for all the actions and one for all the lines.
pub(super) fn insert_new(
    conn: &rusqlite::Connection,
    actions: &[ActionRow],
    who: &str,
) -> Result<()> {
    insert_actions(conn, actions)?;
    let created: Vec<(&str, &str)> = actions
        .iter()
        .map(|a| (a.id.as_str(), a.title.as_str()))
        .collect();
    history::record_created(conn, "action", &created, who)
}

/// Check a change before any writing.
fn validate(change: &Change) -> Result<()> {
    match change {
        Change::Progress(p) if *p > 100 => Err(Error::Invalid(format!(
            "invalid progress {p}: use a whole number from 0 to 100"
        ))),
        Change::Title(t) => required("the action's title", t).map(drop),
        Change::DueDate { reason, .. } => {
            required("the reason for changing the due date (--reason)", reason).map(drop)
        }
        Change::RagOverride { reason, .. } => {
            required("the reason for setting the RAG rating by hand", reason).map(drop)
        }
        _ => Ok(()),
    }
}

/// Writes columns of one action and their history inside a transaction.
struct Writer<'a> {
    conn: &'a Connection,
    id: &'a str,
    who: &'a str,
    now: String,
}

impl Writer<'_> {
    /// Set `column` if it changes, recording old → new in the history.
    fn set(
        &self,
        column: Column,
        old: Option<String>,
        new: Option<String>,
        value: &dyn ToSql,
    ) -> Result<()> {
        if old == new {
            return Ok(());
        }
        update_action_column(self.conn, self.id, column, value, &self.now)?;
        history::record(
            self.conn,
            "action",
            self.id,
            column.as_str(),
            old.as_deref(),
            new.as_deref(),
            self.who,
        )
    }

    fn set_text(
        &self,
        column: Column,
        old: &mut Option<String>,
        new: Option<String>,
    ) -> Result<()> {
        self.set(column, old.clone(), new.clone(), &new)?;
        *old = new;
        Ok(())
    }
}

/// Apply `changes` to action `id` in order, in one transaction. `today` dates a completion.
/// Returns the action as it now is.
pub fn update_action(
    store: &mut Store,
    id: &str,
    changes: &[Change],
    today: NaiveDate,
    who: &str,
) -> Result<ActionRow> {
    update_with_note(store, id, changes, None, today, who)
}

fn apply(w: &Writer<'_>, a: &mut ActionRow, change: &Change, today: NaiveDate) -> Result<()> {
    match change {
        Change::Status(s) => {
            let (old, new) = (a.status, *s);
            w.set(
                Column::Status,
                Some(old.as_str().into()),
                Some(new.as_str().into()),
                &new.as_str(),
            )?;
            a.status = new;
            if new == ActionStatus::Completed && old != ActionStatus::Completed {
                let on = Some(dates::to_sql(today));
                let mut was = dates::opt_to_sql(a.completed_on);
                w.set_text(Column::CompletedOn, &mut was, on)?;
                a.completed_on = Some(today);
            } else if new != ActionStatus::Completed && old == ActionStatus::Completed {
                // Reopened: the completion date and any sign-off no longer hold.
                let mut was = dates::opt_to_sql(a.completed_on);
                w.set_text(Column::CompletedOn, &mut was, None)?;
                a.completed_on = None;
                w.set_text(Column::SignedOffBy, &mut a.signed_off_by, None)?;
                w.set_text(Column::SignedOffAt, &mut a.signed_off_at, None)?;
            }
        }
        Change::Progress(p) => {
            w.set(
                Column::Progress,
                Some(a.progress.to_string()),
                Some(p.to_string()),
                p,
            )?;
            a.progress = *p;
        }
        Change::Owner(o) => w.set_text(Column::Owner, &mut a.owner, optional(o))?,
        Change::PartnerAgency(p) => {
            w.set_text(Column::PartnerAgency, &mut a.partner_agency, optional(p))?
        }
        Change::MeasureOfSuccess(m) => w.set_text(
            Column::MeasureOfSuccess,
            &mut a.measure_of_success,
            optional(m),
        )?,
        Change::Mitigation(m) => w.set_text(Column::Mitigation, &mut a.mitigation, optional(m))?,
        Change::NextStep(m) => w.set_text(Column::NextStep, &mut a.next_step, optional(m))?,
        Change::Title(t) => {
            let mut old = Some(a.title.clone());
            w.set_text(Column::Title, &mut old, Some(t.trim().to_string()))?;
            a.title = t.trim().to_string();
            // Saying what will be done is what ends a draft.
            if a.draft {
                w.set(Column::Draft, Some("1".into()), Some("0".into()), &false)?;
                a.draft = false;
            }
        }
        Change::DueDate { date, reason } => {
            let mut was = dates::opt_to_sql(a.due_date);
            w.set_text(Column::DueDate, &mut was, Some(dates::to_sql(*date)))?;
            // The first date an action is given is its original (one waiting for a date
            // had none); later changes keep it, so papers show both.
            if a.original_due_date.is_none() {
                let mut none = None;
                w.set_text(
                    Column::OriginalDueDate,
                    &mut none,
                    Some(dates::to_sql(*date)),
                )?;
                a.original_due_date = Some(*date);
            }
            a.due_date = Some(*date);
            let mut src = Some(a.due_date_source.as_str().to_string());
            w.set_text(
                Column::DueDateSource,
                &mut src,
                Some(DueDateSource::Override.as_str().into()),
            )?;
            a.due_date_source = DueDateSource::Override;
            w.set_text(
                Column::DueDateReason,
                &mut a.due_date_reason,
                Some(reason.trim().to_string()),
            )?;
        }
        Change::RagOverride { rag, reason } => {
            let mut was = a.rag_override.map(|r| r.as_str().to_string());
            w.set_text(
                Column::RagOverride,
                &mut was,
                rag.map(|r| r.as_str().to_string()),
            )?;
            a.rag_override = *rag;
            w.set_text(
                Column::RagOverrideReason,
                &mut a.rag_override_reason,
                Some(reason.trim().to_string()),
            )?;
        }
        Change::SignOff => {
            if a.status != ActionStatus::Completed {
                return Err(Error::Invalid(format!(
                    "action {} is {}; only a completed action can be signed off",
                    a.id,
                    a.status.as_str()
                )));
            }
            w.set_text(
                Column::SignedOffBy,
                &mut a.signed_off_by,
                Some(w.who.into()),
            )?;
            w.set_text(
                Column::SignedOffAt,
                &mut a.signed_off_at,
                Some(w.now.clone()),
            )?;
        }
    }
    Ok(())
}

/// Append a dated progress note (notes are never edited or removed).
pub fn add_note(
    store: &mut Store,
    id: &str,
    written_on: NaiveDate,
    note: &str,
    who: &str,
) -> Result<UpdateRow> {
    let note = required("the note", note)?;
    let tx = store.write()?;
    live_action(&tx, id)?;
    let update = UpdateRow {
        id: new_id(),
        action_id: id.to_string(),
        written_on,
        author: who.to_string(),
        note,
        created_at: now_utc(),
    };
    insert_update(&tx, &update)?;
    history::record(&tx, "action", id, "note", None, Some(&update.note), who)?;
    tx.commit()?;
    Ok(update)
}

/// Check an update's changes and note without touching the database (callers that do
/// something before writing, such as a backup, check first).
pub fn check_update(changes: &[Change], note: Option<&str>) -> Result<()> {
    if changes.is_empty() && note.is_none() {
        return Err(Error::Invalid(
            "nothing to change: give at least one of --status, --progress, --owner, --due, \
             --note"
                .into(),
        ));
    }
    changes.iter().try_for_each(validate)?;
    if let Some(text) = note {
        required("the note", text)?;
    }
    Ok(())
}

/// Apply changes and (optionally) a note together, in one transaction — what
/// `action update` does.
pub fn update_with_note(
    store: &mut Store,
    id: &str,
    changes: &[Change],
    note: Option<(NaiveDate, &str)>,
    today: NaiveDate,
    who: &str,
) -> Result<ActionRow> {
    check_update(changes, note.map(|(_, text)| text))?;
    let tx = store.write()?;
    let mut a = live_action(&tx, id)?;
    let w = Writer {
        conn: &tx,
        id,
        who,
        now: now_utc(),
    };
    for change in changes {
        apply(&w, &mut a, change, today)?;
    }
    if let Some((written_on, text)) = note {
        let update = UpdateRow {
            id: new_id(),
            action_id: id.to_string(),
            written_on,
            author: who.to_string(),
            note: text.trim().to_string(),
            created_at: w.now.clone(),
        };
        insert_update(&tx, &update)?;
        history::record(&tx, "action", id, "note", None, Some(&update.note), who)?;
    }
    tx.commit()?;
    get_action(store.conn(), id)
}

/// Apply the same `changes` to every action in `ids` (the overdue review's bulk reassign
/// and bulk re-schedule, one reason for all), through the same rules as one action's
/// edit, in one transaction: if any action cannot take them (unknown, in the bin) nothing
/// is changed. Returns the actions as they now are, in the order given.
pub fn update_many(
    store: &mut Store,
    ids: &[String],
    changes: &[Change],
    today: NaiveDate,
    who: &str,
) -> Result<Vec<ActionRow>> {
    if ids.is_empty() {
        return Err(Error::Invalid(
            "no actions were chosen: choose at least one action to change".into(),
        ));
    }
    if changes.is_empty() {
        return Err(Error::Invalid(
            "nothing to change: give a new owner or a new due date".into(),
        ));
    }
    changes.iter().try_for_each(validate)?;
    let mut seen = std::collections::HashSet::with_capacity(ids.len());
    let unique: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| seen.insert(*id))
        .collect();
    let tx = store.write()?;
    let now = now_utc();
    for &id in &unique {
        let mut a = live_action(&tx, id)?;
        let w = Writer {
            conn: &tx,
            id,
            who,
            now: now.clone(),
        };
        for change in changes {
            apply(&w, &mut a, change, today)?;
        }
    }
    tx.commit()?;
    unique
        .into_iter()
        .map(|id| get_action(store.conn(), id))
        .collect()
}

/// What the timeline ([`super::timeline`]) writes on an earlier plan's action, inside the
/// caller's transaction, each field with its history line.
pub(super) enum Closing<'a> {
    /// Closed (as overtaken, or with its plan) from `on`, for `reason`.
    Closed { on: NaiveDate, reason: &'a str },
    /// Kept open and linked to a later report's plan (and one of its recommendations).
    Carried {
        report_id: &'a str,
        recommendation_id: Option<&'a str>,
    },
}

/// Write `closing` on action `id` (inside the caller's transaction), with its history.
pub(super) fn write_closing(
    conn: &Connection,
    id: &str,
    closing: &Closing<'_>,
    who: &str,
) -> Result<()> {
    let mut a = get_action(conn, id)?;
    let w = Writer {
        conn,
        id,
        who,
        now: now_utc(),
    };
    match closing {
        Closing::Closed { on, reason } => {
            let mut was = dates::opt_to_sql(a.closed_on);
            w.set_text(Column::ClosedOn, &mut was, Some(dates::to_sql(*on)))?;
            w.set_text(
                Column::ClosedReason,
                &mut a.closed_reason,
                Some(reason.trim().to_string()),
            )?;
        }
        Closing::Carried {
            report_id,
            recommendation_id,
        } => {
            w.set_text(
                Column::CarriedToReport,
                &mut a.carried_to_report,
                Some((*report_id).to_string()),
            )?;
            w.set_text(
                Column::CarriedToRecommendation,
                &mut a.carried_to_recommendation,
                recommendation_id.map(str::to_string),
            )?;
        }
    }
    Ok(())
}

/// Mark action `id` completed `today` (inside the caller's transaction), as
/// `action update --status completed` would.
pub(super) fn write_completed(
    conn: &Connection,
    id: &str,
    today: NaiveDate,
    who: &str,
) -> Result<()> {
    let mut a = get_action(conn, id)?;
    let w = Writer {
        conn,
        id,
        who,
        now: now_utc(),
    };
    apply(&w, &mut a, &Change::Status(ActionStatus::Completed), today)
}

/// Move an action to the bin (it keeps its notes, evidence and history).
pub fn delete_action(store: &mut Store, id: &str, who: &str) -> Result<ActionRow> {
    let tx = store.write()?;
    let mut a = live_action(&tx, id)?;
    let w = Writer {
        conn: &tx,
        id,
        who,
        now: now_utc(),
    };
    let now = Some(w.now.clone());
    w.set_text(Column::DeletedAt, &mut a.deleted_at, now)?;
    tx.commit()?;
    Ok(a)
}

/// Take an action back out of the bin.
pub fn restore_action(store: &mut Store, id: &str, who: &str) -> Result<ActionRow> {
    let tx = store.write()?;
    let mut a = get_action(&tx, id)?;
    if a.deleted_at.is_none() {
        return Err(Error::Invalid(format!("action {id} is not in the bin")));
    }
    let w = Writer {
        conn: &tx,
        id,
        who,
        now: now_utc(),
    };
    w.set_text(Column::DeletedAt, &mut a.deleted_at, None)?;
    tx.commit()?;
    Ok(a)
}

/// The actions in the bin, most recently deleted first.
pub fn list_bin(store: &Store) -> Result<Vec<ActionRow>> {
    list_deleted_actions(store.conn())
}

/// One action with its recommendation, report, notes, evidence and RAG as at `today`.
pub fn show_action(store: &Store, id: &str, today: NaiveDate) -> Result<ActionDetail> {
    let conn = store.conn();
    let action = get_action(conn, id)?;
    let recommendation = get_recommendation(conn, &action.recommendation_id)?;
    let report = get_report(conn, &recommendation.report_id)?;
    let rag_settings = settings::load(conn)?.rag;
    let evidenced = has_evidence(conn, id)?;
    Ok(ActionDetail {
        rag: rag_of(&action, evidenced, today, &rag_settings),
        days_overdue: days_overdue(action.due_date, action.status, today),
        updates: list_updates(conn, id)?,
        evidence: list_evidence(conn, id)?,
        action,
        recommendation,
        report,
    })
}
