// The dashboard: how far along the plan is, against the next inspection. First run when
// the database holds no report yet.
import { api } from "../api";
import { h } from "../dom";
import { formatDate, formatCount, formatPercent, plural, KIND_LABELS, RAG_LABELS, STATUS_LABELS, daysBetween, addDays } from "../format";
import { BLUE_MEANS } from "../gen/labels";
import type { Summary } from "../gen/Summary";
import type { Counts } from "../gen/Counts";
import type { NextInspectionView } from "../gen/NextInspectionView";
import type { ReportSummary } from "../gen/ReportSummary";
import type { ActionListItem } from "../gen/ActionListItem";
import type { BurnUpPoint } from "../gen/BurnUpPoint";
import type { Judgement } from "../gen/Judgement";
import { PLAN_STATE_LABELS } from "../gen/labels";
import { groupJudgements, headlineJudgements, gradeTone } from "../judgements";
import { errorBox } from "../components/alert";
import { progressBar } from "../components/badges";
import { burnUpChart } from "../components/burnup-chart";
import { getActions, getSummary, setSummary } from "../state";
import { renderFirstRun } from "./first-run";
import { renderStoreError } from "./recover";
import { navigate, type Route } from "../router";
import { dateEditor } from "../components/date-editor";
import { isReadOnly, offer, reasonNote, whyNot } from "../permissions";

export async function showDashboard(main: HTMLElement, _route: Route): Promise<void> {
  let info: Awaited<ReturnType<typeof api.storeInfo>>;
  try {
    info = await api.storeInfo();
  } catch (e) {
    main.append(renderStoreError(e, () => navigate("#/dashboard")));
    return;
  }
  if (Number(info.reports) === 0) {
    main.append(renderFirstRun(info, () => navigate("#/dashboard")));
    return;
  }
  let summary: Summary;
  try {
    summary = await getSummary();
  } catch (e) {
    main.append(h("h2", { id: "screen-title", tabindex: "-1" }, "Dashboard"), errorBox(e, "The summary could not be loaded"));
    return;
  }
  // The list and the chart are extras: a failure there still leaves the summary visible.
  // Overdue in current plans, when earlier plans still await a decision: the overdue
  // review shows current plans first, so the tile says how the two counts differ.
  const [actions, points, current] = await Promise.allSettled([
    getActions(),
    api.burnUp(),
    summary.awaiting_decision > 0 ? api.listActions({ overdue: true, current_only: true }, summary.as_of) : Promise.resolve(null),
  ]);
  main.append(renderDashboard(summary, actions, points, current.status === "fulfilled" && current.value ? current.value.length : null));
}

/** The overdue count; when earlier plans awaiting a decision hold some of them, how many
 * are in the current plans (what the overdue review shows first) and a link to them all. */
function overdueTile(overdue: number, inCurrentPlans: number | null): HTMLElement {
  const earlier = inCurrentPlans === null ? 0 : overdue - inCurrentPlans;
  if (inCurrentPlans === null || earlier <= 0) {
    return tile("overdue", formatCount(overdue), "count-overdue", h("a", { href: "#/overdue" }, "Review overdue actions"));
  }
  return tile(
    "overdue",
    formatCount(overdue),
    "count-overdue",
    h(
      "span",
      { class: "block" },
      h(
        "span",
        { class: "stat-note block", "data-testid": "overdue-split" },
        `${formatCount(inCurrentPlans)} in current plans, ${formatCount(earlier)} in earlier plans awaiting a decision`,
      ),
      h("a", { href: "#/overdue" }, "Review the current ones"),
      h("br", {}),
      h("a", { href: "#/overdue?plans=all" }, "Review all overdue"),
    ),
  );
}

function tile(label: string, value: string | Node, testid: string, extra?: Node | null): HTMLElement {
  return h(
    "div",
    { class: "stat", "data-testid": testid },
    h("span", { class: "stat-value" }, value),
    h("span", { class: "stat-label" }, label),
    extra ?? null,
  );
}

