// The QA lead's overdue review: the open actions that are overdue or fall due in the next
// 30 days, today's work first (grouped by how overdue, the most recently overdue first;
// or by owner), filtered by report, owner, lead partner and how overdue — every filter a
// field of the core's Filter, so the list is the core's. Each row says when it was last
// updated and last reviewed; a review (by, on, what was agreed, next review) is recorded
// in the action's history; several actions can be reassigned or re-scheduled at once.
import { api } from "../api";
import { h, button, field, select } from "../dom";
import { disableWithin, reasonNote, whyNot } from "../permissions";
import { daysBetween, formatDate, formatCount, plural, STATUS_LABELS } from "../format";
import { owners as ownersOf, leadPartners, NO_OWNER, STALE_AFTER_DAYS } from "../actions";
import { errorBox, errorMessage } from "../components/alert";
import { showToast } from "../components/toast";
import { openDialog } from "../components/modal";
import { addUpdateDialog } from "../components/update-dialog";
import { dateInput, dateProblem, isoOf, setIso } from "../components/date-input";
import { showProblems, type Problem } from "../components/error-summary";
import { asOf, getActions, getSummary, invalidate, userName } from "../state";
import { OVERDUE_BAND_LABELS } from "../gen/labels";
import type { Route } from "../router";
import type { ActionListItem } from "../gen/ActionListItem";
import type { ActionFilter } from "../gen/ActionFilter";
import type { OverdueBand } from "../gen/OverdueBand";
import type { Review } from "../gen/Review";
import type { ReportSummary } from "../gen/ReportSummary";

/** The bands in the order the review shows them: today's work first. */
const BANDS: OverdueBand[] = ["under_thirty_days", "thirty_to_ninety_days", "over_ninety_days"];
const DUE_SOON = "due_soon";
const DUE_SOON_LABEL = "Due in the next 30 days";
type How = "" | OverdueBand | typeof DUE_SOON;

export interface OverdueFilter {
  reportId: string;
  /** An owner's name, or NO_OWNER for the actions nobody owns yet. */
  owner: string;
  leadPartner: string;
  how: How;
  /** Only current plans: on unless the person turns it off. */
  currentOnly: boolean;
}

/** The core's filter for the review's choices. */
export function reviewFilter(f: OverdueFilter): ActionFilter {
  const base: ActionFilter = f.how === DUE_SOON ? { due_within_days: 30 } : f.how ? { overdue_band: f.how } : { overdue: true, due_within_days: 30 };
  return {
    ...base,
    report_id: f.reportId || undefined,
    owner: f.owner && f.owner !== NO_OWNER ? f.owner : undefined,
    no_owner: f.owner === NO_OWNER || undefined,
    lead_partner: f.leadPartner || undefined,
    current_only: f.currentOnly,
  };
}

/** Where an item goes: its band (due soon after the overdue ones), then the most recently
 * overdue first, or the soonest due. */
function orderKey(it: ActionListItem): [number, number] {
  if (it.overdue_band) return [BANDS.indexOf(it.overdue_band), it.days_overdue ?? 0];
  return [BANDS.length, it.due_date ? -daysBetween(it.due_date, asOf()) : 0];
}

export function reviewOrder(items: readonly ActionListItem[]): ActionListItem[] {
  return [...items].sort((a, b) => {
    const [ga, ka] = orderKey(a);
    const [gb, kb] = orderKey(b);
    return ga - gb || ka - kb || a.title.localeCompare(b.title, "en-GB");
  });
}

export type GroupBy = "band" | "owner";

/** The review's groups, each with its heading, in order. */
export function reviewGroups(items: readonly ActionListItem[], by: GroupBy): { label: string; items: ActionListItem[] }[] {
  const ordered = reviewOrder(items);
  const groups = new Map<string, ActionListItem[]>();
  const labelOf = (it: ActionListItem) => (by === "owner" ? (it.owner ?? "No owner") : it.overdue_band ? OVERDUE_BAND_LABELS[it.overdue_band] : DUE_SOON_LABEL);
  for (const it of ordered) {
    const label = labelOf(it);
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label)!.push(it);
  }
  const out = [...groups].map(([label, list]) => ({ label, items: list }));
  if (by === "owner") out.sort((a, b) => (a.label === "No owner" ? 1 : b.label === "No owner" ? -1 : a.label.localeCompare(b.label, "en-GB")));
  return out;
}

