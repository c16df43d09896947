//! When a later inspection arrives: the earlier plan's open actions and a person's
//! decision on each; repeat findings, suggested and decided. Thin over
//! `plan::timeline` and `plan::repeats`.

use inspection_tracker::plan::repeats::{self, RecommendationLinks, RecommendationRepeats};
use inspection_tracker::plan::timeline::{self, ActionChoice, DecisionOutcome, PreviousPlanView};
use inspection_tracker::store::repeat_links::{Decision, RepeatLink};
use inspection_tracker::store::reports::ReportRow;

use super::{as_of, who, Res};
use crate::state::AppState;

/// The authority's earlier plans that `report_id` follows, with their open actions.
#[tauri::command]
pub fn previous_plans(
    state: tauri::State<'_, AppState>,
    report_id: String,
) -> Res<Vec<PreviousPlanView>> {
    Ok(timeline::previous_plans(&*state.store()?, &report_id)?)
}

/// A person's decisions on those actions (carried forward, completed, closed as overtaken).
#[tauri::command]
pub fn decide_previous(
    state: tauri::State<'_, AppState>,
    report_id: String,
    choices: Vec<ActionChoice>,
) -> Res<DecisionOutcome> {
    let mut store = state.store()?;
    let who = who(&store)?;
    Ok(timeline::decide_previous(
        &mut store,
        &report_id,
        &choices,
        as_of(None)?,
        &who,
    )?)
}

/// Close a report's plan, its open actions closed as overtaken for `reason`.
#[tauri::command]
pub fn close_plan(
    state: tauri::State<'_, AppState>,
    report_id: String,
    reason: String,
) -> Res<ReportRow> {
    let mut store = state.store()?;
    let who = who(&store)?;
    Ok(timeline::close_plan(
        &mut store,
        &report_id,
        &reason,
        as_of(None)?,
        &who,
    )?)
}

/// For each recommendation of a report, the earlier ones it may repeat, best first.
#[tauri::command]
pub fn suggest_repeats(
    state: tauri::State<'_, AppState>,
    report_id: String,
) -> Res<Vec<RecommendationRepeats>> {
    Ok(repeats::suggest_repeats(
        &*state.store()?,
        &report_id,
        repeats::DEFAULT_TOP,
    )?)
}

/// A recommendation's confirmed and rejected links and its open suggestions.
#[tauri::command]
pub fn repeat_links(
    state: tauri::State<'_, AppState>,
    recommendation_id: String,
) -> Res<RecommendationLinks> {
    Ok(repeats::links_of(
        &*state.store()?,
        &recommendation_id,
        repeats::DEFAULT_TOP,
    )?)
}

/// Confirm (or reject) that `recommendation_id` repeats the earlier `earlier_id`.
#[tauri::command]
pub fn decide_repeat(
    state: tauri::State<'_, AppState>,
    recommendation_id: String,
    earlier_id: String,
    confirmed: bool,
) -> Res<RepeatLink> {
    let mut store = state.store()?;
    let who = who(&store)?;
    let decision = if confirmed {
        Decision::Confirmed
    } else {
        Decision::Rejected
    };
    Ok(repeats::decide(
        &mut store,
        &recommendation_id,
        &earlier_id,
        decision,
        &who,
    )?)
}
