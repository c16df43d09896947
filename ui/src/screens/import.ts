// Import: pick or drop report files, read each (with progress), then review them one by
// one. Previews live only in memory here: nothing is stored until "Create action plan",
// and Cancel simply forgets them.
import { api } from "../api";
import { h, button } from "../dom";
import { plural, formatCount } from "../format";
import type { ImportPreview } from "../gen/ImportPreview";
import { errorBox, errorMessage } from "../components/alert";
import { showToast } from "../components/toast";
import { pickReportFiles, REPORT_EXTENSIONS } from "../native";
import { invalidate } from "../state";
import { navigate, type Route } from "../router";
import { MOD } from "../shortcuts";
import { whyNot } from "../permissions";
import { reviewView } from "./review";
import { earlierPlanView, hasFollowUp, loadFollowUp } from "./review-earlier";
import { guardKeptWork } from "../unsaved";
import type { PreviousPlanView } from "../gen/PreviousPlanView";
import type { RecommendationRepeats } from "../gen/RecommendationRepeats";

interface ImportState {
  /** While files are being read: which one of how many. */
  reading: { index: number; total: number; name: string } | null;
  previews: ImportPreview[];
  current: number;
  failures: { name: string; message: string }[];
  /** An error from the picker itself. */
  pickError: unknown;
  /** After a later inspection's plan is created: the earlier plan's open actions and the
   * repeat findings to decide on, before the next file. */
  followUp: { reportId: string; reportName: string; plans: PreviousPlanView[]; repeats: RecommendationRepeats[] } | null;
}

const state: ImportState = { reading: null, previews: [], current: 0, failures: [], pickError: null, followUp: null };
let host: HTMLElement | null = null;

// Reports read but not stored survive moving between screens, not the window closing:
// closing asks first.
guardKeptWork(() => {
  if (state.reading)
    return `${plural(state.reading.total, "report")} ${state.reading.total === 1 ? "is" : "are"} still being read for import. Nothing has been stored yet.`;
  // During the earlier plan's decisions the current report is already stored.
  const waiting = state.previews.length - state.current - (state.followUp ? 1 : 0);
  if (waiting <= 0) return null;
  const which = waiting === 1 ? "1 report read for import is" : `${formatCount(waiting)} reports read for import are`;
  return `${which} not yet stored: nothing is kept until you choose Create action plan for each.`;
});

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function reset() {
  state.reading = null;
  state.previews = [];
  state.current = 0;
  state.failures = [];
  state.pickError = null;
  state.followUp = null;
}

export async function showImport(main: HTMLElement, _route: Route): Promise<void> {
  host = h("div", { class: "import" });
  main.append(host);
  draw();
}

/** Re-draws the import screen if it is showing. */
function draw(focusTitle = false) {
  if (!host) return;
  host.replaceChildren(view());
  if (focusTitle && host.isConnected) host.querySelector<HTMLElement>("#screen-title")?.focus();
}