export async function showOverdue(main: HTMLElement, route: Route): Promise<void> {
  const title = h("h2", { id: "screen-title", tabindex: "-1" }, "Overdue review");
  try {
    const summary = await getSummary().catch(() => null); // the as-of date and the reports
    const all = await getActions();
    const [reviews, name] = await Promise.all([api.latestReviews(), userName().catch(() => ({ name: "", chosen: false }))]);
    // `?plans=all` (the dashboard's link when earlier plans hold overdue actions) starts
    // with every plan, not only the current ones.
    const currentOnly = route.query.get("plans") !== "all";
    main.append(title, overdueView({ all, reports: summary?.reports ?? [], reviews, userName: name.name, currentOnly }));
  } catch (e) {
    main.append(title, errorBox(e, "The actions could not be loaded"));
  }
}

function overdueText(it: ActionListItem): string {
  if (it.days_overdue) return `${plural(it.days_overdue, "day")} overdue`;
  if (!it.due_date) return "";
  const days = daysBetween(asOf(), it.due_date);
  return days === 0 ? "Due today" : `Due in ${plural(days, "day")}`;
}

function sinceUpdate(it: ActionListItem): { text: string; stale: boolean } {
  if (!it.last_update) return { text: "Never updated", stale: true };
  const days = daysBetween(it.last_update, asOf());
  return { text: days === 0 ? "Today" : `${plural(days, "day")} ago`, stale: days > STALE_AFTER_DAYS };
}

export interface OverdueContext {
  /** Every action (for the filters' choices). */
  all: ActionListItem[];
  reports: ReportSummary[];
  reviews: Review[];
  userName: string;
  /** Start with current plans only (the default) or every plan. */
  currentOnly?: boolean;
}

