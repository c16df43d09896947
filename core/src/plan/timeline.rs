//! A council's timeline: the reports of one local authority in sequence by inspection date,
//! and what happens to a plan when a later inspection arrives.
//!
//! The rule, in one place: a report's plan is *current* until a later inspection of the
//! same authority's children's services (for an area SEND report: a later area SEND
//! inspection) is known; it is then *awaiting a decision* until a person decides what
//! happens to each of its open actions — carried forward (kept open, linked to the new
//! plan), completed, or closed as overtaken — and then *closed*. Focused and monitoring
//! visits and the contact, referral and assessment inspections look at part of a plan
//! within a cycle, so they do not overtake one (as `summary` does not restart the cycle
//! for a visit). Nothing is closed without a person's choice; every choice is in the
//! history with who and when.
//!
//! As at a date: a report inspected after that date was not known then, so it neither
//! appears nor overtakes anything; a closing takes effect on the later report's
//! inspection date (or the day a person closed a plan with no later report).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::actions::{write_closing, write_completed, Closing};
use super::history;
use super::repeats::{authority_key, report_date};
use crate::labels;
use crate::model::{ActionStatus, ReportKind};
use crate::store::actions::get_action;
use crate::store::recommendations::get_recommendation;
use crate::store::reports::{
    get_report, list_reports, list_unclosed_action_ids, list_undecided_action_ids,
    update_report_plan_closed, ReportRow,
};
use crate::store::Store;
use crate::{Error, Result};

pub use crate::model::PlanState;

/// What `import --previous` does with the authority's earlier plans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PreviousPlan {
    /// Nothing is closed; the earlier plan awaits a decision.
    #[default]
    Keep,
    /// Its open actions are kept open, linked to the new plan; the earlier plan closes.
    Carry,
    /// Its open actions are closed as overtaken by the new report; the plan closes.
    Close,
}

impl PreviousPlan {
    pub fn as_str(self) -> &'static str {
        match self {
            PreviousPlan::Keep => "keep",
            PreviousPlan::Carry => "carry",
            PreviousPlan::Close => "close",
        }
    }

    pub fn parse(s: &str) -> Option<PreviousPlan> {
        match s.trim().to_lowercase().as_str() {
            "keep" => Some(PreviousPlan::Keep),
            "carry" => Some(PreviousPlan::Carry),
            "close" => Some(PreviousPlan::Close),
            _ => None,
        }
    }
}

/// A person's decision on one open action of an earlier plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "decision", rename_all = "snake_case")]
#[ts(export)]
pub enum ActionDecision {
    /// Kept open, linked to the new plan (and to one of its recommendations, if given).
    CarriedForward {
        recommendation_id: Option<String>,
    },
    Completed,
    /// Closed as overtaken by the new report, for this reason.
    ClosedAsOvertaken {
        reason: String,
    },
}

/// One action's decision, as the review sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActionChoice {
    pub action_id: String,
    #[serde(flatten)]
    pub decision: ActionDecision,
}

/// An open action of an earlier plan, as the review lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PreviousAction {
    pub action_id: String,
    pub title: String,
    pub recommendation: String,
    pub status: ActionStatus,
    pub progress: u8,
    pub owner: Option<String>,
    pub due_date: Option<NaiveDate>,
}

/// An earlier plan of the same authority with actions still to decide on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PreviousPlanView {
    pub report_id: String,
    pub kind: ReportKind,
    pub local_authority: Option<String>,
    pub inspection_end: Option<NaiveDate>,
    /// "the 2011 plan"
    pub name: String,
    pub actions: Vec<PreviousAction>,
}

/// What a decision did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DecisionOutcome {
    #[ts(type = "number")]
    pub carried: usize,
    #[ts(type = "number")]
    pub completed: usize,
    #[ts(type = "number")]
    pub closed: usize,
    /// Earlier plans closed because every open action now has its decision.
    pub plans_closed: Vec<String>,
}

/// Whether a report of this kind overtakes the authority's earlier plans of its series.
pub fn overtakes(kind: ReportKind) -> bool {
    !matches!(
        kind,
        ReportKind::FocusedVisit
            | ReportKind::MonitoringVisit
            | ReportKind::ContactReferralAssessment
    )
}

