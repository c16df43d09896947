// Settings: who you are for the history, the date rules, the amber warning, reminders,
// backups and where the data is kept. The settings are one form with "Save changes" (as
// on an action's page); the team, backups and the folder are actions of their own.
import { api } from "../api";
import { h, button, field, select } from "../dom";
import { formatDateTime, formatBytes } from "../format";
import type { SettingView } from "../gen/SettingView";
import type { BackupInfo } from "../gen/BackupInfo";
import type { RagRule } from "../gen/RagRule";
import { RAG_RULE_LABELS, ragKey as ragKeyLines } from "../gen/labels";
import type { TeamView } from "../gen/TeamView";
import { errorBox, showError } from "../components/alert";
import { showToast } from "../components/toast";
import { confirmDialog } from "../components/modal";
import { invalidate } from "../state";
import { remindersOn, migrateLocalSwitch, checkReminders, REMINDERS_KEY } from "../reminders";
import type { Route } from "../router";
import { guardLeaving } from "../unsaved";
import { showProblems, type Problem } from "../components/error-summary";
import { errorMessage } from "../components/alert";
import { MOD, SAVE_KEYS } from "../shortcuts";

export async function showSettings(main: HTMLElement, _route: Route): Promise<void> {
  const title = h("h2", { id: "screen-title", tabindex: "-1" }, "Settings");
  let settings: SettingView[];
  try {
    settings = await api.settings();
  } catch (e) {
    main.append(title, errorBox(e, "The settings could not be loaded"));
    return;
  }
  // An "off" switch from an earlier version (kept on this computer) becomes the setting.
  settings = await migrateLocalSwitch(settings).catch(() => settings);
  const [backups, folder, team] = await Promise.allSettled([api.listBackups(), api.dataFolder(), api.teamStatus()]);
  main.append(title, settingsForm(settings), teamPanel(team), backupsPanel(backups), folderPanel(folder));
}

function value(settings: SettingView[], key: string): string {
  return settings.find((s) => s.key === key)?.value ?? "";
}

/** The settings the form saves, each with its field and its name in a sentence. */
const FIELDS: { key: string; id: string; label: string }[] = [
  { key: "user_name", id: "s-user", label: "your name" },
  { key: "base_date_rule", id: "s-base", label: "the base date rule" },
  { key: "open_ended", id: "s-open-kind", label: "the open-ended timeframe" },
  { key: "rag_rule", id: "s-rag-rule", label: "the RAG rule" },
  { key: "amber_window_days", id: "s-amber-days", label: "the amber warning window" },
  { key: "amber_progress_below", id: "s-amber-progress", label: "the amber progress threshold" },
  { key: "backups_keep", id: "s-backups-keep", label: "the number of backups to keep" },
  { key: "backup_interval_hours", id: "s-backup-interval", label: "the hours between backups" },
  { key: REMINDERS_KEY, id: "s-reminders", label: "reminders" },
];

/** The core's RAG rule when none is chosen. */
const DEFAULT_RAG_RULE: RagRule = "due_date_and_progress";

