//! The summary: counts by status and RAG per report and overall, each report's statutory
//! action-plan deadline and next inspection, as at a date. The counts come from the
//! `action_tally` table (kept by triggers), rated by the same RAG rule as the list.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::actions::days_overdue;
use super::query::{date, status_of, text, RagRow};
use super::timeline::{self, PlanState};
use super::{inspection, settings};
use crate::model::{ActionStatus, Judgement, Rag, ReportKind};
use crate::schedule::NextInspection;
use crate::store::reports::{list_all_judgements, list_reports, ReportRow};
use crate::store::Store;
use crate::{Error, Result};

/// Counts over a set of actions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Counts {
    #[ts(type = "number")]
    pub total: i64,
    #[ts(type = "number")]
    pub not_started: i64,
    #[ts(type = "number")]
    pub in_progress: i64,
    #[ts(type = "number")]
    pub completed: i64,
    #[ts(type = "number")]
    pub blocked: i64,
    #[ts(type = "number")]
    pub red: i64,
    #[ts(type = "number")]
    pub amber: i64,
    #[ts(type = "number")]
    pub green: i64,
    #[ts(type = "number")]
    pub blue: i64,
    #[ts(type = "number")]
    pub overdue: i64,
    /// Completed actions as a percentage of all, one decimal place.
    pub percent_complete: f64,
    /// Open actions due after the next inspection is expected to start.
    #[ts(type = "number")]
    pub due_after_next_inspection: i64,
    /// Actions whose due date has been moved from the one first given.
    #[ts(type = "number")]
    pub rescheduled: i64,
}

/// The next inspection as the summary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NextInspectionView {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
    pub estimated: bool,
    pub basis: String,
    /// Days from the as-of date to the date to be ready by (negative once passed).
    #[ts(type = "number")]
    pub days_to: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReportSummary {
    pub report_id: String,
    pub local_authority: Option<String>,
    pub kind: ReportKind,
    pub source_name: String,
    pub inspection_end: Option<NaiveDate>,
    pub received: Option<NaiveDate>,
    /// The statutory deadline for the written action plan (70 working days from receipt).
    pub action_plan_deadline: Option<NaiveDate>,
    pub next_inspection: Option<NextInspectionView>,
    /// The report's judgements, in report order.
    pub judgements: Vec<Judgement>,
    /// Counts of the plan's actions not closed as at the date (a closed plan's carried
    /// forward ones).
    pub counts: Counts,
    /// Current, awaiting a decision (a later inspection is in) or closed, as at the date.
    pub plan_state: super::timeline::PlanState,
    /// The later report that overtakes this one, if one was known by the date.
    pub overtaken_by: Option<String>,
    /// Open actions awaiting a person's decision (carry forward, completed, closed).
    #[ts(type = "number")]
    pub awaiting_decision: i64,
}

