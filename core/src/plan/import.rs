//! Report → plan: store a report with its recommendations and give each recommendation a
//! draft action (its full text, to be rewritten as what will be done) with a due date, all in one transaction.
//!
//! Import is idempotent by content: a file whose SHA-256 is already stored adds nothing, so
//! re-importing a folder never duplicates actions or loses the progress recorded on them.
//! Due dates come only from [`crate::schedule`]; a report with no date at all (the JAR) is
//! refused until the user gives one, because guessing would put every date in the plan
//! wrong.

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::{history, inspection, settings};
use crate::model::{DueDateSource, OpenEndedRule, Report, ReportKind};
use crate::schedule::{action_plan_deadline, base_date, due_date};
use crate::store::actions::ActionRow;
use crate::store::recommendations::{insert_recommendations, NewRecommendation};
use crate::store::reports::{get_report_id_by_sha256, insert_report, NewReport};
use crate::store::{new_id, now_utc, Store};
use crate::{Error, Result};

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The inspection's last day, for a report that states none (the JAR). A report that
    /// states its own last day keeps it: one flag can then serve a whole folder.
    pub inspection_date: Option<NaiveDate>,
    /// Who is importing (for the history).
    pub who: String,
    /// What happens to the authority's earlier plans that this report overtakes
    /// ([`super::timeline`]); by default nothing is closed and they await a decision.
    pub previous: super::timeline::PreviousPlan,
}

/// What one import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    pub report_id: String,
    /// The same file (by SHA-256) was already imported; nothing was added.
    pub duplicate: bool,
    pub source_name: String,
    pub kind: ReportKind,
    pub local_authority: Option<String>,
    /// The date the report's timeframes count from (`None` for a duplicate or a report
    /// with no recommendations and no date).
    pub base_date: Option<NaiveDate>,
    /// The statutory deadline for the written action plan, when the receipt date is known.
    pub action_plan_deadline: Option<NaiveDate>,
    /// Recommendations and actions added by this import (0 for a duplicate).
    pub recommendations: usize,
    pub actions: usize,
}

