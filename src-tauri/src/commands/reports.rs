//! A report's own dates: the next inspection it is followed by, and an area SEND report's
//! priority action plan deadline.

use inspection_tracker::plan::input::parse_date;
use inspection_tracker::plan::summary::Summary;
use inspection_tracker::plan::{area_send, report_dates, summary};

use super::{as_of, who, Res};
use crate::state::AppState;

/// Sets (or clears, back to the estimate) the next inspection's date on a report — by
/// default the most recent inspection, the one the next inspection follows.
#[tauri::command]
pub fn set_next_inspection(
    state: tauri::State<'_, AppState>,
    date: Option<String>,
    report_id: Option<String>,
) -> Res<Summary> {
    let mut store = state.store()?;
    let today = as_of(None)?;
    let date = date
        .filter(|d| !d.trim().is_empty())
        .map(|d| parse_date(&d))
        .transpose()?;
    let report_id = match report_id {
        Some(id) => id,
        None => summary::summary(&store, today)?
            .latest_report()?
            .to_string(),
    };
    let who = who(&store)?;
    report_dates::set_next_inspection(&mut store, &report_id, date, &who)?;
    Ok(summary::summary(&store, today)?)
}

/// Sets (or with no date clears) the deadline of the priority action plan an area SEND
/// report requires; the core refuses it for a report that requires none.
#[tauri::command]
pub fn set_plan_deadline(
    state: tauri::State<'_, AppState>,
    report_id: String,
    date: Option<String>,
) -> Res<Summary> {
    let mut store = state.store()?;
    let date = date
        .filter(|d| !d.trim().is_empty())
        .map(|d| parse_date(&d))
        .transpose()?;
    let who = who(&store)?;
    area_send::set_priority_plan_deadline(&mut store, &report_id, date, &who)?;
    Ok(summary::summary(&store, as_of(None)?)?)
}
