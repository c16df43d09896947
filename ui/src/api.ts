// The only module that talks to the Rust side. Every command's argument and result types
// come from src/gen (generated from the Rust types by ts-rs), so the two cannot drift.
import { invoke } from "@tauri-apps/api/core";
import type { StoreInfo } from "./gen/StoreInfo";
import type { ErrorReport } from "./gen/ErrorReport";
import type { Summary } from "./gen/Summary";
import type { ActionFilter } from "./gen/ActionFilter";
import type { ActionListItem } from "./gen/ActionListItem";
import type { ActionDetail } from "./gen/ActionDetail";
import type { ActionChange } from "./gen/ActionChange";
import type { ActionRow } from "./gen/ActionRow";
import type { NewActionInput } from "./gen/NewActionInput";
import type { HistoryRow } from "./gen/HistoryRow";
import type { ImportPreview } from "./gen/ImportPreview";
import type { CreatePlanInput } from "./gen/CreatePlanInput";
import type { ImportOutcome } from "./gen/ImportOutcome";
import type { SettingView } from "./gen/SettingView";
import type { SettingChange } from "./gen/SettingChange";
import type { BackupInfo } from "./gen/BackupInfo";
import type { BurnUpPoint } from "./gen/BurnUpPoint";
import type { SampleLoad } from "./gen/SampleLoad";
import type { ExportFormat } from "./gen/ExportFormat";
import type { ExportOutcome } from "./gen/ExportOutcome";
import type { ExportPreview } from "./gen/ExportPreview";
import type { PaperOptions } from "./gen/PaperOptions";
import type { Review } from "./gen/Review";
import type { ReviewInput } from "./gen/ReviewInput";
import type { BulkChange } from "./gen/BulkChange";
import type { PreviousPlanView } from "./gen/PreviousPlanView";
import type { ActionChoice } from "./gen/ActionChoice";
import type { DecisionOutcome } from "./gen/DecisionOutcome";
import type { ReportRow } from "./gen/ReportRow";
import type { RecommendationRepeats } from "./gen/RecommendationRepeats";
import type { RecommendationLinks } from "./gen/RecommendationLinks";
import type { RepeatLink } from "./gen/RepeatLink";
import type { TeamView } from "./gen/TeamView";
import type { TeamSyncView } from "./gen/TeamSyncView";
import type { Permissions } from "./gen/Permissions";

/** An error the core returned, with its stable code and a message for a person. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const report = e as Partial<ErrorReport>;
    if (report && typeof report.message === "string") {
      throw new ApiError(report.code ?? "unknown", report.message);
    }
    throw new ApiError("unknown", String(e));
  }
}

/**
 * Every command the Rust side offers (src-tauri/src/commands). Dates are ISO `YYYY-MM-DD`;
 * `asOf` defaults to today on the Rust side. Argument names are camelCase here (Tauri maps
 * them to the Rust snake_case parameters).
 */
