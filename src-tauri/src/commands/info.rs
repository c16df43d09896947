//! What the first screen shows: the database's path, schema version and counts.

use inspection_tracker::store::StoreInfo;
use inspection_tracker::ErrorReport;

use crate::state::AppState;

#[tauri::command]
pub fn store_info(state: tauri::State<'_, AppState>) -> Result<StoreInfo, ErrorReport> {
    Ok(state.store()?.info()?)
}