export function renderDashboard(
  summary: Summary,
  actions: PromiseSettledResult<ActionListItem[]>,
  points: PromiseSettledResult<BurnUpPoint[]>,
  overdueInCurrentPlans: number | null = null,
): HTMLElement {
  const c = summary.overall;
  const dueSoon =
    actions.status === "fulfilled"
      ? actions.value.filter((a) => a.status !== "completed" && a.due_date && a.due_date >= summary.as_of && a.due_date <= addDays(summary.as_of, 30)).length
      : null;
  const section = h(
    "section",
    { "aria-labelledby": "screen-title", class: "dashboard" },
    h("h2", { id: "screen-title", tabindex: "-1" }, "Dashboard"),
    h("p", { class: "meta" }, `As of ${formatDate(summary.as_of)} · ${plural(summary.reports.length, "report")} · ${plural(c.total, "action")}`),
    decisionsNeeded(summary),
    h(
      "div",
      { class: "stats", role: "group", "aria-label": "Progress at a glance" },
      nextInspectionTile(summary),
      tile("complete", formatPercent(c.percent_complete), "percent-complete", progressBar(Math.round(c.percent_complete), "Plan complete")),
      overdueTile(c.overdue, overdueInCurrentPlans),
      tile(
        "due in the next 30 days",
        dueSoon === null ? "–" : formatCount(dueSoon),
        "count-due-soon",
        h("a", { href: `#/plan?from=${summary.as_of}&to=${addDays(summary.as_of, 30)}&status=open` }, "See them in the plan"),
      ),
    ),
    actions.status === "rejected" ? errorBox(actions.reason, "The action list could not be loaded") : null,
    deadlines(summary),
    h("div", { class: "two-col" }, countsTable("By RAG rating", "rag", c), countsTable("By status", "status", c)),
    h(
      "section",
      { "aria-labelledby": "burnup-heading", class: "panel" },
      h("h3", { id: "burnup-heading" }, "Burn-up"),
      points.status === "fulfilled" ? burnUpChart(points.value, summary.as_of) : errorBox(points.reason, "The burn-up chart could not be loaded"),
    ),
    h(
      "section",
      { "aria-labelledby": "reports-heading" },
      h("h3", { id: "reports-heading" }, "Reports"),
      h("ul", { class: "cards" }, ...summary.reports.map((r) => reportCard(r, summary.as_of))),
    ),
  );
  return section;
}

function describeNext(n: NextInspectionView): string {
  if (n.earliest === n.latest) return `${n.estimated ? "Estimated" : "Set for"} ${formatDate(n.earliest)}`;
  return `${n.estimated ? "Estimated between" : "Between"} ${formatDate(n.earliest)} and ${formatDate(n.latest)}`;
}

function daysToText(days: number): string {
  if (days < 0) return `${formatCount(-days)} days ago`;
  return formatCount(days);
}

function nextInspectionTile(summary: Summary): HTMLElement {
  const n = summary.next_inspection;
  const body = offer(
    "report_dates",
    dateEditor({
      editLabel: "Change date",
      editTestId: "edit-next",
      fieldLabel: "Date of the next inspection",
      current: n && !n.estimated ? n.earliest : null,
      clear: { label: "Use the estimate", testId: "clear-next" },
      missing: "Enter the date of the next inspection, for example 14 10 2013.",
      failed: "The date could not be saved",
      save: (date) => api.setNextInspection(date),
      saved: (s) => {
        setSummary(s);
        navigate("#/dashboard");
      },
    }),
  );
  if (!n) {
    return tile("days to the next inspection", "–", "next-inspection", h("div", {}, h("span", { class: "stat-note" }, "No date known yet."), body));
  }
  // Inside an estimated window the inspection can come any week: say so, and how long the
  // window stays open, rather than counting days "since it was due".
  const windowLeft = daysBetween(summary.as_of, n.latest);
  const inWindow = n.days_to < 0 && windowLeft >= 0 && n.earliest !== n.latest;
  return tile(
    inWindow
      ? `days until the inspection window closes (it opened ${plural(-n.days_to, "day")} ago)`
      : n.days_to < 0
        ? "since the next inspection was due"
        : "days to the next inspection",
    inWindow ? formatCount(windowLeft) : daysToText(n.days_to),
    "next-inspection",
    h("div", {}, h("span", { class: "stat-note", "data-testid": "next-when" }, describeNext(n)), h("span", { class: "stat-note" }, n.basis), body),
  );
}

/** How long a passed deadline stays on the dashboard while the plan is unfinished. */
const PASSED_DEADLINE_DAYS = 90;

/**
 * Statutory action-plan deadlines that still matter: still ahead, or passed lately with the
 * plan unfinished (a deadline years gone is history, not something to act on).
 */