/// An earlier plan whose open actions await a decision, as the dashboard says it: "15 open
/// actions from the 2011 plan need a decision".
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DecisionNeeded {
    pub report_id: String,
    pub local_authority: Option<String>,
    /// "the 2011 plan"
    pub plan: String,
    /// The later report it follows.
    pub overtaken_by: String,
    #[ts(type = "number")]
    pub open_actions: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Summary {
    pub as_of: NaiveDate,
    pub overall: Counts,
    /// The soonest next inspection among each authority's latest inspection.
    pub next_inspection: Option<NextInspectionView>,
    pub reports: Vec<ReportSummary>,
    /// Open actions of earlier plans awaiting a person's decision, in all.
    #[ts(type = "number")]
    pub awaiting_decision: i64,
    /// Those plans, oldest first.
    pub decisions_needed: Vec<DecisionNeeded>,
}

impl Summary {
    /// The report a next inspection follows when none is named: the latest inspection (by
    /// its last day, then the date it was received).
    pub fn latest_report(&self) -> Result<&str> {
        self.reports
            .iter()
            .max_by_key(|r| (r.inspection_end, r.received))
            .map(|r| r.report_id.as_str())
            .ok_or_else(|| {
                Error::Invalid("import a report first: the next inspection follows one".into())
            })
    }
}

impl Counts {
    /// Count `n` actions alike in status, RAG and dates.
    fn add(&mut self, n: i64, status: ActionStatus, rag: Rag, overdue: bool, after_next: bool) {
        self.total += n;
        *match status {
            ActionStatus::NotStarted => &mut self.not_started,
            ActionStatus::InProgress => &mut self.in_progress,
            ActionStatus::Completed => &mut self.completed,
            ActionStatus::Blocked => &mut self.blocked,
        } += n;
        *match rag {
            Rag::Red => &mut self.red,
            Rag::Amber => &mut self.amber,
            Rag::Green => &mut self.green,
            Rag::Blue => &mut self.blue,
        } += n;
        if overdue {
            self.overdue += n;
        }
        if after_next {
            self.due_after_next_inspection += n;
        }
    }

    fn merge(&mut self, o: &Counts) {
        self.total += o.total;
        self.not_started += o.not_started;
        self.in_progress += o.in_progress;
        self.completed += o.completed;
        self.blocked += o.blocked;
        self.red += o.red;
        self.amber += o.amber;
        self.green += o.green;
        self.blue += o.blue;
        self.overdue += o.overdue;
        self.due_after_next_inspection += o.due_after_next_inspection;
        self.rescheduled += o.rescheduled;
    }

    fn finish(&mut self) {
        self.percent_complete = if self.total == 0 {
            0.0
        } else {
            (self.completed as f64 * 1000.0 / self.total as f64).round() / 10.0
        };
    }
}

fn view(next: &NextInspection, as_of: NaiveDate) -> NextInspectionView {
    NextInspectionView {
        earliest: next.earliest,
        latest: next.latest,
        estimated: next.estimated,
        basis: next.basis.clone(),
        days_to: next.days_to(as_of),
    }
}

/// Re-scheduled actions per report. The WHERE is the partial index `actions_rescheduled`'s
/// (migration 0009) word for word, so SQLite reads that index and not every action.
const RESCHEDULED_SQL: &str = "SELECT report_id, count(*) FROM actions
     WHERE deleted_at IS NULL AND original_due_date IS NOT NULL
       AND due_date IS NOT original_due_date
     GROUP BY report_id";

/// Counts per report and overall, as at `as_of`, with each report's statutory action-plan
/// deadline and estimated next inspection.
pub fn summary(store: &Store, as_of: NaiveDate) -> Result<Summary> {
    summary_of(store, as_of, None)
}

/// [`summary`] of the reports known by `as_of` (a report inspected later was not known
/// then) and, given `authority`, of that local authority's reports only. Actions closed
/// with their plan by then are not counted ([`super::timeline`]).
pub fn summary_of(store: &Store, as_of: NaiveDate, authority: Option<&str>) -> Result<Summary> {
    let conn = store.conn();
    let rag_settings = settings::load(conn)?.rag;
    let all = list_reports(conn)?;
    let states = timeline::plan_states(&all, as_of);
    let key = authority
        .map(|a| timeline::authority_in(&all, a))
        .transpose()?;
    let reports: Vec<ReportRow> = all
        .into_iter()
        .filter(|r| timeline::known_by(r, as_of))
        .filter(|r| key.as_deref().is_none_or(|k| timeline::of_authority(r, k)))
        .collect();
    let state_of = |id: &str| {
        states
            .get(id)
            .cloned()
            .unwrap_or((PlanState::Current, None))
    };
    // One read of every judgement: the overall grade (for the next inspection) and the
    // cards both come from it.
    let mut judgements = list_all_judgements(conn)?;
    let next: Vec<Option<NextInspection>> = reports
        .iter()
        .map(|r| {
            let grade = judgements
                .get(&r.id)
                .and_then(|js| inspection::overall_grade(js));
            inspection::next_after(
                r.kind,
                r.inspection_end,
                r.base_date,
                grade,
                r.next_inspection,
            )
        })
        .collect();
    let index: HashMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut counts = vec![Counts::default(); reports.len()];
    let mut awaiting = vec![0i64; reports.len()];
    let waits: Vec<bool> = reports
        .iter()
        .map(|r| state_of(&r.id).0 == PlanState::AwaitingDecision)
        .collect();
    // From the tally the triggers keep (migration 0002): one row per group of live actions
    // alike in everything the RAG rule and the counts read, so the rule itself rates each
    // group — a few thousand calls instead of one per action. '' in the tally means none.
    let mut stmt = conn.prepare_cached(
        "SELECT report_id, nullif(due_date, ''), status, progress, nullif(rag, ''), sign_ready, n,
                nullif(closed_on, ''), carried
         FROM action_tally",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let Some(&i) = text(row.get_ref(0)?).and_then(|id| index.get(id)) else {
            continue; // its report is in the bin
        };
        if date(row.get_ref(7)?).is_some_and(|closed| closed <= as_of) {
            continue; // closed with its plan by then
        }
        let due = date(row.get_ref(1)?);
        let status = status_of(row.get_ref(2)?);
        let stub = RagRow {
            due,
            status,
            progress: row.get(3)?,
            rag_override: text(row.get_ref(4)?).and_then(Rag::parse),
        };
        let rag = stub.rag(row.get(5)?, as_of, &rag_settings);
        let n: i64 = row.get(6)?;
        let open = status != ActionStatus::Completed;
        let overdue = days_overdue(due, status, as_of).is_some();
        let after_next = open
            && match (&next[i], due) {
                (Some(n), Some(d)) => d > n.prepare_by(),
                _ => false,
            };
        counts[i].add(n, status, rag, overdue, after_next);
        if waits[i] && open && row.get::<_, i64>(8)? == 0 {
            awaiting[i] += n;
        }
    }
    drop(rows);
    // Re-scheduled actions: few, and not in the tally (which groups by what the RAG rule
    // reads), so counted apart, from their own partial index.
    let mut stmt = conn.prepare_cached(RESCHEDULED_SQL)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        if let Some(&i) = text(row.get_ref(0)?).and_then(|id| index.get(id)) {
            counts[i].rescheduled += row.get::<_, i64>(1)?;
        }
    }
    drop(rows);
    let mut overall = Counts::default();
    let mut out = Vec::with_capacity(reports.len());
    let mut decisions_needed = Vec::new();
    // Named only when some plan waits (naming reads every report's authority).
    let names = awaiting
        .iter()
        .any(|&n| n > 0)
        .then(|| timeline::PlanNames::new(&reports));
    for (((r, mut c), n), waiting) in reports.iter().zip(counts).zip(&next).zip(awaiting) {
        overall.merge(&c);
        c.finish();
        let (plan_state, overtaken_by) = state_of(&r.id);
        if let (Some(later), Some(names), true) = (&overtaken_by, &names, waiting > 0) {
            decisions_needed.push(DecisionNeeded {
                report_id: r.id.clone(),
                local_authority: r.local_authority.clone(),
                plan: names.name(r),
                overtaken_by: later.clone(),
                open_actions: waiting,
            });
        }
        out.push(ReportSummary {
            report_id: r.id.clone(),
            local_authority: r.local_authority.clone(),
            kind: r.kind,
            source_name: r.source_name.clone(),
            inspection_end: r.inspection_end,
            received: r.received,
            action_plan_deadline: r.action_plan_deadline,
            next_inspection: n.as_ref().map(|n| view(n, as_of)),
            judgements: judgements.remove(&r.id).unwrap_or_default(),
            counts: c,
            plan_state,
            overtaken_by,
            awaiting_decision: waiting,
        });
    }
    overall.finish();
    Ok(Summary {
        as_of,
        overall,
        next_inspection: soonest_next(&reports, &next, as_of).map(|n| view(n, as_of)),
        reports: out,
        awaiting_decision: decisions_needed.iter().map(|d| d.open_actions).sum(),
        decisions_needed,
    })
}

