// Desktop reminders: at start-up and once a day while the app is open, one notification
// when actions are overdue or fall due this week. Switched on or off by the `reminders`
// setting (kept with the data); the day of the last one shown is remembered on this
// computer (localStorage), so there is never more than one a day.
import { api } from "./api";
import type { SettingView } from "./gen/SettingView";
import { reminderCounts } from "./actions";
import { todayIso, plural } from "./format";
import { notify } from "./native";
import { errorMessage } from "./components/alert";

export const REMINDERS_KEY = "reminders";
/** Where earlier versions kept the switch on this computer; moved into the setting once. */
const OLD_SWITCH_KEY = "reminders.enabled";
const LAST_KEY = "reminders.lastShown";
const DAY_MS = 24 * 60 * 60 * 1000;

/** The setting's value as a switch: on unless it says "off" (the core's default is on). */
export function remindersOn(settings: readonly SettingView[]): boolean {
  const v = settings.find((s) => s.key === REMINDERS_KEY)?.value;
  return v?.toLowerCase() !== "off";
}

/**
 * An "off" switch kept in localStorage by earlier versions becomes the setting, unless the
 * setting has been chosen since; the local key goes either way. Returns the settings.
 */
export async function migrateLocalSwitch(settings: SettingView[]): Promise<SettingView[]> {
  const old = localStorage.getItem(OLD_SWITCH_KEY);
  if (old === null) return settings;
  const current = settings.find((s) => s.key === REMINDERS_KEY);
  let out = settings;
  if (old === "off" && current?.is_default !== false) out = await api.setSetting(REMINDERS_KEY, "off");
  localStorage.removeItem(OLD_SWITCH_KEY);
  return out;
}

/** The notification's text, or null when there is nothing to remind about. */
export function reminderText(overdue: number, dueThisWeek: number): string | null {
  const parts: string[] = [];
  if (overdue) parts.push(`${plural(overdue, "action")} overdue`);
  if (dueThisWeek) parts.push(`${plural(dueThisWeek, "action")} due this week`);
  return parts.length ? `${parts.join(" and ")}.` : null;
}

export async function checkReminders(now = new Date()): Promise<boolean> {
  const today = todayIso(now);
  if (localStorage.getItem(LAST_KEY) === today) return false;
  try {
    const settings = await migrateLocalSwitch(await api.settings());
    if (!remindersOn(settings)) return false;
    const items = await api.listActions({});
    const { overdue, dueThisWeek } = reminderCounts(items, today);
    const body = reminderText(overdue, dueThisWeek);
    if (!body) return false;
    const shown = await notify("Inspection actions need attention", body);
    if (shown) localStorage.setItem(LAST_KEY, today);
    return shown;
  } catch (e) {
    // A background check: the screens show the same error when they load the data.
    console.warn("reminder check failed:", errorMessage(e));
    return false;
  }
}

export function startReminders(): void {
  void checkReminders();
  window.setInterval(() => void checkReminders(), DAY_MS / 24);
}