function deadlines(summary: Summary): HTMLElement | null {
  const rows = summary.reports.filter((r) => {
    if (!r.action_plan_deadline) return false;
    const days = daysBetween(summary.as_of, r.action_plan_deadline);
    return days >= 0 || (days > -PASSED_DEADLINE_DAYS && r.counts.completed < r.counts.total);
  });
  if (!rows.length) return null;
  return h(
    "section",
    { class: "panel deadlines", "aria-labelledby": "deadlines-heading", "data-testid": "deadlines" },
    h("h3", { id: "deadlines-heading" }, "Written action plan deadlines"),
    h(
      "p",
      { class: "meta" },
      "Children's services: 70 working days from when the council received the report. Area SEND priority action plans: the date entered from Ofsted's letter.",
    ),
    h(
      "ul",
      {},
      ...rows.map((r) => {
        const days = daysBetween(summary.as_of, r.action_plan_deadline!);
        const when = days < 0 ? `passed ${plural(-days, "day")} ago` : days === 0 ? "today" : `in ${plural(days, "day")}`;
        const what = r.kind === "area_send" ? " priority action plan" : "";
        return h("li", { "data-testid": "deadline" }, h("strong", {}, reportName(r)), `${what}: ${formatDate(r.action_plan_deadline)} (${when})`);
      }),
    ),
  );
}

function countsTable(title: string, kind: "rag" | "status", c: Counts): HTMLElement {
  const entries: [string, number, string][] =
    kind === "rag"
      ? // Blue says what it means wherever it is counted (the core's words).
        (["red", "amber", "green", "blue"] as const).map((k) => [k === "blue" ? `${RAG_LABELS[k]}: ${BLUE_MEANS}` : RAG_LABELS[k], c[k], `rag-${k}`])
      : (["not_started", "in_progress", "blocked", "completed"] as const).map((k) => [STATUS_LABELS[k], c[k], `status-${k}`]);
  return h(
    "table",
    { class: "data-table counts", "data-testid": `counts-${kind}` },
    h("caption", {}, title),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, kind === "rag" ? "Rating" : "Status"),
        h("th", { scope: "col", class: "num" }, "Actions"),
        h("th", { scope: "col", class: "num" }, "Share"),
      ),
    ),
    h(
      "tbody",
      {},
      ...entries.map(([label, n, cls]) =>
        h(
          "tr",
          { "data-testid": cls },
          h("th", { scope: "row" }, h("span", { class: `dot ${cls}`, "aria-hidden": "true" }), label),
          h("td", { class: "num" }, formatCount(n)),
          h("td", { class: "num" }, c.total ? formatPercent(Math.round((n / c.total) * 1000) / 10) : "–"),
        ),
      ),
    ),
  );
}

/** "15 open actions from the 2011 plan need a decision", until a person answers. */
function decisionsNeeded(summary: Summary): HTMLElement | null {
  if (!summary.decisions_needed.length) return null;
  // Deciding is managing the plan: the link only for those who may (an editor is told why).
  const may = whyNot("decide_plans") === null;
  return h(
    "div",
    { class: "notice", role: "status", "data-testid": "decisions-needed" },
    ...summary.decisions_needed.map((d) =>
      h(
        "p",
        {},
        `${plural(d.open_actions, "open action")} from ${d.plan}${d.local_authority ? ` (${d.local_authority})` : ""} ${d.open_actions === 1 ? "needs" : "need"} a decision. `,
        may ? h("a", { href: `#/decide/${encodeURIComponent(d.overtaken_by)}`, "data-testid": "decide-link" }, "Decide now") : null,
      ),
    ),
    isReadOnly() ? null : reasonNote("decide_plans"),
  );
}

export function reportName(r: { local_authority: string | null; source_name: string }): string {
  return r.local_authority ?? r.source_name;
}