/// Area SEND inspections form a sequence of their own, apart from children's services.
fn same_series(a: ReportKind, b: ReportKind) -> bool {
    (a == ReportKind::AreaSend) == (b == ReportKind::AreaSend)
}

/// Whether `r` was known by `as_of`: inspected on or before it (a report with no date at
/// all is always known).
pub fn known_by(r: &ReportRow, as_of: NaiveDate) -> bool {
    report_date(r).is_none_or(|d| d <= as_of)
}

/// Whether `r` is of the authority whose [`authority_key`] is `key`.
pub fn of_authority(r: &ReportRow, key: &str) -> bool {
    r.local_authority
        .as_deref()
        .is_some_and(|a| authority_key(a) == key)
}

/// The key of an authority a person named, checked against the reports: an unknown one is
/// an error that names it and the authorities there are.
pub fn authority_in(reports: &[ReportRow], name: &str) -> Result<String> {
    let key = authority_key(name);
    if reports.iter().any(|r| of_authority(r, &key)) {
        return Ok(key);
    }
    let mut known: Vec<&str> = reports
        .iter()
        .filter_map(|r| r.local_authority.as_deref())
        .collect();
    known.sort_unstable();
    known.dedup();
    Err(Error::Invalid(if known.is_empty() {
        format!(
            "no report in the plan is of the local authority {name:?}: the plan has no reports yet"
        )
    } else {
        format!(
            "no report in the plan is of the local authority {name:?}; give one of: {}",
            known.join(", ")
        )
    }))
}

/// "the 2011 plan" (or the report's kind when it has no date).
pub fn plan_name(r: &ReportRow) -> String {
    match report_date(r) {
        Some(d) => format!("the {} plan", d.format("%Y")),
        None => format!("the {} plan", labels::report_kind(r.kind).to_lowercase()),
    }
}

/// Plans named as [`plan_name`] names them, with the month when another report of the
/// same authority is of the same year ("the May 2011 plan", "the October 2011 plan"), so
/// two reminders never read alike.
pub struct PlanNames {
    /// (authority key, year) of more than one report.
    shared: std::collections::HashSet<(String, i32)>,
}

impl PlanNames {
    pub fn new(all: &[ReportRow]) -> PlanNames {
        let mut seen: HashMap<(String, i32), usize> = HashMap::new();
        for r in all {
            if let (Some(name), Some(d)) = (r.local_authority.as_deref(), report_date(r)) {
                *seen.entry((authority_key(name), d.year())).or_default() += 1;
            }
        }
        PlanNames {
            shared: seen
                .into_iter()
                .filter(|(_, n)| *n > 1)
                .map(|(k, _)| k)
                .collect(),
        }
    }

    pub fn name(&self, r: &ReportRow) -> String {
        match (r.local_authority.as_deref(), report_date(r)) {
            (Some(name), Some(d)) if self.shared.contains(&(authority_key(name), d.year())) => {
                format!("the {} plan", d.format("%B %Y"))
            }
            _ => plan_name(r),
        }
    }
}

/// Each report's plan state as at `as_of`, and the later report that overtook it, by id.
/// Reports not known by `as_of` are left out (and overtake nothing).
pub fn plan_states(
    reports: &[ReportRow],
    as_of: NaiveDate,
) -> HashMap<String, (PlanState, Option<String>)> {
    let known: Vec<&ReportRow> = reports.iter().filter(|r| known_by(r, as_of)).collect();
    // Each report's authority key once (the summary reads this for every report: pairing
    // them up would be quadratic), then each authority's overtaking reports by date.
    let keys: Vec<Option<String>> = known
        .iter()
        .map(|r| r.local_authority.as_deref().map(authority_key))
        .collect();
    let mut overtaking: HashMap<(&str, bool), Vec<(NaiveDate, usize)>> = HashMap::new();
    for (i, r) in known.iter().enumerate() {
        if let (Some(key), Some(date), true) = (&keys[i], report_date(r), overtakes(r.kind)) {
            overtaking
                .entry((key.as_str(), r.kind == ReportKind::AreaSend))
                .or_default()
                .push((date, i));
        }
    }
    for list in overtaking.values_mut() {
        list.sort_unstable();
    }
    known
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let later = match (&keys[i], report_date(r)) {
                (Some(key), Some(date)) => overtaking
                    .get(&(key.as_str(), r.kind == ReportKind::AreaSend))
                    .and_then(|list| list.get(list.partition_point(|(d, _)| *d <= date)))
                    .map(|&(_, j)| known[j]),
                _ => None,
            };
            let closed = r.plan_closed_on.is_some_and(|d| d <= as_of);
            let state = match (&later, closed) {
                (_, true) => PlanState::Closed,
                (Some(_), false) => PlanState::AwaitingDecision,
                (None, false) => PlanState::Current,
            };
            (r.id.clone(), (state, later.map(|l| l.id.clone())))
        })
        .collect()
}

