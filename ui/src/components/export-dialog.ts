// "Export…": choose a format, the date the paper is as at and whether the plan's filters
// apply; then the system's save dialog; then the core writes the file. From the header,
// the action plan, and Ctrl/⌘+E anywhere.
import { api } from "../api";
import { h, field, select, uid, DATE_HINT } from "../dom";
import { formatDate, todayIso } from "../format";
import { isFilterEmpty, type PlanFilter } from "../actions";
import { FORMATS, formatInfo, defaultFileName, exportFilter, outcomeMessage, withExtension } from "../export";
import type { ExportFormat } from "../gen/ExportFormat";
import type { ActionFilter } from "../gen/ActionFilter";
import type { ExportPreview } from "../gen/ExportPreview";
import { DRAFT_MARKER } from "../gen/labels";
import { chooseSavePath } from "../native";
import { isMac } from "../shortcuts";
import { openDialog } from "./modal";
import { showToast } from "./toast";
import { errorMessage } from "./alert";
import { dateInput, dateProblem, isoOf, setIso } from "./date-input";
import { showProblems } from "./error-summary";
import { getSummary, userName } from "../state";

/** What the action plan offers while it is on screen: its filters as they are now. */
export interface PlanScope {
  filter: () => PlanFilter;
  reportName: (id: string) => string;
}

let offered: { owner: HTMLElement; scope: PlanScope } | null = null;

/** The plan screen offers its filters; they apply only while `owner` is on screen. */
export function offerPlanFilters(owner: HTMLElement, scope: PlanScope): void {
  offered = { owner, scope };
}

function planScope(): PlanScope | null {
  return offered?.owner.isConnected ? offered.scope : null;
}

// Remembered for the session, so trying again after an error starts where it was.
let lastFormat: ExportFormat = "board-paper";
let lastApply = true;
let lastFromHistory = false;
let running = false;

export const EXPORT_KEYS = isMac ? "Meta+E" : "Control+E";

function setTriggersBusy(busy: boolean): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-export-trigger]")) {
    b.disabled = busy;
    if (busy) b.setAttribute("aria-busy", "true");
    else b.removeAttribute("aria-busy");
  }
}

/** An "Export…" button (disabled while an export runs). */
export function exportButton(attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = h("button", { type: "button", "data-export-trigger": "", "aria-keyshortcuts": EXPORT_KEYS, ...attrs }, "Export…");
  b.disabled = running;
  b.addEventListener("click", () => void openExportDialog());
  return b;
}

/** The open export dialog (where its fields' problems are shown). */
const dialogBody = (): ParentNode => document.querySelector("[data-testid=export-dialog]") ?? document;

/** The local authorities of the plan's reports, in the summary's order, each once. */
async function authorities(): Promise<string[]> {
  try {
    const s = await getSummary();
    return [...new Set(s.reports.map((r) => r.local_authority).filter((a): a is string => !!a))];
  } catch {
    return []; // The dialog still exports every council's actions.
  }
}