function view(): HTMLElement {
  if (state.reading) {
    const { index, total, name } = state.reading;
    return h(
      "section",
      { "aria-labelledby": "screen-title" },
      h("h2", { id: "screen-title", tabindex: "-1" }, "Import"),
      h("p", { role: "status", class: "lead", "data-testid": "import-progress" }, `Reading ${formatCount(index)} of ${formatCount(total)}…`),
      h("progress", { max: String(total), value: String(index - 1), "aria-label": `Reading ${name}` }),
      h("p", { class: "meta" }, name),
    );
  }
  if (state.followUp) {
    const f = state.followUp;
    return earlierPlanView({
      ...f,
      onDone: () => {
        state.followUp = null;
        invalidate();
        next(f.reportId);
      },
    });
  }
  if (state.previews.length) {
    const preview = state.previews[state.current];
    return reviewView(preview, {
      position: state.current + 1,
      total: state.previews.length,
      failures: state.failures,
      onCreate: async (input) => {
        const outcome = await api.createPlan(input);
        invalidate();
        showToast(
          outcome.duplicate
            ? `${outcome.source_name} was already imported; nothing was added.`
            : `Action plan created for ${outcome.local_authority ?? outcome.source_name}: ${plural(outcome.actions, "action")}.`,
        );
        if (!outcome.duplicate) {
          const found = await loadFollowUp(outcome.report_id);
          if (hasFollowUp(found.plans, found.repeats)) {
            const name = `${outcome.local_authority ?? outcome.source_name} (${outcome.source_name})`;
            state.followUp = { reportId: outcome.report_id, reportName: name, ...found };
            draw(true);
            return;
          }
        }
        next(outcome.report_id);
      },
      onSkip: () => next(null),
      onCancel: () => {
        reset();
        showToast("Import cancelled. Nothing was stored.");
        navigate("#/dashboard");
      },
    });
  }
  const cannotImport = whyNot("import");
  if (cannotImport) {
    return h(
      "section",
      { "aria-labelledby": "screen-title", class: "import-start" },
      h("h2", { id: "screen-title", tabindex: "-1" }, "Import a report"),
      h("p", { class: "notice", "data-testid": "why-import" }, cannotImport),
      h("p", {}, h("a", { href: "#/plan" }, "Read the action plan")),
    );
  }
  return h(
    "section",
    { "aria-labelledby": "screen-title", class: "import-start" },
    h("h2", { id: "screen-title", tabindex: "-1" }, "Import a report"),
    h(
      "div",
      { class: "dropzone", "data-testid": "dropzone" },
      h("p", { class: "lead" }, "Drag report files onto this window, or choose them."),
      button("Choose files…", () => void pickAndImport(), { class: "primary", "data-testid": "choose-files", "aria-keyshortcuts": "Control+O" }),
      h("p", { class: "meta" }, `${REPORT_EXTENSIONS.map((e) => e.toUpperCase()).join(", ")} · several at once · ${MOD}+O from anywhere`),
    ),
    state.pickError ? errorBox(state.pickError, "The files could not be chosen") : null,
    failuresList(),
    h("p", { class: "meta" }, "Nothing is stored until you have reviewed each report and chosen “Create action plan”."),
  );
}

function failuresList(): HTMLElement | null {
  if (!state.failures.length) return null;
  return h(
    "div",
    { class: "error", role: "alert", "data-testid": "import-failures" },
    h("h3", {}, `${plural(state.failures.length, "file")} could not be read`),
    h("ul", {}, ...state.failures.map((f) => h("li", {}, h("strong", {}, f.name), `: ${f.message}`))),
  );
}

function next(reportId: string | null) {
  state.current += 1;
  if (state.current < state.previews.length) {
    draw(true);
    return;
  }
  const single = state.previews.length === 1 && reportId;
  reset();
  navigate(single ? `#/plan?report=${encodeURIComponent(reportId)}` : "#/dashboard");
}

/** The native picker, then import what was chosen. */
export async function pickAndImport(): Promise<void> {
  if (state.reading) return;
  // Ctrl/⌘+O from anywhere: the import screen says why, instead of a picker.
  if (whyNot("import")) {
    navigate("#/import");
    return;
  }
  state.pickError = null;
  let paths: string[];
  try {
    paths = await pickReportFiles();
  } catch (e) {
    state.pickError = e;
    navigate("#/import");
    draw();
    return;
  }
  if (paths.length) await importFiles(paths);
}

/** Review previews that were read elsewhere (the dateless sample report). */
export function reviewPreviews(previews: ImportPreview[]): void {
  reset();
  state.previews = previews;
  navigate("#/import");
  draw(true);
}

/** Read each file (stores nothing), then show the first review. */
export async function importFiles(paths: string[]): Promise<void> {
  if (state.reading) return;
  // Files dropped on the window: the import screen says why nothing is read.
  if (whyNot("import")) {
    navigate("#/import");
    return;
  }
  reset();
  if (!location.hash.startsWith("#/import")) navigate("#/import");
  const ok: ImportPreview[] = [];
  for (const [i, path] of paths.entries()) {
    const name = fileName(path);
    const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
    if (!REPORT_EXTENSIONS.includes(ext)) {
      state.failures.push({ name, message: `not a report file this app reads (${REPORT_EXTENSIONS.join(", ")})` });
      continue;
    }
    state.reading = { index: i + 1, total: paths.length, name };
    draw();
    try {
      ok.push(await api.previewImport(path));
    } catch (e) {
      state.failures.push({ name, message: errorMessage(e) });
    }
  }
  state.reading = null;
  state.previews = ok;
  state.current = 0;
  draw(true);
}
