//! Settings → Team: connect to the team's server, its status (the header's "in step / N
//! changes waiting / offline since 10:42 / read-only as viewer"), sync, disconnect, and the
//! conflict notices shown on an action. The background sync is `crate::team_sync`.

use inspection_tracker::model::Permissions;
use inspection_tracker::store::team as local;
use inspection_tracker::team;

use super::Res;
use crate::dto::{TeamSyncView, TeamView};
use crate::state::AppState;

/// The team connection's status, or `None` for a database used alone.
#[tauri::command]
pub fn team_status(state: tauri::State<'_, AppState>) -> Res<Option<TeamView>> {
    let store = state.store()?;
    view(&store)
}

fn view(store: &inspection_tracker::store::Store) -> Res<Option<TeamView>> {
    let Some(st) = local::get_state(store.conn())? else {
        return Ok(None);
    };
    let s = team::status(store)?;
    Ok(Some(TeamView {
        server: s.server,
        user: s.user,
        role: s.role,
        last_sync: s.last_sync,
        offline_since: st.offline_since,
        pending: s.pending,
        refused: s.refused,
        conflicts: s.conflicts,
    }))
}

/// What the person at this desktop may do (the core's role rule): the screens offer only
/// these, and say why the rest is not offered.
#[tauri::command]
pub fn team_permissions(state: tauri::State<'_, AppState>) -> Res<Permissions> {
    let store = state.store()?;
    Ok(team::permissions(&store)?)
}

/// Connect this database to the team's server with the password typed in Settings (kept
/// for this session, saved in the system's credential store where there is one).
#[tauri::command]
pub fn team_connect<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    url: String,
    password: Option<String>,
) -> Res<Option<TeamView>> {
    let mut store = state.store()?;
    let password = password.filter(|p| !p.is_empty());
    team::connect_with(&mut store, url.trim(), password)?;
    if let Some(db) = store.path() {
        crate::team_sync::start(app, db.to_path_buf());
    }
    view(&store)
}

/// One push and pull now.
#[tauri::command]
pub fn team_sync(state: tauri::State<'_, AppState>) -> Res<TeamSyncView> {
    let mut store = state.store()?;
    let r = team::sync(&mut store)?;
    Ok(TeamSyncView {
        pushed: r.pushed as u32,
        pulled: r.pulled as u32,
        refused: r.refused as u32,
        conflicts: r.conflicts as u32,
    })
}

/// Stop syncing (refused while changes made here have not reached the server).
#[tauri::command]
pub fn team_disconnect(state: tauri::State<'_, AppState>) -> Res<()> {
    let mut store = state.store()?;
    team::disconnect(&mut store, false)?;
    Ok(())
}

/// The conflicts on one action in words ("Your progress 40% (3 Mar) was followed by …").
#[tauri::command]
pub fn action_notices(state: tauri::State<'_, AppState>, id: String) -> Res<Vec<String>> {
    let store = state.store()?;
    Ok(team::notices(&store, &id)?)
}
