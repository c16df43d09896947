// Numbers, dates and labels as people in English councils write them. The one place a
// date is formatted, so every screen says "14 Jan 2012" the same way.
import type { ActionStatus } from "./gen/ActionStatus";
import type { Rag } from "./gen/Rag";
import type { ReportKind } from "./gen/ReportKind";
import type { DueDateSource } from "./gen/DueDateSource";

const count = new Intl.NumberFormat("en-GB");

export function formatCount(n: number | bigint): string {
  return count.format(n);
}

/** "1 report", "3 reports". */
export function plural(n: number | bigint, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${Number(n) === 1 ? one : many}`;
}

// Fixed abbreviations: Intl's en-GB gives "Sept" in newer ICU versions.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Parses `YYYY-MM-DD` (or the date part of an RFC 3339 stamp) without time zones. */
export function parseIsoDate(iso: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return { y, m, d };
}

/** "14 Jan 2012"; an empty string for no date; the input itself if it is not a date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const p = parseIsoDate(iso);
  if (!p) return iso;
  return `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A date as someone in England types it — "14/01/2012", "14-1-12", "14.01.2012",
 * "14 Jan 2012", "14th January 2012" — or as `YYYY-MM-DD`, to `YYYY-MM-DD`; `null` when it
 * is not a real calendar date. Day first always: 03/04/2012 is 3 April. */
export function parseTypedDate(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/,/g, " ").replace(/\s+/g, " ");
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{2}|\d{4})$/.exec(t))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.? (\d{2}|\d{4})$/.exec(t))) {
    const word = match[2];
    // A month's full name or any start of it from three letters ("sept" too).
    const month = word.length >= 3 ? MONTH_NAMES.findIndex((n) => n.startsWith(word)) : -1;
    if (month < 0) return null;
    [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else {
    return null;
  }
  if (y < 100) y += 2000; // "14/01/12": this century
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
}

/** "14 Jan 2012, 09:05" for RFC 3339 stamps (shown in the computer's local time). */
export function formatDateTime(stamp: string | null | undefined): string {
  if (!stamp) return "";
  const t = new Date(stamp);
  if (Number.isNaN(t.getTime())) return stamp;
  const iso = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  return `${formatDate(iso)}, ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Today in the computer's time zone as `YYYY-MM-DD`. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`); positive when b is later. */
export function daysBetween(a: string, b: string): number {
  const pa = parseIsoDate(a);
  const pb = parseIsoDate(b);
  if (!pa || !pb) return NaN;
  const ua = Date.UTC(pa.y, pa.m - 1, pa.d);
  const ub = Date.UTC(pb.y, pb.m - 1, pb.d);
  return Math.round((ub - ua) / 86_400_000);
}

/** `iso` plus `days` days, as `YYYY-MM-DD`. */
export function addDays(iso: string, days: number): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  if (days > 0) return `in ${plural(days, "day")}`;
  return `${plural(-days, "day")} ago`;
}

/** "1.2 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, "byte");
  const units = ["KB", "MB", "GB"];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

export const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
  blocked: "Blocked",
};

export const RAG_LABELS: Record<Rag, string> = {
  red: "Red",
  amber: "Amber",
  green: "Green",
  blue: "Blue (done)",
};

export const KIND_LABELS: Record<ReportKind, string> = {
  joint_area_review: "Joint area review",
  contact_referral_assessment: "Contact, referral and assessment",
  safeguarding_and_looked_after_children: "Safeguarding and looked after children",
  looked_after_children: "Looked after children",
  child_protection: "Child protection",
  single_inspection_framework: "Single inspection framework",
  ilacs: "ILACS",
  focused_visit: "Focused visit",
  monitoring_visit: "Monitoring visit",
  area_send: "Area SEND (Ofsted and CQC)",
  other: "Other",
};

export const DUE_SOURCE_LABELS: Record<DueDateSource, string> = {
  report: "from the report's timeframe",
  default: "default for open-ended timeframes",
  next_inspection: "by the next inspection",
  override: "changed by hand",
  waiting: "waiting for a date",
};

export function formatPercent(n: number): string {
  return `${Number.isInteger(n) ? n : n.toFixed(1)}%`;
}
