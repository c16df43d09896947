// Reviewing one file before it is stored: the extracted facts and recommendations beside
// the report's own text, each recommendation highlighted where it came from. Everything
// can be corrected; only "Create action plan" sends anything to the core.
import { h, button, field, select, uid } from "../dom";
import { formatDate, KIND_LABELS, plural } from "../format";
import type { ImportPreview } from "../gen/ImportPreview";
import { TIMEFRAME_CHOICES, timeframeChoiceLabel } from "../gen/labels";
import type { Timeframe } from "../gen/Timeframe";
import type { Report } from "../gen/Report";
import type { Recommendation } from "../gen/Recommendation";
import type { ReportKind } from "../gen/ReportKind";
import type { CreatePlanInput } from "../gen/CreatePlanInput";
import { byteOffsetsToIndices, indexToByte } from "../text";
import { showError, errorBox } from "../components/alert";
import { showToast } from "../components/toast";
import { dateInput, dateProblem, isoOf, setIso } from "../components/date-input";
import { showProblems, type Problem } from "../components/error-summary";
import { dateParts } from "../components/date-parts";

export interface ReviewOptions {
  position: number;
  total: number;
  failures: { name: string; message: string }[];
  onCreate: (input: CreatePlanInput) => Promise<void>;
  onSkip: () => void;
  onCancel: () => void;
}

const GRADES = ["Outstanding", "Good", "Requires improvement to be good", "Adequate", "Inadequate"];
/** An area SEND inspection's three outcomes, best first (the framework's wording). */
export const OUTCOMES = ["Typically positive experiences and outcomes", "Inconsistent experiences and outcomes", "Widespread and/or systemic failings"];

/** The next inspection as the report states it, in words: "a monitoring inspection within about 18 months". */
export function statedNext(r: Report): string | null {
  const n = r.next_inspection;
  if (!n) return null;
  const span = n.within_months % 12 === 0 ? plural(n.within_months / 12, "year") : plural(n.within_months, "month");
  return `${n.kind === "monitoring" ? "A monitoring inspection" : "The next full inspection"} within about ${span}`;
}

type TimeframeChoice = (typeof TIMEFRAME_CHOICES)[number];

function samePeriod(a: Timeframe, b: Timeframe): boolean {
  return a.unit === b.unit && ("amount" in a ? a.amount : null) === ("amount" in b ? b.amount : null);
}

/** The report has no date of its own, so the user must give the inspection's last day. */
export function needsDate(r: Report): boolean {
  return !r.inspection_end && !r.published;
}

/** Split a recommendation at a string index; offsets split in proportion (bytes). */
export function splitRecommendation(rec: Recommendation, at: number): [Recommendation, Recommendation] | null {
  const first = rec.text.slice(0, at).trim();
  const second = rec.text.slice(at).trim();
  if (!first || !second) return null;
  const cut = Math.min(rec.source_end, rec.source_start + indexToByte(rec.text, at));
  return [
    { ...rec, text: first, source_end: cut },
    { ...rec, text: second, paragraph: null, source_start: cut },
  ];
}

/** Where to split when the caret gives no place: the sentence break nearest the middle. */
export function defaultSplitPoint(text: string): number {
  const mid = text.length / 2;
  let best = -1;
  for (const m of text.matchAll(/[.;:]\s+/g)) {
    const at = m.index! + m[0].length;
    if (at < text.length && (best < 0 || Math.abs(at - mid) < Math.abs(best - mid))) best = at;
  }
  return best;
}

export function mergeRecommendations(a: Recommendation, b: Recommendation): Recommendation {
  return {
    ...a,
    text: `${a.text.trim()} ${b.text.trim()}`,
    source_start: Math.min(a.source_start, b.source_start),
    source_end: Math.max(a.source_end, b.source_end),
  };
}