/** Opens the export dialog (unless one is open or an export is running). */
export async function openExportDialog(): Promise<void> {
  if (running || document.querySelector("dialog[open]")) return;
  const scope = planScope();
  const planFilter = scope?.filter() ?? null;
  const hasFilters = !!planFilter && !isFilterEmpty(planFilter);

  // --- format ------------------------------------------------------------------------
  const radios = FORMATS.map((f) => {
    const id = uid("fmt");
    const input = h("input", { type: "radio", name: "export-format", id, value: f.format, "aria-describedby": `${id}-hint` });
    input.checked = f.format === lastFormat;
    return {
      input,
      el: h("div", { class: "choice" }, input, h("label", { for: id }, f.label), h("span", { class: "hint", id: `${id}-hint` }, f.hint)),
    };
  });
  const formats = h("fieldset", { class: "choices", "data-testid": "export-formats" }, h("legend", {}, "Format"), ...radios.map((r) => r.el));
  const chosen = (): ExportFormat => (radios.find((r) => r.input.checked)?.input.value as ExportFormat) ?? "board-paper";

  // --- council -----------------------------------------------------------------------
  // When the plan holds several councils' reports, a paper can be one council's.
  const councils = await authorities();
  const council = select([["", "Every council in the plan"], ...councils.map((a): [string, string] => [a, a])], "", { "data-testid": "export-authority" });
  const councilPart = councils.length > 1 ? field("Council", council) : null;

  // --- date --------------------------------------------------------------------------
  const date = dateInput({ required: "", "data-testid": "export-as-of" });
  setIso(date, todayIso());
  const dateText = () =>
    isoOf(date)
      ? `${formatDate(isoOf(date))}: ratings, days overdue and the latest updates as they stood on this date.`
      : "Give the date the paper reports the position at.";
  const dateField = field("Position as at", date, dateText());
  const dateHint = dateField.querySelector<HTMLElement>(".hint")!;
  const describeDate = () => (dateHint.textContent = `${dateText()} ${DATE_HINT}`);

  // --- as recorded -------------------------------------------------------------------
  // Without it a past date rates today's statuses as at that date; with it the core
  // rebuilds statuses, progress, owners and due dates from the history as they stood.
  const recorded = h("input", { type: "checkbox", id: uid("recorded"), "data-testid": "export-from-history" });
  recorded.checked = lastFromHistory;
  const recordedHint = h("span", { class: "hint", id: uid("rhint") });
  recorded.setAttribute("aria-describedby", recordedHint.id);
  const recordedPart = h(
    "div",
    { class: "field" },
    h("div", { class: "check" }, recorded, h("label", { for: recorded.id }, "As recorded on that date (rebuilt from the history)")),
    recordedHint,
  );
  const describeRecorded = () => {
    const past = !!isoOf(date) && isoOf(date) < todayIso();
    recorded.disabled = !past;
    recordedHint.textContent = past
      ? recorded.checked
        ? "Statuses, progress, owners and due dates as they were recorded by the end of that day; later actions and updates left out."
        : "Off: today's statuses and progress, rated as at that date."
      : "For a date in the past: shows the plan as it was recorded then.";
  };

  // --- filters -----------------------------------------------------------------------
  const apply = h("input", { type: "checkbox", id: uid("apply"), "data-testid": "export-apply-filters" });
  apply.checked = lastApply;
  const filterNote = h("div", { class: "filter-note", id: uid("fnote"), "data-testid": "export-filter-note" });
  const mapped = () => (planFilter && hasFilters ? exportFilter(planFilter, scope!.reportName) : null);
  const describeFilters = () => {
    const m = mapped();
    if (!m) return;
    filterNote.hidden = !apply.checked;
    filterNote.replaceChildren(
      m.applied.length
        ? h("p", {}, `Only actions with ${m.applied.join("; ")}.`)
        : h("p", {}, "None of the plan's filters can be applied: every action is exported."),
    );
  };
  const scopePart = hasFilters
    ? h("div", { class: "field" }, h("div", { class: "check" }, apply, h("label", { for: apply.id }, "Apply the action plan's current filters")), filterNote)
    : h(
        "p",
        { class: "meta", "data-testid": "export-filter-note" },
        scope
          ? "Every action in the plan (no filters are set)."
          : "Every action in the plan. To export some of them, filter the action plan and export from there.",
      );
  if (hasFilters) apply.setAttribute("aria-describedby", filterNote.id);

  date.addEventListener("input", () => {
    describeDate();
    describeRecorded();
    describeFilters();
  });
  recorded.addEventListener("change", describeRecorded);
  describeRecorded();
  apply.addEventListener("change", describeFilters);
  describeDate();
  describeFilters();

  // --- the board paper's choices, and what to check first (from the core) ------------
  const paper = boardPaperPart();
  const refreshPreview = () => {
    const m = hasFilters && apply.checked ? mapped() : null;
    void paper.refresh(chosen(), m?.filter ?? {}, isoOf(date) || null, recorded.checked && !recorded.disabled);
  };
  for (const r of radios) r.input.addEventListener("change", refreshPreview);
  date.addEventListener("change", refreshPreview);
  recorded.addEventListener("change", refreshPreview);
  apply.addEventListener("change", refreshPreview);
  refreshPreview();

  const busy = h("p", { class: "busy", role: "status", "data-testid": "export-busy" });
  const problems = h("div", { class: "slot", id: "export-problems" });
  // Who the paper is from: the name the history records (chosen at the first run).
  const by = await userName().catch(() => null);
  const byPart = by
    ? h("p", { class: "meta", "data-testid": "export-by" }, `Exported by ${by.name}. `, h("a", { href: "#/settings" }, "Change the name in Settings"))
    : null;

  await openDialog({
    title: "Export the action plan",
    testid: "export-dialog",
    body: [problems, formats, ...(councilPart ? [councilPart] : []), dateField, recordedPart, scopePart, paper.el, byPart, busy],
    novalidate: true,
    initialFocus: radios.find((r) => r.input.checked)?.input,
    confirmLabel: "Choose where to save…",
    onConfirm: async () => {
      const format = chosen();
      const info = formatInfo(format);
      const asOf = isoOf(date);
      lastFormat = format;
      lastApply = apply.checked;
      lastFromHistory = recorded.checked;
      const fromHistory = recorded.checked && !recorded.disabled;
      const m = hasFilters && apply.checked ? mapped() : null;
      const filter: ActionFilter = { ...(m?.filter ?? {}) };
      if (councilPart && council.value) filter.authority = council.value;
      const scopeName = filter.report_id ? scope!.reportName(filter.report_id) : (filter.authority ?? null);
      // A filter that matches nothing is an error, said before any file is written.
      const dateWrong = !asOf ? "Enter the date the paper reports the position at" : dateProblem(date);
      if (showProblems(problems, dateWrong ? [{ field: date.id, message: dateWrong }] : [], dialogBody())) return false;
      try {
        if ((await api.listActions(filter, asOf)).length === 0) {
          const message =
            hasFilters && apply.checked
              ? "No action matches the action plan's filters: change them, or untick them to export every action"
              : "No action matches: there is nothing to export";
          showProblems(
            problems,
            [{ field: hasFilters && apply.checked ? apply.id : (radios.find((r) => r.input.checked)?.input.id ?? date.id), message }],
            dialogBody(),
          );
          return false;
        }
      } catch (e) {
        showProblems(problems, [{ field: date.id, message: errorMessage(e) }], dialogBody());
        return false;
      }
      busy.textContent = "Choose where to save the file in the system's dialog…";
      let picked: string | null;
      try {
        picked = await chooseSavePath({
          title: `Save the ${info.what}`,
          defaultName: defaultFileName(format, asOf, scopeName),
          filterName: info.filterName,
          extensions: [info.extension],
        });
      } catch (e) {
        busy.textContent = "";
        showToast(errorMessage(e), { error: true });
        return true;
      }
      if (!picked) {
        // Cancelled: nothing happens; the choices stay for another go (or Cancel).
        busy.textContent = "";
        return false;
      }
      const target = withExtension(picked, info.extension);
      running = true;
      setTriggersBusy(true);
      for (const el of [...radios.map((r) => r.input), date, recorded, apply, council, ...paper.inputs]) el.disabled = true;
      busy.replaceChildren(h("span", { class: "spinner", "aria-hidden": "true" }), `Saving the ${info.what}…`);
      try {
        // The save dialog has asked about replacing the file it returned; a path with the
        // extension added is new to it, so an existing file there is refused.
        const outcome = await api.exportPlan(format, target.path, filter, asOf, !target.added, fromHistory, format === "board-paper" ? paper.options() : null);
        showToast(outcomeMessage(outcome));
      } catch (e) {
        showToast(`${info.noun} not saved: ${errorMessage(e)}`, { error: true });
      } finally {
        running = false;
        setTriggersBusy(false);
      }
      return true;
    },
  });
}

