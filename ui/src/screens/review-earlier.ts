// The review's second step, when the report just imported is a later inspection of an
// authority whose earlier plan still has open actions: for each, a person decides —
// carried forward (kept open, linked to the new plan or one of its recommendations),
// completed, or closed as overtaken (with a reason). Bulk choices fill in the rest;
// nothing is closed unless chosen here, and "Decide later" leaves the earlier plan
// awaiting a decision (the dashboard says so). Repeat findings are suggested below it.
import { api } from "../api";
import { h, button, select, uid } from "../dom";
import { formatDate, plural } from "../format";
import type { ActionChoice } from "../gen/ActionChoice";
import type { PreviousPlanView } from "../gen/PreviousPlanView";
import type { PreviousAction } from "../gen/PreviousAction";
import type { RecommendationRepeats } from "../gen/RecommendationRepeats";
import { DECISION_LABELS, STATUS_LABELS } from "../gen/labels";
import { errorBox } from "../components/alert";
import { showToast } from "../components/toast";
import { suggestionRow } from "../components/repeat-suggestions";

export interface EarlierOptions {
  /** The report just imported (the later inspection). */
  reportId: string;
  reportName: string;
  plans: PreviousPlanView[];
  /** The new report's recommendations, in order, with their repeat suggestions. */
  repeats: RecommendationRepeats[];
  /** After the decisions are saved or left for later. */
  onDone: () => void;
}

type Choice = "" | "carried" | "completed" | "closed";
const CHOICES: [Choice, string][] = [
  ["", "Decide later"],
  ["carried", DECISION_LABELS.carried_forward],
  ["completed", DECISION_LABELS.completed],
  ["closed", DECISION_LABELS.closed_as_overtaken],
];

/** Is there anything to ask after importing this report? */
export function hasFollowUp(plans: readonly PreviousPlanView[], repeats: readonly RecommendationRepeats[]): boolean {
  return plans.some((p) => p.actions.length > 0) || repeats.some((r) => r.suggestions.length > 0);
}

