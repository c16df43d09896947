// The first screen on an empty database: what the app does, and the two ways to start.
// It also shows what the database holds and where (the end-to-end test of the real window
// reads these).
import { api } from "../api";
import { h, button, field } from "../dom";
import { formatCount, plural } from "../format";
import type { StoreInfo } from "../gen/StoreInfo";
import { errorBox } from "../components/alert";
import { showToast } from "../components/toast";
import { invalidate, userName } from "../state";
import { showProblems } from "../components/error-summary";
import { navigate } from "../router";
import { MOD } from "../shortcuts";
import { reviewPreviews } from "./import";
import { whyNot } from "../permissions";

function stat(label: string, value: number | bigint, id: string): HTMLElement {
  return h("div", { class: "stat", "data-testid": id }, h("span", { class: "stat-value" }, formatCount(value)), h("span", { class: "stat-label" }, label));
}

export function renderInfo(info: StoreInfo): HTMLElement {
  return h(
    "div",
    {},
    h(
      "div",
      { class: "stats", role: "group", "aria-label": "What the database holds" },
      stat("reports", info.reports, "count-reports"),
      stat("recommendations", info.recommendations, "count-recommendations"),
      stat("actions", info.actions, "count-actions"),
      stat("open actions", info.open_actions, "count-open-actions"),
    ),
    h(
      "p",
      { class: "meta" },
      "Data is kept on this computer in ",
      h("code", { "data-testid": "db-path" }, info.path),
      ` (schema version ${info.schema_version}).`,
    ),
  );
}

/**
 * "Your name": the name every change, update and review is recorded under, asked before
 * anything is stored. Prefilled with the stored name, which until chosen is the system
 * account's. `save` stores it (unless unchanged and already chosen) and says whether the
 * person may go on.
 */
function nameQuestion(problems: HTMLElement): { part: HTMLElement; save: () => Promise<boolean> } {
  const input = h("input", { type: "text", id: "first-name", autocomplete: "name", spellcheck: "false", "data-testid": "first-name" });
  let stored: { name: string; chosen: boolean } | null = null;
  const prefilled = userName()
    .then((n) => {
      stored = n;
      if (!input.value) input.value = n.name;
    })
    .catch(() => undefined);
  const part = h(
    "div",
    { class: "panel name-question" },
    field(
      "Your name",
      input,
      "The history records every change, update and review under this name, and exports say who they are from. It starts as this computer's account name: use the name colleagues know you by.",
    ),
  );
  const save = async () => {
    await prefilled; // a click before the name has come still finds it filled in
    const name = input.value.trim();
    if (showProblems(problems, name ? [] : [{ field: input.id, message: "Enter your name, as the history should record it" }], part)) return false;
    if (stored?.chosen && stored.name === name) return true;
    try {
      await api.setSetting("user_name", name);
      stored = { name, chosen: true };
      return true;
    } catch (e) {
      showProblems(problems, [{ field: input.id, message: `Your name was not saved: ${e instanceof Error ? e.message : String(e)}` }], part);
      return false;
    }
  };
  return { part, save };
}

export function renderFirstRun(info: StoreInfo, onLoaded: () => void): HTMLElement {
  const cannotImport = whyNot("import");
  const slot = h("div", { class: "slot" });
  const problems = h("div", { class: "slot", id: "first-run-problems" });
  const name = nameQuestion(problems);
  const samples = button(
    "Try the sample reports",
    async () => {
      if (!(await name.save())) return;
      samples.disabled = true;
      samples.textContent = "Loading the sample reports…";
      slot.replaceChildren();
      try {
        const load = await api.loadSamples();
        invalidate();
        const actions = load.imported.reduce((n, o) => n + o.actions, 0);
        showToast(`Loaded ${plural(load.imported.length, "sample report")} with ${plural(actions, "action")}.`);
        // A sample that states no date comes back for review (its date must come from you),
        // and so does the area SEND one (its priority action plan deadline).
        if (load.needs_review.length) reviewPreviews(load.needs_review);
        else onLoaded();
      } catch (e) {
        slot.replaceChildren(errorBox(e, "The sample reports could not be loaded"));
        samples.disabled = false;
        samples.textContent = "Try the sample reports";
      }
    },
    { class: "secondary", "data-testid": "load-samples" },
  );
  return h(
    "section",
    { class: "first-run", "aria-labelledby": "screen-title", "data-testid": "first-run" },
    h("h2", { id: "screen-title", tabindex: "-1" }, "No reports yet"),
    problems,
    h(
      "p",
      { class: "lead" },
      "Turn an Ofsted inspection report into a tracked action plan: each recommendation becomes an action with a due date, measured against the next inspection.",
    ),
    h(
      "ol",
      { class: "steps" },
      h("li", {}, "Import a report (PDF, Word, web page or text). Nothing is stored until you have checked what was read."),
      h("li", {}, "Each recommendation becomes an action, due by its timeframe."),
      h("li", {}, "Track owners, progress, updates and evidence until the next inspection."),
    ),
    ...(cannotImport
      ? // A team member who may not import waits for the plan the team's admin publishes.
        [h("p", { class: "notice", "data-testid": "why-import" }, cannotImport, " The team's plan shows here once an admin has published it.")]
      : [
          name.part,
          h(
            "div",
            { class: "button-row" },
            button("Import a report", async () => (await name.save()) && navigate("#/import"), {
              class: "primary",
              "data-testid": "start-import",
              "aria-keyshortcuts": "Control+O",
            }),
            samples,
          ),
          h("p", { class: "meta" }, `Tip: press ${MOD}+O at any time to import.`),
        ]),
    slot,
    renderInfo(info),
  );
}
