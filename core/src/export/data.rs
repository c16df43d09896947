//! What every export shows, gathered once.
//!
//! Rows, RAG ratings and overdue days come from [`crate::plan::query::list_actions`] and the
//! next inspection from [`crate::plan::summary::summary`], with the caller's filter and as-of
//! date, so an export always matches the list views. The few things the query layer does
//! not give — the latest note written on or before the as-of date, measures of success,
//! completion dates — are read here with one read-only query; the burn-up series is
//! counted from those rows.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::labels;
use crate::model::{ActionStatus, Rag, RagSettings};
pub use crate::plan::burn_up::BurnUp;
use crate::plan::query::{list_actions, ActionListItem, Filter};
use crate::plan::summary::{summary_of, Counts, NextInspectionView, ReportSummary, Summary};
use crate::plan::timeline::PlanState;
use crate::store::recommendations::{list_recommendations, RecommendationRow};
use crate::store::{dates, Store};
use crate::Result;

/// A progress note, as the paper quotes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub written_on: NaiveDate,
    pub author: String,
    pub text: String,
}

/// The fields of an action the list view leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionExtra {
    pub measure_of_success: Option<String>,
    pub partner_agency: Option<String>,
    pub completed_on: Option<NaiveDate>,
    /// When the action last changed (UTC timestamp), for the calendar's LAST-MODIFIED.
    pub updated_at: String,
    /// How many changes the action has had: grows with every edit (history is
    /// append-only), so calendars can tell a newer copy of the event.
    pub revision: i64,
    /// The latest note written on or before the as-of date.
    pub latest_note: Option<Note>,
    /// The recommendation's place in its report, and its paragraph number if numbered.
    pub position: i64,
    pub paragraph: Option<u32>,
    /// What is being done about the risk, and the next step, as the owner records them.
    pub mitigation: Option<String>,
    pub next_step: Option<String>,
    /// The evidence kept, oldest first.
    pub evidence: Vec<Evidence>,
}

/// A piece of evidence as the papers list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The file's name or the link.
    pub name: String,
    /// One line on what it shows, when someone has said.
    pub summary: Option<String>,
}

/// A due date moved between the previous paper and this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// The day the change was recorded.
    pub on: NaiveDate,
    /// The due date it had before (the first move's, when moved more than once).
    pub from: Option<NaiveDate>,
    /// It was already overdue when it was moved: slippage, not planning.
    pub was_overdue: bool,
}

/// The previous paper, for the change since it.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    pub date: NaiveDate,
    /// Counts over the same filter, from the plan as recorded by the end of that day.
    pub counts: Counts,
}

/// Why an action is one of the paper's exceptions (it may be several).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptionReason {
    Red,
    Overdue,
    Blocked,
    Rescheduled,
}

/// One action in an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportAction {
    pub item: ActionListItem,
    pub extra: ActionExtra,
}

/// Counts for one report's section, for the paper's RAG summary table.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionCounts {
    pub report_id: String,
    pub section: String,
    pub counts: Counts,
}

/// A recommendation with its actions, for the statement of action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementItem {
    pub recommendation: RecommendationRow,
    /// Indexes into [`ExportData::actions`].
    pub actions: Vec<usize>,
}

/// Everything an export needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportData {
    pub as_of: NaiveDate,
    /// Read from the plan as recorded by the end of `as_of` (rebuilt from the history), not
    /// today's plan rated as at that date; the documents say which.
    pub from_history: bool,
    pub filter: Filter,
    /// The summary (reports, next inspection) as at `as_of`, of the filter's authority
    /// when it names one, else unfiltered.
    pub summary: Summary,
    /// The filtered actions in list order (soonest due first).
    pub actions: Vec<ExportAction>,
    /// Counts over [`actions`](Self::actions), computed as `summary` computes them, so with
    /// no filter they equal `summary.overall`.
    pub counts: Counts,
    /// The recommendations in scope with their actions, for the statement of action.
    pub statement: Vec<StatementItem>,
    /// Confirmed repeat findings among the paper's recommendations.
    pub repeat_findings: Vec<super::repeat_findings::RepeatFinding>,
    /// The RAG rule in force (the paper prints its key).
    pub rag_settings: RagSettings,
    /// The person the paper is prepared by (the name the history records).
    pub prepared_by: String,
    /// The board paper's previous paper, when there is one.
    pub previous: Option<Previous>,
    /// Due dates moved since the previous paper (by action id).
    pub moved: HashMap<String, Moved>,
    /// "The board is asked to …" as the person wrote it (the paper has a default).
    pub board_asked: Option<String>,
}