/** "A, B and C" */
function listWords(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

/**
 * The settings as one form, saved by "Save changes" (or Ctrl/⌘+S) in one transaction,
 * with a success banner, problems in the GOV.UK error summary, and a question before
 * leaving the screen or closing the window with changes unsaved (as on an action's page).
 */
export function settingsForm(initial: SettingView[]): HTMLElement {
  let settings = initial;
  let saved: { title: string; text: string } | null = null;
  const errors = h("div", { class: "slot", id: "settings-problems" });
  const bannerSlot = h("div", { class: "slot" });

  const name = h("input", { type: "text", id: "s-user", autocomplete: "name" });
  const baseRule = select(
    [
      ["last_day_of_inspection", "The last day of the inspection"],
      ["publication", "The date the report was published"],
    ],
    value(settings, "base_date_rule"),
    { id: "s-base" },
  );
  // open_ended is a number of months, or "next_inspection".
  const openKind = select(
    [
      ["next_inspection", "By the next inspection"],
      ["months", "A number of months after the base date"],
    ],
    "months",
    { id: "s-open-kind" },
  );
  const months = h("input", { type: "number", min: "1", max: "60", step: "1", id: "s-open-months" });
  const monthsField = field("Months", months);
  const showMonths = () => {
    monthsField.hidden = openKind.value !== "months";
  };
  openKind.addEventListener("change", showMonths);

  // The council's RAG convention; its key (from the core's words) under it, following
  // the amber settings as they are typed.
  const ragRule = select(Object.entries(RAG_RULE_LABELS) as [string, string][], DEFAULT_RAG_RULE, { id: "s-rag-rule", "data-testid": "rag-rule" });
  const ragKey = h("ul", { class: "meta", "data-testid": "rag-key" });

  const numbers = {
    amber_window_days: { min: 0, max: 365, what: "the amber warning window (days)" },
    amber_progress_below: { min: 0, max: 100, what: "the amber progress threshold (%)" },
    backups_keep: { min: 1, max: 100, what: "the number of backups to keep" },
    backup_interval_hours: { min: 0, max: 8760, what: "the hours between automatic backups" },
  } as const;
  const numberInput = (key: keyof typeof numbers, id: string) => {
    const { min, max } = numbers[key];
    return h("input", { type: "number", min: String(min), max: String(max), step: "1", id });
  };
  const amberDays = numberInput("amber_window_days", "s-amber-days");
  const amberProgress = numberInput("amber_progress_below", "s-amber-progress");
  const backupsKeep = numberInput("backups_keep", "s-backups-keep");
  const backupInterval = numberInput("backup_interval_hours", "s-backup-interval");
  const numberFields: Record<keyof typeof numbers, HTMLInputElement> = {
    amber_window_days: amberDays,
    amber_progress_below: amberProgress,
    backups_keep: backupsKeep,
    backup_interval_hours: backupInterval,
  };
  const reminders = h("input", { type: "checkbox", id: "s-reminders", "data-testid": "reminders-toggle" });

  /** Put the stored settings into the fields. */
  function fill() {
    name.value = value(settings, "user_name");
    baseRule.value = value(settings, "base_date_rule");
    const open = value(settings, "open_ended");
    openKind.value = open === "next_inspection" ? "next_inspection" : "months";
    months.value = open === "next_inspection" ? "12" : open || "12";
    showMonths();
    ragRule.value = value(settings, "rag_rule") || DEFAULT_RAG_RULE;
    for (const [key, el] of Object.entries(numberFields)) el.value = value(settings, key);
    reminders.checked = remindersOn(settings);
    showKey();
  }

  function showKey() {
    // A value being typed that is not (yet) allowed: the key keeps the stored one.
    const typed = (el: HTMLInputElement, key: keyof typeof numbers) => {
      const n = Number(el.value);
      const { min, max } = numbers[key];
      return el.value.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? n : Number(value(settings, key));
    };
    ragKey.replaceChildren(
      ...ragKeyLines(ragRule.value as RagRule, typed(amberDays, "amber_window_days"), typed(amberProgress, "amber_progress_below")).map((l) => h("li", {}, l)),
    );
  }
  for (const el of [ragRule, amberDays, amberProgress]) el.addEventListener("input", showKey);
  ragRule.addEventListener("change", showKey);

  /** What each field now says, as the setting's value (numbers as typed, trimmed). */
  function current(): Record<string, string> {
    return {
      user_name: name.value.trim(),
      base_date_rule: baseRule.value,
      open_ended: openKind.value === "next_inspection" ? "next_inspection" : months.value.trim(),
      rag_rule: ragRule.value,
      ...Object.fromEntries(Object.entries(numberFields).map(([k, el]) => [k, el.value.trim()])),
      [REMINDERS_KEY]: reminders.checked ? "on" : "off",
    };
  }

  /** The settings whose field differs from what is stored. */
  function changes(): { key: string; value: string }[] {
    const now = current();
    const stored = (key: string) =>
      key === REMINDERS_KEY ? (remindersOn(settings) ? "on" : "off") : key === "rag_rule" ? value(settings, key) || DEFAULT_RAG_RULE : value(settings, key);
    const same = (key: string, v: string) => {
      const was = stored(key);
      // 12 and 012 are the same number.
      return key in numberFields || key === "open_ended" ? v === was || (v !== "" && Number(v) === Number(was)) : v === was;
    };
    return FIELDS.filter((f) => !same(f.key, now[f.key])).map((f) => ({ key: f.key, value: now[f.key] }));
  }

  function problems(): Problem[] {
    const out: Problem[] = [];
    if (!name.value.trim()) out.push({ field: name.id, message: "Enter your name, as the history should record it" });
    if (openKind.value === "months") {
      const n = Number(months.value);
      if (months.value.trim() === "" || !Number.isInteger(n) || n < 1 || n > 60)
        out.push({ field: months.id, message: "Enter the months for recommendations with no timeframe as a whole number from 1 to 60" });
    }
    for (const [key, el] of Object.entries(numberFields)) {
      const { min, max, what } = numbers[key as keyof typeof numbers];
      const n = Number(el.value);
      if (el.value.trim() === "" || !Number.isInteger(n) || n < min || n > max)
        out.push({ field: el.id, message: `Enter ${what} as a whole number from ${min} to ${max}` });
    }
    return out;
  }

  function showBanner() {
    if (!saved) {
      bannerSlot.replaceChildren();
      return;
    }
    const banner = h(
      "div",
      { class: "success-banner", role: "alert", tabindex: "-1", "aria-labelledby": "settings-saved-title", "data-testid": "success-banner" },
      h("h3", { id: "settings-saved-title" }, saved.title),
      h("p", {}, saved.text),
    );
    bannerSlot.replaceChildren(banner);
    saved = null;
    banner.focus();
  }

  const form = h("form", { class: "settings", novalidate: "", "data-save-shortcut": "", "data-testid": "settings-form" });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void submit();
  });

  /** "Save changes": true when nothing is left unsaved (saved, or nothing had changed). */
  async function submit(): Promise<boolean> {
    bannerSlot.replaceChildren(); // the last save's news is old now
    if (showProblems(errors, problems(), form)) return false;
    const changed = changes();
    if (!changed.length) {
      saved = { title: "Nothing to save", text: "No setting had changed." };
      showBanner();
      return true;
    }
    return save(changed);
  }

  async function save(changed: { key: string; value: string }[]): Promise<boolean> {
    const turnedOn = changed.some((c) => c.key === REMINDERS_KEY && c.value === "on");
    try {
      settings = await api.setSettings(changed);
    } catch (e) {
      // Nothing was stored (one transaction): said at the top, linked to the first field.
      const first = FIELDS.find((f) => f.key === changed[0].key)?.id ?? name.id;
      showProblems(errors, [{ field: first, message: `The settings were not saved: ${errorMessage(e)}` }], form);
      return false;
    }
    invalidate(); // due dates and RAG may follow from the rules
    const words = listWords(changed.map((c) => FIELDS.find((f) => f.key === c.key)?.label ?? c.key));
    saved = { title: "Success", text: `${words[0].toUpperCase()}${words.slice(1)} saved.` };
    fill();
    showBanner();
    if (turnedOn) void checkReminders();
    return true;
  }

  // Leaving the screen or closing the window with changes unsaved asks first.
  guardLeaving({ dirty: () => form.isConnected && changes().length > 0, save: submit, what: "the settings" });

  fill();
  form.append(
    h(
      "section",
      { class: "panel", "aria-labelledby": "settings-heading" },
      h("h3", { id: "settings-heading" }, "How the plan is worked out"),
      field("Your name", name, "Recorded in the history with each change you make."),
      field("Due dates count from", baseRule, "Timeframes such as “within three months” run from this date."),
      field("Recommendations with no timeframe are due", openKind),
      monthsField,
      field("RAG ratings", ragRule, "The convention the plan and the board paper use; the paper prints its key."),
      ragKey,
      field("Amber warning (days before the due date)", amberDays),
      field("Amber when progress is below (%)", amberProgress),
      field("Backups to keep", backupsKeep),
      field(
        "Hours between automatic backups",
        backupInterval,
        "A backup is taken when the app starts or a change is made and the newest is older than this (24: once a day; 0: before every change).",
      ),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "reminders-heading" },
      h("h3", { id: "reminders-heading" }, "Reminders"),
      h("div", { class: "check" }, reminders, h("label", { for: reminders.id }, "Show a desktop notification when actions are overdue or due this week")),
      h("p", { class: "meta" }, "Checked when the app starts and once a day while it is open; never more than one notification a day."),
    ),
    h(
      "div",
      { class: "button-row" },
      h("button", { type: "submit", class: "primary", "data-testid": "save-settings", "aria-keyshortcuts": SAVE_KEYS }, "Save changes"),
      h("span", { class: "meta" }, `or ${MOD}+S`),
    ),
  );
  return h("div", { class: "settings-form" }, bannerSlot, errors, form);
}