/// The soonest next inspection among each authority's most recent full inspection (a visit
/// does not restart the cycle). An estimated window that closed before `as_of` has most
/// likely seen its inspection (its report is just not here), so it is chosen only when
/// nothing is still ahead.
fn soonest_next<'a>(
    reports: &[ReportRow],
    next: &'a [Option<NextInspection>],
    as_of: NaiveDate,
) -> Option<&'a NextInspection> {
    let mut latest: HashMap<String, (Option<NaiveDate>, usize)> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        if matches!(
            r.kind,
            ReportKind::FocusedVisit | ReportKind::MonitoringVisit
        ) {
            continue;
        }
        let when = r.inspection_end.or(r.base_date).or(r.published);
        let key = r.local_authority.clone().unwrap_or_default().to_lowercase();
        let e = latest.entry(key).or_insert((when, i));
        if when > e.0 {
            *e = (when, i);
        }
    }
    let candidates: Vec<&NextInspection> = latest
        .values()
        .filter_map(|(_, i)| next[*i].as_ref())
        .collect();
    let passed = |n: &NextInspection| n.estimated && n.latest < as_of;
    candidates
        .iter()
        .filter(|n| !passed(n))
        .min_by_key(|n| n.prepare_by())
        .or_else(|| candidates.iter().min_by_key(|n| n.prepare_by()))
        .copied()
}

#[cfg(test)]
mod index_tests {
    use super::RESCHEDULED_SQL;
    use crate::store::Store;

    #[test]
    fn rescheduled_actions_are_counted_from_their_index_not_a_scan() {
        let store = Store::open_in_memory().unwrap();
        let plan: Vec<String> = store
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {RESCHEDULED_SQL}"))
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(plan, ["SCAN actions USING INDEX actions_rescheduled"]);
    }
}
