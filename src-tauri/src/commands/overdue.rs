//! The overdue review's own commands: a review record on an action, each action's latest
//! review, and one change (new owner, new due date) to several actions at once.

use inspection_tracker::plan::actions::{self, Change};
use inspection_tracker::plan::reviews::{self, NewReview, Review};
use inspection_tracker::store::actions::ActionRow;

use super::{as_of, who, Res};
use crate::dto::{BulkChange, ReviewInput};
use crate::state::AppState;

#[tauri::command]
pub fn record_review(
    state: tauri::State<'_, AppState>,
    id: String,
    review: ReviewInput,
) -> Res<Review> {
    let mut store = state.store()?;
    let who = who(&store)?;
    let today = as_of(None)?;
    let new = NewReview {
        reviewed_by: review.reviewed_by,
        reviewed_on: review.reviewed_on.unwrap_or(today),
        outcome: review.outcome,
        next_review: review.next_review,
    };
    Ok(reviews::record_review(&mut store, &id, &new, today, &who)?)
}

#[tauri::command]
pub fn latest_reviews(state: tauri::State<'_, AppState>) -> Res<Vec<Review>> {
    Ok(reviews::latest_reviews(&*state.store()?)?)
}

#[tauri::command]
pub fn update_actions(
    state: tauri::State<'_, AppState>,
    ids: Vec<String>,
    change: BulkChange,
) -> Res<Vec<ActionRow>> {
    let mut store = state.store()?;
    let who = who(&store)?;
    let change = match change {
        BulkChange::Reassign { owner } => Change::Owner(owner),
        BulkChange::Reschedule { date, reason } => Change::DueDate { date, reason },
    };
    Ok(actions::update_many(
        &mut store,
        &ids,
        &[change],
        as_of(None)?,
        &who,
    )?)
}