function backupsPanel(result: PromiseSettledResult<BackupInfo[]>): HTMLElement {
  const list = h("div", {});
  const slot = h("div", { class: "slot" });
  const render = (backups: BackupInfo[]) => {
    list.replaceChildren(
      backups.length === 0
        ? h("p", { class: "meta" }, "No backups yet.")
        : h(
            "table",
            { class: "data-table", "data-testid": "backups" },
            h("caption", { class: "sr-only" }, "Backups, newest first"),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, "Backup"),
                h("th", { scope: "col" }, "Made"),
                h("th", { scope: "col" }, "Size"),
                h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Restore")),
              ),
            ),
            h(
              "tbody",
              {},
              ...[...backups]
                .sort((a, b) => (a.modified < b.modified ? 1 : -1))
                .map((b) =>
                  h(
                    "tr",
                    {},
                    h("th", { scope: "row" }, b.name),
                    h("td", {}, formatDateTime(b.modified)),
                    h("td", {}, formatBytes(b.bytes)),
                    h(
                      "td",
                      {},
                      button("Restore", () => void restore(b), { class: "secondary small", "aria-label": `Restore ${b.name}` }),
                    ),
                  ),
                ),
            ),
          ),
    );
  };
  async function reload() {
    try {
      render(await api.listBackups());
    } catch (e) {
      showError(slot, e, "The backups could not be listed");
    }
  }
  async function restore(b: BackupInfo) {
    const ok = await confirmDialog(
      "Restore this backup?",
      `The database will be replaced by ${b.name}, made ${formatDateTime(b.modified)}. Changes made since then will be lost. The backup is checked before it replaces anything.`,
      "Restore backup",
      true,
    );
    if (!ok) return;
    slot.replaceChildren();
    try {
      await api.restoreBackup(b.path);
      invalidate();
      showToast(`Restored ${b.name}.`);
      await reload();
    } catch (e) {
      showError(slot, e, "The backup was not restored");
    }
  }
  const make = button(
    "Make a backup now",
    async () => {
      slot.replaceChildren();
      make.disabled = true;
      try {
        const b = await api.makeBackup();
        showToast(`Backup made: ${b.name}.`);
        await reload();
      } catch (e) {
        showError(slot, e, "The backup was not made");
      } finally {
        make.disabled = false;
      }
    },
    { class: "secondary", "data-testid": "make-backup" },
  );
  if (result.status === "fulfilled") render(result.value);
  else showError(slot, result.reason, "The backups could not be listed");
  return h(
    "section",
    { class: "panel", "aria-labelledby": "backups-heading" },
    h("h3", { id: "backups-heading" }, "Backups"),
    list,
    slot,
    h("div", { class: "button-row" }, make),
  );
}

