// Pure logic over the loaded action list: references, filtering, sorting, grouping and the
// overdue review. The plan screen filters client-side, so this must stay fast at 10,000.
import type { ActionListItem } from "./gen/ActionListItem";
import type { ActionStatus } from "./gen/ActionStatus";
import type { Rag } from "./gen/Rag";
import { addDays, daysBetween } from "./format";

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
  /** Only actions whose recommendation a person confirmed as raised before. */
  raisedBefore?: boolean;
}

export const NO_OWNER = "\u0000none";

export type SortKey = "plan" | "due_date" | "status" | "progress" | "rag" | "owner" | "last_update" | "title";
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/**
 * "3.1": the recommendation's place in its report (from the core), then the action's place
 * under it, counted in list order (the core gives no action position; any order of the
 * same list gives the same numbers, since a stable sort keeps one recommendation's actions
 * in their relative order).
 */
export function references(items: readonly ActionListItem[]): Map<string, string> {
  const perRec = new Map<string, number>();
  const out = new Map<string, string>();
  for (const it of items) {
    const a = (perRec.get(it.recommendation_id) ?? 0) + 1;
    perRec.set(it.recommendation_id, a);
    out.set(it.id, `${it.recommendation_number}.${a}`);
  }
  return out;
}

/**
 * The plan's order, whatever order the list came in (the core lists soonest due first):
 * reports in `reportOrder` (the summary's), any others as they first come; within a
 * report, recommendations by their number; one recommendation's actions as listed.
 */
export function planOrder(items: readonly ActionListItem[], reportOrder: readonly string[] = []): ActionListItem[] {
  const rank = new Map<string, number>();
  reportOrder.forEach((id, i) => {
    rank.set(id, i);
  });
  for (const it of items) if (!rank.has(it.report_id)) rank.set(it.report_id, rank.size);
  return items
    .map((it, i) => ({ it, i, r: rank.get(it.report_id)! }))
    .sort((a, b) => a.r - b.r || a.it.recommendation_number - b.it.recommendation_number || a.i - b.i)
    .map((x) => x.it);
}

// Lower-cased searchable text, computed once per item (items are replaced, not mutated,
// when they change, so a WeakMap keyed by item stays right).
const haystacks = new WeakMap<ActionListItem, string>();
function haystack(it: ActionListItem): string {
  let s = haystacks.get(it);
  if (s === undefined) {
    s = `${it.title}\n${it.recommendation}\n${it.owner ?? ""}\n${it.section}\n${it.local_authority ?? ""}\n${it.lead_partner ?? ""}`.toLowerCase();
    haystacks.set(it, s);
  }
  return s;
}

/** Build the search text ahead of the first keystroke (done when the list loads). */
export function warmSearch(items: readonly ActionListItem[]): void {
  for (const it of items) haystack(it);
}

export function isFilterEmpty(f: PlanFilter): boolean {
  return !f.status && !f.statusGroup && !f.rag && !f.owner && !f.reportId && !f.dueFrom && !f.dueTo && !f.search?.trim() && !f.leadPartner && !f.raisedBefore;
}

export function filterActions(items: readonly ActionListItem[], f: PlanFilter): ActionListItem[] {
  const words = (f.search ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((it) => {
    if (f.status && it.status !== f.status) return false;
    if (f.statusGroup === "open" && it.status === "completed") return false;
    if (f.rag && it.rag !== f.rag) return false;
    if (f.owner) {
      if (f.owner === NO_OWNER ? it.owner : it.owner !== f.owner) return false;
    }
    if (f.reportId && it.report_id !== f.reportId) return false;
    if (f.leadPartner && it.lead_partner !== f.leadPartner) return false;
    if (f.raisedBefore && !it.raised_before) return false;
    if (f.dueFrom && (!it.due_date || it.due_date < f.dueFrom)) return false;
    if (f.dueTo && (!it.due_date || it.due_date > f.dueTo)) return false;
    if (words.length) {
      const text = haystack(it);
      for (const w of words) if (!text.includes(w)) return false;
    }
    return true;
  });
}

const STATUS_ORDER: Record<ActionStatus, number> = { blocked: 0, not_started: 1, in_progress: 2, completed: 3 };
const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2, blue: 3 };

/** Sorted copy; ties keep plan order. Missing dates and owners sort last either way. */
export function sortActions(items: readonly ActionListItem[], sort: Sort): ActionListItem[] {
  if (sort.key === "plan") return sort.descending ? [...items].reverse() : [...items];
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
export function groupRows(items: readonly ActionListItem[], refs: Map<string, string>, reportLabel: (it: ActionListItem) => string): PlanRow[] {
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
    rows.push({ kind: "action", item: it, ref: refs.get(it.id) ?? "" });
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

export interface ReviewItem {
  item: ActionListItem;
  /** Positive when overdue; zero or negative (days until due) when due soon. */
  daysOverdue: number;
  /** Null when there has never been an update. */
  daysSinceUpdate: number | null;
  stale: boolean;
}

export const STALE_AFTER_DAYS = 30;

/**
 * The QA lead's list: open actions that are overdue or due within `soonDays`, most overdue
 * first. An action is stale when it has had no update for more than 30 days (or never).
 */
export function overdueReview(items: readonly ActionListItem[], asOf: string, soonDays = 30): ReviewItem[] {
  const horizon = addDays(asOf, soonDays);
  const out: ReviewItem[] = [];
  for (const item of items) {
    if (item.status === "completed" || !item.due_date) continue;
    if (item.due_date > horizon) continue;
    const daysOverdue = item.days_overdue ?? daysBetween(item.due_date, asOf);
    const daysSinceUpdate = item.last_update ? daysBetween(item.last_update, asOf) : null;
    out.push({ item, daysOverdue, daysSinceUpdate, stale: daysSinceUpdate === null || daysSinceUpdate > STALE_AFTER_DAYS });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.item.title.localeCompare(b.item.title));
}

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