/// Lower-case hex SHA-256 of a file's bytes: the identity of an imported report.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A draft action's title: the recommendation's text in full (never cut), on one line,
/// without trailing list punctuation, first letter capitalised. The action stays a draft
/// until someone says what will be done.
pub fn action_title(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.trim_end_matches([';', ',', '.', ':', ' ']);
    let mut chars = t.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The report already imported from a file with this SHA-256, if any.
pub fn imported_report_id(store: &Store, sha256: &str) -> Result<Option<String>> {
    get_report_id_by_sha256(store.conn(), sha256)
}

/// The user's inspection date, where it applies: only to a report that states no last
/// day of inspection.
fn user_date(report: &Report, opts: &ImportOptions) -> Option<NaiveDate> {
    opts.inspection_date
        .filter(|_| report.inspection_end.is_none())
}

/// Refuse a report whose due dates cannot be worked out: recommendations, but no date
/// stated and none given. Never a guessed date.
pub fn check_dates(source_name: &str, report: &Report, opts: &ImportOptions) -> Result<()> {
    let dated = report.inspection_end.is_some() || report.published.is_some();
    if !dated && user_date(report, opts).is_none() && !report.recommendations.is_empty() {
        return Err(Error::NeedsInspectionDate {
            name: source_name.to_string(),
        });
    }
    Ok(())
}

/// Refuse a report that names no local authority: a plan nobody's council owns cannot be
/// filtered, reported on or matched with the council's earlier reports.
pub fn check_authority(source_name: &str, report: &Report) -> Result<()> {
    if report
        .local_authority
        .as_deref()
        .is_none_or(|la| la.trim().is_empty())
    {
        return Err(Error::Invalid(format!(
            "{source_name} names no local authority, so no plan was created; give the \
             council's name (on the command line: --local-authority NAME)"
        )));
    }
    Ok(())
}

/// Store `report` (read from `source_name`, whose bytes hash to `sha256`) with its
/// recommendations and one action per recommendation, in one transaction: on any error
/// nothing is written. A file already imported (same SHA-256) adds nothing and keeps every
/// change made to its actions since.
pub fn import_report(
    store: &mut Store,
    source_name: &str,
    sha256: &str,
    format: &str,
    text: &str,
    report: &Report,
    opts: &ImportOptions,
) -> Result<ImportOutcome> {
    let tx = store.write()?;
    if let Some(report_id) = get_report_id_by_sha256(&tx, sha256)? {
        return Ok(ImportOutcome {
            report_id,
            duplicate: true,
            source_name: source_name.to_string(),
            kind: report.kind,
            local_authority: report.local_authority.clone(),
            base_date: None,
            action_plan_deadline: None,
            recommendations: 0,
            actions: 0,
        });
    }
    check_dates(source_name, report, opts)?;
    check_authority(source_name, report)?;
    let user_date = user_date(report, opts);
    let settings = settings::load(&tx)?;
    let base = base_date(
        settings.base_date_rule,
        report.inspection_end,
        report.published,
        user_date,
    );
    let next = match settings.open_ended {
        OpenEndedRule::ByNextInspection => inspection::next_after(
            report.kind,
            report.inspection_end,
            user_date,
            inspection::overall_grade(&report.judgements),
            None,
        )
        .map(|n| n.prepare_by()),
        OpenEndedRule::MonthsAfterBase(_) => None,
    };
    // The council receives the report when it is published (the letter date for letters);
    // the user can correct it later.
    let received = report.published;
    // The 70-working-day rule is children's services'; an area SEND report's priority
    // action plan deadline is entered by the user (see `super::area_send`).
    let deadline = received
        .filter(|_| report.kind != ReportKind::AreaSend)
        .map(action_plan_deadline);
    let now = now_utc();
    let report_id = new_id();
    insert_report(
        &tx,
        &NewReport {
            id: &report_id,
            report,
            received,
            action_plan_deadline: deadline,
            base_date: user_date,
            source_name,
            source_sha256: sha256,
            source_format: format,
            source_text: text,
            imported_at: &now,
        },
    )?;
    history::record(
        &tx,
        "report",
        &report_id,
        "imported",
        None,
        Some(source_name),
        &opts.who,
    )?;
    // All the recommendations in one statement, then all the actions in one (see
    // `store::insert_rows` for why not row by row).
    let rec_ids: Vec<String> = report.recommendations.iter().map(|_| new_id()).collect();
    let mut recs = Vec::with_capacity(rec_ids.len());
    let mut actions = Vec::with_capacity(rec_ids.len());
    for (position, (rec, rec_id)) in report.recommendations.iter().zip(&rec_ids).enumerate() {
        let period = rec.period;
        recs.push(NewRecommendation {
            id: rec_id,
            report_id: &report_id,
            position,
            rec,
        });
        let due = base.map(|b| due_date(b, period, settings.open_ended, next));
        actions.push(ActionRow {
            draft: true,
            ..ActionRow::new_open(
                rec_id.clone(),
                report_id.clone(),
                action_title(&rec.text),
                due.map(|d| d.date),
                due.map_or(DueDateSource::Waiting, |d| d.source),
                now.clone(),
            )
        });
    }
    insert_recommendations(&tx, &recs)?;
    super::actions::insert_new(&tx, &actions, &opts.who)?;
    super::area_send::store_imported(&tx, &report_id, &rec_ids, report)?;
    super::timeline::on_import(
        &tx,
        &report_id,
        opts.previous,
        crate::schedule::today(),
        &opts.who,
    )?;
    tx.commit()?;
    let n = report.recommendations.len();
    Ok(ImportOutcome {
        report_id,
        duplicate: false,
        source_name: source_name.to_string(),
        kind: report.kind,
        local_authority: report.local_authority.clone(),
        base_date: base,
        action_plan_deadline: deadline,
        recommendations: n,
        actions: n,
    })
}