/** Settings → Team: connect to the team's server, its status, sync now, disconnect. */
export function teamPanel(result: PromiseSettledResult<TeamView | null>): HTMLElement {
  const body = h("div", {});
  const slot = h("div", { class: "slot" });
  const render = (v: TeamView | null) => {
    slot.replaceChildren();
    if (!v) {
      const url = h("input", { type: "text", id: "team-url", placeholder: "postgres://NAME@HOST:5432/DATABASE", autocomplete: "off" });
      const pw = h("input", { type: "password", id: "team-password", autocomplete: "current-password" });
      const connect = button(
        "Connect",
        async () => {
          slot.replaceChildren();
          connect.disabled = true;
          try {
            const now = await api.teamConnect(url.value.trim(), pw.value);
            pw.value = "";
            invalidate();
            showToast("Connected to the team's server.");
            render(now);
          } catch (e) {
            showError(slot, e, "Not connected");
          } finally {
            connect.disabled = false;
          }
        },
        { "data-testid": "team-connect" },
      );
      body.replaceChildren(
        h("p", { class: "meta" }, "Share this plan with your team through the council's PostgreSQL server. IT gives you the address and your user name."),
        field("Server address", url),
        field("Password", pw, "Kept in this computer's credential store where it has one, never in a file."),
        h("div", { class: "button-row" }, connect),
      );
      return;
    }
    const sync = button(
      "Sync now",
      async () => {
        slot.replaceChildren();
        try {
          const r = await api.teamSync();
          invalidate();
          showToast(`Sent ${r.pushed} changes, received ${r.pulled}.`);
          render(await api.teamStatus());
        } catch (e) {
          showError(slot, e, "The sync did not complete");
        }
      },
      { class: "secondary", "data-testid": "team-sync" },
    );
    const disconnect = button(
      "Disconnect",
      async () => {
        const ok = await confirmDialog(
          "Disconnect from the team?",
          "This computer keeps its copy of the plan but stops sending and receiving changes.",
          "Disconnect",
          true,
        );
        if (!ok) return;
        slot.replaceChildren();
        try {
          await api.teamDisconnect();
          render(null);
        } catch (e) {
          showError(slot, e, "Still connected");
        }
      },
      { class: "secondary", "data-testid": "team-disconnect" },
    );
    body.replaceChildren(
      h(
        "dl",
        { class: "team-facts", "data-testid": "team-facts" },
        h("dt", {}, "Server"),
        h("dd", {}, v.server),
        h("dt", {}, "You"),
        h("dd", {}, `${v.user} (${v.role ?? "no role"})`),
        h("dt", {}, "Last sync"),
        h("dd", {}, v.last_sync ? formatDateTime(v.last_sync) : "never"),
        h("dt", {}, "Waiting to send"),
        h("dd", {}, String(v.pending)),
        h("dt", {}, "Refused by the server"),
        h("dd", {}, String(v.refused)),
        h("dt", {}, "Your changes overtaken"),
        h("dd", {}, String(v.conflicts)),
      ),
      h("div", { class: "button-row" }, sync, disconnect),
    );
  };
  if (result.status === "fulfilled") render(result.value);
  else showError(slot, result.reason, "The team connection could not be read");
  return h("section", { class: "panel", "aria-labelledby": "team-heading" }, h("h3", { id: "team-heading" }, "Team"), body, slot);
}

function folderPanel(result: PromiseSettledResult<string>): HTMLElement {
  return h(
    "section",
    { class: "panel", "aria-labelledby": "folder-heading" },
    h("h3", { id: "folder-heading" }, "Where the data is kept"),
    result.status === "fulfilled"
      ? h("p", {}, h("code", { "data-testid": "data-folder" }, result.value))
      : errorBox(result.reason, "The data folder could not be found"),
  );
}
