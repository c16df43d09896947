// Pure logic for "Export…": the formats, the default file name, the plan's filters as the
// core's ActionFilter (as far as they correspond), and the outcome in words.
import type { ExportFormat } from "./gen/ExportFormat";
import type { ExportOutcome } from "./gen/ExportOutcome";
import type { ActionFilter } from "./gen/ActionFilter";
import { NO_OWNER, type PlanFilter } from "./actions";
import { STATUS_LABELS, RAG_LABELS, daysBetween, addDays, formatDate, plural } from "./format";

export interface FormatInfo {
  format: ExportFormat;
  /** The choice in the dialog. */
  label: string;
  /** What it is for, under the choice. */
  hint: string;
  /** The start of the outcome message: "Board paper saved: …". */
  noun: string;
  /** In a sentence: "Saving the board paper…". */
  what: string;
  /** Part of the default file name ("" for none). */
  slug: string;
  extension: string;
  /** The save dialog's file-type filter. */
  filterName: string;
}

export const FORMATS: readonly FormatInfo[] = [
  {
    format: "board-paper",
    label: "Board paper (Word)",
    hint: "A progress report for the board or the safeguarding partnership (.docx).",
    noun: "Board paper",
    what: "board paper",
    slug: "board-paper",
    extension: "docx",
    filterName: "Word document",
  },
  {
    format: "statement",
    label: "Statement of action (Word)",
    hint: "The written statement of action for the inspectorate (.docx).",
    noun: "Statement of action",
    what: "statement of action",
    slug: "statement-of-action",
    extension: "docx",
    filterName: "Word document",
  },
  {
    format: "xlsx",
    label: "Excel workbook",
    hint: "Every action, with a summary sheet (.xlsx).",
    noun: "Excel workbook",
    what: "Excel workbook",
    slug: "",
    extension: "xlsx",
    filterName: "Excel workbook",
  },
  {
    format: "csv",
    label: "CSV",
    hint: "Every action as comma-separated values, for other tools (.csv).",
    noun: "CSV file",
    what: "CSV file",
    slug: "",
    extension: "csv",
    filterName: "CSV file",
  },
  {
    format: "ics",
    label: "Calendar (.ics)",
    hint: "An all-day event on the due date of each open action, for Outlook or Google Calendar (.ics).",
    noun: "Calendar",
    what: "calendar",
    slug: "due-dates",
    extension: "ics",
    filterName: "iCalendar file",
  },
];

export function formatInfo(format: ExportFormat): FormatInfo {
  return FORMATS.find((f) => f.format === format) ?? FORMATS[0];
}

/** Lower-case words joined by hyphens, ASCII only ("Derby City" → "derby-city"). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * "inspection-action-plan-board-paper-2026-11-23.docx": the format and the date the paper
 * is as at; `scope` (a report's authority, when the export is of one report) after the
 * plan's name.
 */
export function defaultFileName(format: ExportFormat, asOf: string, scope?: string | null): string {
  const info = formatInfo(format);
  const parts = ["inspection-action-plan", scope ? slugify(scope) : "", info.slug, asOf].filter(Boolean);
  return `${parts.join("-")}.${info.extension}`;
}

export interface MappedFilter {
  filter: ActionFilter;
  /** The plan's filters the export keeps, in words ("status: Blocked"). */
  applied: string[];
  /** The plan's filters an export cannot take, in words. */
  skipped: string[];
}

/** Words the core can search for: at least one letter or digit (else it refuses). */
function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * The plan's filters as the core's ActionFilter, as at `asOf` (the export's date). Status,
 * RAG, owner, report and words map directly. The core has no "open" status, no "no owner"
 * and no date range; a due range maps only where it means the same as "overdue" or "due
 * within n days" (both of which only count open actions): open actions due from `asOf` to
 * a date, or due up to a date on or after the day before `asOf`. The rest is skipped, and
 * said so.
 */
export function exportFilter(f: PlanFilter, asOf: string, reportName?: (id: string) => string): MappedFilter {
  const filter: ActionFilter = {};
  const applied: string[] = [];
  const skipped: string[] = [];
  const openOnly = f.statusGroup === "open" || (!!f.status && f.status !== "completed");
  if (f.status) {
    filter.status = f.status;
    applied.push(`status: ${STATUS_LABELS[f.status]}`);
  }
  const from = f.dueFrom || "";
  const to = f.dueTo || "";
  let rangeTaken = false;
  if ((from || to) && openOnly && to && to >= addDays(asOf, -1)) {
    if (from === asOf && to >= asOf) {
      filter.due_within_days = daysBetween(asOf, to);
      rangeTaken = true;
    } else if (!from) {
      filter.overdue = true;
      if (to >= asOf) filter.due_within_days = daysBetween(asOf, to);
      rangeTaken = true;
    }
  }
  const range = from && to ? `due ${formatDate(from)} to ${formatDate(to)}` : from ? `due from ${formatDate(from)}` : to ? `due by ${formatDate(to)}` : "";
  if (f.statusGroup === "open") {
    if (rangeTaken) applied.push(`open actions ${range}`);
    else skipped.push("status: Open (not completed)");
  } else if (range) {
    if (rangeTaken) applied.push(range);
  }
  if (range && !rangeTaken) skipped.push(range);
  if (f.rag) {
    filter.rag = f.rag;
    applied.push(`RAG: ${RAG_LABELS[f.rag]}`);
  }
  if (f.owner === NO_OWNER) skipped.push("owner: no owner yet");
  else if (f.owner) {
    filter.owner = f.owner;
    applied.push(`owner: ${f.owner}`);
  }
  if (f.reportId) {
    filter.report_id = f.reportId;
    applied.push(`report: ${reportName?.(f.reportId) ?? f.reportId}`);
  }
  if (f.raisedBefore) {
    filter.raised_before = true;
    applied.push("raised before by an earlier inspection");
  }
  const words = (f.search ?? "").trim();
  if (words) {
    if (hasWord(words)) {
      filter.search = words;
      applied.push(`words: “${words}”`);
    } else skipped.push(`words: “${words}”`);
  }
  return { filter, applied, skipped };
}

/** "Board paper saved: 42 actions, /home/sam/board.docx". */
export function outcomeMessage(o: ExportOutcome): string {
  return `${formatInfo(o.format).noun} saved: ${plural(o.actions, "action")}, ${o.path}`;
}

/**
 * The path with the format's extension: some systems' save dialogs keep a name typed
 * without one. `added` says the path is not the one the dialog returned (so the dialog
 * has not asked about replacing it).
 */
export function withExtension(path: string, extension: string): { path: string; added: boolean } {
  const name = path.split(/[\\/]/).pop() ?? path;
  if (name.toLowerCase().endsWith(`.${extension.toLowerCase()}`)) return { path, added: false };
  return { path: `${path}.${extension}`, added: true };
}