export const api = {
  storeInfo: () => call<StoreInfo>("store_info"),
  /** Counts overall and per report, the next inspection, deadlines. */
  summary: (asOf?: string) => call<Summary>("get_summary", { asOf: asOf ?? null }),
  /** Actions due by each date against actions completed by it, from the first due date to `asOf`. */
  burnUp: (asOf?: string) => call<BurnUpPoint[]>("burn_up", { asOf: asOf ?? null }),
  listActions: (filter: ActionFilter, asOf?: string) => call<ActionListItem[]>("list_actions", { filter, asOf: asOf ?? null }),
  showAction: (id: string, asOf?: string) => call<ActionDetail>("show_action", { id, asOf: asOf ?? null }),
  /** One edit; returns the action as it now is. */
  updateAction: (id: string, change: ActionChange) => call<ActionDetail>("update_action", { id, change }),
  /** The action page's "Save changes": all the edits in one transaction; returns the action as it now is. */
  saveAction: (id: string, changes: ActionChange[]) => call<ActionDetail>("save_action", { id, changes }),
  addAction: (recommendationId: string, action: NewActionInput) => call<ActionDetail>("add_action", { recommendationId, action }),
  /** A dated progress note ("update"); `writtenOn` defaults to today. */
  addUpdate: (id: string, note: string, writtenOn?: string) => call<ActionDetail>("add_update", { id, note, writtenOn: writtenOn ?? null }),
  /** Soft delete: the action goes to the bin. */
  deleteAction: (id: string) => call<void>("delete_action", { id }),
  restoreAction: (id: string) => call<void>("restore_action", { id }),
  listBin: () => call<ActionRow[]>("list_bin"),
  history: (id: string) => call<HistoryRow[]>("action_history", { id }),
  /** The overdue review's record on one action (kept in its history); `reviewed_by` defaults to the person's name. */
  recordReview: (id: string, review: ReviewInput) => call<Review>("record_review", { id, review }),
  /** Each reviewed action's latest review. */
  latestReviews: () => call<Review[]>("latest_reviews"),
  /** One change to several actions, in one transaction: all changed, or none. */
  updateActions: (ids: string[], change: BulkChange) => call<ActionRow[]>("update_actions", { ids, change }),
  /** Copies the file into the app's data folder. */
  addEvidenceFile: (id: string, path: string) => call<ActionDetail>("add_evidence_file", { id, path }),
  addEvidenceLink: (id: string, link: string) => call<ActionDetail>("add_evidence_link", { id, link }),
  /** Opens a stored evidence file (or link) with the system's default app. */
  openEvidence: (evidenceId: string) => call<void>("open_evidence", { evidenceId }),
  /** One line on what a piece of evidence shows ("" clears it). */
  setEvidenceSummary: (evidenceId: string, summary: string) => call<ActionDetail>("set_evidence_summary", { evidenceId, summary }),
  /** Reads and extracts a file; stores nothing. */
  previewImport: (path: string) => call<ImportPreview>("preview_import", { path }),
  /** Stores a reviewed report with one action per recommendation, in one transaction. */
  createPlan: (input: CreatePlanInput) => call<ImportOutcome>("create_plan", { input }),
  /**
   * Copies the five sample reports that ship with the app into the data folder and imports
   * the dated ones; one without a date comes back in `needs_review` for the review screen
   * (createPlan with its path and the date the user gives).
   */
  loadSamples: () => call<SampleLoad>("load_samples"),
  /**
   * Writes a board paper, statement of action, workbook, CSV or calendar of the actions
   * `filter` picks, as at `asOf`, to `path`. An existing file is refused unless `force`
   * (pass it only for a path the system's save dialog returned: it has already asked).
   */
  exportPlan: (
    format: ExportFormat,
    path: string,
    filter: ActionFilter,
    asOf: string | null,
    force: boolean,
    fromHistory = false,
    paper: PaperOptions | null = null,
  ) => call<ExportOutcome>("export_plan", { format, path, filter, asOf, force, fromHistory, ...(paper ? { paper } : {}) }),
  /** Before saving: who the paper is by, the previous paper's date, the default ask, how many actions match, drafts and owner-less actions. */
  exportPreview: (format: ExportFormat, filter: ActionFilter, asOf: string | null, fromHistory = false, paper: PaperOptions | null = null) =>
    call<ExportPreview>("export_preview", { format, filter, asOf, fromHistory, paper }),
  settings: () => call<SettingView[]>("get_settings"),
  setSetting: (key: string, value: string) => call<SettingView[]>("set_setting", { key, value }),
  /** Settings → Save changes: all of them in one transaction, or none (the error says which was refused). */
  setSettings: (changes: SettingChange[]) => call<SettingView[]>("set_settings", { changes }),
  /** The user-set date of the next inspection (null clears it: back to the estimate). */
  setNextInspection: (date: string | null, reportId?: string) => call<Summary>("set_next_inspection", { date, reportId: reportId ?? null }),
  setPlanDeadline: (reportId: string, date: string | null) => call<Summary>("set_plan_deadline", { reportId, date }),
  dataFolder: () => call<string>("data_folder"),
  listBackups: () => call<BackupInfo[]>("list_backups"),
  makeBackup: () => call<BackupInfo>("make_backup"),
  /** Verifies the backup (integrity check) before it replaces the database. */
  restoreBackup: (path: string) => call<void>("restore_backup", { path }),
  restoreOverDamaged: (path: string) => call<void>("restore_over_damaged", { path }),
  /** The authority's earlier plans a (later) report follows, each with its open actions still to decide on. */
  previousPlans: (reportId: string) => call<PreviousPlanView[]>("previous_plans", { reportId }),
  /** A person's decision on each of those actions; a plan with every open action decided closes. */
  decidePrevious: (reportId: string, choices: ActionChoice[]) => call<DecisionOutcome>("decide_previous", { reportId, choices }),
  /** Close a report's plan: its open actions are closed as overtaken, for `reason`. */
  closePlan: (reportId: string, reason: string) => call<ReportRow>("close_plan", { reportId, reason }),
  /** For each recommendation of a report, the earlier ones of its authority it may repeat. */
  suggestRepeats: (reportId: string) => call<RecommendationRepeats[]>("suggest_repeats", { reportId }),
  /** A recommendation's confirmed (and rejected) repeat links and its open suggestions. */
  repeatLinks: (recommendationId: string) => call<RecommendationLinks>("repeat_links", { recommendationId }),
  /** Confirm (or reject) that a recommendation repeats an earlier one. */
  decideRepeat: (recommendationId: string, earlierId: string, confirmed: boolean) =>
    call<RepeatLink>("decide_repeat", { recommendationId, earlierId, confirmed }),
  /** Team mode: null while this database is used alone. */
  teamStatus: () => call<TeamView | null>("team_status"),
  /** What the person at this desktop may do (everything for a database used alone), each refusal with why. */
  teamPermissions: () => call<Permissions>("team_permissions"),
  teamConnect: (url: string, password: string) => call<TeamView | null>("team_connect", { url, password }),
  teamSync: () => call<TeamSyncView>("team_sync"),
  teamDisconnect: () => call<void>("team_disconnect"),
  /** Conflicts on one action, in words. */
  actionNotices: (id: string) => call<string[]>("action_notices", { id }),
};