export function reviewView(preview: ImportPreview, opts: ReviewOptions): HTMLElement {
  const original = preview.report;
  // A working copy; the preview itself stays as it came so Cancel has nothing to undo.
  const draft: Report = structuredClone(original);
  const mustDate = needsDate(original);
  const errors = h("div", { class: "slot", id: "review-problems" });
  const recList = h("ol", { class: "rec-list", id: "r-recs", tabindex: "-1", "data-testid": "rec-list" });
  const source = h("div", { class: "source-text", tabindex: "0", role: "region", "aria-label": "The report's text", "data-testid": "source-text" });
  const recCount = h("span", {});
  let currentMark = -1;

  // --- facts -------------------------------------------------------------------------------
  const authority = h("input", { type: "text", id: "r-authority", required: "" });
  authority.value = draft.local_authority ?? "";
  authority.addEventListener("input", () => (draft.local_authority = authority.value.trim() || null));
  const kind = select(Object.entries(KIND_LABELS) as [string, string][], draft.kind, { id: "r-kind" });
  kind.addEventListener("change", () => (draft.kind = kind.value as ReportKind));
  const date = (id: string, key: "inspection_start" | "inspection_end" | "published") => {
    const el = dateInput({ id });
    setIso(el, draft[key]);
    el.addEventListener("input", () => (draft[key] = isoOf(el) || null));
    return el;
  };
  const start = date("r-start", "inspection_start");
  // A report that states no date: its last day is typed in from elsewhere, in three
  // fields (GOV.UK's date input), so day and month cannot be swapped.
  const endParts = mustDate ? dateParts("r-end", "Inspection ended (required)", "The report states no date, and due dates count from it.") : null;
  if (endParts) {
    endParts.set(draft.inspection_end);
    endParts.el.addEventListener("input", () => (draft.inspection_end = endParts.iso() || null));
  }
  const end = endParts ? endParts.day : date("r-end", "inspection_end");
  const published = date("r-published", "published");
  const lead = h("input", { type: "text", id: "r-lead" });
  lead.value = draft.lead_inspector ?? "";
  lead.addEventListener("input", () => (draft.lead_inspector = lead.value.trim() || null));

  const judgementsBody = h("tbody", {});
  function drawJudgements() {
    judgementsBody.replaceChildren(
      ...draft.judgements.map((j, i) => {
        const section = h("input", { type: "text", "aria-label": `Judgement ${i + 1}: section` });
        section.value = j.section;
        section.addEventListener("input", () => (j.section = section.value));
        const area = h("input", { type: "text", "aria-label": `Judgement ${i + 1}: area` });
        area.value = j.area;
        area.addEventListener("input", () => (j.area = area.value));
        const scale = draft.kind === "area_send" ? OUTCOMES : GRADES;
        const grades = scale.includes(j.grade) || !j.grade ? scale : [j.grade, ...scale];
        const grade = select(
          grades.map((g) => [g, g]),
          j.grade,
          { "aria-label": `Judgement ${i + 1}: grade` },
        );
        grade.addEventListener("change", () => (j.grade = grade.value));
        return h(
          "tr",
          {},
          h("td", {}, section),
          h("td", {}, area),
          h("td", {}, grade),
          h(
            "td",
            {},
            button(
              "Remove",
              () => {
                draft.judgements.splice(i, 1);
                drawJudgements();
                judgementsAdd.focus();
              },
              { class: "link-button", "aria-label": `Remove judgement ${i + 1}` },
            ),
          ),
        );
      }),
    );
  }
  const judgementsAdd = button(
    "Add a judgement",
    () => {
      draft.judgements.push({ section: draft.judgements.at(-1)?.section ?? "", area: "", grade: "Good" });
      drawJudgements();
      judgementsBody.querySelector<HTMLInputElement>("tr:last-child input:nth-of-type(1)")?.focus();
    },
    { class: "secondary small" },
  );
  drawJudgements();

  // --- recommendations ---------------------------------------------------------------------
  function drawRecs(focus?: { index: number; what: string }) {
    recCount.textContent = ` (${draft.recommendations.length})`;
    recList.replaceChildren(...draft.recommendations.map((rec, i) => recCard(rec, i)));
    drawSource();
    if (focus) recList.querySelector<HTMLElement>(`[data-rec="${focus.index}"] [data-part="${focus.what}"]`)?.focus();
  }

  function recCard(rec: Recommendation, i: number): HTMLElement {
    const n = i + 1;
    const text = h("textarea", { rows: "4", id: `r-rec-${n}-text`, "aria-label": `Recommendation ${n}: text`, "data-part": "text", required: "" });
    text.value = rec.text;
    text.addEventListener("input", () => (rec.text = text.value));
    const section = h("input", { type: "text", "aria-label": `Recommendation ${n}: section`, "data-part": "section" });
    section.value = rec.section;
    section.addEventListener("input", () => (rec.section = section.value));
    // The heading as the report wrote it stays on offer beside the usual ones.
    // The choices, their values and their names are the core's (gen/labels.ts).
    const same = (c: TimeframeChoice) => c.heading === rec.timeframe && samePeriod(c.period, rec.period);
    const own: TimeframeChoice = { heading: rec.timeframe, period: rec.period, label: timeframeChoiceLabel(rec.timeframe, rec.period) };
    const tfChoices = TIMEFRAME_CHOICES.some(same) ? [...TIMEFRAME_CHOICES] : [own, ...TIMEFRAME_CHOICES];
    const tfLabels = tfChoices.map((c, k): [string, string] => [String(k), c.label]);
    const timeframe = select(tfLabels, String(tfChoices.findIndex(same)), { "aria-label": `Recommendation ${n}: timeframe`, "data-part": "timeframe" });
    timeframe.addEventListener("change", () => {
      const c = tfChoices[Number(timeframe.value)];
      rec.timeframe = c.heading;
      rec.period = c.period;
    });
    const show = button("Show in the report", () => scrollSourceTo(i, true), { class: "link-button", "data-part": "show" });
    // The body the report names beside a priority action: the action's lead partner.
    const body = h("input", { type: "text", "aria-label": `Recommendation ${n}: responsible body (lead partner)`, "data-part": "responsible-body" });
    body.value = rec.responsible_body ?? "";
    body.addEventListener("input", () => (rec.responsible_body = body.value.trim() || null));
    const showBody = draft.kind === "area_send" || !!rec.responsible_body;
    const split = button(
      "Split",
      () => {
        const caret = text.selectionStart ?? 0;
        const at = caret > 0 && caret < text.value.length ? caret : defaultSplitPoint(rec.text);
        const parts = at > 0 ? splitRecommendation(rec, at) : null;
        if (!parts) {
          showError(errors, new Error(`Put the cursor in recommendation ${n}'s text where it should be split.`), "Cannot split");
          text.focus();
          return;
        }
        errors.replaceChildren();
        draft.recommendations.splice(i, 1, ...parts);
        drawRecs({ index: i + 1, what: "text" });
      },
      { class: "secondary small", "data-part": "split", "aria-label": `Split recommendation ${n} at the cursor` },
    );
    const merge =
      i + 1 < draft.recommendations.length
        ? button(
            "Merge with next",
            () => {
              draft.recommendations.splice(i, 2, mergeRecommendations(rec, draft.recommendations[i + 1]));
              drawRecs({ index: i, what: "text" });
            },
            { class: "secondary small", "data-part": "merge", "aria-label": `Merge with next (recommendations ${n} and ${n + 1})` },
          )
        : null;
    const remove = button(
      "Delete",
      () => {
        const [removed] = draft.recommendations.splice(i, 1);
        drawRecs();
        recList.querySelector<HTMLElement>(`[data-rec="${Math.min(i, draft.recommendations.length - 1)}"] [data-part="text"]`)?.focus();
        showToast(`Recommendation ${n} deleted from this import.`, {
          undo: async () => {
            draft.recommendations.splice(i, 0, removed);
            drawRecs({ index: i, what: "text" });
          },
        });
      },
      { class: "danger small", "data-part": "delete", "aria-label": `Delete recommendation ${n}` },
    );
    const card = h(
      "li",
      { class: "rec-card", "data-rec": String(i), "data-testid": "rec-card" },
      h(
        "div",
        { class: "rec-head" },
        h("strong", {}, `Recommendation ${n}`),
        rec.paragraph ? h("span", { class: "meta" }, ` paragraph ${rec.paragraph}`) : null,
        show,
      ),
      text,
      h(
        "div",
        { class: "rec-fields" },
        h("label", {}, h("span", { class: "small-label" }, "Section"), section),
        h("label", {}, h("span", { class: "small-label" }, "Timeframe"), timeframe),
      ),
      showBody ? h("div", { class: "rec-fields" }, h("label", {}, h("span", { class: "small-label" }, "Responsible body (lead partner)"), body)) : null,
      h("div", { class: "button-row" }, split, merge, remove),
    );
    // Moving into a recommendation brings its place in the report into view.
    card.addEventListener("focusin", () => scrollSourceTo(i, false));
    card.addEventListener("click", (ev) => {
      if ((ev.target as HTMLElement).closest("button, textarea, input, select")) return;
      scrollSourceTo(i, false);
    });
    return card;
  }

  // --- source text -------------------------------------------------------------------------
  function drawSource() {
    const text = preview.text;
    const recs = draft.recommendations;
    const idx = byteOffsetsToIndices(
      text,
      recs.flatMap((r) => [r.source_start, r.source_end]),
    );
    const ranges = recs
      .map((_, i) => ({ i, start: idx[2 * i], end: idx[2 * i + 1] }))
      .filter((r) => r.end > r.start)
      .sort((a, b) => a.start - b.start);
    const nodes: Node[] = [];
    let at = 0;
    let shown = 0;
    for (const r of ranges) {
      if (r.start < at) continue; // overlaps an earlier highlight (after a merge): skip
      if (r.start > at) nodes.push(document.createTextNode(text.slice(at, r.start)));
      // Alternate shades so neighbouring recommendations read as separate items.
      nodes.push(
        h(
          "mark",
          { id: `src-rec-${r.i}`, tabindex: "-1", "data-rec": String(r.i), class: shown++ % 2 ? "alt" : "", title: `Recommendation ${r.i + 1}` },
          h("span", { class: "sr-only" }, `Recommendation ${r.i + 1}: `),
          text.slice(r.start, r.end),
        ),
      );
      at = r.end;
    }
    nodes.push(document.createTextNode(text.slice(at)));
    source.replaceChildren(...nodes);
    currentMark = -1;
  }

  function scrollSourceTo(i: number, moveFocus: boolean) {
    const mark = source.querySelector<HTMLElement>(`#src-rec-${i}`);
    if (!mark) {
      if (moveFocus)
        showError(errors, new Error(`Recommendation ${i + 1} has no place in the report's text (it was added or changed here).`), "Not found in the text");
      return;
    }
    if (currentMark !== i) {
      source.querySelector("mark.current")?.classList.remove("current");
      mark.classList.add("current");
      currentMark = i;
    }
    source.scrollTop = Math.max(0, mark.offsetTop - source.offsetTop - source.clientHeight / 3);
    if (moveFocus) mark.focus({ preventScroll: true });
  }

  // Clicking a highlight goes back to its recommendation.
  source.addEventListener("click", (ev) => {
    const mark = (ev.target as HTMLElement).closest("mark");
    if (!mark) return;
    recList.querySelector<HTMLElement>(`[data-rec="${mark.dataset.rec}"] textarea`)?.focus();
  });

  // --- actions -----------------------------------------------------------------------------
  const create = h("button", { type: "submit", class: "primary", "data-testid": "create-plan" }, "Create action plan");
  const form = h("form", { class: "review-form", novalidate: "" });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    errors.replaceChildren();
    const problems: Problem[] = [];
    if (!draft.local_authority) problems.push({ field: authority.id, message: "Enter the local authority the report is about: the plan is kept under it" });
    for (const [el, label] of [[start, "Inspection started"], ...(endParts ? [] : ([[end, "Inspection ended"]] as const)), [published, "Published"]] as const) {
      const problem = dateProblem(el);
      if (problem) problems.push({ field: el.id, message: `${label}: ${problem}` });
    }
    const partsProblem = endParts?.problem("The last day of the inspection");
    if (partsProblem) problems.push({ field: end.id, message: partsProblem });
    else if (mustDate && !draft.inspection_end) problems.push({ field: end.id, message: "The report states no date: give the last day of the inspection." });
    if (draft.inspection_start && draft.inspection_end && draft.inspection_start > draft.inspection_end)
      problems.push({ field: end.id, message: "The inspection cannot end before it starts." });
    if (original.recommendations.length && !draft.recommendations.length)
      problems.push({ field: recList.id, message: "Every recommendation was deleted: there is nothing to make actions from." });
    if (planDeadline) {
      const problem = dateProblem(planDeadline);
      if (problem) problems.push({ field: planDeadline.id, message: `Priority action plan deadline: ${problem}` });
    }
    draft.recommendations.forEach((r, i) => {
      if (!r.text.trim()) problems.push({ field: `r-rec-${i + 1}-text`, message: `Recommendation ${i + 1} has no text.` });
    });
    if (showProblems(errors, problems, form)) return;
    create.disabled = true;
    create.textContent = "Creating…";
    try {
      await opts.onCreate({
        path: preview.path,
        sha256: preview.sha256,
        report: { ...draft, recommendations: draft.recommendations.map((r) => ({ ...r, text: r.text.trim(), section: r.section.trim() })) },
        inspection_date: mustDate ? draft.inspection_end : null,
        priority_action_plan_deadline: (planDeadline && isoOf(planDeadline)) || undefined,
      });
    } catch (e) {
      errors.replaceChildren(errorBox(e, "The action plan was not created"));
      errors.scrollIntoView({ block: "nearest" });
      create.disabled = false;
      create.textContent = "Create action plan";
    }
  });

  // --- area SEND: the outcome's consequences --------------------------------------------
  // The report requires a priority action plan but does not print its deadline: ask for
  // it (Ofsted's letter gives it), never invent one. Left blank, it can be entered later
  // (for now with the CLI's `report plan-deadline`).
  const planDeadline = original.priority_action_plan_required ? dateInput({ id: "r-plan-deadline" }) : null;
  const stated = statedNext(original);
  const sendPanel =
    draft.kind === "area_send"
      ? h(
          "fieldset",
          { class: "panel", "data-testid": "area-send" },
          h("legend", {}, "Area SEND outcome"),
          h(
            "p",
            { "data-testid": "send-outcome" },
            h("strong", {}, "Outcome: "),
            original.judgements.find((j) => j.area === "Inspection outcome")?.grade ?? "not found in the report",
          ),
          stated ? h("p", { "data-testid": "stated-next" }, `${stated}, the report says.`) : null,
          planDeadline
            ? h(
                "div",
                { "data-testid": "plan-deadline-request" },
                h(
                  "p",
                  {},
                  "The report requires a priority action plan (area SEND) but does not print when it is due. Enter the deadline from Ofsted's letter so the plan tracks it. If you do not have it yet, leave it blank and enter it later with the command line: inspection-tracker report plan-deadline.",
                ),
                field("Priority action plan deadline", planDeadline),
              )
            : h("p", { class: "meta" }, "No priority action plan is required."),
        )
      : null;
  const dup = preview.duplicate_of;
  const factsId = uid("facts");
  form.append(
    h(
      "fieldset",
      { class: "panel", "aria-describedby": factsId },
      h("legend", {}, "About the report"),
      h(
        "p",
        { class: "meta", id: factsId },
        `Read from ${preview.source_name} (${preview.format.toUpperCase()}). Check each fact against the text on the right.`,
      ),
      field("Local authority", authority),
      field("Kind of inspection", kind),
      h("div", { class: "field-row" }, field("Inspection started", start), endParts ? endParts.el : field("Inspection ended", end)),
      field("Published", published),
      field("Lead inspector", lead),
    ),
    h(
      "fieldset",
      { class: "panel" },
      h("legend", {}, `Judgements (${original.judgements.length} found)`),
      h(
        "table",
        { class: "data-table judgements" },
        h("thead", {}, h("tr", {}, ...["Section", "Area", "Grade", ""].map((t) => h("th", { scope: "col" }, t || h("span", { class: "sr-only" }, "Remove"))))),
        judgementsBody,
      ),
      judgementsAdd,
    ),
    ...(sendPanel ? [sendPanel] : []),
    h(
      "fieldset",
      { class: "panel" },
      h("legend", {}, "Recommendations", recCount),
      original.recommendations.length
        ? h("p", { class: "meta" }, "Each becomes an action. Put the cursor in a text and choose Split to make two.")
        : h(
            "p",
            { class: "notice", "data-testid": "no-recommendations" },
            "There are no recommendations in this report (an inspection that found nothing to improve). The report is recorded with no actions.",
          ),
      recList,
    ),
    h(
      "div",
      { class: "button-row sticky-actions" },
      create,
      opts.total > 1 ? button("Skip this file", opts.onSkip, { class: "secondary", "data-testid": "skip-file" }) : null,
      button(opts.total > 1 ? "Cancel the whole import" : "Cancel", opts.onCancel, { class: "secondary", "data-testid": "cancel-import" }),
    ),
  );
  if (dup) create.setAttribute("aria-describedby", "dup-note");
  drawRecs();

  return h(
    "section",
    { class: "review", "aria-labelledby": "screen-title" },
    h(
      "h2",
      { id: "screen-title", tabindex: "-1" },
      opts.total > 1 ? `Review ${opts.position} of ${opts.total}: ${preview.source_name}` : `Review: ${preview.source_name}`,
    ),
    opts.failures.length
      ? h(
          "div",
          { class: "error", role: "alert", "data-testid": "import-failures" },
          h("p", {}, `${plural(opts.failures.length, "file")} could not be read: `, opts.failures.map((f) => `${f.name} (${f.message})`).join("; ")),
        )
      : null,
    dup
      ? h(
          "div",
          { class: "notice", role: "alert", id: "dup-note", "data-testid": "duplicate" },
          h("strong", {}, "This file has been imported before. "),
          `It was already imported on ${formatDate(dup.imported_at)} as ${dup.source_name}; creating the plan again adds nothing.`,
          " ",
          h("a", { href: `#/plan?report=${encodeURIComponent(dup.report_id)}` }, "See its actions"),
        )
      : null,
    errors,
    h("div", { class: "review-grid" }, form, h("div", { class: "source-pane" }, h("h3", {}, "The report's text"), source)),
  );
}
