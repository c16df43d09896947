//! Import with review: a preview reads and extracts a file without storing anything;
//! "Create action plan" stores the (corrected) report in one transaction.

use std::path::{Path, PathBuf};

use inspection_tracker::intake::{intake, Intake};
use inspection_tracker::plan::area_send::set_priority_plan_deadline;
use inspection_tracker::plan::import::{import_report, ImportOptions, ImportOutcome};
use inspection_tracker::plan::timeline::PreviousPlan;
use inspection_tracker::store::reports::{get_report, get_report_id_by_sha256};
use inspection_tracker::store::Store;
use inspection_tracker::{Error, ErrorReport};

use super::{who, Res};
use crate::dto::{CreatePlanInput, DuplicateInfo, ImportPreview, SampleLoad};
use crate::samples::{SAMPLES, SAMPLE_FILES};
use crate::state::AppState;

#[tauri::command]
pub fn preview_import(state: tauri::State<'_, AppState>, path: String) -> Res<ImportPreview> {
    let store = state.store()?;
    preview(&store, Path::new(&path))
}

#[tauri::command]
pub fn create_plan(
    state: tauri::State<'_, AppState>,
    input: CreatePlanInput,
) -> Res<ImportOutcome> {
    let mut store = state.store()?;
    let read = intake(Path::new(&input.path))?;
    if read.sha256 != input.sha256 {
        return Err(Error::Invalid(format!(
            "{} has changed since it was read; import it again to review the new version",
            read.source_name
        ))
        .into());
    }
    let opts = ImportOptions {
        inspection_date: input.inspection_date,
        who: who(&store)?,
        // The review asks about the earlier plan's open actions, action by action, after
        // the plan is created (`timeline` commands): nothing is closed here.
        previous: PreviousPlan::Keep,
    };
    let outcome = import_report(
        &mut store,
        &read.source_name,
        &read.sha256,
        read.format.as_str(),
        &read.text,
        &input.report,
        &opts,
    )?;
    if let Some(deadline) = input.priority_action_plan_deadline {
        if !outcome.duplicate && input.report.priority_action_plan_required {
            // Its own transaction after the plan's: should it fail, the plan stands and the
            // message says the deadline still needs entering.
            set_priority_plan_deadline(&mut store, &outcome.report_id, Some(deadline), &opts.who)
                .map_err(|e| {
                Error::Invalid(format!(
                    "the action plan was created, but its priority action plan deadline \
                         was not saved ({e}); enter it again on the dashboard"
                ))
            })?;
        }
    }
    Ok(outcome)
}

/// Writes the bundled sample reports into `<data folder>/samples`, imports the dated
/// ones and returns the others for review.
#[tauri::command]
pub fn load_samples(state: tauri::State<'_, AppState>) -> Res<SampleLoad> {
    let mut store = state.store()?;
    let dir = samples_dir(&store)?;
    std::fs::create_dir_all(&dir).map_err(|e| io_error(&dir, e))?;
    let who = who(&store)?;
    let mut out = SampleLoad {
        imported: Vec::new(),
        needs_review: Vec::new(),
    };
    let texts = SAMPLES.iter().map(|(n, t)| (*n, t.as_bytes()));
    for (name, bytes) in texts.chain(SAMPLE_FILES.iter().copied()) {
        let path = dir.join(name);
        if !path.exists() {
            std::fs::write(&path, bytes).map_err(|e| io_error(&path, e))?;
        }
        let read = intake(&path)?;
        let dated = read.report.inspection_end.is_some() || read.report.published.is_some();
        let known = get_report_id_by_sha256(store.conn(), &read.sha256)?.is_some();
        // A report that requires a priority action plan goes to review too: its deadline is
        // asked for there.
        let asks = read.report.priority_action_plan_required;
        if (dated && !asks) || known {
            let opts = ImportOptions {
                inspection_date: None,
                who: who.clone(),
                previous: PreviousPlan::Keep,
            };
            out.imported.push(import(&mut store, &read, &opts)?);
        } else {
            out.needs_review.push(preview_of(&store, &path, read)?);
        }
    }
    Ok(out)
}

fn import(store: &mut Store, read: &Intake, opts: &ImportOptions) -> Res<ImportOutcome> {
    Ok(import_report(
        store,
        &read.source_name,
        &read.sha256,
        read.format.as_str(),
        &read.text,
        &read.report,
        opts,
    )?)
}

fn preview(store: &Store, path: &Path) -> Res<ImportPreview> {
    let read = intake(path)?;
    preview_of(store, path, read)
}

fn preview_of(store: &Store, path: &Path, read: Intake) -> Res<ImportPreview> {
    let duplicate_of = match get_report_id_by_sha256(store.conn(), &read.sha256)? {
        Some(id) => {
            let row = get_report(store.conn(), &id)?;
            Some(DuplicateInfo {
                report_id: row.id,
                source_name: row.source_name,
                imported_at: row.imported_at,
            })
        }
        None => None,
    };
    Ok(ImportPreview {
        path: path.display().to_string(),
        source_name: read.source_name,
        sha256: read.sha256,
        format: read.format.as_str().to_owned(),
        text: read.text,
        report: read.report,
        duplicate_of,
    })
}

fn samples_dir(store: &Store) -> Res<PathBuf> {
    match store.data_dir() {
        Some(d) => Ok(d.join("samples")),
        None => Err(Error::Invalid("the database has no folder to keep samples in".into()).into()),
    }
}

fn io_error(path: &Path, e: std::io::Error) -> ErrorReport {
    Error::Invalid(format!("{}: {e}", path.display())).into()
}
