// Desktop reminders: at start-up and once a day while the app is open, one notification
// when actions are overdue or fall due this week. Switched on or off on this computer
// (localStorage), and never more than one a day.
import { api } from "./api";
import { reminderCounts } from "./actions";
import { todayIso, plural } from "./format";
import { notify } from "./native";
import { errorMessage } from "./components/alert";

const ENABLED_KEY = "reminders.enabled";
const LAST_KEY = "reminders.lastShown";
const DAY_MS = 24 * 60 * 60 * 1000;

export function remindersEnabled(): boolean {
  return localStorage.getItem(ENABLED_KEY) !== "off";
}

export function setRemindersEnabled(on: boolean): void {
  localStorage.setItem(ENABLED_KEY, on ? "on" : "off");
}

/** The notification's text, or null when there is nothing to remind about. */
export function reminderText(overdue: number, dueThisWeek: number): string | null {
  const parts: string[] = [];
  if (overdue) parts.push(`${plural(overdue, "action")} overdue`);
  if (dueThisWeek) parts.push(`${plural(dueThisWeek, "action")} due this week`);
  return parts.length ? `${parts.join(" and ")}.` : null;
}

export async function checkReminders(now = new Date()): Promise<boolean> {
  if (!remindersEnabled()) return false;
  const today = todayIso(now);
  if (localStorage.getItem(LAST_KEY) === today) return false;
  try {
    const items = await api.listActions({});
    const { overdue, dueThisWeek } = reminderCounts(items, today);
    const body = reminderText(overdue, dueThisWeek);
    if (!body) return false;
    const shown = await notify("Inspection actions need attention", body);
    if (shown) localStorage.setItem(LAST_KEY, today);
    return shown;
  } catch (e) {
    // A background check: the screens show the same error when they load the list.
    console.warn("reminder check failed:", errorMessage(e));
    return false;
  }
}

export function startReminders(): void {
  void checkReminders();
  window.setInterval(() => void checkReminders(), DAY_MS / 24);
}