function reportCard(r: ReportSummary, asOf: string): HTMLElement {
  const c = r.counts;
  return h(
    "li",
    { class: "card", "data-testid": "report-card" },
    h("h4", {}, reportName(r)),
    r.plan_state !== "current" ? h("span", { class: "badge", "data-testid": "plan-state" }, PLAN_STATE_LABELS[r.plan_state]) : null,
    h("p", { class: "meta" }, `${KIND_LABELS[r.kind]} · inspection ended ${formatDate(r.inspection_end) || "date not stated"}`),
    h("p", { class: "meta" }, r.source_name),
    progressBar(Math.round(c.percent_complete), `${reportName(r)}: plan complete`),
    h(
      "dl",
      { class: "mini" },
      h("dt", {}, "Actions"),
      h("dd", {}, formatCount(c.total)),
      h("dt", {}, "Completed"),
      h("dd", {}, formatCount(c.completed)),
      h("dt", {}, "Overdue"),
      h("dd", {}, formatCount(c.overdue)),
      r.next_inspection ? h("dt", {}, "Next inspection") : null,
      r.next_inspection ? h("dd", {}, describeNext(r.next_inspection)) : null,
      r.action_plan_deadline ? h("dt", {}, r.kind === "area_send" ? "Priority action plan due" : "Action plan due") : null,
      r.action_plan_deadline
        ? h("dd", { "data-testid": "plan-due" }, `${formatDate(r.action_plan_deadline)}${r.action_plan_deadline < asOf ? " (passed)" : ""}`)
        : null,
    ),
    r.kind === "area_send" ? planDeadlineEditor(r) : null,
    judgementsBlock(r),
    h("a", { href: `#/plan?report=${encodeURIComponent(r.report_id)}` }, `View ${reportName(r)} actions`),
  );
}

/**
 * An area SEND report's priority action plan deadline, set or changed after the review
 * (the core refuses it, in words, for a report that requires no such plan).
 */
function planDeadlineEditor(r: ReportSummary): HTMLElement | null {
  return offer(
    "report_dates",
    dateEditor({
      editLabel: r.action_plan_deadline ? "Change plan deadline" : "Set plan deadline",
      labelFor: `for ${reportName(r)}`,
      editTestId: "edit-plan-deadline",
      inputTestId: "plan-deadline-input",
      fieldLabel: "Priority action plan due",
      hint: "The date the partnership must send its priority action plan by, for example 27 3 2025.",
      current: r.action_plan_deadline,
      clear: r.action_plan_deadline ? { label: "Clear the date" } : null,
      missing: "Enter the date the priority action plan is due, for example 27 3 2025.",
      failed: "The deadline was not saved",
      save: (date) => api.setPlanDeadline(r.report_id, date),
      saved: (s) => {
        setSummary(s);
        navigate("#/dashboard");
      },
    }),
  );
}

function gradeBadge(grade: string): HTMLElement {
  return h("span", { class: `grade grade-${gradeTone(grade)}` }, grade);
}

function gradeList(items: { label: string; grade: string }[], attrs: Record<string, string> = {}): HTMLElement {
  return h("dl", { class: "grades", ...attrs }, ...items.flatMap((j) => [h("dt", {}, j.label), h("dd", {}, gradeBadge(j.grade))]));
}

/** Every judgement, by section (a heading per section when there are several). */
function groupedGrades(judgements: readonly Judgement[]): HTMLElement[] {
  const groups = groupJudgements(judgements);
  return groups
    .flatMap((g) => [groups.length > 1 && g.section ? h("h6", {}, g.section) : null, gradeList(g.items.map((j) => ({ label: j.area, grade: j.grade })))])
    .filter((el): el is HTMLElement => el !== null);
}

/**
 * The report's judgements, compactly: the overall-effectiveness grades in view, every
 * judgement behind "All n judgements" (shown at once when there are only a few).
 */
function judgementsBlock(r: ReportSummary): HTMLElement {
  const all = r.judgements;
  const headline = headlineJudgements(all);
  const block = h("div", { class: "judgements-block", "data-testid": "judgements" }, h("h5", {}, "Judgements"));
  if (!all.length) {
    block.append(h("p", { class: "meta" }, "No judgements were found in the report."));
    return block;
  }
  if (headline.length) {
    const bySection = headline.some((j) => !/overall effectiveness|^inspection outcome$/i.test(j.label));
    if (bySection) block.append(h("p", { class: "grades-caption" }, "Overall effectiveness"));
    block.append(gradeList(headline, { "data-testid": "headline-grades" }));
  }
  if (all.length > headline.length) {
    if (!headline.length && all.length <= 6) block.append(...groupedGrades(all));
    else {
      block.append(
        h("details", { class: "all-grades", "data-testid": "all-judgements" }, h("summary", {}, `All ${all.length} judgements`), ...groupedGrades(all)),
      );
    }
  }
  return block;
}
