// What the screens share: the summary and the full action list, loaded once and kept until
// something changes them. Screens filter the list client-side (fast, and works offline
// from the database's point of view).
import { api } from "./api";
import type { Summary } from "./gen/Summary";
import type { ActionListItem } from "./gen/ActionListItem";
import type { ActionDetail } from "./gen/ActionDetail";
import { todayIso } from "./format";

let summary: Promise<Summary> | null = null;
let actions: Promise<ActionListItem[]> | null = null;
let asOfDate: string | null = null;

export function getSummary(): Promise<Summary> {
  summary ??= api.summary().then((s) => {
    asOfDate = s.as_of;
    return s;
  });
  summary.catch(() => (summary = null));
  return summary;
}

export function getActions(): Promise<ActionListItem[]> {
  actions ??= api.listActions({});
  actions.catch(() => (actions = null));
  return actions;
}

/** Forget everything (after an import, restore, or delete). */
export function invalidate(): void {
  summary = null;
  actions = null;
}

/** The summary changed (counts); the list may be kept. */
export function invalidateSummary(): void {
  summary = null;
}

export function setSummary(s: Summary): void {
  summary = Promise.resolve(s);
  asOfDate = s.as_of;
}

/** The date the app measures against: the core's as-of date once known, else today. */
export function asOf(): string {
  return asOfDate ?? todayIso();
}

/** The list item for an action as it now is, from the core's answer to an edit. */
export function itemFromDetail(old: ActionListItem, d: ActionDetail): ActionListItem {
  const latest = d.updates.reduce<string | null>((m, u) => (m === null || u.written_on > m ? u.written_on : m), null);
  return {
    ...old,
    title: d.action.title,
    owner: d.action.owner,
    due_date: d.action.due_date,
    due_date_source: d.action.due_date_source,
    status: d.action.status,
    progress: d.action.progress,
    rag: d.rag,
    days_overdue: d.days_overdue,
    last_update: latest ?? old.last_update,
  };
}

/** Replace one action in the cached list (after an edit), and drop the stale summary. */
export async function replaceAction(d: ActionDetail): Promise<ActionListItem[]> {
  invalidateSummary();
  if (!actions) return [];
  const list = await actions;
  const i = list.findIndex((it) => it.id === d.action.id);
  if (i < 0) {
    actions = null;
    return getActions();
  }
  const next = list.slice();
  next[i] = itemFromDetail(list[i], d);
  actions = Promise.resolve(next);
  return next;
}

/** The name the history records for this person (the `user_name` setting), and whether
 * they have chosen it (else it is the system account's, a default). */
export async function userName(): Promise<{ name: string; chosen: boolean }> {
  const s = (await api.settings()).find((k) => k.key === "user_name");
  return { name: s?.value ?? "", chosen: !!s && !s.is_default };
}