/// The first later report of `r`'s authority and series that overtakes it, among `known`.
fn overtaken_by<'a>(r: &ReportRow, known: &[&'a ReportRow]) -> Option<&'a ReportRow> {
    let key = authority_key(r.local_authority.as_deref()?);
    let date = report_date(r)?;
    known
        .iter()
        .copied()
        .filter(|l| {
            l.id != r.id
                && overtakes(l.kind)
                && same_series(l.kind, r.kind)
                && of_authority(l, &key)
                && report_date(l).is_some_and(|d| d > date)
        })
        .min_by_key(|l| report_date(l))
}

/// The plans `new` follows: the same authority's earlier reports of its series whose plans
/// are not closed, oldest first.
fn earlier_plans(conn: &Connection, new: &ReportRow) -> Result<Vec<ReportRow>> {
    let (Some(name), Some(date)) = (new.local_authority.as_deref(), report_date(new)) else {
        return Ok(Vec::new());
    };
    let key = authority_key(name);
    Ok(list_reports(conn)?
        .into_iter()
        .filter(|r| {
            r.id != new.id
                && r.plan_closed_on.is_none()
                && same_series(r.kind, new.kind)
                && of_authority(r, &key)
                && report_date(r).is_some_and(|d| d < date)
        })
        .collect())
}

/// Why the plans a report overtakes are closed: "overtaken by the ILACS inspection of 26
/// April 2024".
fn overtaken_reason(new: &ReportRow) -> String {
    let kind = labels::report_kind(new.kind);
    match report_date(new) {
        Some(d) => format!("overtaken by the {kind} of {}", labels::long_date(d)),
        None => format!("overtaken by the {kind}"),
    }
}

/// At import (inside its transaction): apply `choice` to the authority's earlier plans that
/// the new report overtakes, and record the choice in each plan's history.
pub(super) fn on_import(
    conn: &Connection,
    new_report_id: &str,
    choice: PreviousPlan,
    today: NaiveDate,
    who: &str,
) -> Result<()> {
    let new = get_report(conn, new_report_id)?;
    if !overtakes(new.kind) {
        if choice != PreviousPlan::Keep {
            return Err(Error::Invalid(format!(
                "{} is a {}, which does not replace the earlier plan; import it without \
                 --previous (or with --previous keep)",
                new.source_name,
                labels::report_kind(new.kind).to_lowercase()
            )));
        }
        return Ok(());
    }
    if choice != PreviousPlan::Keep
        && (new.local_authority.is_none() || report_date(&new).is_none())
    {
        return Err(Error::Invalid(format!(
            "{} names no local authority or inspection date, so which plan it follows is \
             unknown; import it with --previous keep",
            new.source_name
        )));
    }
    let reason = overtaken_reason(&new);
    for earlier in earlier_plans(conn, &new)? {
        let open = list_undecided_action_ids(conn, &earlier.id)?;
        let note = match choice {
            PreviousPlan::Keep if open.is_empty() => continue,
            PreviousPlan::Keep => format!(
                "keep: {} open actions await a decision after {}",
                open.len(),
                new.source_name
            ),
            PreviousPlan::Carry => {
                format!("carry: open actions carried forward to {}", new.source_name)
            }
            PreviousPlan::Close => format!("close: open actions {reason}"),
        };
        history::record(
            conn,
            "report",
            &earlier.id,
            "previous_plan",
            None,
            Some(&note),
            who,
        )?;
        let decision = match choice {
            PreviousPlan::Keep => continue,
            PreviousPlan::Carry => ActionDecision::CarriedForward {
                recommendation_id: None,
            },
            PreviousPlan::Close => ActionDecision::ClosedAsOvertaken {
                reason: reason.clone(),
            },
        };
        for id in &open {
            apply_decision(conn, &new, id, &decision, today, who)?;
        }
        close_plan_in(conn, &earlier, Some(&new), &reason, today, who)?;
    }
    Ok(())
}

