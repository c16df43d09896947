// Pure logic over the loaded action list: the plan's filter as the core's, sorting, grouping and the
// overdue review. Kept fast at 10,000 actions.
import type { ActionFilter } from "./gen/ActionFilter";
import type { ActionListItem } from "./gen/ActionListItem";
import type { ActionStatus } from "./gen/ActionStatus";
import type { Rag } from "./gen/Rag";
import { addDays } from "./format";

export interface PlanFilter {
  status?: ActionStatus | "";
  /** "open" = anything not completed. */
  statusGroup?: "open" | "";
  rag?: Rag | "";
  /** An owner's name; NO_OWNER for actions without one. */
  owner?: string;
  reportId?: string;
  dueFrom?: string;
  dueTo?: string;
  search?: string;
  /** A lead partner (an area SEND responsible body), exactly as listed. */
  leadPartner?: string;
}

export const NO_OWNER = "\u0000none";

export type SortKey = "plan" | "due_date" | "status" | "progress" | "rag" | "owner" | "last_update" | "title";
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/**
 * The plan's order: the core gives each item its place (`plan_order`: reports oldest
 * first, recommendations in report order, actions as added); this only sorts by it.
 */
export function inPlanOrder(items: readonly ActionListItem[]): ActionListItem[] {
  return [...items].sort((a, b) => a.plan_order - b.plan_order);
}

export function isFilterEmpty(f: PlanFilter): boolean {
  return !f.status && !f.statusGroup && !f.rag && !f.owner && !f.reportId && !f.dueFrom && !f.dueTo && !f.search?.trim() && !f.leadPartner;
}

/**
 * The plan's filters as the core's ActionFilter: every filter the plan offers is one of
 * the core's, so the plan and an export of it hold the same actions.
 */
export function toActionFilter(f: PlanFilter): ActionFilter {
  const out: ActionFilter = {};
  if (f.status) out.status = f.status;
  if (f.statusGroup === "open") out.open = true;
  if (f.rag) out.rag = f.rag;
  if (f.owner === NO_OWNER) out.no_owner = true;
  else if (f.owner) out.owner = f.owner;
  if (f.reportId) out.report_id = f.reportId;
  if (f.dueFrom) out.due_from = f.dueFrom;
  if (f.dueTo) out.due_to = f.dueTo;
  const words = f.search?.trim() ?? "";
  if (hasWord(words)) out.search = words;
  if (f.leadPartner) out.lead_partner = f.leadPartner;
  return out;
}

/** Words the core can search for: at least one letter or digit (else it refuses). */
export function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

const STATUS_ORDER: Record<ActionStatus, number> = { blocked: 0, not_started: 1, in_progress: 2, completed: 3 };
const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2, blue: 3 };

/** Sorted copy; ties keep plan order. Missing dates and owners sort last either way. */
export function sortActions(items: readonly ActionListItem[], sort: Sort): ActionListItem[] {
  if (sort.key === "plan") {
    const planned = inPlanOrder(items);
    return sort.descending ? planned.reverse() : planned;
  }
  const dir = sort.descending ? -1 : 1;
  const indexed = items.map((it, i) => ({ it, i }));
  const key = (it: ActionListItem): string | number | null => {
    switch (sort.key) {
      case "due_date":
        return it.due_date;
      case "last_update":
        return it.last_update;
      case "owner":
        return it.owner?.toLowerCase() ?? null;
      case "title":
        return it.title.toLowerCase();
      case "status":
        return STATUS_ORDER[it.status];
      case "rag":
        return RAG_ORDER[it.rag];
      default:
        return it.progress;
    }
  };
  indexed.sort((a, b) => {
    const ka = key(a.it);
    const kb = key(b.it);
    if (ka === kb) return a.i - b.i;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return (ka < kb ? -1 : 1) * dir || a.i - b.i;
  });
  return indexed.map((x) => x.it);
}

export type PlanRow =
  | { kind: "report"; reportId: string; label: string; count: number }
  | { kind: "section"; label: string }
  | { kind: "timeframe"; label: string }
  | { kind: "recommendation"; recommendationId: string; reportId: string; ref: string; text: string }
  | { kind: "action"; item: ActionListItem; ref: string };

/**
 * Rows for the list: report → section → timeframe → recommendation → its actions, in the
 * order the items come (the plan's order). `reportLabel` names a report for its heading.
 */
export function groupRows(items: readonly ActionListItem[], reportLabel: (it: ActionListItem) => string): PlanRow[] {
  const reportCounts = new Map<string, number>();
  for (const it of items) reportCounts.set(it.report_id, (reportCounts.get(it.report_id) ?? 0) + 1);
  const rows: PlanRow[] = [];
  let report: string | null = null;
  let section: string | null = null;
  let timeframe: string | null | undefined;
  let rec: string | null = null;
  for (const it of items) {
    if (it.report_id !== report) {
      report = it.report_id;
      section = null;
      rec = null;
      rows.push({ kind: "report", reportId: report, label: reportLabel(it), count: reportCounts.get(report) ?? 0 });
    }
    if (it.section !== section) {
      section = it.section;
      timeframe = undefined;
      rec = null;
      rows.push({ kind: "section", label: section || "Recommendations" });
    }
    if (it.timeframe !== timeframe) {
      timeframe = it.timeframe;
      rec = null;
      rows.push({ kind: "timeframe", label: timeframe ?? "No timeframe given" });
    }
    if (it.recommendation_id !== rec) {
      rec = it.recommendation_id;
      rows.push({ kind: "recommendation", recommendationId: rec, reportId: it.report_id, ref: String(it.recommendation_number), text: it.recommendation });
    }
    rows.push({ kind: "action", item: it, ref: it.reference });
  }
  return rows;
}

/** Distinct owners, sorted, for the owner filter. */
/** The lead partners named on the actions, sorted. */
export function leadPartners(items: readonly ActionListItem[]): string[] {
  const set = new Set<string>();
  for (const it of items) if (it.lead_partner) set.add(it.lead_partner);
  return [...set].sort((a, b) => a.localeCompare(b, "en-GB"));
}

export function owners(items: readonly ActionListItem[]): string[] {
  const set = new Set<string>();
  for (const it of items) if (it.owner) set.add(it.owner);
  return [...set].sort((a, b) => a.localeCompare(b, "en-GB"));
}

/** An action with no update for more than this many days is flagged "Stale". */
export const STALE_AFTER_DAYS = 30;

/** Open actions overdue, and those falling due from today to the end of the coming week. */
export function reminderCounts(items: readonly ActionListItem[], asOf: string): { overdue: number; dueThisWeek: number } {
  const weekEnd = addDays(asOf, 7);
  let overdue = 0;
  let dueThisWeek = 0;
  for (const it of items) {
    if (it.status === "completed" || !it.due_date) continue;
    if (it.due_date < asOf) overdue++;
    else if (it.due_date <= weekEnd) dueThisWeek++;
  }
  return { overdue, dueThisWeek };
}
