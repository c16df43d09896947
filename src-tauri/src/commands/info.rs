//! What the first screen shows: the database's path, schema version and counts.

use inspection_tracker::store::StoreInfo;

use super::Res;
use crate::state::AppState;

#[tauri::command]
pub fn store_info(state: tauri::State<'_, AppState>) -> Res<StoreInfo> {
    Ok(state.store()?.info()?)
}