/** Shown at most in the warning list; the rest are counted. */
const WARNINGS_SHOWN = 8;

/**
 * The board paper's fields (the previous paper's date, what the board is asked to do) and
 * the drafts and owner-less actions the export would hold —
 * a warning, never a reason not to save. The data comes from the core's export preview.
 */
function boardPaperPart() {
  const since = dateInput({ "data-testid": "export-since" });
  const sinceField = field(
    "Previous paper's date",
    since,
    "The change since the previous paper is counted from the plan as recorded on this date. Leave it empty to use the last board paper exported.",
  );
  const ask = h("textarea", { rows: "3", "data-testid": "export-ask" });
  const askField = field("The board is asked to …", ask, "Printed on the paper's first page.");
  let defaultAsk = "";
  const board = h("div", { "data-testid": "export-board-paper" }, sinceField, askField);
  const warnings = h("div", { class: "warning-list", "data-testid": "export-warnings" });
  const el = h("div", {}, board, warnings);
  let asked = 0;
  return {
    el,
    inputs: [since, ask],
    options: () => ({
      since: isoOf(since) || null,
      board_asked: ask.value.trim() && ask.value.trim() !== defaultAsk ? ask.value.trim() : null,
    }),
    async refresh(format: ExportFormat, filter: ActionFilter, asOf: string | null, fromHistory: boolean) {
      board.hidden = format !== "board-paper";
      const mine = ++asked;
      let p: ExportPreview;
      try {
        p = await api.exportPreview(format, filter, asOf, fromHistory, { since: isoOf(since) || null, board_asked: null });
      } catch {
        return; // the export itself will say what is wrong
      }
      if (mine !== asked) return;
      if (!isoOf(since) && p.previous_paper) setIso(since, p.previous_paper);
      if (!ask.value.trim() || ask.value.trim() === defaultAsk) ask.value = p.default_ask;
      defaultAsk = p.default_ask;
      warnings.replaceChildren();
      if (p.warnings.length) {
        const n = p.warnings.length;
        warnings.append(
          h(
            "p",
            { class: "warning-title" },
            `${n} ${n === 1 ? "action is still a draft or has" : "actions are still drafts or have"} no owner. You can still save.`,
          ),
          h(
            "ul",
            {},
            ...p.warnings
              .slice(0, WARNINGS_SHOWN)
              .map((w) =>
                h(
                  "li",
                  {},
                  `${w.reference}${w.local_authority ? ` (${w.local_authority})` : ""}: ${[w.draft ? DRAFT_MARKER : "", w.no_owner ? "no owner" : ""].filter(Boolean).join("; ")}`,
                ),
              ),
            ...(n > WARNINGS_SHOWN ? [h("li", {}, `and ${n - WARNINGS_SHOWN} more`)] : []),
          ),
        );
      }
    },
  };
}