impl ExportData {
    pub fn load(store: &Store, filter: &Filter, as_of: NaiveDate) -> Result<ExportData> {
        let summary = summary_of(store, as_of, filter.authority.as_deref())?;
        let items = list_actions(store, filter, as_of)?;
        let mut extras = load_extras(store, as_of)?;
        let actions: Vec<ExportAction> = items
            .into_iter()
            .map(|item| {
                let extra = extras.remove(&item.id).unwrap_or_default();
                ExportAction { item, extra }
            })
            .collect();
        let counts = count(actions.iter(), &summary.reports);
        let statement = statement_items(store, filter, &summary.reports, &actions)?;
        let in_paper: Vec<&str> = statement
            .iter()
            .map(|s| s.recommendation.id.as_str())
            .collect();
        let repeat_findings = super::repeat_findings::load(store, &in_paper, as_of)?;
        let settings = crate::plan::settings::load(store.conn())?;
        Ok(ExportData {
            as_of,
            from_history: false,
            filter: filter.clone(),
            summary,
            actions,
            counts,
            statement,
            repeat_findings,
            rag_settings: settings.rag,
            prepared_by: settings.user_name,
            previous: None,
            moved: HashMap::new(),
            board_asked: None,
        })
    }

    /// Why an action is an exception, if it is: red, overdue, blocked, or its due date
    /// moved since the previous paper (so slippage stays in view for one paper after the
    /// change, whatever its rating now).
    pub fn exception_reasons(&self, a: &ExportAction) -> Vec<ExceptionReason> {
        let i = &a.item;
        let mut out = Vec::new();
        if i.rag == Rag::Red {
            out.push(ExceptionReason::Red);
        }
        if i.days_overdue.is_some() {
            out.push(ExceptionReason::Overdue);
        }
        if i.status == ActionStatus::Blocked {
            out.push(ExceptionReason::Blocked);
        }
        if i.status != ActionStatus::Completed && self.moved.contains_key(&i.id) {
            out.push(ExceptionReason::Rescheduled);
        }
        out
    }

    /// "1 February 2012", with "(as recorded on that date)" for a plan rebuilt from the
    /// history.
    pub fn position_date(&self) -> String {
        let day = labels::long_date(self.as_of);
        if self.from_history {
            format!("{day} (as recorded on that date)")
        } else {
            day
        }
    }

    /// The report an action belongs to.
    pub fn report(&self, report_id: &str) -> Option<&ReportSummary> {
        self.summary
            .reports
            .iter()
            .find(|r| r.report_id == report_id)
    }

    /// The reports with at least one exported action or recommendation, in report order.
    pub fn reports_in_export(&self) -> Vec<&ReportSummary> {
        self.summary
            .reports
            .iter()
            .filter(|r| {
                self.actions.iter().any(|a| a.item.report_id == r.report_id)
                    || self
                        .statement
                        .iter()
                        .any(|s| s.recommendation.report_id == r.report_id)
            })
            .collect()
    }

    /// The next inspection the paper measures against: the filtered report's own when the
    /// export is of one report, else the soonest.
    pub fn next_inspection(&self) -> Option<&NextInspectionView> {
        match &self.filter.report_id {
            Some(id) => self.report(id.trim())?.next_inspection.as_ref(),
            None => self.summary.next_inspection.as_ref(),
        }
    }

