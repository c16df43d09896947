// Pure logic for "Export…": the formats, the default file name, the plan's filters as the
// core's ActionFilter, and the outcome in words.
import type { ExportFormat } from "./gen/ExportFormat";
import type { ExportOutcome } from "./gen/ExportOutcome";
import type { ActionFilter } from "./gen/ActionFilter";
import { toActionFilter, type PlanFilter } from "./actions";
import { STATUS_LABELS, RAG_LABELS, formatDate, plural } from "./format";

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
  /** The plan's filters, in words ("status: Blocked"). */
  applied: string[];
}

/**
 * The plan's filters as the export takes them: the same core filter the plan shows (see
 * `toActionFilter`), and each in words for the dialog.
 */
export function exportFilter(f: PlanFilter, reportName?: (id: string) => string): MappedFilter {
  const filter = toActionFilter(f);
  const applied: string[] = [];
  if (filter.open) applied.push("open (not completed)");
  if (filter.status) applied.push(`status: ${STATUS_LABELS[filter.status]}`);
  const from = filter.due_from;
  const to = filter.due_to;
  if (from && to) applied.push(`due ${formatDate(from)} to ${formatDate(to)}`);
  else if (from) applied.push(`due from ${formatDate(from)}`);
  else if (to) applied.push(`due by ${formatDate(to)}`);
  if (filter.rag) applied.push(`RAG: ${RAG_LABELS[filter.rag]}`);
  if (filter.no_owner) applied.push("owner: no owner yet");
  if (filter.owner) applied.push(`owner: ${filter.owner}`);
  if (filter.report_id) applied.push(`report: ${reportName?.(filter.report_id) ?? filter.report_id}`);
  if (filter.lead_partner) applied.push(`lead partner: ${filter.lead_partner}`);
  if (filter.search) applied.push(`words: “${filter.search}”`);
  return { filter, applied };
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