/// One decision on one action (checked by the caller), with its history.
fn apply_decision(
    conn: &Connection,
    new: &ReportRow,
    action_id: &str,
    decision: &ActionDecision,
    today: NaiveDate,
    who: &str,
) -> Result<()> {
    match decision {
        ActionDecision::CarriedForward { recommendation_id } => write_closing(
            conn,
            action_id,
            &Closing::Carried {
                report_id: &new.id,
                recommendation_id: recommendation_id.as_deref(),
            },
            who,
        ),
        ActionDecision::Completed => write_completed(conn, action_id, today, who),
        ActionDecision::ClosedAsOvertaken { reason } => write_closing(
            conn,
            action_id,
            &Closing::Closed {
                on: closing_day(Some(new), today),
                reason,
            },
            who,
        ),
    }
}

/// The day a closing takes effect: the later report's inspection date, else today.
fn closing_day(by: Option<&ReportRow>, today: NaiveDate) -> NaiveDate {
    by.and_then(report_date).unwrap_or(today)
}

/// Close `plan` (inside the caller's transaction): its actions not carried forward (the
/// completed ones; open ones must have been decided on) are closed with it.
fn close_plan_in(
    conn: &Connection,
    plan: &ReportRow,
    by: Option<&ReportRow>,
    reason: &str,
    today: NaiveDate,
    who: &str,
) -> Result<()> {
    let on = closing_day(by, today);
    let with_plan = format!("plan closed: {reason}");
    for id in list_unclosed_action_ids(conn, &plan.id)? {
        write_closing(
            conn,
            &id,
            &Closing::Closed {
                on,
                reason: &with_plan,
            },
            who,
        )?;
    }
    update_report_plan_closed(
        conn,
        &plan.id,
        Some(on),
        Some(reason),
        by.map(|b| b.id.as_str()),
    )?;
    history::record(
        conn,
        "report",
        &plan.id,
        "plan_closed",
        None,
        Some(reason),
        who,
    )
}

/// `plan close REPORT --reason TEXT`: close a report's plan, its open actions closed as
/// overtaken for `reason`. One transaction with its history.
pub fn close_plan(
    store: &mut Store,
    report_id: &str,
    reason: &str,
    today: NaiveDate,
    who: &str,
) -> Result<ReportRow> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::Invalid(
            "say why the plan is closed (--reason TEXT): it is kept in the history".into(),
        ));
    }
    let tx = store.write()?;
    let plan = get_report(&tx, report_id)?;
    if let Some(on) = plan.plan_closed_on {
        return Err(Error::Invalid(format!(
            "{} ({}) was already closed on {}: {}",
            plan_name(&plan),
            plan.source_name,
            labels::long_date(on),
            plan.plan_closed_reason
                .as_deref()
                .unwrap_or("no reason recorded")
        )));
    }
    let all = list_reports(&tx)?;
    let refs: Vec<&ReportRow> = all.iter().collect();
    let by = overtaken_by(&plan, &refs).cloned();
    let on = closing_day(by.as_ref(), today);
    for id in list_undecided_action_ids(&tx, &plan.id)? {
        write_closing(&tx, &id, &Closing::Closed { on, reason }, who)?;
    }
    close_plan_in(&tx, &plan, by.as_ref(), reason, today, who)?;
    tx.commit()?;
    get_report(store.conn(), report_id)
}

/// For the review of `new_report_id`: the authority's earlier plans that it overtakes, each
/// with its open actions still to be decided on (plans with none are left out).
pub fn previous_plans(store: &Store, new_report_id: &str) -> Result<Vec<PreviousPlanView>> {
    let conn = store.conn();
    let new = get_report(conn, new_report_id)?;
    if !overtakes(new.kind) {
        return Ok(Vec::new());
    }
    let names = PlanNames::new(&list_reports(conn)?);
    let mut out = Vec::new();
    for plan in earlier_plans(conn, &new)? {
        let mut actions = Vec::new();
        for id in list_undecided_action_ids(conn, &plan.id)? {
            let a = get_action(conn, &id)?;
            let rec = get_recommendation(conn, &a.recommendation_id)?;
            actions.push(PreviousAction {
                action_id: a.id,
                title: a.title,
                recommendation: rec.text,
                status: a.status,
                progress: a.progress,
                owner: a.owner,
                due_date: a.due_date,
            });
        }
        if actions.is_empty() {
            continue;
        }
        out.push(PreviousPlanView {
            report_id: plan.id.clone(),
            kind: plan.kind,
            local_authority: plan.local_authority.clone(),
            inspection_end: plan.inspection_end,
            name: names.name(&plan),
            actions,
        });
    }
    Ok(out)
}

