// The action plan: every action grouped by report → section → timeframe → recommendation,
// in a virtualised table so 10,000 rows stay smooth. The core filters (the same filter an
// export takes); the screen sorts and groups what it is given. Status, progress and owner
// are edited in place.
import { api } from "../api";
import { h, button, field, select, srOnly } from "../dom";
import { formatDate, formatCount, STATUS_LABELS, RAG_LABELS, DUE_SOURCE_LABELS } from "../format";
import type { ActionListItem } from "../gen/ActionListItem";
import type { ActionStatus } from "../gen/ActionStatus";
import type { Rag } from "../gen/Rag";
import type { ReportSummary } from "../gen/ReportSummary";
import { shortText } from "../text";
import {
  sortActions,
  groupRows,
  inPlanOrder,
  owners,
  leadPartners,
  NO_OWNER,
  isFilterEmpty,
  toActionFilter,
  type PlanFilter,
  type PlanRow,
  type Sort,
  type SortKey,
} from "../actions";
import { createVirtualList } from "../components/virtual-list";
import { ragBadge } from "../components/badges";
import { errorBox, showError } from "../components/alert";
import { showToast } from "../components/toast";
import { openDialog } from "../components/modal";
import { getActions, getSummary, replaceAction, invalidate } from "../state";
import type { Route } from "../router";
import { MOD } from "../shortcuts";
import { exportButton, offerPlanFilters } from "../components/export-dialog";
import { dateInput, isoOf, setIso } from "../components/date-input";
import { RAISED_BEFORE } from "../gen/labels";
import { disableWithin, isReadOnly, reasonNote, whyNot } from "../permissions";

export const ROW_HEIGHT = 52;

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "plan", label: "Ref." },
  { key: "title", label: "Action" },
  { key: "owner", label: "Owner" },
  { key: "due_date", label: "Due" },
  { key: "status", label: "Status" },
  { key: "progress", label: "Progress" },
  { key: "rag", label: "RAG" },
  { key: "last_update", label: "Last update" },
];

export async function showPlan(main: HTMLElement, route: Route): Promise<void> {
  const title = h("h2", { id: "screen-title", tabindex: "-1" }, "Action plan");
  let items: ActionListItem[];
  let reports: ReportSummary[] = [];
  try {
    items = await getActions();
  } catch (e) {
    main.append(title, errorBox(e, "The actions could not be loaded"));
    return;
  }
  try {
    reports = (await getSummary()).reports;
  } catch {
    // Report names then fall back to the authority named on each action.
  }
  main.append(title, planView(items, reports, route));
}

function filterFromQuery(q: URLSearchParams): PlanFilter {
  const status = q.get("status") ?? "";
  return {
    status: (["not_started", "in_progress", "completed", "blocked"].includes(status) ? status : "") as ActionStatus | "",
    statusGroup: status === "open" ? "open" : "",
    rag: (q.get("rag") ?? "") as Rag | "",
    owner: q.get("owner") ?? "",
    reportId: q.get("report") ?? "",
    dueFrom: q.get("from") ?? "",
    dueTo: q.get("to") ?? "",
    search: q.get("q") ?? "",
    leadPartner: q.get("lead") ?? "",
    raisedBefore: q.get("raised") === "1",
  };
}