export function earlierPlanView(opts: EarlierOptions): HTMLElement {
  const errors = h("div", { class: "slot" });
  const rows: { action: PreviousAction; choice: HTMLSelectElement; target: HTMLSelectElement; reason: HTMLInputElement }[] = [];
  const targets: [string, string][] = [
    ["", `The new plan (${opts.reportName})`],
    ...opts.repeats.map((r, i): [string, string] => [r.recommendation_id, `Recommendation ${i + 1}: ${clip(r.text, 80)}`]),
  ];
  const bulkReason = h("input", { type: "text", id: uid("bulk-reason"), "data-testid": "bulk-reason" });
  bulkReason.value = `Overtaken by the recommendations of ${opts.reportName}`;

  function actionRow(a: PreviousAction, n: number): HTMLElement {
    const label = `Action ${n}: ${clip(a.title, 60)}`;
    const choice = select(CHOICES, "", { "aria-label": `Decision for ${label}`, "data-testid": "decision" });
    const target = select(targets, "", { "aria-label": `Carry forward to (${label})`, "data-testid": "carry-to" });
    const reason = h("input", { type: "text", "aria-label": `Why it is closed (${label})`, "data-testid": "close-reason" });
    const carryField = h("label", { class: "inline-field" }, h("span", { class: "small-label" }, "Carry forward to"), target);
    const reasonField = h("label", { class: "inline-field" }, h("span", { class: "small-label" }, "Reason"), reason);
    const sync = () => {
      carryField.hidden = choice.value !== "carried";
      reasonField.hidden = choice.value !== "closed";
      if (choice.value === "closed" && !reason.value.trim()) reason.value = bulkReason.value;
    };
    choice.addEventListener("change", sync);
    sync();
    rows.push({ action: a, choice, target, reason });
    const li = h(
      "li",
      { class: "earlier-action", "data-testid": "earlier-action", "data-action": a.action_id },
      h("p", {}, h("strong", {}, a.title)),
      h(
        "p",
        { class: "meta" },
        `${STATUS_LABELS[a.status]} · ${a.progress}% · ${a.owner ?? "no owner"}${a.due_date ? ` · due ${formatDate(a.due_date)}` : ""}`,
      ),
      h("details", {}, h("summary", {}, "The recommendation"), h("p", {}, a.recommendation)),
      h("div", { class: "rec-fields" }, h("label", {}, h("span", { class: "small-label" }, "Decision"), choice), carryField, reasonField),
    );
    return li;
  }

  const setAll = (value: Choice, onlyUndecided: boolean) => {
    for (const r of rows) {
      if (onlyUndecided && r.choice.value !== "") continue;
      r.choice.value = value;
      if (value === "closed") r.reason.value = bulkReason.value;
      r.choice.dispatchEvent(new Event("change"));
    }
  };

  const planBlocks = opts.plans.map((p) =>
    h(
      "fieldset",
      { class: "panel", "data-testid": "earlier-plan", "data-report": p.report_id },
      h("legend", {}, `${plural(p.actions.length, "open action")} from ${p.name}`),
      h(
        "p",
        { class: "meta" },
        `${p.local_authority ?? "The authority"}'s earlier inspection${p.inspection_end ? ` (ended ${formatDate(p.inspection_end)})` : ""}. Choose what happens to each; any left as “Decide later” stay open and the plan keeps waiting for a decision.`,
      ),
      h("ol", { class: "earlier-actions" }, ...p.actions.map((a, i) => actionRow(a, i + 1))),
    ),
  );

  const bulk = opts.plans.length
    ? h(
        "div",
        { class: "panel", "data-testid": "bulk-choices" },
        h("h3", {}, "For several at once"),
        h("div", { class: "field" }, h("label", { for: bulkReason.id }, "Reason for closing as overtaken"), bulkReason),
        h(
          "div",
          { class: "button-row" },
          button("Carry all forward", () => setAll("carried", false), { class: "secondary small", "data-testid": "carry-all" }),
          button("Close the rest as overtaken", () => setAll("closed", true), { class: "secondary small", "data-testid": "close-rest" }),
          button("Clear the choices", () => setAll("", false), { class: "secondary small", "data-testid": "clear-choices" }),
        ),
      )
    : null;

  const withSuggestions = opts.repeats.map((r, i) => ({ r, n: i + 1 })).filter(({ r }) => r.suggestions.length);
  const repeatBlock = withSuggestions.length
    ? h(
        "section",
        { class: "panel", "data-testid": "repeat-review", "aria-labelledby": "repeat-title" },
        h("h3", { id: "repeat-title" }, "Raised before? Repeat findings"),
        h(
          "p",
          { class: "meta" },
          "Earlier recommendations of the same authority that may ask for the same thing, best first. Confirm the ones that do; they show on both recommendations, in the plan and in the board paper.",
        ),
        ...withSuggestions.map(({ r, n }) =>
          h(
            "div",
            { class: "repeat-group", "data-testid": "repeat-group", "data-rec": r.recommendation_id },
            h("p", {}, h("strong", {}, `Recommendation ${n}: `), r.text),
            h("ul", { class: "repeat-list" }, ...r.suggestions.map((s) => suggestionRow(r.recommendation_id, s))),
          ),
        ),
      )
    : null;

  const save = h("button", { type: "button", class: "primary", "data-testid": "save-decisions" }, "Save decisions");
  save.addEventListener("click", async () => {
    errors.replaceChildren();
    const problems: string[] = [];
    const choices: ActionChoice[] = [];
    rows.forEach((r, i) => {
      switch (r.choice.value as Choice) {
        case "carried":
          choices.push({ action_id: r.action.action_id, decision: "carried_forward", recommendation_id: r.target.value || null });
          break;
        case "completed":
          choices.push({ action_id: r.action.action_id, decision: "completed" });
          break;
        case "closed":
          if (!r.reason.value.trim()) problems.push(`Action ${i + 1}: say why it is closed as overtaken.`);
          choices.push({ action_id: r.action.action_id, decision: "closed_as_overtaken", reason: r.reason.value.trim() });
          break;
        default:
          break;
      }
    });
    if (!choices.length && rows.length) problems.push("Choose a decision for at least one action, or choose “Decide later”.");
    if (problems.length) {
      const box = h(
        "div",
        { class: "error", role: "alert", tabindex: "-1", "data-testid": "decision-problems" },
        h("ul", {}, ...problems.map((p) => h("li", {}, p))),
      );
      errors.replaceChildren(box);
      box.focus();
      return;
    }
    save.disabled = true;
    try {
      const out = choices.length ? await api.decidePrevious(opts.reportId, choices) : null;
      const left = rows.length - choices.length;
      const parts = out
        ? [
            out.carried ? `${plural(out.carried, "action")} carried forward` : "",
            out.completed ? `${plural(out.completed, "action")} completed` : "",
            out.closed ? `${plural(out.closed, "action")} closed as overtaken` : "",
          ].filter(Boolean)
        : [];
      const closed = out?.plans_closed.length ? ` ${plural(out.plans_closed.length, "earlier plan")} closed.` : "";
      const waiting = left ? ` ${plural(left, "action")} still need a decision.` : "";
      showToast(`${parts.join(", ") || "Nothing changed"}.${closed}${waiting}`);
      opts.onDone();
    } catch (e) {
      errors.replaceChildren(errorBox(e, "The decisions were not saved"));
      save.disabled = false;
    }
  });
  const later = button(
    "Decide later",
    () => {
      const n = rows.length;
      if (n) showToast(`${plural(n, "open action")} from the earlier plan still need a decision; the dashboard will remind you.`);
      opts.onDone();
    },
    { class: "secondary", "data-testid": "decide-later" },
  );

  return h(
    "section",
    { class: "review-earlier", "aria-labelledby": "screen-title" },
    h(
      "h2",
      { id: "screen-title", tabindex: "-1" },
      opts.plans.length ? `The earlier plan: ${opts.plans[0].local_authority ?? opts.reportName}` : `Repeat findings: ${opts.reportName}`,
    ),
    opts.plans.length
      ? h(
          "p",
          { class: "lead" },
          `${opts.reportName} is a later inspection of the same authority. Decide what happens to the earlier plan's open actions: carried forward, completed, or closed as overtaken.`,
        )
      : null,
    errors,
    bulk,
    ...planBlocks,
    repeatBlock,
    h(
      "div",
      { class: "button-row sticky-actions" },
      rows.length ? save : null,
      rows.length ? later : button("Done", opts.onDone, { class: "primary", "data-testid": "repeats-done" }),
    ),
  );
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** Load what to ask after `reportId` was imported (earlier plans, repeat suggestions). */
export async function loadFollowUp(reportId: string): Promise<{ plans: PreviousPlanView[]; repeats: RecommendationRepeats[] }> {
  // A report with no authority or date has neither: the core says so with an error.
  const [plans, repeats] = await Promise.all([api.previousPlans(reportId).catch(() => []), api.suggestRepeats(reportId).catch(() => [])]);
  return { plans, repeats };
}