/// A person's decisions on earlier plans' open actions at the review of `new_report_id`,
/// in one transaction. Each action must be an open, undecided action of a plan the new
/// report overtakes; a carried-forward action may name one of the new report's
/// recommendations. A plan whose every open action is then decided on is closed. Actions
/// not in `choices` stay open and their plan keeps awaiting a decision.
pub fn decide_previous(
    store: &mut Store,
    new_report_id: &str,
    choices: &[ActionChoice],
    today: NaiveDate,
    who: &str,
) -> Result<DecisionOutcome> {
    let tx = store.write()?;
    let new = get_report(&tx, new_report_id)?;
    let plans = if overtakes(new.kind) {
        earlier_plans(&tx, &new)?
    } else {
        Vec::new()
    };
    let mut open: HashMap<String, usize> = HashMap::new();
    for (i, p) in plans.iter().enumerate() {
        for id in list_undecided_action_ids(&tx, &p.id)? {
            open.insert(id, i);
        }
    }
    let mut out = DecisionOutcome::default();
    let mut touched: Vec<usize> = Vec::new();
    for c in choices {
        let Some(&plan) = open.get(c.action_id.as_str()) else {
            return Err(Error::Invalid(format!(
                "action {} is not an open action of a plan that {} follows (or it was already \
                 decided on); nothing was changed",
                c.action_id, new.source_name
            )));
        };
        match &c.decision {
            ActionDecision::CarriedForward {
                recommendation_id: Some(rec),
            } => {
                if get_recommendation(&tx, rec)?.report_id != new.id {
                    return Err(Error::Invalid(format!(
                        "recommendation {rec} is not one of {}'s: carry an action forward to a \
                         recommendation of the new report; nothing was changed",
                        new.source_name
                    )));
                }
                out.carried += 1;
            }
            ActionDecision::CarriedForward { .. } => out.carried += 1,
            ActionDecision::Completed => out.completed += 1,
            ActionDecision::ClosedAsOvertaken { reason } => {
                if reason.trim().is_empty() {
                    return Err(Error::Invalid(format!(
                        "say why action {} is closed as overtaken; nothing was changed",
                        c.action_id
                    )));
                }
                out.closed += 1;
            }
        }
        apply_decision(&tx, &new, &c.action_id, &c.decision, today, who)?;
        open.remove(c.action_id.as_str());
        if !touched.contains(&plan) {
            touched.push(plan);
        }
    }
    let reason = overtaken_reason(&new);
    for i in touched {
        let plan = &plans[i];
        if list_undecided_action_ids(&tx, &plan.id)?.is_empty() {
            close_plan_in(&tx, plan, Some(&new), &reason, today, who)?;
            out.plans_closed.push(plan.id.clone());
        }
    }
    tx.commit()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visits_and_front_door_inspections_do_not_overtake_a_plan() {
        assert!(overtakes(ReportKind::Ilacs));
        assert!(overtakes(ReportKind::SafeguardingAndLookedAfterChildren));
        assert!(overtakes(ReportKind::AreaSend));
        assert!(!overtakes(ReportKind::MonitoringVisit));
        assert!(!overtakes(ReportKind::FocusedVisit));
        assert!(!overtakes(ReportKind::ContactReferralAssessment));
        assert!(!same_series(ReportKind::AreaSend, ReportKind::Ilacs));
        assert!(same_series(ReportKind::JointAreaReview, ReportKind::Ilacs));
    }

    #[test]
    fn previous_plan_choices_read_as_the_cli_spells_them() {
        for c in [PreviousPlan::Keep, PreviousPlan::Carry, PreviousPlan::Close] {
            assert_eq!(PreviousPlan::parse(c.as_str()), Some(c));
        }
        assert_eq!(PreviousPlan::parse("drop"), None);
    }
}