export function planView(initial: ActionListItem[], reports: ReportSummary[], route: Route): HTMLElement {
  // The core lists soonest due first; the plan reads report by report, recommendation by
  // recommendation (the core's plan order).
  let all = inPlanOrder(initial);
  let filter = filterFromQuery(route.query);
  let sort: Sort = { key: "plan", descending: false };
  const errors = h("div", { class: "slot" });
  const status = h("p", { class: "meta", role: "status", "data-testid": "plan-count" });
  // Status, progress and owner are edited in place by those who may (the core's rule);
  // adding actions is managing the plan: an editor's buttons point at why not.
  const mayEdit = whyNot("edit_actions") === null;
  const addNote = isReadOnly() ? null : reasonNote("add_actions");
  const reportById = new Map(reports.map((r) => [r.report_id, r]));
  const reportLabel = (it: ActionListItem) => {
    const r = reportById.get(it.report_id);
    const name = r?.local_authority ?? it.local_authority ?? r?.source_name ?? "Report";
    return r?.inspection_end ? `${name}: inspection ended ${formatDate(r.inspection_end)}` : name;
  };

  // --- filters -------------------------------------------------------------------------
  const search = h("input", {
    type: "search",
    id: "plan-search",
    placeholder: "Words in the action, recommendation or owner",
    "aria-keyshortcuts": "/ Control+F",
    autocomplete: "off",
  });
  search.value = filter.search ?? "";
  const statusSel = select(
    [["", "Any status"], ["open", "Open (not completed)"], ...(Object.entries(STATUS_LABELS) as [string, string][])],
    filter.statusGroup || filter.status || "",
    { id: "f-status" },
  );
  const ragSel = select([["", "Any RAG"], ...(Object.entries(RAG_LABELS) as [string, string][])], filter.rag ?? "", { id: "f-rag" });
  const ownerSel = h("select", { id: "f-owner" });
  // Lead partners (area SEND responsible bodies): offered only when some action has one.
  const partners = leadPartners(initial);
  const leadSel = select([["", "Any lead partner"], ...partners.map((p): [string, string] => [p, p])], filter.leadPartner ?? "", { id: "f-lead" });
  const reportSel = select(
    [
      ["", "All reports"],
      ...reports.map(
        (r) => [r.report_id, `${r.local_authority ?? r.source_name}${r.inspection_end ? ` (${formatDate(r.inspection_end)})` : ""}`] as [string, string],
      ),
    ],
    filter.reportId ?? "",
    { id: "f-report" },
  );
  const raised = h("input", { type: "checkbox", id: "f-raised", "data-testid": "filter-raised-before" });
  raised.checked = !!filter.raisedBefore;
  const from = dateInput({ id: "f-from" });
  setIso(from, filter.dueFrom);
  const to = dateInput({ id: "f-to" });
  setIso(to, filter.dueTo);
  const clear = button(
    "Clear filters",
    () => {
      search.value = "";
      for (const s of [statusSel, ragSel, ownerSel, reportSel, leadSel]) s.value = "";
      setIso(from, "");
      setIso(to, "");
      raised.checked = false;
      readFilter();
      search.focus();
    },
    { class: "secondary", "data-testid": "clear-filters" },
  );

  function fillOwners() {
    const current = ownerSel.value || filter.owner || "";
    ownerSel.replaceChildren(
      h("option", { value: "" }, "Anyone"),
      h("option", { value: NO_OWNER }, "No owner yet"),
      ...owners(all).map((o) => h("option", { value: o }, o)),
    );
    ownerSel.value = current;
  }
  fillOwners();

  function readFilter() {
    const st = statusSel.value;
    filter = {
      search: search.value,
      status: st === "open" ? "" : (st as ActionStatus | ""),
      statusGroup: st === "open" ? "open" : "",
      rag: ragSel.value as Rag | "",
      owner: ownerSel.value,
      reportId: reportSel.value,
      dueFrom: isoOf(from),
      dueTo: isoOf(to),
      leadPartner: leadSel.value,
      raisedBefore: raised.checked,
    };
    refresh();
  }
  // The core filters on every keystroke (a few milliseconds at 10,000 actions); answers
  // that arrive after a newer question are dropped, so there is no debounce to make typing
  // feel laggy.
  search.addEventListener("input", readFilter);
  for (const el of [statusSel, ragSel, ownerSel, reportSel, leadSel, from, to, raised]) el.addEventListener("change", readFilter);

  const filters = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter actions" },
    field("Search", search, `Press / or ${MOD}+F to jump here`),
    field("Status", statusSel),
    field("RAG", ragSel),
    field("Owner", ownerSel),
    partners.length ? field("Lead partner", leadSel) : null,
    field("Report", reportSel),
    field("Due from", from),
    field("Due to", to),
    h("div", { class: "field field-check" }, h("label", { for: raised.id }, raised, ` ${RAISED_BEFORE} only`)),
    h("div", { class: "field field-button" }, clear),
  );
  filters.addEventListener("submit", (ev) => ev.preventDefault());

  // --- table ---------------------------------------------------------------------------
  const headerCells = COLUMNS.map((col) => {
    const b = button(
      col.label,
      () => {
        sort = sort.key === col.key ? { key: col.key, descending: !sort.descending } : { key: col.key, descending: false };
        refresh();
      },
      { class: "sort-button", "data-sort": col.key },
    );
    return h("div", { role: "columnheader", class: `cell col-${col.key}` }, b);
  });
  const header = h("div", { role: "rowgroup", class: "thead" }, h("div", { role: "row", class: "row head", "aria-rowindex": "1" }, ...headerCells));

  const list = createVirtualList<PlanRow>({
    rowHeight: ROW_HEIGHT,
    key: (r) => rowKey(r),
    render: (r, i) => renderRow(r, i),
    attrs: { role: "rowgroup" },
  });
  const table = h("div", { role: "table", class: "plan-table", "aria-label": "Actions", "data-testid": "plan-table" }, header, list.element);

  list.element.addEventListener("keydown", (ev) => {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    const target = ev.target as HTMLElement;
    if (target.tagName === "SELECT" || target.tagName === "INPUT") return;
    const rowEl = target.closest<HTMLElement>("[data-index]");
    if (!rowEl) return;
    ev.preventDefault();
    const rows = list.rows();
    const step = ev.key === "ArrowDown" ? 1 : -1;
    for (let i = Number(rowEl.dataset.index) + step; i >= 0 && i < rows.length; i += step) {
      // A recommendation's row is a stop only where its Add action button can be used.
      if (rows[i].kind === "action" || (rows[i].kind === "recommendation" && !isReadOnly() && addNote === null)) {
        list.scrollToIndex(i);
        list.element.querySelector<HTMLElement>(`[data-index="${i}"] [data-col="link"]`)?.focus();
        return;
      }
    }
  });

  // Each filtering is numbered; only the latest one's answer is shown.
  let asked = 0;
  async function matching(): Promise<ActionListItem[] | null> {
    const mine = ++asked;
    if (isFilterEmpty(filter)) return all;
    try {
      const found = await api.listActions(toActionFilter(filter));
      if (mine !== asked) return null;
      // The loaded items (in plan order, with any edits made here) that the core matched.
      const ids = new Set(found.map((it) => it.id));
      return all.filter((it) => ids.has(it.id));
    } catch (e) {
      if (mine === asked) showError(errors, e, "The actions could not be filtered");
      return null;
    }
  }

  function refresh() {
    void refreshNow();
  }

  async function refreshNow() {
    const started = performance.now();
    const matched = await matching();
    if (matched === null) return;
    const shown = sortActions(matched, sort);
    const rows: PlanRow[] =
      sort.key === "plan" && !sort.descending ? groupRows(shown, reportLabel) : shown.map((item) => ({ kind: "action", item, ref: item.reference }));
    list.setRows(rows);
    // For the measurements (tests/e2e/measure.mjs, the 10,000-action browser test).
    const w = window as unknown as { __lastFilterMs?: number; __filtered?: number };
    w.__lastFilterMs = performance.now() - started;
    w.__filtered = (w.__filtered ?? 0) + 1;
    table.setAttribute("aria-rowcount", String(rows.length + 1));
    status.textContent = isFilterEmpty(filter)
      ? `${formatCount(all.length)} actions.`
      : `Showing ${formatCount(shown.length)} of ${formatCount(all.length)} actions.`;
    for (const cell of headerCells) {
      const key = cell.querySelector("button")!.dataset.sort;
      if (key === sort.key) cell.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
      else cell.removeAttribute("aria-sort");
    }
    empty.hidden = shown.length > 0;
  }
  const empty = h("p", { class: "empty", hidden: "" }, "No action matches these filters.");

  // --- rows ----------------------------------------------------------------------------
  function rowKey(r: PlanRow): string {
    switch (r.kind) {
      case "report":
        return `r:${r.reportId}`;
      case "section":
      case "timeframe":
        return `${r.kind}:${r.label}`;
      case "recommendation":
        return `rec:${r.recommendationId}`;
      case "action":
        return `a:${r.item.id}`;
    }
  }

  function renderRow(r: PlanRow, i: number): HTMLElement {
    const attrs = { role: "row", "aria-rowindex": String(i + 2) };
    switch (r.kind) {
      case "report":
        return h(
          "div",
          { ...attrs, class: "row group group-report" },
          h("div", { role: "cell", "aria-colspan": "8", class: "cell span" }, h("strong", {}, r.label), ` · ${formatCount(r.count)} actions`),
        );
      case "section":
        return h("div", { ...attrs, class: "row group group-section" }, h("div", { role: "cell", "aria-colspan": "8", class: "cell span" }, r.label));
      case "timeframe":
        return h("div", { ...attrs, class: "row group group-timeframe" }, h("div", { role: "cell", "aria-colspan": "8", class: "cell span" }, r.label));
      case "recommendation":
        return h(
          "div",
          { ...attrs, class: "row group group-rec", "data-testid": "rec-row" },
          h("div", { role: "cell", class: "cell col-plan" }, `R${r.ref}`),
          h("div", { role: "cell", "aria-colspan": "7", class: "cell span rec-text", title: r.text }, h("span", { class: "clamp" }, r.text), addButton(r)),
        );
      case "action":
        return actionRow(r.item, r.ref, attrs);
    }
  }

  function addButton(r: Extract<PlanRow, { kind: "recommendation" }>): HTMLElement | null {
    if (isReadOnly()) return null;
    const b = button("Add action", () => void addAction(r), {
      class: "link-button",
      "data-col": "link",
      "aria-label": `Add action under recommendation ${r.ref}`,
    });
    if (addNote) disableWithin(b, addNote);
    return b;
  }

  function titleCell(it: ActionListItem): HTMLElement {
    return h(
      "div",
      { role: "cell", class: "cell col-title", title: it.lead_partner ? `${it.title}\nLead partner: ${it.lead_partner}` : it.title },
      h("a", { href: `#/action/${encodeURIComponent(it.id)}`, "data-col": "link", class: "clamp", title: it.title }, it.title),
      it.lead_partner ? h("span", { class: "meta lead-partner", "data-col": "lead-partner" }, `Led by ${it.lead_partner}`) : null,
      it.raised_before
        ? h(
            "span",
            { class: "badge raised-before", "data-testid": "raised-before", title: "A person confirmed an earlier inspection asked for the same thing" },
            RAISED_BEFORE,
          )
        : null,
    );
  }

  function dueCell(it: ActionListItem): HTMLElement {
    return h(
      "div",
      { role: "cell", class: "cell col-due_date" },
      it.due_date ? formatDate(it.due_date) : h("span", { class: "muted" }, "No date"),
      it.due_date_source === "override"
        ? h("span", { class: "flag", title: DUE_SOURCE_LABELS.override }, "*", srOnly(` (${DUE_SOURCE_LABELS.override})`))
        : null,
    );
  }

  function actionRow(it: ActionListItem, ref: string, attrs: Record<string, string>): HTMLElement {
    const name = `action ${ref}`;
    if (!mayEdit) return readOnlyRow(it, ref, attrs);
    const statusSelect = select(Object.entries(STATUS_LABELS) as [string, string][], it.status, { "aria-label": `Status of ${name}`, "data-col": "status" });
    statusSelect.addEventListener("change", () => void change(it, { kind: "status", status: statusSelect.value as ActionStatus }, statusSelect));
    const progress = h("input", { type: "number", min: "0", max: "100", step: "5", "aria-label": `Progress of ${name}, per cent`, "data-col": "progress" });
    progress.value = String(it.progress);
    progress.addEventListener("change", () => {
      const v = Number(progress.value);
      if (!Number.isInteger(v) || v < 0 || v > 100) {
        showError(errors, new Error("Progress must be a whole number from 0 to 100."), "Progress not saved");
        progress.value = String(it.progress);
        return;
      }
      void change(it, { kind: "progress", progress: v }, progress);
    });
    const owner = h("input", { type: "text", "aria-label": `Owner of ${name}`, "data-col": "owner", placeholder: "No owner" });
    owner.value = it.owner ?? "";
    owner.addEventListener("change", () => void change(it, { kind: "owner", owner: owner.value.trim() || null }, owner));
    return h(
      "div",
      { ...attrs, class: `row action ${it.status === "completed" ? "done" : ""}`, "data-testid": "action-row", "data-id": it.id },
      h("div", { role: "cell", class: "cell col-plan" }, ref),
      titleCell(it),
      h("div", { role: "cell", class: "cell col-owner" }, owner),
      dueCell(it),
      h("div", { role: "cell", class: "cell col-status" }, statusSelect),
      h("div", { role: "cell", class: "cell col-progress" }, progress),
      h("div", { role: "cell", class: "cell col-rag" }, ragBadge(it.rag)),
      h("div", { role: "cell", class: "cell col-last_update" }, it.last_update ? formatDate(it.last_update) : h("span", { class: "muted" }, "None")),
    );
  }

  /** A row for a person who may not change the plan: the same cells, as text. */
  function readOnlyRow(it: ActionListItem, ref: string, attrs: Record<string, string>): HTMLElement {
    return h(
      "div",
      { ...attrs, class: `row action ${it.status === "completed" ? "done" : ""}`, "data-testid": "action-row", "data-id": it.id },
      h("div", { role: "cell", class: "cell col-plan" }, ref),
      titleCell(it),
      h("div", { role: "cell", class: "cell col-owner", "data-col": "owner" }, it.owner ?? h("span", { class: "muted" }, "No owner")),
      dueCell(it),
      h("div", { role: "cell", class: "cell col-status", "data-col": "status" }, STATUS_LABELS[it.status]),
      h("div", { role: "cell", class: "cell col-progress", "data-col": "progress" }, `${it.progress}%`),
      h("div", { role: "cell", class: "cell col-rag" }, ragBadge(it.rag)),
      h("div", { role: "cell", class: "cell col-last_update" }, it.last_update ? formatDate(it.last_update) : h("span", { class: "muted" }, "None")),
    );
  }

  async function change(it: ActionListItem, ch: Parameters<typeof api.updateAction>[1], control: HTMLInputElement | HTMLSelectElement) {
    errors.replaceChildren();
    try {
      const detail = await api.updateAction(it.id, ch);
      all = inPlanOrder(await replaceAction(detail));
      if (ch.kind === "owner") fillOwners();
      refresh();
      if (ch.kind === "status") {
        const before = it.status;
        showToast(`${shortText(it.title, 60)}: status is now ${STATUS_LABELS[ch.status]}.`, {
          undo: async () => {
            const back = await api.updateAction(it.id, { kind: "status", status: before });
            all = inPlanOrder(await replaceAction(back));
            refresh();
          },
        });
      }
    } catch (e) {
      showError(errors, e, "The change was not saved");
      // Put the control back to what is stored.
      if (ch.kind === "status") control.value = it.status;
      if (ch.kind === "progress") control.value = String(it.progress);
      if (ch.kind === "owner") control.value = it.owner ?? "";
    }
  }

  async function addAction(r: Extract<PlanRow, { kind: "recommendation" }>) {
    const titleInput = h("textarea", { required: "", rows: "3" });
    const ownerInput = h("input", { type: "text" });
    const dueInput = dateInput();
    const measure = h("textarea", { rows: "2" });
    const slot = h("div", { class: "slot" });
    await openDialog({
      title: `Add an action under recommendation ${r.ref}`,
      body: [
        h("p", { class: "quote" }, r.text),
        field("What will be done", titleInput),
        field("Owner", ownerInput),
        field("Due date", dueInput, "Leave empty to use the recommendation's timeframe."),
        field("Measure of success", measure),
        slot,
      ],
      confirmLabel: "Add action",
      onConfirm: async () => {
        try {
          await api.addAction(r.recommendationId, {
            title: titleInput.value.trim(),
            owner: ownerInput.value.trim() || null,
            partner_agency: null,
            due_date: isoOf(dueInput) || null,
            measure_of_success: measure.value.trim() || null,
          });
          invalidate();
          all = inPlanOrder(await getActions());
          fillOwners();
          refresh();
          showToast("Action added.");
          return true;
        } catch (e) {
          showError(slot, e, "The action was not added");
          return false;
        }
      },
    });
  }

  const view = h(
    "div",
    { class: "plan" },
    filters,
    h(
      "div",
      { class: "plan-bar" },
      status,
      h("p", { class: "meta" }, "Select a column heading to sort; Ref. returns to the plan's order."),
      exportButton({ class: "secondary", "data-testid": "export-plan" }),
    ),
    addNote,
    errors,
    table,
    empty,
  );
  offerPlanFilters(view, {
    filter: () => filter,
    reportName: (id) => {
      const r = reportById.get(id);
      return r?.local_authority ?? r?.source_name ?? all.find((it) => it.report_id === id)?.local_authority ?? id;
    },
  });
  refresh();
  return view;
}
