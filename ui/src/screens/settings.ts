// Settings: who you are for the history, the date rules, the amber warning, reminders,
// backups and where the data is kept. Each setting saves when it changes.
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
  main.append(title, settingsForm(settings), remindersPanel(settings), teamPanel(team), backupsPanel(backups), folderPanel(folder));
}

function value(settings: SettingView[], key: string): string {
  return settings.find((s) => s.key === key)?.value ?? "";
}

export function settingsForm(initial: SettingView[]): HTMLElement {
  let settings = initial;
  const status = h("p", { class: "meta", role: "status", "data-testid": "settings-status" });
  const errors = h("div", { class: "slot" });
  let refreshKey = () => {};

  async function save(key: string, v: string, label: string) {
    errors.replaceChildren();
    status.textContent = "";
    try {
      settings = await api.setSetting(key, v);
      refreshKey();
      invalidate(); // due dates and RAG may follow from the rules
      status.textContent = `${label} saved.`;
    } catch (e) {
      showError(errors, e, `${label} was not saved`);
    }
  }

  const name = h("input", { type: "text", id: "s-user", autocomplete: "name" });
  name.value = value(settings, "user_name");
  name.addEventListener("change", () => void save("user_name", name.value.trim(), "Your name"));

  const baseRule = select(
    [
      ["last_day_of_inspection", "The last day of the inspection"],
      ["publication", "The date the report was published"],
    ],
    value(settings, "base_date_rule"),
    { id: "s-base" },
  );
  baseRule.addEventListener("change", () => void save("base_date_rule", baseRule.value, "The base date rule"));

  // open_ended is a number of months, or "next_inspection".
  const openValue = value(settings, "open_ended");
  const openKind = select(
    [
      ["next_inspection", "By the next inspection"],
      ["months", "A number of months after the base date"],
    ],
    openValue === "next_inspection" ? "next_inspection" : "months",
    { id: "s-open-kind" },
  );
  const months = h("input", { type: "number", min: "1", max: "60", step: "1", id: "s-open-months" });
  months.value = openValue === "next_inspection" ? "12" : openValue || "12";
  const monthsField = field("Months", months);
  monthsField.hidden = openKind.value !== "months";
  const saveOpen = () => {
    monthsField.hidden = openKind.value !== "months";
    if (openKind.value === "next_inspection") void save("open_ended", "next_inspection", "The open-ended timeframe");
    else if (Number(months.value) >= 1) void save("open_ended", String(Math.round(Number(months.value))), "The open-ended timeframe");
    else showError(errors, new Error("Give a number of months from 1 to 60."), "Not saved");
  };
  openKind.addEventListener("change", saveOpen);
  months.addEventListener("change", saveOpen);

  // The council's RAG convention; its key (from the core's words) under it.
  const ragRule = select(Object.entries(RAG_RULE_LABELS) as [string, string][], value(settings, "rag_rule") || "due_date_and_progress", {
    id: "s-rag-rule",
    "data-testid": "rag-rule",
  });
  const ragKey = h("ul", { class: "meta", "data-testid": "rag-key" });
  // The key of the rule in force with this council's amber settings (the core's words).
  const showKey = () =>
    ragKey.replaceChildren(
      ...ragKeyLines(ragRule.value as RagRule, Number(value(settings, "amber_window_days")), Number(value(settings, "amber_progress_below"))).map((l) =>
        h("li", {}, l),
      ),
    );
  refreshKey = showKey;
  showKey();
  ragRule.addEventListener("change", () => {
    showKey();
    void save("rag_rule", ragRule.value, "The RAG rule");
  });

  const number = (key: string, id: string, min: string, max: string, label: string) => {
    const el = h("input", { type: "number", min, max, step: "1", id });
    el.value = value(settings, key);
    el.addEventListener("change", () => {
      const n = Number(el.value);
      if (!Number.isInteger(n) || n < Number(min) || n > Number(max)) {
        showError(errors, new Error(`${label} must be a whole number from ${min} to ${max}.`), "Not saved");
        return;
      }
      void save(key, String(n), label);
    });
    return el;
  };

  const form = h(
    "form",
    { class: "panel settings", "aria-labelledby": "settings-heading" },
    h("h3", { id: "settings-heading" }, "How the plan is worked out"),
    field("Your name", name, "Recorded in the history with each change you make."),
    field("Due dates count from", baseRule, "Timeframes such as “within three months” run from this date."),
    field("Recommendations with no timeframe are due", openKind),
    monthsField,
    field("RAG ratings", ragRule, "The convention the plan and the board paper use; the paper prints its key."),
    ragKey,
    field("Amber warning (days before the due date)", number("amber_window_days", "s-amber-days", "0", "365", "The amber warning window")),
    field("Amber when progress is below (%)", number("amber_progress_below", "s-amber-progress", "0", "100", "The amber progress threshold")),
    field("Backups to keep", number("backups_keep", "s-backups-keep", "1", "100", "The number of backups to keep")),
    field(
      "Hours between automatic backups",
      number("backup_interval_hours", "s-backup-interval", "0", "8760", "The hours between automatic backups"),
      "A backup is taken when the app starts or a change is made and the newest is older than this (24: once a day; 0: before every change).",
    ),
    errors,
    status,
  );
  form.addEventListener("submit", (ev) => ev.preventDefault());
  return form;
}

function remindersPanel(settings: SettingView[]): HTMLElement {
  const box = h("input", { type: "checkbox", id: "s-reminders", "data-testid": "reminders-toggle" });
  box.checked = remindersOn(settings);
  const status = h("p", { class: "meta", role: "status", "data-testid": "reminders-status" });
  const errors = h("div", { class: "slot" });
  box.addEventListener("change", async () => {
    const on = box.checked;
    errors.replaceChildren();
    status.textContent = "";
    box.disabled = true;
    try {
      await api.setSetting(REMINDERS_KEY, on ? "on" : "off");
      status.textContent = on ? "Reminders are on." : "Reminders are off.";
      if (on) void checkReminders();
    } catch (e) {
      box.checked = !on;
      showError(errors, e, "The reminders setting was not saved");
    } finally {
      box.disabled = false;
      box.focus();
    }
  });
  return h(
    "section",
    { class: "panel", "aria-labelledby": "reminders-heading" },
    h("h3", { id: "reminders-heading" }, "Reminders"),
    h("div", { class: "check" }, box, h("label", { for: "s-reminders" }, "Show a desktop notification when actions are overdue or due this week")),
    h("p", { class: "meta" }, "Checked when the app starts and once a day while it is open; never more than one notification a day."),
    errors,
    status,
  );
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