export function overdueView(ctx: OverdueContext): HTMLElement {
  let items: ActionListItem[] = [];
  let hidden = 0;
  const awaiting = ctx.reports.some((r) => r.plan_state === "awaiting_decision");
  const reviews = new Map(ctx.reviews.map((r) => [r.action_id, r]));
  const selected = new Set<string>();
  const filter: OverdueFilter = { reportId: "", owner: "", leadPartner: "", how: "", currentOnly: ctx.currentOnly ?? true };
  let groupBy: GroupBy = "band";

  // --- filters -------------------------------------------------------------------------
  const reportSel = select(
    [
      ["", "All reports"],
      ...ctx.reports.map(
        (r) => [r.report_id, `${r.local_authority ?? r.source_name}${r.inspection_end ? ` (${formatDate(r.inspection_end)})` : ""}`] as [string, string],
      ),
    ],
    "",
    { id: "o-report", "data-testid": "filter-report" },
  );
  const ownerSel = select([["", "All owners"], ...ownersOf(ctx.all).map((o) => [o, o] as [string, string]), [NO_OWNER, "No owner"]], "", {
    id: "o-owner",
    "data-testid": "filter-owner",
  });
  const partners = leadPartners(ctx.all);
  const leadSel = select([["", "All lead partners"], ...partners.map((p) => [p, p] as [string, string])], "", { id: "o-lead", "data-testid": "filter-lead" });
  const howSel = select(
    [["", "Overdue or due in the next 30 days"], ...BANDS.map((b) => [b, OVERDUE_BAND_LABELS[b]] as [string, string]), [DUE_SOON, DUE_SOON_LABEL]],
    "",
    { id: "o-how", "data-testid": "filter-how" },
  );
  const groupSel = select(
    [
      ["band", "How overdue"],
      ["owner", "Owner"],
    ],
    "band",
    { id: "o-group", "data-testid": "group-by" },
  );
  const current = h("input", { type: "checkbox", id: "o-current", "data-testid": "filter-current" });
  current.checked = filter.currentOnly;
  const filters = h(
    "form",
    { class: "review-filters", "aria-label": "Filter the overdue review", "data-testid": "overdue-filters" },
    field("Report", reportSel),
    field("Owner", ownerSel),
    partners.length ? field("Lead partner", leadSel) : null,
    field("How overdue", howSel),
    field("Group by", groupSel),
    h("div", { class: "field check-field" }, h("div", { class: "check" }, current, h("label", { for: current.id }, "Current plans only"))),
  );
  filters.addEventListener("submit", (ev) => ev.preventDefault());
  filters.addEventListener("change", (ev) => {
    filter.reportId = reportSel.value;
    filter.owner = ownerSel.value;
    filter.leadPartner = leadSel.value;
    filter.how = howSel.value as How;
    filter.currentOnly = current.checked;
    groupBy = groupSel.value as GroupBy;
    if (ev.target === groupSel) render();
    else void load();
  });

  // --- bulk changes --------------------------------------------------------------------
  const count = h("span", { class: "bulk-count", "data-testid": "selected-count", "aria-live": "polite" });
  const reassign = button("Reassign…", () => void bulkReassign(), { class: "secondary", "data-testid": "bulk-reassign" });
  const reschedule = button("Re-schedule…", () => void bulkReschedule(), { class: "secondary", "data-testid": "bulk-reschedule" });
  // Reviews, updates and reassigning are an editor's; re-scheduling (due dates) an
  // admin's: an editor's button points at why not; a viewer gets none of these.
  const mayEdit = whyNot("edit_actions") === null;
  const rescheduleNote = reasonNote("change_due_dates");
  if (rescheduleNote) disableWithin(reschedule, rescheduleNote);
  const bulkBar = mayEdit
    ? h("div", { class: "bulk-bar", role: "group", "aria-label": "Change the selected actions" }, count, reassign, reschedule, rescheduleNote)
    : null;
  const showSelection = () => {
    for (const id of [...selected]) if (!items.some((it) => it.id === id)) selected.delete(id);
    count.textContent = selected.size ? `${plural(selected.size, "action")} selected` : "No actions selected";
    reassign.disabled = selected.size === 0;
    reschedule.disabled = selected.size === 0 || rescheduleNote !== null;
  };

  const body = h("div", { "data-testid": "overdue-body" });
  const status = h("p", { class: "meta", role: "status", "data-testid": "overdue-summary" });

  function render() {
    showSelection();
    const overdue = items.filter((it) => it.overdue_band).length;
    const stale = items.filter((it) => sinceUpdate(it).stale).length;
    const perBand = BANDS.map((b) => items.filter((it) => it.overdue_band === b).length);
    status.textContent =
      `As of ${formatDate(asOf())}: ${plural(overdue, "action")} overdue ` +
      `(${formatCount(perBand[0])} under 30 days, ${formatCount(perBand[1])} 30 to 90 days, ${formatCount(perBand[2])} more than 90 days), ` +
      `${formatCount(items.length - overdue)} due in the next 30 days; ${formatCount(stale)} with no update for more than ${STALE_AFTER_DAYS} days.` +
      (hidden > 0 ? ` Not shown: ${plural(hidden, "more action")} in earlier plans awaiting a decision (untick “Current plans only” to see them).` : "");
    if (!items.length) {
      body.replaceChildren(h("p", { class: "empty", "data-testid": "overdue-empty" }, "No action matches these filters."));
      return;
    }
    const all = h("input", { type: "checkbox", id: "o-select-all", "data-testid": "select-all" });
    all.checked = items.every((it) => selected.has(it.id));
    all.addEventListener("change", () => {
      for (const it of items) {
        if (all.checked) selected.add(it.id);
        else selected.delete(it.id);
      }
      render();
    });
    body.replaceChildren(
      mayEdit ? h("div", { class: "check select-all" }, all, h("label", { for: all.id }, `Select all ${plural(items.length, "action")} shown`)) : "",
      ...reviewGroups(items, groupBy).map((g, i) => groupTable(g.label, g.items, i)),
    );
  }

  function groupTable(label: string, list: ActionListItem[], n: number): HTMLElement {
    const headingId = `o-group-${n}`;
    return h(
      "section",
      { class: "review-group", "aria-labelledby": headingId, "data-testid": "overdue-group" },
      h("h3", { id: headingId }, `${label} `, h("span", { class: "count" }, `(${formatCount(list.length)})`)),
      h(
        "div",
        // Focusable so a keyboard can scroll it when the window is narrow.
        { class: "table-scroll", tabindex: "0", role: "region", "aria-label": label },
        h(
          "table",
          { class: "data-table review", "data-testid": "overdue-table" },
          h("caption", { class: "sr-only" }, `${label}: ${plural(list.length, "action")}`),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...["Select", "Ref.", "Action", "Owner", "Due", "Last update", "Last review", ""]
                .filter((_, i) => mayEdit || (i > 0 && i < 7))
                .map((t) => h("th", { scope: "col" }, t === "Select" || !t ? h("span", { class: "sr-only" }, t || "Actions") : t)),
            ),
          ),
          h("tbody", {}, ...list.map(row)),
        ),
      ),
    );
  }

  function row(it: ActionListItem): HTMLElement {
    const ref = it.reference;
    const pick = h("input", { type: "checkbox", "aria-label": `Select action ${ref}`, "data-testid": "select-row" });
    pick.checked = selected.has(it.id);
    pick.addEventListener("change", () => {
      if (pick.checked) selected.add(it.id);
      else selected.delete(it.id);
      showSelection();
    });
    const since = sinceUpdate(it);
    const review = reviews.get(it.id);
    const reviewDue = review?.next_review && review.next_review <= asOf();
    return h(
      "tr",
      { class: it.days_overdue ? "is-overdue" : "", "data-testid": "overdue-row", "data-id": it.id },
      mayEdit ? h("td", {}, pick) : null,
      h("td", {}, ref),
      h(
        "th",
        { scope: "row", class: "title" },
        h("a", { href: `#/action/${encodeURIComponent(it.id)}` }, it.title),
        h("span", { class: "meta block" }, [it.local_authority, STATUS_LABELS[it.status]].filter(Boolean).join(" · ")),
      ),
      h("td", { "data-testid": "owner" }, it.owner ?? h("span", { class: "muted" }, "No owner")),
      h(
        "td",
        { class: "due" },
        h("span", { class: "block" }, formatDate(it.due_date)),
        h("span", { class: it.days_overdue ? "block days-late" : "block meta", "data-testid": "days-overdue" }, overdueText(it)),
      ),
      h(
        "td",
        { "data-testid": "since-update" },
        since.text,
        since.stale ? " " : null,
        since.stale ? h("span", { class: "flag-stale", "data-testid": "stale" }, "Stale") : null,
      ),
      h(
        "td",
        { "data-testid": "last-review" },
        review
          ? h("span", { class: "block" }, `${formatDate(review.reviewed_on)}, ${review.reviewed_by}: `, h("span", { class: "review-outcome" }, review.outcome))
          : h("span", { class: "muted" }, "Not reviewed"),
        review?.next_review
          ? h("span", { class: reviewDue ? "block flag-due" : "block meta" }, `${reviewDue ? "Review due" : "Next review"} ${formatDate(review.next_review)}`)
          : null,
      ),
      mayEdit &&
        h(
          "td",
          {},
          h(
            "div",
            { class: "row-buttons" },
            button("Review", () => void reviewDialog(it, ref), {
              class: "secondary small",
              "aria-label": `Record a review of action ${ref}`,
              "data-testid": "record-review",
            }),
            button("Add update", () => void quickUpdate(it, ref), { class: "secondary small", "aria-label": `Add update to action ${ref}` }),
          ),
        ),
    );
  }

  async function load() {
    try {
      // What "Current plans only" hides: open actions of plans a later inspection
      // overtook, still awaiting a decision (the dashboard counts them as overdue).
      // Asked only when some plan awaits a decision (nothing can be hidden otherwise).
      const [every, shown] = await Promise.all([
        filter.currentOnly && awaiting ? api.listActions(reviewFilter({ ...filter, currentOnly: false }), asOf()) : null,
        api.listActions(reviewFilter(filter), asOf()),
      ]);
      items = shown;
      hidden = every ? every.length - shown.length : 0;
      render();
    } catch (e) {
      body.replaceChildren(errorBox(e, "The actions could not be loaded"));
    }
  }

  const focusRow = (id: string) => body.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] a`)?.focus();

  async function quickUpdate(it: ActionListItem, _ref: string) {
    const detail = await addUpdateDialog(it.id, it.title);
    if (!detail) return;
    invalidate();
    await load();
    showToast("Update added.");
    focusRow(it.id);
  }

  async function reviewDialog(it: ActionListItem, ref: string) {
    const by = h("input", { type: "text", id: "rv-by", autocomplete: "name" });
    by.value = ctx.userName;
    const on = dateInput({ id: "rv-on" }, { max: asOf() });
    setIso(on, asOf());
    const outcome = h("textarea", { id: "rv-outcome", rows: "3", "data-testid": "review-outcome" });
    const next = dateInput({ id: "rv-next", "data-testid": "review-next" });
    const slot = h("div", { class: "slot", id: "rv-problems" });
    const form = h(
      "div",
      {},
      slot,
      h("p", { class: "quote" }, `${ref} ${it.title}`),
      field("Reviewed by", by, "A person, or a meeting such as the QA panel."),
      field("Date of the review", on),
      field("What was agreed", outcome),
      field("Next review (optional)", next, "When to look at this action again."),
    );
    let made: Review | null = null;
    await openDialog({
      title: `Record a review of action ${ref}`,
      testid: "review-dialog",
      body: [form],
      confirmLabel: "Record review",
      novalidate: true,
      initialFocus: outcome,
      onConfirm: async () => {
        const problems: Problem[] = [];
        if (!by.value.trim()) problems.push({ field: by.id, message: "Enter who reviewed the action" });
        const onIso = isoOf(on);
        if (!on.value.trim()) problems.push({ field: on.id, message: "Enter the date of the review" });
        else if (dateProblem(on)) problems.push({ field: on.id, message: `Date of the review: ${dateProblem(on)}` });
        if (!outcome.value.trim()) problems.push({ field: outcome.id, message: "Enter what was agreed at the review" });
        const nextIso = isoOf(next);
        if (next.value.trim() && dateProblem(next)) problems.push({ field: next.id, message: `Next review: ${dateProblem(next)}` });
        else if (nextIso && onIso && nextIso <= onIso) problems.push({ field: next.id, message: "The next review must be after the date of the review" });
        if (showProblems(slot, problems, form)) return false;
        try {
          made = await api.recordReview(it.id, {
            reviewed_by: by.value.trim(),
            reviewed_on: onIso,
            outcome: outcome.value.trim(),
            next_review: nextIso || undefined,
          });
          return true;
        } catch (e) {
          showProblems(slot, [{ field: outcome.id, message: errorMessage(e) }], form);
          return false;
        }
      },
    });
    if (!made) return;
    const review: Review = made;
    reviews.set(it.id, review);
    render();
    showToast(`Review of action ${ref} recorded.`);
    focusRow(it.id);
  }

  async function bulkReassign() {
    const ids = [...selected];
    const owner = h("input", { type: "text", id: "bulk-owner", list: "bulk-owners", "data-testid": "bulk-owner" });
    const known = h("datalist", { id: "bulk-owners" }, ...ownersOf(ctx.all).map((o) => h("option", { value: o })));
    const slot = h("div", { class: "slot", id: "bulk-owner-problems" });
    const form = h(
      "div",
      {},
      slot,
      h("p", {}, `${plural(ids.length, "action")} will be given this owner.`),
      field("New owner", owner, "The person responsible for each of these actions."),
      known,
    );
    let done = false;
    await openDialog({
      title: `Reassign ${plural(ids.length, "action")}`,
      testid: "bulk-dialog",
      body: [form],
      confirmLabel: "Reassign",
      novalidate: true,
      onConfirm: async () => {
        if (showProblems(slot, owner.value.trim() ? [] : [{ field: owner.id, message: "Enter the new owner's name" }], form)) return false;
        try {
          await api.updateActions(ids, { kind: "reassign", owner: owner.value.trim() });
          done = true;
          return true;
        } catch (e) {
          showProblems(slot, [{ field: owner.id, message: errorMessage(e) }], form);
          return false;
        }
      },
    });
    if (!done) return;
    selected.clear();
    invalidate();
    await load();
    showToast(`${plural(ids.length, "action")} reassigned to ${owner.value.trim()}.`);
  }

  async function bulkReschedule() {
    const ids = [...selected];
    const date = dateInput({ id: "bulk-due", "data-testid": "bulk-due" });
    const reason = h("textarea", { id: "bulk-reason", rows: "2", "data-testid": "bulk-reason" });
    const slot = h("div", { class: "slot", id: "bulk-due-problems" });
    const form = h(
      "div",
      {},
      slot,
      h("p", {}, `${plural(ids.length, "action")} will be given this due date. Each keeps the reason in its history.`),
      field("New due date", date),
      field("Reason for the change", reason, "One reason for all of them, such as what the QA panel agreed."),
    );
    let done = false;
    await openDialog({
      title: `Re-schedule ${plural(ids.length, "action")}`,
      testid: "bulk-dialog",
      body: [form],
      confirmLabel: "Re-schedule",
      novalidate: true,
      onConfirm: async () => {
        const problems: Problem[] = [];
        if (!date.value.trim()) problems.push({ field: date.id, message: "Enter the new due date" });
        else if (dateProblem(date)) problems.push({ field: date.id, message: `New due date: ${dateProblem(date)}` });
        if (!reason.value.trim()) problems.push({ field: reason.id, message: "Enter the reason for changing the due date" });
        if (showProblems(slot, problems, form)) return false;
        try {
          await api.updateActions(ids, { kind: "reschedule", date: isoOf(date), reason: reason.value.trim() });
          done = true;
          return true;
        } catch (e) {
          showProblems(slot, [{ field: reason.id, message: errorMessage(e) }], form);
          return false;
        }
      },
    });
    if (!done) return;
    selected.clear();
    invalidate();
    await load();
    showToast(`${plural(ids.length, "action")} re-scheduled to ${formatDate(isoOf(date))}.`);
  }

  void load();
  return h(
    "div",
    { class: "overdue" },
    h(
      "p",
      { class: "lead" },
      "Open actions that are overdue or fall due in the next 30 days: the most recently overdue first, so today's work comes before the long-standing.",
    ),
    filters,
    status,
    bulkBar,
    body,
  );
}
