//! The action plan: summary, lists, one action's detail and every edit to it. Each
//! command converts its arguments and calls one core function.

use inspection_tracker::plan::actions::{self, ActionDetail, Change, NewAction};
use inspection_tracker::plan::query::{self, ActionListItem, Filter};
use inspection_tracker::plan::summary::Summary;
use inspection_tracker::plan::{burn_up, history, settings, summary};
use inspection_tracker::store::actions::ActionRow;
use inspection_tracker::store::history::HistoryRow;

use super::{as_of, who, Res};
use crate::dto::{burn_up_points, ActionChange, ActionFilter, BurnUpPoint, NewActionInput};
use crate::state::AppState;

#[tauri::command]
pub fn get_summary(state: tauri::State<'_, AppState>, as_of: Option<String>) -> Res<Summary> {
    let store = state.store()?;
    Ok(summary::summary(&store, self::as_of(as_of)?)?)
}

#[tauri::command]
pub fn list_actions(
    state: tauri::State<'_, AppState>,
    filter: ActionFilter,
    as_of: Option<String>,
) -> Res<Vec<ActionListItem>> {
    let store = state.store()?;
    Ok(query::list_actions(
        &store,
        &filter.into(),
        self::as_of(as_of)?,
    )?)
}

#[tauri::command]
pub fn show_action(
    state: tauri::State<'_, AppState>,
    id: String,
    as_of: Option<String>,
) -> Res<ActionDetail> {
    let store = state.store()?;
    Ok(actions::show_action(&store, &id, self::as_of(as_of)?)?)
}

#[tauri::command]
pub fn update_action(
    state: tauri::State<'_, AppState>,
    id: String,
    change: ActionChange,
) -> Res<ActionDetail> {
    let mut store = state.store()?;
    let today = self::as_of(None)?;
    let who = who(&store)?;
    actions::update_action(&mut store, &id, &[change.into()], today, &who)?;
    Ok(actions::show_action(&store, &id, today)?)
}

/// The action page's "Save changes": every changed field at once, in one transaction (all
/// saved, or none).
#[tauri::command]
pub fn save_action(
    state: tauri::State<'_, AppState>,
    id: String,
    changes: Vec<ActionChange>,
) -> Res<ActionDetail> {
    let mut store = state.store()?;
    let today = self::as_of(None)?;
    let who = who(&store)?;
    let changes: Vec<Change> = changes.into_iter().map(Change::from).collect();
    actions::update_action(&mut store, &id, &changes, today, &who)?;
    Ok(actions::show_action(&store, &id, today)?)
}

#[tauri::command]
pub fn add_action(
    state: tauri::State<'_, AppState>,
    recommendation_id: String,
    action: NewActionInput,
) -> Res<ActionDetail> {
    let mut store = state.store()?;
    let who = who(&store)?;
    let new = NewAction {
        title: action.title,
        owner: action.owner,
        partner_agency: action.partner_agency,
        due: action.due_date,
        measure_of_success: action.measure_of_success,
    };
    let row = actions::add_action(&mut store, &recommendation_id, &new, &who)?;
    Ok(actions::show_action(&store, &row.id, self::as_of(None)?)?)
}

#[tauri::command]
pub fn add_update(
    state: tauri::State<'_, AppState>,
    id: String,
    note: String,
    written_on: Option<String>,
) -> Res<ActionDetail> {
    let mut store = state.store()?;
    let who = who(&store)?;
    let today = self::as_of(None)?;
    let on = self::as_of(written_on)?;
    actions::add_note(&mut store, &id, on, &note, &who)?;
    Ok(actions::show_action(&store, &id, today)?)
}

#[tauri::command]
pub fn delete_action(state: tauri::State<'_, AppState>, id: String) -> Res<()> {
    let mut store = state.store()?;
    let who = who(&store)?;
    actions::delete_action(&mut store, &id, &who)?;
    Ok(())
}

#[tauri::command]
pub fn restore_action(state: tauri::State<'_, AppState>, id: String) -> Res<()> {
    let mut store = state.store()?;
    let who = who(&store)?;
    actions::restore_action(&mut store, &id, &who)?;
    Ok(())
}

#[tauri::command]
pub fn list_bin(state: tauri::State<'_, AppState>) -> Res<Vec<ActionRow>> {
    Ok(actions::list_bin(&*state.store()?)?)
}

#[tauri::command]
pub fn action_history(state: tauri::State<'_, AppState>, id: String) -> Res<Vec<HistoryRow>> {
    Ok(history::history(&*state.store()?, &id)?)
}

impl From<ActionFilter> for Filter {
    fn from(f: ActionFilter) -> Filter {
        Filter {
            overdue: f.overdue.unwrap_or(false),
            due_within_days: f.due_within_days,
            owner: f.owner.filter(|s| !s.trim().is_empty()),
            report_id: f.report_id.filter(|s| !s.is_empty()),
            section: f.section.filter(|s| !s.trim().is_empty()),
            status: f.status,
            rag: f.rag,
            search: f.search.filter(|s| !s.trim().is_empty()),
            lead_partner: f.lead_partner.filter(|s| !s.trim().is_empty()),
            open: f.open.unwrap_or(false),
            no_owner: f.no_owner.unwrap_or(false),
            due_from: f.due_from,
            due_to: f.due_to,
            overdue_band: f.overdue_band,
            current_only: f.current_only.unwrap_or(false),
            authority: f.authority.filter(|s| !s.trim().is_empty()),
            include_closed: f.include_closed.unwrap_or(false),
            raised_before: f.raised_before,
        }
    }
}

impl From<ActionChange> for Change {
    fn from(c: ActionChange) -> Change {
        match c {
            ActionChange::Status { status } => Change::Status(status),
            ActionChange::Progress { progress } => Change::Progress(progress),
            ActionChange::Owner { owner } => Change::Owner(owner),
            ActionChange::PartnerAgency { partner_agency } => Change::PartnerAgency(partner_agency),
            ActionChange::Title { title } => Change::Title(title),
            ActionChange::MeasureOfSuccess { measure_of_success } => {
                Change::MeasureOfSuccess(measure_of_success)
            }
            ActionChange::Mitigation { mitigation } => Change::Mitigation(mitigation),
            ActionChange::NextStep { next_step } => Change::NextStep(next_step),
            ActionChange::DueDate { date, reason } => Change::DueDate { date, reason },
            ActionChange::RagOverride { rag, reason } => Change::RagOverride { rag, reason },
            ActionChange::SignOff => Change::SignOff,
        }
    }
}

/// Used by settings-independent commands too: the name recorded in the history.
pub(crate) fn user_name(store: &inspection_tracker::store::Store) -> Res<String> {
    Ok(settings::load(store.conn())?.user_name)
}

/// The dashboard's burn-up chart over every action in the plan.
#[tauri::command]
pub fn burn_up(state: tauri::State<'_, AppState>, as_of: Option<String>) -> Res<Vec<BurnUpPoint>> {
    let store = state.store()?;
    Ok(burn_up_points(&burn_up::burn_up(
        &store,
        self::as_of(as_of)?,
    )?))
}