    /// The local authorities the export covers, in report order, without repeats.
    pub fn authorities(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in self.reports_in_export() {
            if let Some(la) = &r.local_authority {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(la)) {
                    out.push(la.clone());
                }
            }
        }
        out
    }

    /// Counts per report and section, in report order then the order sections first
    /// appear in the report.
    pub fn section_counts(&self) -> Vec<SectionCounts> {
        let mut out = Vec::new();
        for report in self.reports_in_export() {
            let mut in_report: Vec<&ExportAction> = self
                .actions
                .iter()
                .filter(|a| a.item.report_id == report.report_id)
                .collect();
            in_report.sort_by_key(|a| a.extra.position);
            let mut sections: Vec<&str> = Vec::new();
            for a in &in_report {
                if !sections.contains(&a.item.section.as_str()) {
                    sections.push(&a.item.section);
                }
            }
            for section in sections {
                let counts = count(
                    in_report
                        .iter()
                        .copied()
                        .filter(|a| a.item.section == section),
                    &self.summary.reports,
                );
                out.push(SectionCounts {
                    report_id: report.report_id.clone(),
                    section: section.to_string(),
                    counts,
                });
            }
        }
        out
    }

    /// The exceptions a board asks about: red, overdue, blocked and re-scheduled actions,
    /// most overdue first, then re-scheduled ones, in list order.
    pub fn exceptions(&self) -> Vec<&ExportAction> {
        let mut out: Vec<&ExportAction> = self
            .actions
            .iter()
            .filter(|a| !self.exception_reasons(a).is_empty())
            .collect();
        // Slippage first: actions re-scheduled since the previous paper (the board has not
        // seen the new date), then most overdue first. Stable: ties keep list order.
        out.sort_by_key(|a| {
            (
                !self.moved.contains_key(&a.item.id),
                std::cmp::Reverse(a.item.days_overdue.unwrap_or(0)),
            )
        });
        out
    }

    /// The burn-up series over the exported actions.
    pub fn burn_up(&self) -> BurnUp {
        BurnUp::count(
            self.actions
                .iter()
                .map(|a| (a.item.due_date, a.item.status, a.extra.completed_on)),
            self.as_of,
        )
    }
}

/// Recommendations (filtered by report and section as the list is) with their exported
/// actions, in report order. A filter on the actions themselves (owner, status, RAG,
/// overdue, search) leaves out recommendations with no matching action.
fn statement_items(
    store: &Store,
    f: &Filter,
    reports: &[ReportSummary],
    actions: &[ExportAction],
) -> Result<Vec<StatementItem>> {
    let action_filter = f.overdue
        || f.due_within_days.is_some()
        || f.owner.is_some()
        || f.status.is_some()
        || f.rag.is_some()
        || f.search.is_some()
        || f.lead_partner.is_some()
        || f.raised_before.is_some();
    let mut by_recommendation: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in actions.iter().enumerate() {
        by_recommendation
            .entry(a.item.recommendation_id.as_str())
            .or_default()
            .push(i);
    }
    let section = f.section.as_deref().map(|s| s.trim().to_lowercase());
    let mut out = Vec::new();
    for report in reports {
        if f.report_id
            .as_deref()
            .is_some_and(|id| id.trim() != report.report_id)
        {
            continue;
        }
        for rec in list_recommendations(store.conn(), &report.report_id)? {
            if section
                .as_deref()
                .is_some_and(|s| !rec.section.to_lowercase().contains(s))
            {
                continue;
            }
            let actions = by_recommendation
                .get(rec.id.as_str())
                .cloned()
                .unwrap_or_default();
            // A closed plan's recommendations are shown only with actions still listed
            // (carried forward, or closed ones asked for).
            let closed = report.plan_state == PlanState::Closed && !f.include_closed;
            if (action_filter || closed) && actions.is_empty() {
                continue;
            }
            out.push(StatementItem {
                recommendation: rec,
                actions,
            });
        }
    }
    Ok(out)
}

/// Counts as [`crate::plan::summary::summary`] makes them (same fields, same rounding).
pub(crate) fn count<'a>(
    actions: impl Iterator<Item = &'a ExportAction>,
    reports: &[ReportSummary],
) -> Counts {
    let prepare_by: HashMap<&str, NaiveDate> = reports
        .iter()
        .filter_map(|r| {
            // The view's earliest day is the day to be ready by (the known date, or the
            // start of the estimated window).
            let n = r.next_inspection.as_ref()?;
            Some((r.report_id.as_str(), n.earliest))
        })
        .collect();
    let mut c = Counts::default();
    for a in actions {
        let i = &a.item;
        c.total += 1;
        match i.status {
            ActionStatus::NotStarted => c.not_started += 1,
            ActionStatus::InProgress => c.in_progress += 1,
            ActionStatus::Completed => c.completed += 1,
            ActionStatus::Blocked => c.blocked += 1,
        }
        match i.rag {
            Rag::Red => c.red += 1,
            Rag::Amber => c.amber += 1,
            Rag::Green => c.green += 1,
            Rag::Blue => c.blue += 1,
        }
        c.overdue += i64::from(i.days_overdue.is_some());
        c.rescheduled += i64::from(i.rescheduled());
        let after_next = i.status != ActionStatus::Completed
            && matches!((prepare_by.get(i.report_id.as_str()), i.due_date),
                        (Some(p), Some(d)) if d > *p);
        c.due_after_next_inspection += i64::from(after_next);
    }
    c.percent_complete = if c.total == 0 {
        0.0
    } else {
        (c.completed as f64 * 1000.0 / c.total as f64).round() / 10.0
    };
    c
}

