//! Evidence for an action: a file copied into the data folder, or a link.

use std::path::Path;

use inspection_tracker::plan::actions::{show_action, ActionDetail};
use inspection_tracker::plan::evidence::{add_file, add_link, evidence_path, set_summary};
use inspection_tracker::store::evidence::get_evidence;
use inspection_tracker::Error;

use super::{as_of, who, Res};
use crate::state::AppState;

#[tauri::command]
pub fn add_evidence_file(
    state: tauri::State<'_, AppState>,
    id: String,
    path: String,
) -> Res<ActionDetail> {
    let mut store = state.store()?;
    let who = who(&store)?;
    add_file(&mut store, &id, Path::new(&path), &who)?;
    Ok(show_action(&store, &id, as_of(None)?)?)
}

#[tauri::command]
pub fn add_evidence_link(
    state: tauri::State<'_, AppState>,
    id: String,
    link: String,
) -> Res<ActionDetail> {
    let mut store = state.store()?;
    let who = who(&store)?;
    add_link(&mut store, &id, &link, &who)?;
    Ok(show_action(&store, &id, as_of(None)?)?)
}

/// Says in one line what a piece of evidence shows (the statement's evidence of impact);
/// an empty text clears it.
#[tauri::command]
pub fn set_evidence_summary(
    state: tauri::State<'_, AppState>,
    evidence_id: String,
    summary: String,
) -> Res<ActionDetail> {
    let mut store = state.store()?;
    let who = who(&store)?;
    let row = set_summary(&mut store, &evidence_id, &summary, &who)?;
    Ok(show_action(&store, &row.action_id, as_of(None)?)?)
}

/// Opens a stored file with the system's default app, or a link in the browser. Done
/// here, not by the page, so the window needs no permission to open arbitrary paths.
#[tauri::command]
pub fn open_evidence<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    evidence_id: String,
) -> Res<()> {
    use tauri_plugin_opener::OpenerExt;
    let store = state.store()?;
    let row = get_evidence(store.conn(), &evidence_id)?;
    let opened = match (&row.sha256, &row.link) {
        (Some(sha), _) => {
            let path = evidence_path(&store, sha)?;
            app.opener()
                .open_path(path.display().to_string(), None::<&str>)
        }
        (None, Some(link)) => app.opener().open_url(link, None::<&str>),
        (None, None) => {
            return Err(Error::Invalid("this evidence has nothing to open".into()).into())
        }
    };
    opened.map_err(|e| Error::Invalid(format!("could not open the evidence: {e}")).into())
}
