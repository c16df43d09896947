//! Export of the plan (board paper, statement of action, workbook, CSV, calendar).

use std::path::Path;

use inspection_tracker::export::{
    export_to_file, preview, ExportFormat, ExportOutcome, ExportPreview, ExportRequest,
    PaperOptions,
};

use super::{as_of as as_of_or_today, Res};
use crate::dto::ActionFilter;
use crate::state::AppState;

/// Writes the export to `path` as at `as_of` (default today) over the actions `filter`
/// picks. `force` replaces an existing file: the window passes it only for a path the
/// system's save dialog returned, which has already asked the person about replacing.
/// `from_history` shows the plan as recorded by the end of `as_of`, rebuilt from the
/// history, rather than today's statuses rated as at that date.
#[tauri::command]
#[allow(
    clippy::too_many_arguments,
    reason = "each is a named IPC argument the window sends; a struct would change the call"
)]
pub fn export_plan(
    state: tauri::State<'_, AppState>,
    format: ExportFormat,
    path: String,
    filter: ActionFilter,
    as_of: Option<String>,
    force: bool,
    from_history: Option<bool>,
    paper: Option<PaperOptions>,
) -> Res<ExportOutcome> {
    let request = ExportRequest {
        format,
        as_of: as_of_or_today(as_of)?,
        filter: filter.into(),
        from_history: from_history.unwrap_or(false),
        paper: paper.unwrap_or_default(),
    };
    let mut store = state.store()?;
    Ok(export_to_file(
        &mut store,
        &request,
        Path::new(&path),
        force,
    )?)
}

/// What the export dialog shows before saving: who the paper is prepared by, the previous
/// paper's date, the default ask, how many actions match and the drafts and owner-less
/// actions among them.
#[tauri::command]
pub fn export_preview(
    state: tauri::State<'_, AppState>,
    format: ExportFormat,
    filter: ActionFilter,
    as_of: Option<String>,
    from_history: Option<bool>,
    paper: Option<PaperOptions>,
) -> Res<ExportPreview> {
    let request = ExportRequest {
        format,
        as_of: as_of_or_today(as_of)?,
        filter: filter.into(),
        from_history: from_history.unwrap_or(false),
        paper: paper.unwrap_or_default(),
    };
    let store = state.store()?;
    Ok(preview(&store, &request)?)
}