/// The fields the list leaves out, for every live action, with each action's latest note
/// written on or before `as_of` — one query.
fn load_extras(store: &Store, as_of: NaiveDate) -> Result<HashMap<String, ActionExtra>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT a.id, a.measure_of_success, a.partner_agency, a.completed_on, a.updated_at,
                (SELECT count(*) FROM history h WHERE h.entity_id = a.id),
                r.position, r.paragraph, n.written_on, n.author, n.note, a.mitigation,
                a.next_step
         FROM actions a
         JOIN recommendations r ON r.id = a.recommendation_id
         LEFT JOIN action_updates n ON n.id = (
             SELECT u.id FROM action_updates u
              WHERE u.action_id = a.id AND u.written_on <= :as_of
              ORDER BY u.written_on DESC, u.created_at DESC LIMIT 1)
         WHERE a.deleted_at IS NULL",
    )?;
    let mut rows = stmt.query(&[(":as_of", &dates::to_sql(as_of))])?;
    let mut out = HashMap::new();
    while let Some(row) = rows.next()? {
        let latest_note = match dates::get_opt(row, 8)? {
            Some(written_on) => Some(Note {
                written_on,
                author: row.get(9)?,
                text: row.get(10)?,
            }),
            None => None,
        };
        out.insert(
            row.get::<_, String>(0)?,
            ActionExtra {
                measure_of_success: row.get(1)?,
                partner_agency: row.get(2)?,
                completed_on: dates::get_opt(row, 3)?,
                updated_at: row.get(4)?,
                revision: row.get(5)?,
                latest_note,
                position: row.get(6)?,
                paragraph: row.get(7)?,
                mitigation: row.get(11)?,
                next_step: row.get(12)?,
                evidence: Vec::new(),
            },
        );
    }
    drop(rows);
    // The evidence kept, one query for all actions. As with sign-off (blue), the plan's
    // own: a paper from the history reads a copy that evidence added later is gone from.
    let mut stmt = store.conn().prepare_cached(
        "SELECT action_id, coalesce(original_name, link, ''), summary FROM evidence
         WHERE deleted_at IS NULL ORDER BY added_at, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        if let Some(extra) = out.get_mut(&id) {
            extra.evidence.push(Evidence {
                name: row.get(1)?,
                summary: row.get(2)?,
            });
        }
    }
    Ok(out)
}

/// Due dates moved after the end of `since` (from the start when `None`) up to the end of
/// `until` (to now when `None`: a paper of today's plan shows today's dates, however
/// recently moved), by action: the first move's old date, the last move's day. Read from
/// the history, so a date moved twice still shows where it started.
pub(crate) fn moved_between(
    store: &Store,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Result<HashMap<String, Moved>> {
    let after = since
        .and_then(|d| d.succ_opt())
        .map(dates::to_sql)
        .unwrap_or_default();
    // '~' sorts after every timestamp.
    let before = until
        .and_then(|d| d.succ_opt())
        .map(dates::to_sql)
        .unwrap_or_else(|| "~".into());
    let mut stmt = store.conn().prepare_cached(
        "SELECT entity_id, old_value, at FROM history
         WHERE entity = 'action' AND field = 'due_date' AND at >= :after AND at < :before
         ORDER BY seq",
    )?;
    let mut rows = stmt.query(&[(":after", &after), (":before", &before)])?;
    let mut out: HashMap<String, Moved> = HashMap::new();
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let from = row
            .get::<_, Option<String>>(1)?
            .as_deref()
            .and_then(dates::parse);
        let at: String = row.get(2)?;
        let Some(on) = at.get(..10).and_then(dates::parse) else {
            continue;
        };
        let was_overdue = from.is_some_and(|d| d < on);
        out.entry(id)
            .and_modify(|m| {
                m.on = on;
                m.was_overdue |= was_overdue;
            })
            .or_insert(Moved {
                on,
                from,
                was_overdue,
            });
    }
    Ok(out)
}
